package org.survkit.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Ticks for a logarithmic axis (hazard ratios, times on a log scale). The series is chosen by the
 * span: within a factor of about 16, powers of two ({@code 0.25, 0.5, 1, 2, 4}); up to four
 * decades, 1-2-5 ({@code 0.1, 0.2, 0.5, 1, 2, 5}); wider, powers of ten. The axis ends at the
 * ticks just outside [lo, hi].
 *
 * @param values  tick positions, increasing, all &gt; 0
 * @param axisMin lower end of the axis (a tick)
 * @param axisMax upper end (a tick)
 */
record LogTicks(double[] values, double axisMin, double axisMax) {

    LogTicks {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Labels with as few decimals as each value needs: {@code 0.25}, {@code 1}, {@code 10}. */
    List<String> labels() {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(NumberText.plain(v));
        }
        return out;
    }

    /** Ticks covering [lo, hi], 0 &lt; lo &lt; hi. */
    static LogTicks covering(double lo, double hi) {
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("a log axis needs 0 < lo < hi, not [" + lo + ", " + hi + "]");
        }
        double span = Math.log10(hi / lo);
        List<Double> series = new ArrayList<>();
        if (span <= 1.25) {
            int a = (int) Math.floor(Math.log(lo) / Math.log(2) + 1e-9);
            int b = (int) Math.ceil(Math.log(hi) / Math.log(2) - 1e-9);
            for (int k = a; k <= b; k++) {
                series.add(Math.pow(2, k));
            }
        } else {
            int a = (int) Math.floor(Math.log10(lo) + 1e-9);
            int b = (int) Math.ceil(Math.log10(hi) - 1e-9);
            double[] mantissas = span <= 4 ? new double[] {1, 2, 5} : new double[] {1};
            for (int k = a; k <= b; k++) {
                for (double m : mantissas) {
                    series.add(m * Math.pow(10, k));
                }
            }
        }
        // the last tick at or below lo, the first at or above hi
        int first = 0;
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i) <= lo * (1 + 1e-9)) {
                first = i;
            }
        }
        int last = series.size() - 1;
        for (int i = series.size() - 1; i >= 0; i--) {
            if (series.get(i) >= hi * (1 - 1e-9)) {
                last = i;
            }
        }
        double[] v = new double[last - first + 1];
        for (int i = first; i <= last; i++) {
            v[i - first] = round(series.get(i));
        }
        return new LogTicks(v, v[0], v[v.length - 1]);
    }

    /** Removes binary noise: 0.30000000000000004 → 0.3, 0.125 stays. */
    private static double round(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(10)).doubleValue();
    }
}

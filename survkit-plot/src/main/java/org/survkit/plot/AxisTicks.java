package org.survkit.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions for linear axes, by a nice-number rule (Heckbert, "Nice numbers for graph
 * labels", Graphics Gems 1990): the step is 1, 2 or 5 (2.5 at a small penalty) times a power of
 * ten, chosen so that the axis has about six intervals. Time axes in months prefer 3, 6, 12, 24
 * months; in weeks 4, 13, 26, 52; in years 1, 2, 5, 10.
 *
 * @param values   tick positions, increasing
 * @param decimals decimals that print every tick exactly, the same for all (or -1: each tick as few as it needs)
 * @param axisMin  lower end of the axis
 * @param axisMax  upper end of the axis (at or beyond the last tick)
 */
record AxisTicks(double[] values, int decimals, double axisMin, double axisMax) {

    AxisTicks {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The tick labels. */
    List<String> labels() {
        List<String> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            out.add(label(i));
        }
        return out;
    }

    /** The label of one tick. */
    String label(int i) {
        return decimals < 0 ? NumberText.plain(values[i]) : NumberText.fixed(values[i], decimals);
    }

    /** A time axis from 0 to about {@code max}, with a step chosen for the unit (months, weeks, years, else 1-2-5). */
    static AxisTicks time(double max, String unit) {
        return time(max, unit, 6);
    }

    /** A time axis as {@link #time(double, String)} with about {@code target} intervals (fewer for narrow panels). */
    static AxisTicks time(double max, String unit, int target) {
        if (!(max > 0) || !Double.isFinite(max)) {
            return new AxisTicks(new double[] {0, 1}, 0, 0, 1);
        }
        double best = Double.NaN;
        double bestScore = Double.POSITIVE_INFINITY;
        for (double[] c : candidates(max, unit)) {
            double step = c[0];
            double end = extendedEnd(max, step);
            int intervals = (int) Math.floor(end / step + 1e-9);
            if (intervals < 2) {
                continue;
            }
            double score = Math.abs(intervals - target) + c[1];
            if (score < bestScore) {
                bestScore = score;
                best = step;
            }
        }
        if (Double.isNaN(best)) {
            best = max / 2;
        }
        return time(max, best);
    }

    /** A time axis from 0 to about {@code max} with ticks every {@code step}. */
    static AxisTicks time(double max, double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("the break interval must be a positive number, not " + step);
        }
        if (max / step > 200) {
            throw new IllegalArgumentException("a break interval of " + step + " gives more than 200 ticks up to " + max);
        }
        double end = extendedEnd(max, step);
        int n = (int) Math.floor(end / step + 1e-9);
        double[] v = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            v[i] = i * step;
        }
        return new AxisTicks(v, NumberText.decimalsOf(step), 0, end);
    }

    /** Given ticks in [0, max] (others dropped), each labelled with the decimals it needs (182.5, 365); the axis runs from 0 to {@code max}. */
    static AxisTicks explicit(double[] breaks, double max) {
        double[] v = Arrays.stream(breaks).filter(b -> b >= 0 && b <= max * (1 + 1e-9)).sorted().distinct().toArray();
        return new AxisTicks(v, -1, 0, max);
    }

    /** An axis covering [lo, hi] whose ends are ticks, with about {@code target} intervals (1-2-5 steps). */
    static AxisTicks covering(double lo, double hi, int target) {
        if (!(hi > lo)) {
            double c = Double.isFinite(lo) ? lo : 0;
            lo = c - 1;
            hi = c + 1;
        }
        double bestStep = Double.NaN;
        double bestScore = Double.POSITIVE_INFINITY;
        int e = (int) Math.floor(Math.log10(hi - lo));
        for (int k = e - 2; k <= e + 1; k++) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                double step = m * Math.pow(10, k);
                double a = Math.floor(lo / step + 1e-9) * step;
                double b = Math.ceil(hi / step - 1e-9) * step;
                int intervals = (int) Math.round((b - a) / step);
                double score = Math.abs(intervals - target) + (m == 2.5 ? 0.5 : 0);
                if (intervals >= 2 && score < bestScore) {
                    bestScore = score;
                    bestStep = step;
                }
            }
        }
        double a = Math.floor(lo / bestStep + 1e-9) * bestStep;
        double b = Math.ceil(hi / bestStep - 1e-9) * bestStep;
        int n = (int) Math.round((b - a) / bestStep);
        double[] v = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            v[i] = a + i * bestStep;
            if (Math.abs(v[i]) < bestStep * 1e-9) {
                v[i] = 0;
            }
        }
        return new AxisTicks(v, NumberText.decimalsOf(bestStep), a, b);
    }

    /**
     * Where a time axis ends: at the data maximum, or at the next tick when that is less than a
     * quarter step away (so 999 days get a tick at 1000, but 1022 days do not stretch to 1200).
     */
    private static double extendedEnd(double max, double step) {
        double next = Math.ceil(max / step - 1e-9) * step;
        return next - max <= 0.25 * step ? next : max;
    }

    /** Candidate steps with a penalty: {step, penalty}. */
    private static List<double[]> candidates(double max, String unit) {
        List<double[]> out = new ArrayList<>();
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        if (u.startsWith("month") && max >= 12) {
            for (double s : new double[] {3, 6, 12, 24, 36, 48, 60, 120}) {
                out.add(new double[] {s, 0});
            }
            return out;
        }
        if (u.startsWith("week") && max >= 8) {
            for (double s : new double[] {2, 4, 8, 13, 26, 52, 104}) {
                out.add(new double[] {s, 0});
            }
            return out;
        }
        if (u.startsWith("year") && max >= 2) {
            for (double s : new double[] {1, 2, 5, 10, 20}) {
                out.add(new double[] {s, 0});
            }
            return out;
        }
        int e = (int) Math.floor(Math.log10(max));
        for (int k = e - 2; k <= e + 1; k++) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                out.add(new double[] {m * Math.pow(10, k), m == 2.5 ? 0.5 : 0});
            }
        }
        return out;
    }
}

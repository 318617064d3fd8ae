package org.survkit.stats.reconstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.Columns;

/**
 * Coordinates read off a published Kaplan–Meier curve with a digitizer, prepared as Guyot et al.
 * (2012, "Data preparation") recommend before reconstruction: sorted by time, survival forced to be
 * non-increasing, and starting at (0, 1).
 *
 * <p>Preparation, in order ({@link #prepare(double[], double[], double, double)}):
 * <ol>
 * <li>values within the noise tolerance outside the plot (time &lt; 0, survival &lt; 0 or &gt; 1)
 * are clamped to the axis; beyond the tolerance they are an error;</li>
 * <li>points are sorted by time, ties by survival from high to low (the upper corner of a vertical
 * drop first);</li>
 * <li>a point above an earlier one (digitizer noise) is lowered to it: S<sub>k</sub> ← min(S<sub>k</sub>,
 * S<sub>k−1</sub>), the running minimum;</li>
 * <li>(0, 1) is put first unless the first point already is (0, 1).</li>
 * </ol>
 * A rise larger than the noise is not noise: {@link #risingPoint} finds it so that the front end
 * can name the offending lines before preparation silently flattens it.
 *
 * <p>Arrays are copied on the way in and out.
 *
 * @param time        prepared times, non-decreasing, starting at 0
 * @param survival    prepared survival proportions, non-increasing, starting at 1
 * @param source      for each prepared point the index of the input point it came from, −1 for a point
 *                    added by preparation (the start at (0, 1), or one added at a risk-table time)
 * @param diagnostics what preparation changed, in plain words
 */
public record DigitizedCurve(double[] time, double[] survival, int[] source, List<Diagnostic> diagnostics) {

    public DigitizedCurve {
        time = time.clone();
        survival = survival.clone();
        source = source.clone();
        diagnostics = List.copyOf(Objects.requireNonNull(diagnostics, "diagnostics"));
        Columns.requireSameLength("a digitized curve", time.length, survival.length, source.length);
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public double[] survival() {
        return survival.clone();
    }

    @Override
    public int[] source() {
        return source.clone();
    }

    /** Number of prepared points. */
    public int size() {
        return time.length;
    }

    /** Largest time on the curve. */
    public double maxTime() {
        return time[time.length - 1];
    }

    /**
     * Survival read off the prepared step curve at {@code t}: the value of the last point at or before
     * t (right-continuous), 1 before the first point.
     */
    public double at(double t) {
        double s = 1;
        for (int k = 0; k < time.length && time[k] <= t; k++) {
            s = survival[k];
        }
        return s;
    }

    /**
     * Two input points (indices into the input arrays) where the later one lies above the earlier one by
     * more than the survival tolerance, while being later by more than the time tolerance.
     *
     * @param earlier index of the earlier, lower point
     * @param later   index of the later, higher point
     */
    public record RisingPoint(int earlier, int later) {
    }

    /**
     * The first clear rise of the curve, if any: a point j and an earlier point i with
     * t<sub>i</sub> &lt; t<sub>j</sub> − timeTolerance and S<sub>j</sub> &gt; S<sub>i</sub> + survivalTolerance.
     * Smaller rises are digitizer noise (a vertical drop read a little to the left or right, a flat stretch
     * read a little high or low) and are flattened by {@link #prepare}; a larger one means the points are
     * not one Kaplan–Meier curve (two curves in one group, columns swapped).
     *
     * @param time              input times
     * @param survival          input survival proportions
     * @param timeTolerance     absolute time noise
     * @param survivalTolerance absolute survival noise
     */
    public static Optional<RisingPoint> risingPoint(double[] time, double[] survival, double timeTolerance,
            double survivalTolerance) {
        Columns.requireSameLength("a digitized curve", time.length, survival.length);
        int n = time.length;
        Integer[] order = sortedOrder(time, survival);
        double low = Double.POSITIVE_INFINITY;
        int lowAt = -1;
        int p = 0;
        for (int q = 0; q < n; q++) {
            int j = order[q];
            while (p < q && time[order[p]] < time[j] - timeTolerance) {
                if (survival[order[p]] < low) {
                    low = survival[order[p]];
                    lowAt = order[p];
                }
                p++;
            }
            if (lowAt >= 0 && survival[j] > low + survivalTolerance) {
                return Optional.of(new RisingPoint(lowAt, j));
            }
        }
        return Optional.empty();
    }

    /**
     * Prepares digitized coordinates (see the class description).
     *
     * @param time              times, finite
     * @param survival          survival as proportions, finite
     * @param timeTolerance     absolute time noise: times down to −timeTolerance are read as 0
     * @param survivalTolerance absolute survival noise: values within it outside [0, 1] are clamped
     * @throws IllegalArgumentException for no points, non-finite values or values outside the plot by more
     *                                  than the noise
     */
    public static DigitizedCurve prepare(double[] time, double[] survival, double timeTolerance,
            double survivalTolerance) {
        Columns.requireSameLength("a digitized curve", time.length, survival.length);
        int n = time.length;
        if (n == 0) {
            throw new IllegalArgumentException("a digitized curve needs at least one point");
        }
        int clamped = 0;
        double[] t = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(time[i]) || !Double.isFinite(survival[i])) {
                throw new IllegalArgumentException("point " + (i + 1) + " is not a pair of finite numbers");
            }
            if (time[i] < -timeTolerance) {
                throw new IllegalArgumentException("point " + (i + 1) + " has a negative time " + time[i]);
            }
            if (survival[i] < -survivalTolerance || survival[i] > 1 + survivalTolerance) {
                throw new IllegalArgumentException("point " + (i + 1) + " has survival " + survival[i]
                        + " outside [0, 1]");
            }
            t[i] = Math.max(0, time[i]);
            s[i] = Math.min(1, Math.max(0, survival[i]));
            if (t[i] != time[i] || s[i] != survival[i]) {
                clamped++;
            }
        }
        List<Diagnostic> notes = new ArrayList<>();
        if (clamped > 0) {
            notes.add(Diagnostic.note("clamped-points", clamped + " digitized point" + plural(clamped)
                    + " slightly outside the plot (time below 0 or survival outside 0–1, within the noise"
                    + " tolerance) " + (clamped == 1 ? "was" : "were") + " moved onto the axis."));
        }
        Integer[] order = sortedOrder(t, s);
        boolean wasSorted = true;
        for (int q = 1; q < n; q++) {
            if (order[q] < order[q - 1]) {
                wasSorted = false;
                break;
            }
        }
        if (!wasSorted) {
            notes.add(Diagnostic.note("sorted-points", "the digitized points were not in time order; they were"
                    + " sorted by time."));
        }
        boolean start = !(t[order[0]] == 0 && s[order[0]] == 1);
        int m = n + (start ? 1 : 0);
        double[] pt = new double[m];
        double[] ps = new double[m];
        int[] src = new int[m];
        int k = 0;
        if (start) {
            pt[0] = 0;
            ps[0] = 1;
            src[0] = -1;
            k = 1;
        }
        int lowered = 0;
        double largest = 0;
        double running = 1;
        for (int q = 0; q < n; q++) {
            int i = order[q];
            pt[k] = t[i];
            double v = s[i];
            if (v > running) {
                lowered++;
                largest = Math.max(largest, v - running);
                v = running;
            }
            running = v;
            ps[k] = v;
            src[k++] = i;
        }
        if (lowered > 0) {
            notes.add(Diagnostic.note("monotone-points", lowered + " digitized point" + plural(lowered)
                    + " above an earlier point (digitizer noise, largest rise "
                    + compact(largest, 3) + ") " + (lowered == 1 ? "was" : "were")
                    + " lowered to keep the curve non-increasing."));
        }
        boolean readNearOne = false;
        for (int i = 0; i < n; i++) {
            readNearOne |= t[i] <= t[order[0]] + timeTolerance && s[i] >= 1 - survivalTolerance;
        }
        if (start && t[order[0]] > 0 && !readNearOne) {
            notes.add(Diagnostic.warning("curve-start", "the first digitized point (time "
                    + compact(t[order[0]], 6) + ", survival " + compact(s[order[0]], 4)
                    + ") is well below 1: the events before it"
                    + " are all placed at its time. Digitize the curve from its start at (0, 1), every step."));
        }
        return new DigitizedCurve(pt, ps, src, notes);
    }

    /**
     * A copy with a point (t, S(t−)) added at each of {@code times} (ahead of any point at exactly t), so
     * that every interval between risk-table times starts with a point at its left end; the value is that
     * of the step curve just before t, so the point carries no event. Times beyond the curve are ignored.
     */
    DigitizedCurve withPointsAt(double[] times) {
        List<double[]> pts = new ArrayList<>();
        int k = 0;
        int n = time.length;
        List<Integer> srcs = new ArrayList<>();
        for (double r : times) {
            if (r > maxTime()) {
                continue;
            }
            while (k < n && time[k] < r) {
                pts.add(new double[] {time[k], survival[k]});
                srcs.add(source[k]);
                k++;
            }
            double before = k == 0 ? 1 : survival[k - 1];
            boolean present = k < n && time[k] == r && survival[k] == before;
            if (!present) {
                pts.add(new double[] {r, before});
                srcs.add(-1);
            }
        }
        while (k < n) {
            pts.add(new double[] {time[k], survival[k]});
            srcs.add(source[k]);
            k++;
        }
        double[] t = new double[pts.size()];
        double[] s = new double[pts.size()];
        int[] src = new int[pts.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = pts.get(i)[0];
            s[i] = pts.get(i)[1];
            src[i] = srcs.get(i);
        }
        return new DigitizedCurve(t, s, src, diagnostics);
    }

    private static Integer[] sortedOrder(double[] t, double[] s) {
        Integer[] order = new Integer[t.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(t[a], t[b]);
            return c != 0 ? c : Double.compare(s[b], s[a]);
        });
        return order;
    }

    /** x to {@code digits} significant digits without trailing zeros. */
    static String compact(double x, int digits) {
        String f = String.format(Locale.ROOT, "%." + digits + "g", x);
        if (f.contains("e")) {
            return f;
        }
        return f.contains(".") ? f.replaceAll("0+$", "").replaceAll("\\.$", "") : f;
    }

    private static String plural(int k) {
        return k == 1 ? "" : "s";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigitizedCurve c && java.util.Arrays.equals(time, c.time)
                && java.util.Arrays.equals(survival, c.survival) && java.util.Arrays.equals(source, c.source)
                && diagnostics.equals(c.diagnostics);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(time) * 31 + java.util.Arrays.hashCode(survival);
    }

    @Override
    public String toString() {
        return "DigitizedCurve[" + time.length + " points, to time " + maxTime() + "]";
    }
}

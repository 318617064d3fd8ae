package org.survkit.stats.km;

/**
 * Quantiles of a Kaplan–Meier curve and of its confidence curves, by R's two rules.
 *
 * <p>{@link #median}: R's {@code print.survfit} rule: keep the rows where the curve is non-missing
 * and below 0.5 + tol; the median is the first such time, except that when the curve there equals
 * 0.5 (within tol) and drops lower later, it is the midpoint of that time and the time of the drop.
 *
 * <p>{@link #quantile}: R's {@code quantile.survfit} rule on the distribution function F = 1 − S:
 * the first time where F ≥ p; where F equals p (within tol) over a flat stretch, the midpoint of
 * the stretch's start and end (the last observed time when the stretch runs to the end).
 *
 * <p>tol = sqrt(machine epsilon), as R's {@code all.equal}.
 */
final class SurvivalQuantiles {
    private static final double TOL = Math.sqrt(Math.ulp(1.0));

    private SurvivalQuantiles() {
    }

    static SurvivalQuantile median(SurvivalCurve c, MedianRule rule) {
        double[] t = c.timeView();
        switch (rule) {
            case MIDPOINT:
                return quantile(c, 0.5);
            case FIRST_AT_OR_BELOW:
                return new SurvivalQuantile(0.5, firstAtOrBelow(c.survivalView(), t), firstAtOrBelow(c.lowerView(), t),
                        firstAtOrBelow(c.upperView(), t));
            default:
                return new SurvivalQuantile(0.5, minmin(c.survivalView(), t), minmin(c.lowerView(), t),
                        minmin(c.upperView(), t));
        }
    }

    /** lifelines' rule: the first time the (non-missing) curve is at or below one half. */
    static double firstAtOrBelow(double[] y, double[] x) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i]) && y[i] <= 0.5 + TOL) { // 1/2 computed as 0.5000000000000001 counts
                return x[i];
            }
        }
        return Double.NaN;
    }

    /** R print.survfit's rule for the first time the curve y falls below one half. */
    static double minmin(double[] y, double[] x) {
        int first = -1;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i]) && y[i] < 0.5 + TOL) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return Double.NaN;
        }
        double y1 = y[first];
        if (Math.abs(y1 - 0.5) < TOL) {
            for (int i = first + 1; i < y.length; i++) {
                if (!Double.isNaN(y[i]) && y[i] < y1) {
                    return (x[first] + x[i]) / 2;
                }
            }
        }
        return x[first];
    }

    static SurvivalQuantile quantile(SurvivalCurve c, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
        double[] t = c.timeView();
        // R: findq on c(firstx, time), c(0, 1 - surv); the lower limit of the quantile comes from the
        // lower survival curve, which reaches F = p first.
        return new SurvivalQuantile(p, findq(t, c.survivalView(), p), findq(t, c.lowerView(), p),
                findq(t, c.upperView(), p));
    }

    /** R quantile.survfit's findq with x = (0, time) and y = (0, 1 − s). */
    static double findq(double[] time, double[] s, double p) {
        int m = time.length + 1;
        double[] x = new double[m];
        double[] y = new double[m];
        x[0] = 0;
        y[0] = 0;
        for (int i = 0; i < time.length; i++) {
            x[i + 1] = time[i];
            y[i + 1] = 1 - s[i];
        }
        double xmax = x[m - 1];
        double ymax = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                ymax = Math.max(ymax, v);
            }
        }
        if (ymax < p) {
            return Double.NaN;
        }
        // drop duplicated y values, keeping the first x of each (R duplicated(): NaN counts as one value). A
        // confidence curve of (start, stop] data need not be monotone, so duplicates need not be adjacent.
        double[] ux = new double[m];
        double[] uy = new double[m];
        int n = 0;
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int i = 0; i < m; i++) {
            if (seen.add(y[i])) { // Double.equals: NaN equals NaN, as duplicated() has it
                ux[n] = x[i];
                uy[n] = y[i];
                n++;
            }
        }
        if (p == 0) {
            return ux[0];
        }
        int i1 = firstAtLeast(uy, n, p, TOL);
        int i2 = firstAtLeast(uy, n, p, -TOL);
        double last = uy[n - 1];
        if (!Double.isNaN(last) && Math.abs(p - last) < TOL) {
            return i1 < 0 ? Double.NaN : (ux[i1] + xmax) / 2;
        }
        if (i1 < 0 || i2 < 0) {
            return Double.NaN;
        }
        return (ux[i1] + ux[i2]) / 2;
    }

    /**
     * R's {@code approx(y + shift, seq_along(y), p, method = "constant", f = 1)}: approx sorts the points by
     * {@code y + shift} (no ties after de-duplication) and returns the index of the smallest value that is at
     * least p; -1 when p is outside the (non-missing) range. For a monotone curve this is the first index at
     * or above p.
     */
    private static int firstAtLeast(double[] y, int n, double p, double shift) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(y[i])) {
                lo = Math.min(lo, y[i] + shift);
                hi = Math.max(hi, y[i] + shift);
            }
        }
        if (p < lo || p > hi) {
            return -1;
        }
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(y[i]) && y[i] + shift >= p && (best < 0 || y[i] < y[best])) {
                best = i;
            }
        }
        return best;
    }
}

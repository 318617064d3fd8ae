package org.survkit.stats.baseline;

/**
 * Mean and sample variance computed as R does: the mean in two passes (sum / n, then the mean of the
 * residuals added back; R {@code mean.default}), the variance as Σ(x − x̄)² / (n − 1) about that
 * mean (R {@code var}). The second pass makes the mean accurate to about one unit in the last place
 * even when the values share a large offset, so results agree with R's long-double arithmetic to
 * about 1e-15 relative.
 */
final class SampleMoments {
    private SampleMoments() {
    }

    /** Arithmetic mean of {@code x[0..n)}; NaN when n = 0. */
    static double mean(double[] x, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        double m = s / n;
        if (!Double.isFinite(m)) {
            return m;
        }
        double r = 0;
        for (int i = 0; i < n; i++) {
            r += x[i] - m;
        }
        return m + r / n;
    }

    static double mean(double[] x) {
        return mean(x, x.length);
    }

    /** Sample variance with divisor n − 1; NaN when n &lt; 2. */
    static double variance(double[] x, double mean) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double ss = 0;
        for (double v : x) {
            double d = v - mean;
            ss += d * d;
        }
        return ss / (n - 1);
    }

    static double variance(double[] x) {
        return variance(x, mean(x));
    }
}

package org.survkit.stats.baseline;

import java.util.Arrays;

/**
 * Sample quantiles by R's default definition, {@code quantile(x, p, type = 7)} (Hyndman &amp; Fan
 * 1996, definition 7): with the order statistics x₍₁₎ ≤ … ≤ x₍ₙ₎ and h = 1 + (n − 1)p,
 * <pre>
 *   Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌈h⌉₎ − x₍⌊h⌋₎),
 * </pre>
 * evaluated as R does, (1 − γ)x₍⌊h⌋₎ + γx₍⌈h⌉₎ with γ = h − ⌊h⌋, and the lower order statistic
 * itself when γ = 0 or both order statistics are equal (so a quantile between tied values is
 * exactly that value). Q(0) is the minimum, Q(1) the maximum, Q(0.5) the median (R
 * {@code median}) and Q(0.75) − Q(0.25) the interquartile range that Table 1 reports.
 *
 * <p>Type 7 is what R, S and Excel's {@code QUARTILE.INC} use; SAS (definition 5) and SPSS
 * (definition 6, {@code HAVERAGE}) give slightly different quartiles in small samples, and Apache
 * Commons' default (Hyndman–Fan 8) differs again: Table 1 follows R.
 *
 * <p>Edge cases: an empty sample gives NaN; one observation gives that value for every p.
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * Type 7 quantile of already sorted values.
     *
     * @param sorted ascending values without NaN (not checked)
     * @param p      probability in [0, 1]
     * @return the quantile, NaN for an empty array
     * @throws IllegalArgumentException if p is outside [0, 1]
     */
    public static double type7Sorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double index = 1 + (n - 1) * p;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double q = sorted[lo - 1];
        if (index > lo && sorted[hi - 1] != q) {
            double h = index - lo;
            q = (1 - h) * q + h * sorted[hi - 1];
        }
        return q;
    }

    /**
     * Type 7 quantiles of unsorted values.
     *
     * @param values observations without NaN
     * @param probs  probabilities in [0, 1]
     * @return one quantile per probability
     * @throws IllegalArgumentException if a value is NaN or a probability is outside [0, 1]
     */
    public static double[] type7(double[] values, double... probs) {
        double[] s = values.clone();
        for (double v : s) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("quantiles of values with NaN: remove missing values first");
            }
        }
        Arrays.sort(s);
        double[] q = new double[probs.length];
        for (int i = 0; i < probs.length; i++) {
            q[i] = type7Sorted(s, probs[i]);
        }
        return q;
    }

    /** The median of sorted values (R {@code median}); NaN for an empty array. */
    public static double medianSorted(double[] sorted) {
        return type7Sorted(sorted, 0.5);
    }
}

package org.survkit.stats.baseline;

import java.util.Arrays;

/**
 * The Table 1 summary of a continuous variable in one group (or overall): counts, mean ± SD,
 * median [Q1, Q3] and range, over the non-missing values.
 *
 * <pre>
 *   mean = Σx / n                 (R mean, two-pass)
 *   sd   = √(Σ(x − mean)² / (n − 1))  (R sd: the sample standard deviation)
 *   median, q1, q3 = type 7 quantiles at 0.5, 0.25, 0.75 (R quantile(type = 7), see {@link Quantiles})
 * </pre>
 *
 * <p>Edge cases: with no non-missing value every statistic is NaN; with one, sd is NaN (R's
 * {@code NA}) and the quantiles, min and max equal that value.
 *
 * @param n       non-missing values
 * @param missing missing values (NaN)
 * @param mean    arithmetic mean
 * @param sd      sample standard deviation (divisor n − 1)
 * @param median  median
 * @param q1      first quartile (type 7)
 * @param q3      third quartile (type 7)
 * @param min     smallest value
 * @param max     largest value
 */
public record ContinuousSummary(int n, int missing, double mean, double sd, double median, double q1, double q3,
        double min, double max) {

    /**
     * Summarizes values; NaN marks a missing value.
     *
     * @throws IllegalArgumentException if a value is infinite
     */
    public static ContinuousSummary of(double[] values) {
        int missing = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                missing++;
            } else if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("a continuous value is infinite (" + v + "): Table 1 needs finite numbers");
            }
        }
        double[] x = new double[values.length - missing];
        int j = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                x[j++] = v;
            }
        }
        return ofObserved(x, missing);
    }

    /** Summary of non-missing values plus a count of missing ones. */
    static ContinuousSummary ofObserved(double[] observed, int missing) {
        int n = observed.length;
        if (n == 0) {
            double nan = Double.NaN;
            return new ContinuousSummary(0, missing, nan, nan, nan, nan, nan, nan, nan);
        }
        double mean = SampleMoments.mean(observed);
        double sd = Math.sqrt(SampleMoments.variance(observed, mean));
        double[] s = observed.clone();
        Arrays.sort(s);
        return new ContinuousSummary(n, missing, mean, sd, Quantiles.type7Sorted(s, 0.5), Quantiles.type7Sorted(s, 0.25),
                Quantiles.type7Sorted(s, 0.75), s[0], s[n - 1]);
    }

    /** Interquartile range q3 − q1. */
    public double iqr() {
        return q3 - q1;
    }
}

package org.survkit.stats.baseline;

/**
 * A Shapiro–Wilk test of normality.
 *
 * @param n         sample size (non-missing values)
 * @param statistic W, in (0, 1]; values near 1 are consistent with normality
 * @param pValue    Royston's approximation to P(W ≤ observed) under normality (exact for n = 3)
 */
public record ShapiroWilkResult(int n, double statistic, double pValue) {

    /** A group that could not be tested (NaN statistic and p-value), e.g. n &lt; 3 or n &gt; 5000. */
    static ShapiroWilkResult notTested(int n) {
        return new ShapiroWilkResult(n, Double.NaN, Double.NaN);
    }

    /** Whether the test was computed. */
    public boolean tested() {
        return !Double.isNaN(pValue);
    }
}

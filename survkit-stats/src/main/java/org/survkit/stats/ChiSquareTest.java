package org.survkit.stats;

/**
 * A chi-square statistic with its degrees of freedom and upper-tail p-value.
 *
 * @param statistic the statistic
 * @param df        degrees of freedom
 * @param pValue    P(χ²_df ≥ statistic)
 */
public record ChiSquareTest(double statistic, int df, double pValue) {

    static ChiSquareTest of(double statistic, int df) {
        return new ChiSquareTest(statistic, df, Normal.chiSquaredUpper(statistic, df));
    }
}

package org.survkit.stats;

import org.survkit.stats.internal.Normal;

/**
 * A chi-square statistic with its degrees of freedom and upper-tail p-value.
 *
 * @param statistic the statistic
 * @param df        degrees of freedom
 * @param pValue    P(χ²_df ≥ statistic)
 */
public record ChiSquareTest(double statistic, int df, double pValue) {

    public static ChiSquareTest of(double statistic, int df) {
        return new ChiSquareTest(statistic, df, Normal.chiSquaredUpper(statistic, df));
    }
}

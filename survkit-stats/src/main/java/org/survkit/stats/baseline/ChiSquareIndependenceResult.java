package org.survkit.stats.baseline;

/**
 * Pearson's chi-square test of independence of an r × c table.
 *
 * @param statistic   X² (Yates-corrected when {@code yates})
 * @param df          (r − 1)(c − 1) of the table after all-zero rows and columns are dropped
 * @param pValue      P(χ²_df ≥ statistic)
 * @param yates       whether Yates' correction was applied (2 × 2 table, correction on, c &gt; 0)
 * @param minExpected the smallest expected count rᵢcⱼ/N (the usual validity rule asks for ≥ 5)
 */
public record ChiSquareIndependenceResult(double statistic, int df, double pValue, boolean yates, double minExpected) {
}

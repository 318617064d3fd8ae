package org.survkit.stats.baseline;

/**
 * A one-way analysis of means: the F statistic with its degrees of freedom, as R
 * {@code oneway.test} reports it.
 *
 * @param statistic F
 * @param df1       numerator degrees of freedom (k − 1)
 * @param df2       denominator degrees of freedom (N − k; Welch: its approximation)
 * @param pValue    P(F_{df1, df2} ≥ statistic)
 * @param variance  the variance assumption used
 */
public record AnovaResult(double statistic, double df1, double df2, double pValue, VarianceAssumption variance) {
}

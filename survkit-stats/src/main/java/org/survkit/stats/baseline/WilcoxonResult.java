package org.survkit.stats.baseline;

/**
 * A Wilcoxon rank-sum (Mann–Whitney) test, as R {@code wilcox.test(x, y)} reports it.
 *
 * @param statistic           W = Σ ranks of x − nx(nx + 1)/2 (the Mann–Whitney U of x; R's W)
 * @param pValue              two-sided p-value
 * @param exact               whether the exact distribution was used (else the normal approximation)
 * @param continuityCorrected whether the normal approximation used the ±½ continuity correction
 * @param ties                whether the pooled sample has ties (R then cannot use the exact distribution)
 */
public record WilcoxonResult(double statistic, double pValue, boolean exact, boolean continuityCorrected, boolean ties) {
}

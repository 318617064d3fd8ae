/**
 * The log-rank family of k-sample tests, as R {@code survdiff}: weighted tests
 * ({@link org.survkit.stats.logrank.Weighting}: log-rank, Gehan–Breslow, Tarone–Ware, Peto,
 * Fleming–Harrington), strata, the test for trend, pairwise comparisons with p-value adjustment and
 * the two-group hazard ratios GraphPad Prism reports. The entry point is
 * {@link org.survkit.stats.logrank.LogRankTest}; it returns a
 * {@link org.survkit.stats.logrank.LogRankResult}, {@link org.survkit.stats.logrank.TrendTestResult},
 * {@link org.survkit.stats.logrank.PairwiseComparison}s or
 * {@link org.survkit.stats.logrank.TwoGroupHazardRatios}; {@link org.survkit.stats.logrank.HazardRatioMethod} names
 * the three two-group hazard ratios a report can show (Cox, Mantel–Haenszel, log-rank O/E) and why they differ.
 * The test, pairwise tests and trend also take a frequency table ({@code int[] count} per row), equal to the
 * replicated rows.
 */
package org.survkit.stats.logrank;

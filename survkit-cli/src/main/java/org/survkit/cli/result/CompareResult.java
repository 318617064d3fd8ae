package org.survkit.cli.result;

import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.km.RestrictedMeanComparison;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.PairwiseComparison;
import org.survkit.stats.logrank.TrendTestResult;
import org.survkit.stats.logrank.TwoGroupHazardRatios;
import org.survkit.study.Comparisons;

/**
 * What {@code survkit compare} found: the k-group test (stratified when asked), and as asked the pairwise tests, the
 * test for trend, the hazard ratio of two groups and the restricted mean survival times.
 *
 * @param cohort      the data analysed
 * @param strata      the strata column, or null
 * @param comparisons the comparisons asked for (test and weights, pairwise and adjustment, trend, conservative)
 * @param test        the k-group test
 * @param pairwise    the pairwise tests (empty unless asked for)
 * @param trend       the test for trend, or null
 * @param hazardRatio the hazard ratios of two groups, or null for more groups
 * @param rmst        the RMST comparisons of each pair of groups (empty unless asked for)
 * @param diagnostics the statistical caveats
 */
public record CompareResult(CohortSummary cohort, String strata, Comparisons comparisons, LogRankResult test,
        List<PairwiseComparison> pairwise, TrendTestResult trend, TwoGroupHazardRatios hazardRatio,
        List<RestrictedMeanComparison> rmst, List<Diagnostic> diagnostics) {

    public CompareResult {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(comparisons, "comparisons");
        Objects.requireNonNull(test, "test");
        pairwise = List.copyOf(pairwise);
        rmst = List.copyOf(rmst);
        diagnostics = List.copyOf(diagnostics);
    }
}

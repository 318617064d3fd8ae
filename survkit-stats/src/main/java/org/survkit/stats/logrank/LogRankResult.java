package org.survkit.stats.logrank;

import java.util.List;
import java.util.Objects;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.internal.Columns;

/**
 * A k-group (weighted, optionally stratified) log-rank test, as R {@code survdiff}.
 *
 * <p>With U the vector of weighted observed-minus-expected events and V its covariance, the
 * statistic is U' V⁻ U over the groups with a positive expected count less one, with that many
 * degrees of freedom. Stratified: U and V are sums over strata, the risk sets (and the pooled
 * Kaplan–Meier weight) formed within each stratum.
 *
 * @param weighting    the weight function
 * @param rho          ρ of Fleming–Harrington (0 otherwise; 1 for Peto)
 * @param gamma        γ of Fleming–Harrington (0 otherwise)
 * @param groups       per group n, observed and (unweighted) expected events
 * @param strata       strata labels, empty when not stratified
 * @param score        U: weighted observed − expected per group
 * @param variance     V: covariance of U (k × k)
 * @param statistic    U' V⁻ U
 * @param df           degrees of freedom
 * @param pValue       upper-tail chi-square p-value
 * @param conservative GraphPad Prism's "conservative" Σ (O − E)²/E with k − 1 df (unweighted O and E);
 *                     it is never larger than the log-rank statistic and is reported only for comparison
 *                     with older software
 */
public record LogRankResult(Weighting weighting, double rho, double gamma, List<GroupSummary> groups,
        List<String> strata, double[] score, double[][] variance, double statistic, int df, double pValue,
        ChiSquareTest conservative) {

    public LogRankResult {
        Objects.requireNonNull(weighting, "weighting");
        groups = List.copyOf(groups);
        strata = List.copyOf(strata);
        score = score.clone();
        variance = Columns.copy(variance);
    }

    @Override
    public double[] score() {
        return score.clone();
    }

    @Override
    public double[][] variance() {
        return Columns.copy(variance);
    }

    /** The test as a chi-square record. */
    public ChiSquareTest chiSquare() {
        return new ChiSquareTest(statistic, df, pValue);
    }

    /** Whether the test was stratified. */
    public boolean stratified() {
        return !strata.isEmpty();
    }
}

package org.survkit.stats.logrank;

/**
 * Log-rank test for trend over ordered groups: with scores c, the one-degree-of-freedom statistic
 * (c'U)² / (c'Vc) from the k-group score U and covariance V (Collett, <i>Modelling Survival Data in
 * Medical Research</i>, §2.6.4). More powerful than the k-group test when risk changes
 * monotonically with the group order.
 *
 * @param weighting the weight function of U and V
 * @param levels    the groups in score order
 * @param scores    the score of each group
 * @param statistic (c'U)²/(c'Vc)
 * @param df        1
 * @param pValue    upper-tail chi-square p-value
 */
public record TrendTestResult(Weighting weighting, java.util.List<String> levels, double[] scores, double statistic,
        int df, double pValue) {
    public TrendTestResult {
        levels = java.util.List.copyOf(levels);
        scores = scores.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }
}

package org.survkit.stats.cox;

/**
 * The rows of a Cox fit kept elsewhere (e.g. a Spark Dataset) summed per cluster, for the robust (sandwich) variance
 * and the robust score test of {@link CoxRegression#fit(CoxRiskSetSource, CoxClusterScores)} (R {@code coxph(...,
 * cluster = )}, Lin &amp; Wei 1989). One pass over the rows: each row i of cluster c adds w<sub>i</sub> L<sub>i</sub>
 * to its cluster's L<sub>c</sub> at the estimate and w<sub>i</sub> T<sub>i</sub> to its T<sub>c</sub> at β = 0 (L and T
 * the rows' score residuals, {@link CoxScoreTerms#residual}); then the clusters' products are summed.
 */
public interface CoxClusterScores {
    /**
     * Σ over the clusters of L<sub>c</sub> L<sub>c</sub>ᵀ (p × p, row by row), then Σ T<sub>c</sub> (p values), then Σ
     * T<sub>c</sub> T<sub>c</sub>ᵀ (p × p): 2p² + p values.
     *
     * @param atEstimate the residuals' terms at the fitted β
     * @param atZero     the residuals' terms at β = 0
     */
    double[] clusterProducts(CoxScoreTerms atEstimate, CoxScoreTerms atZero);
}

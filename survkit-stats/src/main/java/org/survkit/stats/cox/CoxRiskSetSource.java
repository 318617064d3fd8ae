package org.survkit.stats.cox;

import java.util.List;

/**
 * Right-censored Cox data kept elsewhere (a Spark Dataset, a database), asked only for sums: the column sums that
 * fix the centring and scaling, then the {@link CoxRiskSetSums} once per Newton–Raphson step. Given to
 * {@link CoxRegression#fit(CoxRiskSetSource)}, which runs the same iteration as on data in memory.
 */
public interface CoxRiskSetSource {
    /** The design's column names, in order. */
    List<String> columnNames();

    /** The first pass: counts, weights and per-column weighted sums. */
    CoxColumnSums columnSums();

    /**
     * The second pass: per column Σ w·|x − centre|.
     *
     * @param centre one value per column
     */
    double[] absoluteDeviations(double[] centre);

    /**
     * One pass per Newton step: the risk-set sums at β on x = (raw − centre)·factor.
     *
     * @param centre one value per column
     * @param factor one value per column
     * @param beta   the coefficients on the centred and scaled covariates
     */
    CoxRiskSetSums riskSetSums(double[] centre, double[] factor, double[] beta);
}

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

    /**
     * One Newton step's ℓ, U and I at β on x = (raw − centre)·factor: what the fit asks for at each step. By default
     * the walk over the {@link #riskSetSums} brought to the caller (their size grows with the distinct (stratum, time)
     * keys); a source whose parts hold disjoint ranges of (merged) times overrides it and walks each part where it
     * lives from the risk set of the later parts ({@link RiskSetWalk}), so that only ℓ, U, I travel.
     *
     * @param centre one value per column
     * @param factor one value per column
     * @param beta   the coefficients on the centred and scaled covariates
     * @param ties   Breslow or Efron
     */
    default CoxStepSums stepSums(double[] centre, double[] factor, double[] beta, Ties ties) {
        int p = columnNames().size();
        return CoxStepSums.of(p, RiskSetWalk.walk(riskSetSums(centre, factor, beta), RiskSetWalk.likelihood(p, ties)));
    }
}

package org.survkit.stats.cox;

/**
 * What the Newton–Raphson iteration of {@link CoxRegression} needs of the data: the log partial likelihood, score
 * and information at a β on the centred and scaled covariates, and that centring and scaling. Implemented by the
 * in-memory {@link CoxRiskSets} and by {@link SummedRiskSets} (risk-set sums computed elsewhere, e.g. on a cluster),
 * so that both run the one iteration.
 */
interface PartialLikelihood {
    /** Number of covariates. */
    int width();

    /** The centring of each covariate (R coxph's means). */
    double[] centre();

    /** The factor each centred covariate is multiplied by. */
    double[] factor();

    /** Evaluates at a β on the centred and scaled covariates; {@code info} false may skip the information. */
    CoxRiskSets.Evaluation evaluate(double[] scaledBeta, boolean info);
}

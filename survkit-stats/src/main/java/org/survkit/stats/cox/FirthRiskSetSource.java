package org.survkit.stats.cox;

/**
 * Right-censored Cox data kept elsewhere (a Spark Dataset, a database) for Firth's penalized fit, asked only for
 * sums: the passes of {@link CoxRiskSetSource} that fix the centring and scaling (and, at β = 0, which columns are
 * aliased), the squared deviations that give coxphf's standardized scale, then the {@link FirthRiskSetSums} once per
 * evaluation of the penalized likelihood. Given to {@link FirthCoxRegression#fit(FirthRiskSetSource)}, which runs the
 * in-memory fit's iteration, profile-likelihood limits and tests on them.
 */
public interface FirthRiskSetSource extends CoxRiskSetSource {
    /**
     * One pass: per column Σw·(x − centre)² (with the weighted means as centres: the case-weighted sample variance
     * times Σw − 1).
     *
     * @param centre one value per column
     */
    double[] squaredDeviations(double[] centre);

    /**
     * One pass per evaluation of the penalized likelihood: the sums at β on x = (raw − centre)·factor.
     *
     * @param centre one value per column
     * @param factor one value per column
     * @param beta   the coefficients on the centred and scaled covariates
     */
    FirthRiskSetSums firthSums(double[] centre, double[] factor, double[] beta);
}

package org.survkit.stats.cox;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * The sums at several β, in order (the difference points of one iteration of the fit): one pass for all of them
     * where a pass is what costs (a cluster's scan), {@link #firthSums(double[], double[], double[])} at each by
     * default.
     */
    default List<FirthRiskSetSums> firthSums(double[] centre, double[] factor, List<double[]> betas) {
        List<FirthRiskSetSums> out = new ArrayList<>(betas.size());
        for (double[] beta : betas) {
            out.add(firthSums(centre, factor, beta));
        }
        return out;
    }
}

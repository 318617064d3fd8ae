package org.survkit.stats.cox;

import java.util.List;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.Columns;

/**
 * A fitted Cox proportional-hazards model (R {@code summary(coxph(...))}).
 *
 * @param ties          tie handling
 * @param control       iteration settings used
 * @param n             observations used
 * @param events        events
 * @param coefficients  one per design column, in order
 * @param variance      covariance of the coefficients: robust (sandwich, Lin &amp; Wei 1989) when clusters or
 *                      non-integer weights were given, as R; zero rows and columns for aliased terms; p × p
 * @param naiveVariance the model-based (inverse information) covariance
 * @param loglikNull    log partial likelihood at β = 0
 * @param loglik        log partial likelihood at the estimate
 * @param lrTest        likelihood-ratio test of all coefficients
 * @param waldTest      Wald test
 * @param scoreTest     score (log-rank) test at β = 0 (model-based, as R)
 * @param robustScoreTest robust score test (R {@code summary(fit)$robscore}), or null without a robust variance
 * @param concordance   Harrell's C with its standard error, or null when not computed
 * @param iterations    Newton–Raphson iterations
 * @param converged     whether the fit converged within the iteration limit
 * @param means         the column means the linear predictor is centred on (as R's {@code means})
 * @param linearPredictors β'(x − means) + the centred offset (R {@code linear.predictors}) per observation, in input order
 * @param diagnostics   warnings: possibly infinite coefficients (monotone likelihood), aliasing,
 *                      non-convergence
 * @param confLevel     level of the hazard-ratio intervals
 */
public record CoxModel(Ties ties, CoxControl control, int n, int events, List<CoxCoefficient> coefficients,
        double[][] variance, double[][] naiveVariance, double loglikNull, double loglik, ChiSquareTest lrTest,
        ChiSquareTest waldTest, ChiSquareTest scoreTest, ChiSquareTest robustScoreTest, Concordance concordance, int iterations, boolean converged,
        double[] means, double[] linearPredictors, List<Diagnostic> diagnostics, double confLevel) {

    public CoxModel {
        coefficients = List.copyOf(coefficients);
        diagnostics = List.copyOf(diagnostics);
        variance = Columns.copy(variance);
        naiveVariance = Columns.copy(naiveVariance);
        means = means.clone();
    }

    @Override
    public double[][] variance() {
        return Columns.copy(variance);
    }

    @Override
    public double[][] naiveVariance() {
        return Columns.copy(naiveVariance);
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    /** {@return this model with another concordance (e.g. one computed apart from the fit)} */
    public CoxModel withConcordance(Concordance c) {
        return new CoxModel(ties, control, n, events, coefficients, variance, naiveVariance, loglikNull, loglik,
                lrTest, waldTest, scoreTest, robustScoreTest, c, iterations, converged, means, linearPredictors,
                diagnostics, confLevel);
    }

    /** β in column order (NaN for aliased columns). */
    public double[] coef() {
        return coefficients.stream().mapToDouble(CoxCoefficient::coef).toArray();
    }

    /** Whether {@link #variance()} is the robust (sandwich) variance. */
    public boolean robust() {
        return robustScoreTest != null;
    }

    /** The coefficient of a column, by name. */
    public CoxCoefficient coefficient(String term) {
        return coefficients.stream().filter(c -> c.term().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient named " + term));
    }
}

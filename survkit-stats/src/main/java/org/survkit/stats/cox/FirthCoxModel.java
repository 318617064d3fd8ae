package org.survkit.stats.cox;

import java.util.List;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.Columns;

/**
 * A Cox model fitted by Firth's penalized partial likelihood (R {@code coxphf}).
 *
 * <p>The penalized log-likelihood ℓ*(β) = ℓ(β) + ½ log det I(β) is reported for the covariates on
 * their original scale. coxphf maximizes the same function but reports it for covariates divided by
 * their sample standard deviations sd_j, i.e. coxphf's {@code loglik} = ℓ* − Σ_j log sd_j; the
 * difference cancels in every test and interval.
 *
 * @param ties             tie handling of the partial likelihood (coxphf: Breslow)
 * @param control          iteration settings used
 * @param inference        how intervals and per-coefficient p-values were obtained ({@code WALD} when
 *                         profile inference was asked for but the fit did not converge)
 * @param confLevel        level of the intervals
 * @param n                observations used
 * @param events           events
 * @param coefficients     one per design column, in order
 * @param variance         inverse of the (unpenalized) information at β̂, p × p, zero rows and columns
 *                         for aliased terms (coxphf's {@code var})
 * @param loglikNull       penalized log-likelihood ℓ*(0) (coxphf {@code loglik[1]} + Σ log sd)
 * @param loglik           penalized log-likelihood ℓ*(β̂) (coxphf {@code loglik[2]} + Σ log sd)
 * @param partialLoglik    the unpenalized log partial likelihood ℓ(β̂)
 * @param lrTest           penalized likelihood-ratio test of all coefficients, 2 [ℓ*(β̂) − ℓ*(0)] on
 *                         (number of estimable coefficients) df (coxphf's "Likelihood ratio test")
 * @param waldTest         Wald test β̂' V⁻¹ β̂ (coxphf's summary)
 * @param iterations       iterations of the penalized fit (coxphf's {@code iter} when at most
 *                         {@link FirthControl#iterMax()}; more when Newton steps had to finish it)
 * @param converged        whether the fit converged
 * @param means            the column means the linear predictor is centred on (as {@link CoxModel})
 * @param linearPredictors β̂'(x − means) per observation, in input order
 * @param diagnostics      aliasing, non-convergence of the fit or of a profile limit or test, slow
 *                         convergence, Wald fallback
 */
public record FirthCoxModel(Ties ties, FirthControl control, FirthInference inference, double confLevel, int n,
        int events, List<FirthCoefficient> coefficients, double[][] variance, double loglikNull, double loglik,
        double partialLoglik, ChiSquareTest lrTest, ChiSquareTest waldTest, int iterations, boolean converged,
        double[] means, double[] linearPredictors, List<Diagnostic> diagnostics) {

    public FirthCoxModel {
        coefficients = List.copyOf(coefficients);
        diagnostics = List.copyOf(diagnostics);
        variance = Columns.copy(variance);
        means = means.clone();
        linearPredictors = linearPredictors.clone();
    }

    @Override
    public double[][] variance() {
        return Columns.copy(variance);
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] linearPredictors() {
        return linearPredictors.clone();
    }

    /** β̂ in column order (NaN for aliased columns). */
    public double[] coef() {
        return coefficients.stream().mapToDouble(FirthCoefficient::coef).toArray();
    }

    /** The coefficient of a column, by name. */
    public FirthCoefficient coefficient(String term) {
        return coefficients.stream().filter(c -> c.term().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient named " + term));
    }
}

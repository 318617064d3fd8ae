package org.survkit.stats.competing;

import java.util.List;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.Columns;

/**
 * A fitted Fine–Gray subdistribution hazards model (R cmprsk {@code crr}).
 *
 * @param cause           the cause of interest (crr {@code failcode})
 * @param censorCode      the censoring code (crr {@code cencode})
 * @param control         iteration settings used
 * @param n               observations used
 * @param events          events of the cause of interest
 * @param competingEvents events of the other causes
 * @param censored        censored observations
 * @param coefficients    one per design column, in order
 * @param variance        robust (sandwich) covariance of the coefficients (crr {@code var}); zero rows and
 *                        columns for aliased terms
 * @param naiveVariance   inverse information (crr {@code invinf})
 * @param loglikNull      log pseudo-likelihood at β = 0 (crr {@code loglik.null})
 * @param loglik          log pseudo-likelihood at the estimate (crr {@code loglik})
 * @param iterations      Newton–Raphson iterations
 * @param converged       whether crr's convergence criterion was met
 * @param diagnostics     aliased columns, non-convergence
 * @param confLevel       level of the hazard-ratio intervals
 */
public record FineGrayModel(double cause, double censorCode, FineGrayControl control, int n, int events,
        int competingEvents, int censored, List<FineGrayCoefficient> coefficients, double[][] variance,
        double[][] naiveVariance, double loglikNull, double loglik, int iterations, boolean converged,
        List<Diagnostic> diagnostics, double confLevel) {

    public FineGrayModel {
        coefficients = List.copyOf(coefficients);
        diagnostics = List.copyOf(diagnostics);
        variance = Columns.copy(variance);
        naiveVariance = Columns.copy(naiveVariance);
    }

    @Override
    public double[][] variance() {
        return Columns.copy(variance);
    }

    @Override
    public double[][] naiveVariance() {
        return Columns.copy(naiveVariance);
    }

    /** β in column order (NaN for aliased columns). */
    public double[] coef() {
        return coefficients.stream().mapToDouble(FineGrayCoefficient::coef).toArray();
    }

    /** The coefficient of a column, by name. */
    public FineGrayCoefficient coefficient(String term) {
        return coefficients.stream().filter(c -> c.term().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient named " + term));
    }

    /**
     * crr's "pseudo likelihood ratio test" 2(ℓ − ℓ₀) on as many degrees of freedom as estimable
     * coefficients. cmprsk prints no p-value for it: the pseudo-likelihood is not a likelihood, so the
     * chi-square reference is only a rough guide.
     */
    public double pseudoLikelihoodRatio() {
        return 2 * (loglik - loglikNull);
    }

    /**
     * Whether the model was fitted to left-truncated data (survival's finegray + weighted coxph, with the note
     * {@code left-truncation}) rather than by crr's iteration.
     */
    public boolean leftTruncated() {
        return diagnostics.stream().anyMatch(d -> d.code().equals("left-truncation"));
    }

    /** Number of estimable (not aliased) coefficients. */
    public int df() {
        return (int) coefficients.stream().filter(c -> !c.aliased()).count();
    }
}

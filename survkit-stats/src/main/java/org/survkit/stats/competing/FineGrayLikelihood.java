package org.survkit.stats.competing;

/**
 * The Fine–Gray pseudo-likelihood at β, as {@link FineGrayRegression}'s Newton–Raphson needs it: from rows in memory
 * ({@link FineGrayRiskSets}) or from sums per time computed where the data live ({@link SummedFineGray}).
 */
interface FineGrayLikelihood {
    /** {@return the number of covariates} */
    int width();

    /** ℓ, U and (when asked) I at β, with S₀ and x̄ per failure time. */
    FineGrayRiskSets.Evaluation evaluate(double[] beta, boolean information);

    /** The log pseudo-likelihood alone (for step-halving). */
    default double loglik(double[] beta) {
        return evaluate(beta, false).loglik;
    }

    /** Σ_i (η_i + ψ_i)(η_i + ψ_i)ᵀ, the middle of crr's sandwich, at β with its evaluation. */
    double[][] meat(double[] beta, FineGrayRiskSets.Evaluation ev);
}

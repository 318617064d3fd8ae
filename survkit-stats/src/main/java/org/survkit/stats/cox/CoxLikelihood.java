package org.survkit.stats.cox;

import org.survkit.stats.internal.Columns;

/**
 * The log partial likelihood of a Cox model at a given β with its first two derivatives.
 *
 * @param beta        the coefficients (original covariate scale)
 * @param loglik      ℓ(β)
 * @param score       U(β) = ∂ℓ/∂β
 * @param information I(β) = −∂²ℓ/∂β∂βᵀ
 */
public record CoxLikelihood(double[] beta, double loglik, double[] score, double[][] information) {
    public CoxLikelihood {
        beta = beta.clone();
        score = score.clone();
        information = Columns.copy(information);
    }

    @Override
    public double[] beta() {
        return beta.clone();
    }

    @Override
    public double[] score() {
        return score.clone();
    }

    @Override
    public double[][] information() {
        return Columns.copy(information);
    }
}

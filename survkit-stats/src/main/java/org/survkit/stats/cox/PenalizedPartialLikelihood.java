package org.survkit.stats.cox;

import java.util.ArrayList;
import java.util.List;

/**
 * What Firth's fit ({@link FirthFitter}) and its profile-likelihood limits ({@link ProfileLikelihoodLimit}) need of
 * the data: Firth's penalized log partial likelihood ℓ*(θ) = ℓ(θ) + ½ log det I(θ), its score and I at a θ on the
 * centred and scaled covariates. Implemented by the in-memory {@link FirthLikelihood} (a walk over the sorted rows)
 * and by {@link SummedFirthLikelihood} (sums per (stratum, time) computed elsewhere, e.g. on a cluster), so that both
 * run the one iteration, the one limit search and the one test.
 */
interface PenalizedPartialLikelihood {
    /** Number of covariates. */
    int p();

    /** Evaluates at θ on the centred and scaled covariates. */
    FirthLikelihood.Evaluation evaluate(double[] theta);

    /**
     * Evaluates at several θ (the difference points of an iteration), in order: {@link #evaluate(double[])} at each
     * here; one pass over data kept elsewhere for all of them in {@link SummedFirthLikelihood}.
     */
    default List<FirthLikelihood.Evaluation> evaluate(List<double[]> thetas) {
        List<FirthLikelihood.Evaluation> out = new ArrayList<>(thetas.size());
        for (double[] theta : thetas) {
            out.add(evaluate(theta));
        }
        return out;
    }
}

package org.survkit.stats.cox;

/**
 * One Newton step's log partial likelihood, score and information at a β on the centred and scaled covariates
 * (Therneau &amp; Grambsch 2000, §3.2–3.3), as {@link CoxRiskSetSource#stepSums} returns them: the sum over the
 * source's parts of their {@link RiskSetWalk#likelihood} walks.
 *
 * @param loglik      ℓ
 * @param score       U (p values)
 * @param information I, the lower triangle by rows ((0,0), (1,0), (1,1), (2,0), …)
 */
public record CoxStepSums(double loglik, double[] score, double[] information) {
    public CoxStepSums {
        score = score.clone();
        information = information.clone();
        if (information.length != score.length * (score.length + 1) / 2) {
            throw new IllegalArgumentException("an information of " + information.length + " values for "
                    + score.length + " covariates; it needs the lower triangle, p(p+1)/2 values");
        }
    }

    /** From a {@link RiskSetWalk#likelihood} walk's result: ℓ, U, I. */
    public static CoxStepSums of(int p, double[] walked) {
        double[] u = new double[p];
        double[] info = new double[p * (p + 1) / 2];
        System.arraycopy(walked, 1, u, 0, p);
        System.arraycopy(walked, 1 + p, info, 0, info.length);
        return new CoxStepSums(walked[0], u, info);
    }

    @Override
    public double[] score() {
        return score.clone();
    }

    @Override
    public double[] information() {
        return information.clone();
    }
}

package org.survkit.stats.cox;

import java.util.ArrayList;
import java.util.List;

/**
 * Firth's penalized partial likelihood from sums per (stratum, time) computed elsewhere ({@link FirthRiskSetSource}):
 * the walk of {@link FirthLikelihood} with keys instead of rows. At each evaluation the source is asked once for the
 * {@link FirthRiskSetSums} at θ (the aliased columns' coefficients 0, their sums left out here); the keys are sorted
 * by stratum and decreasing time with near-equal times merged as R's timefix ({@link SummedRiskSets#order}), and each
 * stratum walked from its latest time: the censored rows' sums join the running risk set, the deaths' sums, count and
 * weight go to {@link FirthLikelihood.Terms#deaths}, the same Breslow or Efron terms as in memory. Not thread-safe;
 * confined to one fit.
 */
final class SummedFirthLikelihood implements PenalizedPartialLikelihood {
    private final FirthRiskSetSource source;
    private final Ties ties;
    private final double[] centre;
    private final double[] factor;
    private final int[] cols;
    private final int width;

    /**
     * @param centre the centring of every column of the source
     * @param factor the scaling of every column of the source
     * @param cols   the columns fitted (increasing positions among the source's), the others held at 0
     */
    SummedFirthLikelihood(FirthRiskSetSource source, Ties ties, double[] centre, double[] factor, int[] cols) {
        this.source = source;
        this.ties = ties;
        this.centre = centre.clone();
        this.factor = factor.clone();
        this.cols = cols.clone();
        this.width = centre.length;
    }

    @Override
    public int p() {
        return cols.length;
    }

    @Override
    public FirthLikelihood.Evaluation evaluate(double[] theta) {
        return walk(source.firthSums(centre.clone(), factor.clone(), beta(theta)));
    }

    /** One request to the source for all of them (one pass of a cluster). */
    @Override
    public List<FirthLikelihood.Evaluation> evaluate(List<double[]> thetas) {
        List<double[]> betas = new ArrayList<>(thetas.size());
        for (double[] theta : thetas) {
            betas.add(beta(theta));
        }
        List<FirthRiskSetSums> sums = source.firthSums(centre.clone(), factor.clone(), betas);
        if (sums.size() != thetas.size()) {
            throw new IllegalStateException(sums.size() + " sets of Firth's risk-set sums for " + thetas.size()
                    + " points");
        }
        List<FirthLikelihood.Evaluation> out = new ArrayList<>(sums.size());
        for (FirthRiskSetSums s : sums) {
            out.add(walk(s));
        }
        return out;
    }

    /** The source's coefficients: θ on the fitted columns, 0 on the others. */
    private double[] beta(double[] theta) {
        double[] beta = new double[width];
        for (int a = 0; a < cols.length; a++) {
            beta[cols[a]] = theta[a];
        }
        return beta;
    }

    /** ℓ*, U*, I and its derivative from one set of sums. */
    private FirthLikelihood.Evaluation walk(FirthRiskSetSums s) {
        int p = cols.length;
        if (s.width() != width) {
            throw new IllegalStateException("Firth's risk-set sums of " + s.width() + " covariates for a model of "
                    + width);
        }
        SummedKeys keys = SummedKeys.of(s.stratum(), s.time());
        int rs = FirthRiskSetSums.riskStride(width);
        int ds = FirthRiskSetSums.deadStride(width);
        double[] cens = s.censoredRisk();
        double[] deadRisk = s.deadRisk();
        double[] tot = s.deadTotals();
        FirthLikelihood.Sums at = new FirthLikelihood.Sums(p);
        FirthLikelihood.Sums dead = new FirthLikelihood.Sums(p);
        FirthLikelihood.Terms sum = new FirthLikelihood.Terms(p);
        for (int g = 0; g < keys.groups(); g++) {
            if (keys.opensStratum(g)) {
                at.clear();
            }
            dead.clear();
            long ndead = 0;
            double deadwt = 0;
            for (int k = keys.from(g); k < keys.to(g); k++) {
                int key = keys.key(k);
                at.addPacked(cens, key * rs, width, cols);
                dead.addPacked(deadRisk, key * rs, width, cols);
                int t = key * ds;
                ndead += Math.round(tot[t]);
                deadwt += tot[t + 1];
                sum.loglik += tot[t + 2];
                for (int a = 0; a < p; a++) {
                    sum.u[a] += tot[t + 3 + cols[a]];
                }
            }
            sum.deaths(at, dead, ndead, deadwt, ties);
        }
        return sum.evaluation();
    }
}

package org.survkit.stats.cox;

import java.util.Arrays;

/**
 * The partial likelihood of right-censored data from risk-set sums per (stratum, time) computed elsewhere
 * ({@link CoxRiskSetSource}). Centring and scaling follow coxph (and {@link CoxRiskSets}): a column with a value
 * outside {−1, 0, 1} is centred on its weighted mean and multiplied by Σw / Σw|x − mean|.
 *
 * <p>At each step the source returns ℓ, U and I ({@link CoxRiskSetSource#stepSums}): by default its keys are
 * sorted by stratum and decreasing time, near-equal times merged as R's timefix (over the pooled distinct times, as
 * {@link CoxRiskSets} ranks the rows), and each stratum walked ({@link RiskSetWalk}) from its latest time with the
 * running survivors' sums D = Σr, A = Σr x, C = Σr x xᵀ. At a time with d deaths (weights Σw = w_d, their
 * sums D₂, A₂, C₂): Breslow (or d = 1) adds w_d(C/D − A Aᵀ/D²) to the information after D += D₂ etc., and
 * subtracts w_d log D from the log-likelihood and w_d A/D from the score; Efron uses for m = 1..d
 * D_m = D + (m/d) D₂, A_m = A + (m/d) A₂, C_m = C + (m/d) C₂ with weight w_d/d each (Therneau &amp; Grambsch 2000,
 * §3.3). Not thread-safe; confined to one fit.
 */
final class SummedRiskSets implements PartialLikelihood {
    private final CoxRiskSetSource source;
    private final Ties ties;
    private final int p;
    private final double[] centre;
    private final double[] factor;
    private final long rows;
    private final long events;

    private SummedRiskSets(CoxRiskSetSource source, Ties ties, int p, double[] centre, double[] factor, long rows,
            long events) {
        this.source = source;
        this.ties = ties;
        this.p = p;
        this.centre = centre;
        this.factor = factor;
        this.rows = rows;
        this.events = events;
    }

    /** Two passes over the source: its column sums, then the absolute deviations about the centres. */
    static SummedRiskSets of(CoxRiskSetSource source, Ties ties) {
        int p = source.columnNames().size();
        CoxColumnSums sums = source.columnSums();
        double[] weighted = sums.weighted();
        boolean[] beyond = sums.beyondUnit();
        double[] centre = new double[p];
        for (int j = 0; j < p; j++) {
            centre[j] = beyond[j] ? weighted[j] / sums.weightSum() : 0;
        }
        double[] abs = source.absoluteDeviations(centre);
        double[] factor = new double[p];
        for (int j = 0; j < p; j++) {
            factor[j] = beyond[j] && abs[j] > 0 ? sums.weightSum() / abs[j] : 1;
        }
        return new SummedRiskSets(source, ties, p, centre, factor, sums.rows(), sums.events());
    }

    long rows() {
        return rows;
    }

    long events() {
        return events;
    }

    @Override
    public int width() {
        return p;
    }

    @Override
    public double[] centre() {
        return centre;
    }

    @Override
    public double[] factor() {
        return factor;
    }

    /**
     * The keys in walking order: by stratum, then by decreasing (merged) time rank; keys of one (stratum, time) are
     * adjacent, in their given order.
     */
    static int[] order(int[] stratum, int[] rank) {
        int d = stratum.length;
        Integer[] boxed = new Integer[d];
        for (int k = 0; k < d; k++) {
            boxed[k] = k;
        }
        Arrays.sort(boxed, (x, y) -> stratum[x] != stratum[y] ? Integer.compare(stratum[x], stratum[y])
                : Integer.compare(rank[y], rank[x]));
        int[] out = new int[d];
        for (int k = 0; k < d; k++) {
            out[k] = boxed[k];
        }
        return out;
    }

    @Override
    public CoxRiskSets.Evaluation evaluate(double[] scaledBeta, boolean info) {
        CoxStepSums s = source.stepSums(centre.clone(), factor.clone(), scaledBeta.clone(), ties);
        if (s.score().length != p) {
            throw new IllegalStateException("a score of " + s.score().length + " covariates for a model of " + p);
        }
        CoxRiskSets.Evaluation ev = new CoxRiskSets.Evaluation(p);
        ev.loglik = s.loglik();
        System.arraycopy(s.score(), 0, ev.u, 0, p);
        double[] imat = s.information();
        for (int i = 0, idx = 0; i < p; i++) {
            for (int j = 0; j <= i; j++, idx++) {
                ev.imat[i][j] = imat[idx];
                ev.imat[j][i] = imat[idx];
            }
        }
        return ev;
    }
}

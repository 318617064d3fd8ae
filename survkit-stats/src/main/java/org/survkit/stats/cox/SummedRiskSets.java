package org.survkit.stats.cox;

import java.util.Arrays;
import org.survkit.stats.internal.RankedTimes;

/**
 * The partial likelihood of right-censored data from risk-set sums per (stratum, time) computed elsewhere
 * ({@link CoxRiskSetSource}). Centring and scaling follow coxph (and {@link CoxRiskSets}): a column with a value
 * outside {−1, 0, 1} is centred on its weighted mean and multiplied by Σw / Σw|x − mean|.
 *
 * <p>At each step the keys are sorted by stratum and decreasing time, near-equal times merged as R's timefix (over
 * the pooled distinct times, as {@link CoxRiskSets} ranks the rows), and each stratum walked from its latest time
 * with the running survivors' sums D = Σr, A = Σr x, C = Σr x xᵀ. At a time with d deaths (weights Σw = w_d, their
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
        CoxRiskSetSums s = source.riskSetSums(centre.clone(), factor.clone(), scaledBeta.clone());
        if (s.width() != p) {
            throw new IllegalStateException("risk-set sums of " + s.width() + " covariates for a model of " + p);
        }
        int d = s.size();
        int[] rank = RankedTimes.of(s.time(), true).rank();
        int[] stratum = s.stratum();
        int[] boxed = order(stratum, rank);
        int rs = CoxRiskSetSums.riskStride(p);
        int ds = CoxRiskSetSums.deadStride(p);
        int tri = p * (p + 1) / 2;
        double[] cens = s.censoredRisk();
        double[] dead = s.deadRisk();
        double[] tot = s.deadTotals();
        CoxRiskSets.Evaluation ev = new CoxRiskSets.Evaluation(p);
        double[] u = ev.u;
        double[] imat = new double[tri];
        double[] a = new double[p];
        double[] c = new double[tri];
        double[] dRisk = new double[rs];
        double[] dTot = new double[ds];
        double loglik = 0;
        double denom = 0;
        int k = 0;
        while (k < d) {
            int first = boxed[k];
            if (k == 0 || stratum[boxed[k - 1]] != stratum[first]) {
                denom = 0;
                Arrays.fill(a, 0);
                Arrays.fill(c, 0);
            }
            Arrays.fill(dRisk, 0);
            Arrays.fill(dTot, 0);
            while (k < d && stratum[boxed[k]] == stratum[first] && rank[boxed[k]] == rank[first]) {
                int key = boxed[k++];
                int base = key * rs;
                denom += cens[base];
                for (int i = 0; i < p; i++) {
                    a[i] += cens[base + 1 + i];
                }
                for (int t = 0; t < tri; t++) {
                    c[t] += cens[base + 1 + p + t];
                }
                for (int t = 0; t < rs; t++) {
                    dRisk[t] += dead[base + t];
                }
                for (int t = 0; t < ds; t++) {
                    dTot[t] += tot[key * ds + t];
                }
            }
            long ndead = Math.round(dTot[0]);
            if (ndead == 0) {
                continue;
            }
            double deadwt = dTot[1];
            loglik += dTot[2];
            for (int i = 0; i < p; i++) {
                u[i] += dTot[3 + i];
            }
            double denom2 = dRisk[0];
            if (ties == Ties.BRESLOW || ndead == 1) {
                denom += denom2;
                for (int i = 0; i < p; i++) {
                    a[i] += dRisk[1 + i];
                }
                for (int t = 0; t < tri; t++) {
                    c[t] += dRisk[1 + p + t];
                }
                loglik -= deadwt * Math.log(denom);
                for (int i = 0, idx = 0; i < p; i++) {
                    double mean = a[i] / denom;
                    u[i] -= deadwt * mean;
                    for (int j = 0; j <= i; j++, idx++) {
                        imat[idx] += deadwt * (c[idx] / denom - mean * a[j] / denom);
                    }
                }
                continue;
            }
            // Efron, summed in closed form over the d tied deaths as CoxRiskSets does
            EfronTieSums ef = EfronTieSums.of(loglik, denom, denom2, deadwt, ndead);
            loglik = ef.loglik();
            double others = ef.others();
            double deaths = ef.deaths();
            double c0 = ef.c0();
            double c1 = ef.c1();
            double c2 = ef.c2();
            for (int i = 0, idx = 0; i < p; i++) {
                double ai = a[i];
                double bi = dRisk[1 + i];
                u[i] -= others * ai + deaths * bi;
                for (int j = 0; j <= i; j++, idx++) {
                    double bj = dRisk[1 + j];
                    imat[idx] += others * c[idx] + deaths * dRisk[1 + p + idx]
                            - (c0 * ai * a[j] + c1 * (ai * bj + bi * a[j]) + c2 * bi * bj);
                }
            }
            denom += denom2;
            for (int i = 0; i < p; i++) {
                a[i] += dRisk[1 + i];
            }
            for (int t = 0; t < tri; t++) {
                c[t] += dRisk[1 + p + t];
            }
        }
        ev.loglik = loglik;
        for (int i = 0, idx = 0; i < p; i++) {
            for (int j = 0; j <= i; j++, idx++) {
                ev.imat[i][j] = imat[idx];
                ev.imat[j][i] = imat[idx];
            }
        }
        return ev;
    }
}

package org.survkit.stats.cox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.RankedTimes;

/**
 * The proportional-hazards test of {@link ProportionalHazardsTest} (R {@code cox.zph(fit, transform = "km")}, one
 * test per column and GLOBAL) for a model fitted with {@link CoxRegression#fit(CoxRiskSetSource)}: from the risk-set
 * sums per (stratum, time) at the fitted β, which the source computes where the data live (one more pass, as a
 * Newton step), and the counts of rows per (time, event) for the Kaplan–Meier transform of time. Every quantity of
 * the test is a sum over the rows of one (stratum, time): with x̄(t), V(t) the risk set's mean and covariance (weights
 * w e^{x'β̂}, Efron's partial removal of tied deaths in the closed form of {@link ProportionalHazardsTest}) and g(t) =
 * 1 − S(t−) of the pooled Kaplan–Meier curve centred on its mean over the deaths,
 * <pre>
 *   U = Σ_t g(t) (Σ_deaths w x − w_d x̄(t)),   I = Σ_t w_d [V, gV; gV, g²V](t)
 * </pre>
 * so that the numbers equal the in-memory test's to rounding (the order of additions and the centring of x differ;
 * both are invariant to a shift of x). The scaled Schoenfeld residuals, one per death, are not computed (empty, as
 * {@link ProportionalHazardsTest#tests}); their variance ({@link ZphResult#variance()}) is, from the events per
 * stratum and whether each column varies in it. Right-censored data only (the source's); Efron or Breslow.
 */
public final class SummedProportionalHazards {
    private SummedProportionalHazards() {
    }

    /**
     * The test of each column (each is its own term) and the global test.
     *
     * @param source       the data the model was fitted to
     * @param model        the model {@link CoxRegression#fit(CoxRiskSetSource)} fitted to them
     * @param time         the distinct (time, event) cells of the rows used, pooled over strata
     * @param event        whether each cell's rows are deaths
     * @param count        rows per cell
     * @param strataEvents deaths per stratum (any order of strata; one value without strata)
     * @param strataVaries per stratum (the same order), whether column k takes more than one value in it
     * @throws IllegalArgumentException when the model has no estimable coefficient or there is no death
     */
    public static ZphResult tests(CoxRiskSetSource source, CoxModel model, double[] time, boolean[] event,
            int[] count, int[] strataEvents, boolean[][] strataVaries) {
        List<String> names = source.columnNames();
        int[] assign = new int[names.size()];
        for (int j = 0; j < assign.length; j++) {
            assign[j] = j;
        }
        return tests(source, model, time, event, count, strataEvents, strataVaries, assign, names);
    }

    /**
     * The test of each model term (a factor's indicator columns tested together, R {@code cox.zph(terms = TRUE)}, as
     * {@link ProportionalHazardsTest#tests} with {@code byTerm}) and the global test.
     *
     * @param assign     the term of each column (an index into {@code termLabels})
     * @param termLabels the terms' names
     */
    public static ZphResult tests(CoxRiskSetSource source, CoxModel model, double[] time, boolean[] event,
            int[] count, int[] strataEvents, boolean[][] strataVaries, int[] assign, List<String> termLabels) {
        Objects.requireNonNull(model, "model");
        List<String> names = source.columnNames();
        int p = names.size();
        double[] coef = model.coef();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (Double.isFinite(coef[j])) {
                keep.add(j);
            } else {
                diagnostics.add(Diagnostic.note("zph-aliased", "'" + names.get(j) + "' has no estimable"
                        + " coefficient (aliased) and is left out of the proportional-hazards test."));
            }
        }
        if (keep.isEmpty()) {
            throw new IllegalArgumentException("the model has no estimable coefficient: nothing to test");
        }
        SummedRiskSets scaling = SummedRiskSets.of(source, model.ties());
        double[] centre = scaling.centre();
        double[] factor = scaling.factor();
        double[] scaledBeta = new double[p];
        for (int j : keep) {
            scaledBeta[j] = coef[j] / factor[j];
        }
        CoxRiskSetSums sums = source.riskSetSums(centre.clone(), factor.clone(), scaledBeta);
        Walk w = new Walk(p, model.ties() == Ties.EFRON);
        w.run(sums, KaplanMeierTransform.of(time, event, count));

        // back to the covariates' own scale (x = (raw − centre)·factor): U_k / f_k, I_kl / (f_k f_l)
        int q = keep.size();
        double[][] imat = new double[2 * q][2 * q];
        double[] u = new double[q];
        double[][] info0 = new double[q][q];
        for (int a = 0; a < q; a++) {
            int k = keep.get(a);
            u[a] = w.u[k] / factor[k];
            for (int b = 0; b < q; b++) {
                int l = keep.get(b);
                int t = k >= l ? k * (k + 1) / 2 + l : l * (l + 1) / 2 + k;
                double f = factor[k] * factor[l];
                info0[a][b] = w.info0[t] / f;
                imat[a][b] = info0[a][b];
                imat[a][q + b] = w.info1[t] / f;
                imat[q + a][b] = w.info1[t] / f;
                imat[q + a][q + b] = w.info2[t] / f;
            }
        }
        List<ZphTerm> terms = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int[] all = new int[q];
        for (int a = 0; a < q; a++) {
            all[a] = a;
            kept.add(names.get(keep.get(a)));
        }
        for (int t = 0; t < termLabels.size(); t++) {
            List<Integer> cols = new ArrayList<>();
            for (int a = 0; a < q; a++) {
                if (assign[keep.get(a)] == t) {
                    cols.add(a);
                }
            }
            if (!cols.isEmpty()) {
                terms.add(ProportionalHazardsTest.scoreTest(termLabels.get(t), imat, u, q,
                        cols.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        ZphTerm global = ProportionalHazardsTest.scoreTest("GLOBAL", imat, u, q, all);
        // R's V̄ = I_ββ / (deaths of the strata where both columns vary)
        double[][] vmean = new double[q][q];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                double shared = 0;
                for (int s = 0; s < strataEvents.length; s++) {
                    int ua = strataVaries[s][keep.get(a)] ? strataEvents[s] : 0;
                    int ub = strataVaries[s][keep.get(b)] ? strataEvents[s] : 0;
                    shared += Math.min(ua, ub);
                }
                vmean[a][b] = info0[a][b] / (shared == 0 ? 1 : shared);
            }
        }
        return new ZphResult(terms, global, ZphTransform.KM, new double[0], new double[0],
                strataEvents.length > 1 ? new int[0] : null, new double[0][q], kept,
                ProportionalHazardsTest.inverse(vmean), diagnostics);
    }

    /** g(t) = 1 − S(t−) of the pooled, unweighted Kaplan–Meier curve, per merged time, centred over the deaths. */
    record KaplanMeierTransform(double[] times, double[] centred) {
        static KaplanMeierTransform of(double[] time, boolean[] event, int[] count) {
            RankedTimes ranked = RankedTimes.of(time, true);
            int d = ranked.times().length;
            long[] deaths = new long[d];
            long[] exits = new long[d];
            long events = 0;
            for (int i = 0; i < time.length; i++) {
                exits[ranked.rank()[i]] += count[i];
                if (event[i]) {
                    deaths[ranked.rank()[i]] += count[i];
                    events += count[i];
                }
            }
            if (events == 0) {
                throw new IllegalArgumentException("no events: proportional hazards cannot be tested");
            }
            long[] atRisk = new long[d];
            long above = 0;
            for (int k = d - 1; k >= 0; k--) {
                above += exits[k];
                atRisk[k] = above;
            }
            double[] g = new double[d];
            double s = 1;
            double mean = 0;
            for (int k = 0; k < d; k++) {
                g[k] = 1 - s;
                mean += g[k] * deaths[k];
                if (deaths[k] > 0) {
                    s *= 1 - (double) deaths[k] / atRisk[k];
                }
            }
            mean /= events;
            for (int k = 0; k < d; k++) {
                g[k] -= mean;
            }
            return new KaplanMeierTransform(ranked.times(), g);
        }

        /** g at a merged time (the smallest member of its run, as {@link RankedTimes} gives it). */
        double at(double t) {
            int k = Arrays.binarySearch(times, t);
            if (k < 0) {
                throw new IllegalStateException("time " + t + " is not among the counted times");
            }
            return centred[k];
        }
    }

    /** The walk over each stratum's times, latest first, accumulating U and the information blocks. */
    private static final class Walk {
        final int p;
        final int tri;
        final boolean efron;
        final double[] u;
        final double[] info0;
        final double[] info1;
        final double[] info2;

        Walk(int p, boolean efron) {
            this.p = p;
            this.tri = p * (p + 1) / 2;
            this.efron = efron;
            u = new double[p];
            info0 = new double[tri];
            info1 = new double[tri];
            info2 = new double[tri];
        }

        void run(CoxRiskSetSums s, KaplanMeierTransform g) {
            int d = s.size();
            RankedTimes ranked = RankedTimes.of(s.time(), true);
            int[] rank = ranked.rank();
            int[] order = SummedRiskSets.order(s.stratum(), rank);
            int[] stratum = s.stratum();
            int rs = CoxRiskSetSums.riskStride(p);
            int ds = CoxRiskSetSums.deadStride(p);
            double[] cens = s.censoredRisk();
            double[] dead = s.deadRisk();
            double[] tot = s.deadTotals();
            double[] surv = new double[rs]; // survivors' Σr, Σr x, Σr x xᵀ
            double[] dRisk = new double[rs];
            double[] dTot = new double[ds];
            int k = 0;
            while (k < d) {
                int first = order[k];
                if (k == 0 || stratum[order[k - 1]] != stratum[first]) {
                    Arrays.fill(surv, 0);
                }
                Arrays.fill(dRisk, 0);
                Arrays.fill(dTot, 0);
                while (k < d && stratum[order[k]] == stratum[first] && rank[order[k]] == rank[first]) {
                    int key = order[k++];
                    for (int t = 0; t < rs; t++) {
                        surv[t] += cens[key * rs + t];
                        dRisk[t] += dead[key * rs + t];
                    }
                    for (int t = 0; t < ds; t++) {
                        dTot[t] += tot[key * ds + t];
                    }
                }
                long nDead = Math.round(dTot[0]);
                if (nDead > 0) {
                    addTime(surv, dRisk, dTot, nDead, g.at(ranked.times()[rank[first]]));
                }
                for (int t = 0; t < rs; t++) {
                    surv[t] += dRisk[t];
                }
            }
        }

        /** One death time: Efron's d partial risk sets summed in closed form ({@link EfronTieSums}; Breslow: one). */
        private void addTime(double[] surv, double[] dRisk, double[] dTot, long nDead, double gt) {
            EfronTieSums ef = EfronTieSums.of(0, surv[0], dRisk[0], dTot[1], efron ? nDead : 1);
            for (int k = 0; k < p; k++) {
                u[k] += gt * (dTot[3 + k] - (ef.others() * surv[1 + k] + ef.deaths() * dRisk[1 + k]));
            }
            for (int k = 0, idx = 0; k < p; k++) {
                double ak = surv[1 + k];
                double bk = dRisk[1 + k];
                for (int l = 0; l <= k; l++, idx++) {
                    double al = surv[1 + l];
                    double bl = dRisk[1 + l];
                    double v = ef.others() * surv[1 + p + idx] + ef.deaths() * dRisk[1 + p + idx]
                            - (ef.c0() * ak * al + ef.c1() * (ak * bl + bk * al) + ef.c2() * bk * bl);
                    info0[idx] += v;
                    info1[idx] += gt * v;
                    info2[idx] += gt * gt * v;
                }
            }
        }
    }
}

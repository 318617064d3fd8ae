package org.survkit.stats.cox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.survkit.stats.Diagnostic;

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
        int p = source.columnNames().size();
        ZphKaplanMeier km = ZphKaplanMeier.ofCells(time, event, count);
        long events = km.deathCount();
        if (events == 0) {
            throw new IllegalArgumentException("no events: proportional hazards cannot be tested");
        }
        DoubleUnaryOperator g = km.centred(0, 1, km.deathWeightedSum(0, 1) / events);
        return tests(source, model, (centre, factor, beta) -> RiskSetWalk.walk(source.riskSetSums(centre, factor,
                beta), RiskSetWalk.proportionalHazards(p, model.ties(), g)), strataEvents, strataVaries, assign,
                termLabels);
    }

    /**
     * The sums of the test at β̂ computed by the source's side: the {@link RiskSetWalk#proportionalHazards} walk's
     * result summed over the source's parts, with the Kaplan–Meier transform of {@link ZphKaplanMeier}.
     */
    @FunctionalInterface
    public interface ScoreSums {
        /**
         * @param centre     the fit's centring per column
         * @param factor     its scaling per column
         * @param scaledBeta β̂ on the centred and scaled columns (0 for an aliased one)
         * @return U, I₀, I₁, I₂ ({@link RiskSetWalk#proportionalHazards})
         */
        double[] at(double[] centre, double[] factor, double[] scaledBeta);
    }

    /**
     * The test of each model term and the global test from the score sums computed where the data live (e.g. a
     * cluster's partitions walking their own times, {@link RiskSetWalk}); the source gives the centring and scaling.
     *
     * @param sums the sums at β̂
     */
    public static ZphResult tests(CoxRiskSetSource source, CoxModel model, ScoreSums sums, int[] strataEvents,
            boolean[][] strataVaries, int[] assign, List<String> termLabels) {
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
        int tri = p * (p + 1) / 2;
        double[] walked = sums.at(centre.clone(), factor.clone(), scaledBeta);

        // back to the covariates' own scale (x = (raw − centre)·factor): U_k / f_k, I_kl / (f_k f_l)
        int q = keep.size();
        double[][] imat = new double[2 * q][2 * q];
        double[] u = new double[q];
        double[][] info0 = new double[q][q];
        for (int a = 0; a < q; a++) {
            int k = keep.get(a);
            u[a] = walked[k] / factor[k];
            for (int b = 0; b < q; b++) {
                int l = keep.get(b);
                int t = k >= l ? k * (k + 1) / 2 + l : l * (l + 1) / 2 + k;
                double f = factor[k] * factor[l];
                info0[a][b] = walked[p + t] / f;
                imat[a][b] = info0[a][b];
                imat[a][q + b] = walked[p + tri + t] / f;
                imat[q + a][b] = walked[p + tri + t] / f;
                imat[q + a][q + b] = walked[p + 2 * tri + t] / f;
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
}

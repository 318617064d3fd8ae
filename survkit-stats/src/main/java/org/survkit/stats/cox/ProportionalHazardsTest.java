package org.survkit.stats.cox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.Cholesky;
import org.survkit.stats.internal.Normal;
import org.survkit.stats.internal.TimeFix;
import org.survkit.stats.model.DesignMatrix;

/**
 * Test of the proportional-hazards assumption of a fitted Cox model, as R survival ≥ 3.0
 * {@code cox.zph(fit, transform = "km", terms = TRUE)}.
 *
 * <p><b>Test.</b> Each column's coefficient is allowed to change linearly in a function of time,
 * β_k(t) = β_k + θ_k g(t), with g centred on its mean over the events ({@link ZphTransform}; default
 * 1 − Kaplan–Meier). The score test of θ = 0 is taken at (β̂, θ = 0), after one pass over the risk sets
 * with the fitted linear predictor: with x̄(t) and V(t) the risk-set mean and covariance of the
 * covariates (weights w e^{x'β̂}; Efron's partial removal of tied events when the model used Efron),
 * and d(t) the event weight at t,
 * <pre>
 *   U = Σ_events g(t) w (x − x̄(t))                      (the score for θ; the score for β is 0)
 *   I = Σ_t d(t) [ V(t)      g V(t)  ]
 *                [ g V(t)    g² V(t) ]                    (2p × 2p information of (β, θ))
 *   T_term = u' I_JJ⁻¹ u,  u = (0, U_term),  J = all β columns and the term's θ columns,  df = #θ columns
 * </pre>
 * The GLOBAL test uses every column. This is the score test of Therneau &amp; Grambsch (2000) §6.2 as
 * implemented since survival 3.0, not the older approximation from the correlation of scaled residuals
 * with g(t); the statistics differ slightly from survival 2.x. A factor (a term with several design
 * columns) is tested as one term with df = its number of estimable columns; with
 * {@code byTerm = false} every column is tested alone (R {@code terms = FALSE}). Aliased columns (NaN
 * coefficient) are left out, as R does. Strata: the risk sets are formed within strata; g(t) is
 * computed once from the pooled data.
 *
 * <p><b>Residuals for plotting.</b> The Schoenfeld residual of an event is x − x̄(t) (for Efron ties,
 * x̄ averaged over the d partial risk sets). It is scaled by the inverse of V̄ = I_ββ / d_s, d_s the
 * number of events in the stratum where the column varies (pairwise minimum over strata), and β̂ is
 * added, so that a smooth of the scaled residuals against g(t) estimates β(t) (Grambsch &amp; Therneau
 * 1994). For a multi-column term the residual is that of its linear predictor x'β̂ and 1 is added.
 * In a stratum where a term is constant its residuals are NaN (R's NA).
 *
 * <p>Times are first merged as R's {@code aeqSurv} ({@link TimeFix}), as {@code coxph} does.
 *
 * <p>References: Grambsch PM, Therneau TM (1994), Biometrika 81:515–526; Therneau TM, Grambsch PM,
 * <i>Modeling Survival Data</i> (2000), ch. 6.
 */
public final class ProportionalHazardsTest {
    /** Pivot tolerance of the (equilibrated) Cholesky solves, relative to the unit diagonal. */
    private static final double TOLERANCE = 1e-12;

    private ProportionalHazardsTest() {
    }

    /** The test as R's default {@code cox.zph(fit)}: Kaplan–Meier transform, one test per term. */
    public static ZphResult of(CoxData data, CoxModel model) {
        return of(data, model, ZphTransform.KM, true);
    }

    /**
     * Tests proportional hazards.
     *
     * @param data      the data the model was fitted to (same rows, same design)
     * @param model     the fitted model: its coefficients, linear predictors and ties method are used
     * @param transform the function of time
     * @param byTerm    true to test each model term (a factor as one term, R {@code terms = TRUE}),
     *                  false to test each design column
     * @throws IllegalArgumentException if the model does not belong to the data, has no estimable
     *                                  coefficient or the data no event, or (log transform) an event
     *                                  time is not positive
     */
    public static ZphResult of(CoxData data, CoxModel model, ZphTransform transform, boolean byTerm) {
        return run(PreparedCoxData.of(Objects.requireNonNull(data, "data")), model, transform, byTerm, true);
    }

    /** {@link #of(CoxData, CoxModel, ZphTransform, boolean)} on the preparation the model was fitted from. */
    public static ZphResult of(PreparedCoxData prepared, CoxModel model, ZphTransform transform, boolean byTerm) {
        return run(prepared, model, transform, byTerm, true);
    }

    /**
     * The tests only, as {@link #of(CoxData, CoxModel, ZphTransform, boolean)} gives them (the same numbers, the same
     * diagnostics and {@link ZphResult#variance()}), without the data to plot them: {@link ZphResult#scaledResiduals()},
     * {@link ZphResult#transformedTime()}, {@link ZphResult#eventTime()} (and the strata) are empty. What a printout
     * of the tests needs; it spares the events × terms residuals (at 10⁶ rows, about a third of the test's time and
     * 100 MB).
     *
     * @throws IllegalArgumentException as {@link #of(CoxData, CoxModel, ZphTransform, boolean)}
     */
    public static ZphResult tests(CoxData data, CoxModel model, ZphTransform transform, boolean byTerm) {
        return run(PreparedCoxData.of(Objects.requireNonNull(data, "data")), model, transform, byTerm, false);
    }

    /**
     * {@link #tests(CoxData, CoxModel, ZphTransform, boolean)} on the preparation the model was fitted from
     * ({@link CoxRegression#fit(PreparedCoxData, double[])}): its sorted rows, time ranks and centred covariates are
     * reused, not made again.
     */
    public static ZphResult tests(PreparedCoxData prepared, CoxModel model, ZphTransform transform, boolean byTerm) {
        return run(prepared, model, transform, byTerm, false);
    }

    private static ZphResult run(PreparedCoxData prepared, CoxModel model, ZphTransform transform, boolean byTerm,
                                 boolean residuals) {
        Objects.requireNonNull(prepared, "prepared");
        CoxData data = prepared.data();
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(transform, "transform");
        DesignMatrix design = data.design();
        int n = data.size();
        double[] coefAll = model.coef();
        double[] lp = model.linearPredictors();
        if (model.n() != n || coefAll.length != design.width() || lp == null || lp.length != n) {
            throw new IllegalArgumentException("the Cox model (n = " + model.n() + ", " + coefAll.length
                    + " coefficients) was not fitted to these data (n = " + n + ", " + design.width() + " columns)");
        }
        return run(prepared, null, coefAll, model.ties(), lp, transform, byTerm, residuals);
    }

    /**
     * The test of a fit on these data by its coefficients (NaN for aliased columns), ties and linear predictors (used
     * for the residuals only), e.g. while the fit's model is still being assembled.
     *
     * @param fitted the fit's own risk sets, done with (their work arrays are reused when the test's ties and columns
     *               are the fit's), or null
     */
    static ZphResult run(PreparedCoxData prepared, CoxRiskSets fitted, double[] coefAll, Ties ties, double[] lp,
            ZphTransform transform, boolean byTerm, boolean residuals) {
        return run(prepared, fitted, coefAll, ties, lp, transform, byTerm, residuals, null);
    }

    /**
     * As {@link #run(PreparedCoxData, CoxRiskSets, double[], Ties, double[], ZphTransform, boolean, boolean)}, with
     * the sums at β̂ already computed along with the fit's last evaluation ({@link AlongFit#at}), or null.
     */
    static ZphResult run(PreparedCoxData prepared, CoxRiskSets fitted, double[] coefAll, Ties ties, double[] lp,
            ZphTransform transform, boolean byTerm, boolean residuals, Sums atFit) {
        CoxData data = prepared.data();
        DesignMatrix design = data.design();
        int n = data.size();
        List<Diagnostic> diagnostics = new ArrayList<>();
        int[] kept = keptColumns(coefAll, design, diagnostics);
        int p = kept.length;
        double[] beta = new double[p];
        for (int k = 0; k < p; k++) {
            beta[k] = coefAll[kept[k]];
        }
        List<String> names = new ArrayList<>();
        List<int[]> termColumns = new ArrayList<>();
        groupTerms(design, kept, byTerm, names, termColumns);

        // Breslow's sums for exact ties, as R's cox.zph; the kept columns only
        Ties sumTies = ties == Ties.EFRON ? Ties.EFRON : Ties.BRESLOW;
        CoxRiskSets rs = fitted != null && fitted.ties == sumTies && p == coefAll.length && fitted.p == p ? fitted
                : prepared.riskSets(sumTies, p == coefAll.length ? null : kept);
        Times times = Times.of(data, rs);
        int events = 0;
        for (boolean e : data.event()) {
            if (e) {
                events++;
            }
        }
        if (events == 0) {
            throw new IllegalArgumentException("no events: proportional hazards cannot be tested");
        }
        Sums sums = atFit;
        if (atFit == null || rs != fitted) {
            double[] gByRank = byTimeRank(times, data.event(), transform);
            sums = Sums.of(rs, beta, gByRank, eventMean(times, data.event(), gByRank));
        }
        double[] g = residuals ? transform(times, data.event(), transform) : null; // per row: for the residuals
        Pass pass = null;
        if (residuals) {
            pass = new Pass(data, times, kept, lp, ties == Ties.EFRON);
            pass.run();
        }

        // score tests: u = (0, U), information restricted to all β columns and the term's θ columns
        double[][] imat = sums.information();
        List<ZphTerm> terms = new ArrayList<>();
        for (int t = 0; t < names.size(); t++) {
            int[] cols = termColumns.get(t);
            terms.add(scoreTest(names.get(t), imat, sums.u, p, cols));
        }
        int[] all = new int[p];
        for (int k = 0; k < p; k++) {
            all[k] = k;
        }
        ZphTerm global = scoreTest("GLOBAL", imat, sums.u, p, all);

        int[] stratum = data.strata() == null ? new int[n] : ConcordanceIndex.dense(data.strata());
        int[][] used = used(data, kept, stratum);
        Scaled scaled = scale(pass, sums.info0, used, data.strata(), g, beta, termColumns, names.size(), residuals);
        return new ZphResult(terms, global, transform, scaled.x, scaled.time, scaled.strata, scaled.residuals, names,
                scaled.variance, diagnostics);
    }

    private static int[] keptColumns(double[] coef, DesignMatrix design, List<Diagnostic> diagnostics) {
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < coef.length; j++) {
            if (Double.isFinite(coef[j])) {
                keep.add(j);
            } else {
                diagnostics.add(Diagnostic.note("zph-aliased", "'" + design.columnNames().get(j) + "' has no estimable"
                        + " coefficient (aliased) and is left out of the proportional-hazards test."));
            }
        }
        if (keep.isEmpty()) {
            throw new IllegalArgumentException("the model has no estimable coefficient: nothing to test");
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Terms (or columns) as lists of positions among the kept columns. */
    private static void groupTerms(DesignMatrix design, int[] kept, boolean byTerm, List<String> names,
            List<int[]> termColumns) {
        if (!byTerm) {
            for (int k = 0; k < kept.length; k++) {
                names.add(design.columnNames().get(kept[k]));
                termColumns.add(new int[] {k});
            }
            return;
        }
        for (int t = 0; t < design.termLabels().size(); t++) {
            List<Integer> cols = new ArrayList<>();
            for (int k = 0; k < kept.length; k++) {
                if (design.assign()[kept[k]] == t) {
                    cols.add(k);
                }
            }
            if (!cols.isEmpty()) {
                names.add(design.termLabels().get(t));
                termColumns.add(cols.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    /** Ranks of the merged exit (and entry) times, in input order: the fit's, as its preparation made them. */
    private record Times(int[] exit, int[] entry, double[] values) {
        static Times of(CoxData data, CoxRiskSets rs) {
            int n = data.size();
            int[] exit = rs.exitRanks();
            int[] entry = rs.entryRanks();
            if (entry == null) {
                return new Times(exit, null, rs.timeValues);
            }
            for (int i = 0; i < n; i++) {
                if (entry[i] >= exit[i]) {
                    throw new IllegalArgumentException("observation " + (i + 1) + ": interval (" + data.start()[i] + ", "
                            + data.stop()[i] + "] has length 0 once near-equal times are merged");
                }
            }
            return new Times(exit, entry, rs.timeValues);
        }

        int distinct() {
            return values.length;
        }
    }

    /** g(t) of every observation's exit time (not centred). */
    static double[] transform(Times times, boolean[] event, ZphTransform transform) {
        double[] byRank = byTimeRank(times, event, transform);
        int[] exit = times.exit();
        double[] g = new double[event.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = byRank[exit[i]];
        }
        return g;
    }

    /**
     * g(t) at each distinct (merged) time, by rank (not centred): every transform is a function of the exit time, so
     * an observation's g is its exit rank's.
     *
     * @throws IllegalArgumentException for the log transform of an event at a time ≤ 0 (the first in input order)
     */
    static double[] byTimeRank(Times times, boolean[] event, ZphTransform transform) {
        int n = event.length;
        int d = times.distinct();
        double[] values = times.values();
        int[] exit = times.exit();
        double[] g = new double[d];
        switch (transform) {
            case IDENTITY -> System.arraycopy(values, 0, g, 0, d);
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    double t = values[exit[i]];
                    if (event[i] && !(t > 0)) {
                        throw new IllegalArgumentException("observation " + (i + 1) + ": the log transform needs"
                                + " positive event times, got " + t);
                    }
                }
                for (int r = 0; r < d; r++) {
                    g[r] = Math.log(values[r]);
                }
            }
            case RANK -> {
                // average rank among all exit times, as R rank()
                int[] count = new int[d];
                for (int r : exit) {
                    count[r]++;
                }
                long below = 0;
                for (int r = 0; r < d; r++) {
                    g[r] = below + (count[r] + 1) / 2.0;
                    below += count[r];
                }
            }
            case KM -> {
                // 1 − S(t−) of the pooled, unweighted Kaplan–Meier curve (R: survfitKM on all rows)
                int[] deaths = new int[d];
                int[] exits = new int[d + 1];
                int[] entries = new int[d + 1];
                for (int i = 0; i < n; i++) {
                    exits[exit[i]]++;
                    if (event[i]) {
                        deaths[exit[i]]++;
                    }
                    if (times.entry() != null) {
                        entries[times.entry()[i]]++;
                    }
                }
                // at risk at t_k: exit >= k, minus (counting process) entry >= k
                long[] atRisk = new long[d];
                long exitAbove = 0;
                long entryAbove = 0;
                for (int k = d - 1; k >= 0; k--) {
                    exitAbove += exits[k];
                    entryAbove += entries[k];
                    atRisk[k] = exitAbove - entryAbove;
                }
                double s = 1;
                for (int k = 0; k < d; k++) {
                    g[k] = 1 - s;
                    if (deaths[k] > 0) {
                        s *= 1 - (double) deaths[k] / atRisk[k];
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        return g;
    }

    /** The mean of g over the events (summed in input order), from g by time rank. */
    static double eventMean(Times times, boolean[] event, double[] byRank) {
        int[] exit = times.exit();
        int events = 0;
        double sum = 0;
        for (int i = 0; i < event.length; i++) {
            if (event[i]) {
                events++;
                sum += byRank[exit[i]];
            }
        }
        return sum / events;
    }

    /**
     * The score U for θ and the blocks Σ d V, Σ g d V, Σ g² d V of the information of (β, θ) at β̂, on the original
     * covariate scale, from one walk over the risk sets of the fit's own preparation ({@link CoxRiskSets}: the
     * model's β on its centred and scaled covariates, Efron's partial risk sets in closed form, the x xᵀ sums as
     * weighted Gram products). With exact ties the sums are Breslow's, as R's {@code cox.zph}.
     */
    record Sums(int p, double[] u, double[] info0, double[] info1, double[] info2) {

        static Sums of(CoxRiskSets rs, double[] beta, double[] gByRank, double gMean) {
            int p = rs.p;
            double[] scale = rs.factor();
            double[] scaled = new double[p];
            for (int j = 0; j < p; j++) {
                scaled[j] = beta[j] / scale[j];
            }
            CoxRiskSets.TimeWeighted tw = new CoxRiskSets.TimeWeighted(centred(rs, gByRank, gMean), p);
            return of(rs, tw, rs.evaluate(scaled, true, tw).imat);
        }

        /** g − mean by exit-time rank at the times with an event (0 at the others: never used there). */
        static double[] centred(CoxRiskSets rs, double[] gByRank, double gMean) {
            double[] centred = new double[rs.distinctTimes];
            for (int k = 0; k < rs.n; k++) {
                if (rs.dead[k]) {
                    centred[rs.exit[k]] = gByRank[rs.exit[k]] - gMean;
                }
            }
            return centred;
        }

        /** The sums on the original covariate scale from an evaluation's weighted sums and information. */
        static Sums of(CoxRiskSets rs, CoxRiskSets.TimeWeighted tw, double[][] imat) {
            int p = rs.p;
            double[] scale = rs.factor();
            double[] u = new double[p];
            double[] info0 = new double[p * p];
            double[] info1 = new double[p * p];
            double[] info2 = new double[p * p];
            for (int i = 0, idx = 0; i < p; i++) {
                u[i] = tw.u[i] / scale[i];
                for (int j = 0; j <= i; j++, idx++) {
                    double f = scale[i] * scale[j];
                    info0[i * p + j] = imat[i][j] / f;
                    info1[i * p + j] = tw.info1[idx] / f;
                    info2[i * p + j] = tw.info2[idx] / f;
                    info0[j * p + i] = info0[i * p + j];
                    info1[j * p + i] = info1[i * p + j];
                    info2[j * p + i] = info2[i * p + j];
                }
            }
            return new Sums(p, u, info0, info1, info2);
        }

        /** The 2p × 2p information of (β, θ). */
        double[][] information() {
            double[][] im = new double[2 * p][2 * p];
            for (int k = 0; k < p; k++) {
                for (int l = 0; l < p; l++) {
                    im[k][l] = info0[k * p + l];
                    im[k][p + l] = info1[k * p + l];
                    im[p + k][l] = info1[k * p + l];
                    im[p + k][p + l] = info2[k * p + l];
                }
            }
            return im;
        }
    }

    /**
     * The test's sums at β̂ taken from the fit's own last evaluation instead of a walk of their own: the weighted
     * score and information terms of each event time are added during the walk over the risk sets (O(p²) per event
     * time), and their Gram parts (two products over all rows) only when the evaluation's log-likelihood meets the
     * fit's convergence test, i.e. when it is the fit's last ({@link CoxRegression}'s Newton–Raphson asks for them at
     * the evaluation it foresees as the last). The same sums as {@link Sums#of(CoxRiskSets, double[], double[],
     * double)} at β̂, from the fit's scaled β̂ itself rather than β̂ scaled again (the last bit may differ).
     * Not thread-safe: one fit's.
     */
    static final class AlongFit implements CoxRegression.LastEvaluation {
        private final CoxRiskSets rs;
        private final double[] byRank;
        private CoxRiskSets.TimeWeighted kept;
        private double[] keptAt;
        private double[][] keptInformation;

        private AlongFit(CoxRiskSets rs, double[] byRank) {
            this.rs = rs;
            this.byRank = byRank;
        }

        /**
         * The sums to compute with the fit on these risk sets, or null when the test walks on its own: exact ties
         * (the test's sums are then Breslow's), no event, or a transform or time check that fails (the test then
         * says why, as before).
         */
        static AlongFit of(PreparedCoxData prepared, CoxRiskSets rs, ZphTransform transform) {
            if (rs.ties == Ties.EXACT) {
                return null;
            }
            CoxData data = prepared.data();
            boolean any = false;
            for (boolean e : data.event()) {
                any |= e;
            }
            if (!any) {
                return null;
            }
            Times times;
            double[] g;
            try {
                times = Times.of(data, rs);
                g = byTimeRank(times, data.event(), transform);
            } catch (IllegalArgumentException e) {
                return null;
            }
            return new AlongFit(rs, Sums.centred(rs, g, eventMean(times, data.event(), g)));
        }

        @Override
        public CoxRiskSets.Evaluation evaluate(double[] scaledBeta, java.util.function.DoublePredicate last) {
            CoxRiskSets.TimeWeighted tw = new CoxRiskSets.TimeWeighted(byRank, rs.p);
            CoxRiskSets.Evaluation ev = rs.evaluate(scaledBeta, true, tw, true, last);
            kept = tw.complete() ? tw : null;
            keptAt = kept == null ? null : scaledBeta.clone();
            keptInformation = kept == null ? null : ev.imat;
            return ev;
        }

        /**
         * {@return the sums at the fit's coefficients when its last evaluation kept them there, else null}: every
         * coefficient estimable (the test leaves aliased ones out) and each the kept scaled β times its factor, as
         * the fit unscales it
         */
        Sums at(double[] coef, boolean[] singular) {
            if (kept == null) {
                return null;
            }
            for (int j = 0; j < coef.length; j++) {
                if (singular[j] || keptAt[j] * rs.factor()[j] != coef[j]) {
                    return null;
                }
            }
            return Sums.of(rs, kept, keptInformation);
        }
    }

    /** Events per stratum where column k is not constant among the stratum's rows, else 0 (R's "used"). */
    private static int[][] used(CoxData data, int[] kept, int[] stratum) {
        int n = data.size();
        int p = kept.length;
        int nStrata = 1;
        for (int c : stratum) {
            nStrata = Math.max(nStrata, c + 1);
        }
        int[] eventsIn = new int[nStrata];
        int[] first = new int[nStrata];
        Arrays.fill(first, -1);
        for (int i = 0; i < n; i++) {
            int s = stratum[i];
            if (data.event()[i]) {
                eventsIn[s]++;
            }
            if (first[s] < 0) {
                first[s] = i;
            }
        }
        boolean[][] varies = new boolean[nStrata][p];
        for (int k = 0; k < p; k++) {
            double[] raw = data.design().columns()[kept[k]];
            int constant = nStrata; // strata where the column has not varied yet: none left ends the scan
            for (int i = 0; i < n && constant > 0; i++) {
                int s = stratum[i];
                if (!varies[s][k] && raw[i] != raw[first[s]]) {
                    varies[s][k] = true;
                    constant--;
                }
            }
        }
        int[][] used = new int[nStrata][p];
        for (int s = 0; s < nStrata; s++) {
            for (int k = 0; k < p; k++) {
                used[s][k] = varies[s][k] ? eventsIn[s] : 0;
            }
        }
        return used;
    }

    /**
     * One pass over the risk sets at β̂ for the Schoenfeld residuals x − x̄(t) of the events (x̄ averaged over
     * Efron's d partial risk sets), and their order and strata.
     */
    private static final class Pass {
        final int n;
        final int p;
        final double[] x;       // kept columns, centred on their (unweighted) means, row-major
        final double[] risk;
        final boolean[] event;
        final boolean efron;
        final Times times;
        final int[] stratum;    // dense codes
        final int[] strataGiven;
        final int nStrata;
        final double[] schoenfeld; // per observation (events only), row-major

        Pass(CoxData data, Times times, int[] kept, double[] lp, boolean efron) {
            n = data.size();
            p = kept.length;
            this.times = times;
            this.efron = efron;
            event = data.event();
            x = new double[n * p];
            for (int k = 0; k < p; k++) {
                double[] col = data.design().columns()[kept[k]];
                double mean = 0;
                for (double v : col) {
                    mean += v;
                }
                mean /= n;
                for (int i = 0; i < n; i++) {
                    x[i * p + k] = col[i] - mean;
                }
            }
            double lpMean = 0;
            for (double v : lp) {
                lpMean += v;
            }
            lpMean /= n;
            risk = new double[n];
            for (int i = 0; i < n; i++) {
                risk[i] = (data.weights() == null ? 1 : data.weights()[i]) * Math.exp(lp[i] - lpMean);
            }
            strataGiven = data.strata();
            stratum = strataGiven == null ? new int[n] : ConcordanceIndex.dense(strataGiven);
            int s = 1;
            for (int c : stratum) {
                s = Math.max(s, c + 1);
            }
            nStrata = s;
            schoenfeld = new double[n * p];
        }

        void run() {
            int d = times.distinct();
            int[] idx = new int[n];
            int[] key = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
                key[i] = d - 1 - times.exit()[i];
            }
            int[] byExit = CoxRiskSets.countingSort(CoxRiskSets.countingSort(idx, key, d), stratum, nStrata);
            int[] byEntry = null;
            if (times.entry() != null) {
                for (int i = 0; i < n; i++) {
                    key[i] = d - 1 - times.entry()[i];
                }
                byEntry = CoxRiskSets.countingSort(CoxRiskSets.countingSort(idx, key, d), stratum, nStrata);
            }
            int[] blocks = new int[nStrata + 1];
            for (int c : stratum) {
                blocks[c + 1]++;
            }
            for (int k = 0; k < nStrata; k++) {
                blocks[k + 1] += blocks[k];
            }
            double[] a = new double[p];
            double[] a2 = new double[p];
            double[] xbar = new double[p];
            boolean[] added = new boolean[n];
            for (int b = 0; b < nStrata; b++) {
                int lo = blocks[b];
                int hi = blocks[b + 1];
                double den = 0;
                int nRisk = 0;
                Arrays.fill(a, 0);
                int out = lo;
                int i = lo;
                while (i < hi) {
                    int t = times.exit()[byExit[i]];
                    if (byEntry != null) {
                        while (out < hi && times.entry()[byEntry[out]] >= t) {
                            int q = byEntry[out++];
                            if (!added[q]) {
                                continue;
                            }
                            added[q] = false;
                            if (--nRisk == 0) {
                                den = 0;
                                Arrays.fill(a, 0);
                            } else {
                                den -= risk[q];
                                accumulate(a, q, -risk[q]);
                            }
                        }
                    }
                    int end = i;
                    int nDead = 0;
                    double den2 = 0;
                    Arrays.fill(a2, 0);
                    while (end < hi && times.exit()[byExit[end]] == t) {
                        int q = byExit[end++];
                        added[q] = true;
                        nRisk++;
                        if (event[q]) {
                            nDead++;
                            den2 += risk[q];
                            accumulate(a2, q, risk[q]);
                        } else {
                            den += risk[q];
                            accumulate(a, q, risk[q]);
                        }
                    }
                    if (nDead > 0) {
                        // the mean over Efron's d partial risk sets: the m-th sees den + (m/d)·den2, a + (m/d)·a2
                        int steps = efron ? nDead : 1;
                        double s1 = 0;
                        double sf = 0;
                        for (int m = 1; m <= steps; m++) {
                            double f = (double) m / steps;
                            double inv = 1 / (den + f * den2);
                            s1 += inv;
                            sf += f * inv;
                        }
                        for (int k = 0; k < p; k++) {
                            xbar[k] = (a[k] * s1 + a2[k] * sf) / steps;
                        }
                        for (int j = i; j < end; j++) {
                            int q = byExit[j];
                            if (event[q]) {
                                for (int k = 0; k < p; k++) {
                                    schoenfeld[q * p + k] = x[q * p + k] - xbar[k];
                                }
                            }
                        }
                    }
                    den += den2;
                    for (int k = 0; k < p; k++) {
                        a[k] += a2[k];
                    }
                    i = end;
                }
            }
        }

        private void accumulate(double[] a, int q, double r) {
            int base = q * p;
            for (int k = 0; k < p; k++) {
                a[k] += r * x[base + k];
            }
        }

        /** The events in R's row order: stratum, then time; ties in data order (reversed for (start, stop] data). */
        int[] eventRows() {
            int d = times.distinct();
            int[] idx = new int[n];
            boolean reversed = times.entry() != null;
            for (int i = 0; i < n; i++) {
                idx[i] = reversed ? n - 1 - i : i;
            }
            int[] sorted = CoxRiskSets.countingSort(CoxRiskSets.countingSort(idx, times.exit(), d), stratum, nStrata);
            return Arrays.stream(sorted).filter(i -> event[i]).toArray();
        }
    }

    static ZphTerm scoreTest(String name, double[][] imat, double[] u, int p, int[] cols) {
        int m = p + cols.length;
        int[] index = new int[m];
        for (int k = 0; k < p; k++) {
            index[k] = k;
        }
        for (int k = 0; k < cols.length; k++) {
            index[p + k] = p + cols[k];
        }
        double[][] sub = new double[m][m];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                sub[r][c] = imat[index[r]][index[c]];
            }
        }
        double[] rhs = new double[m];
        for (int k = 0; k < cols.length; k++) {
            rhs[p + k] = u[cols[k]];
        }
        double[] sol = solve(sub, rhs);
        double stat = 0;
        for (int r = 0; r < m; r++) {
            stat += rhs[r] * sol[r];
        }
        return new ZphTerm(name, stat, cols.length, Normal.chiSquaredUpper(stat, cols.length));
    }

    /** Solves a x = b for symmetric non-negative definite a, scaled to unit diagonal first. */
    static double[] solve(double[][] a, double[] b) {
        int m = a.length;
        double[] d = unitScale(a);
        double[][] s = new double[m][m];
        double[] y = new double[m];
        for (int r = 0; r < m; r++) {
            y[r] = b[r] * d[r];
            for (int c = 0; c < m; c++) {
                s[r][c] = a[r][c] * d[r] * d[c];
            }
        }
        double[] z = Cholesky.of(s, TOLERANCE).solve(y);
        for (int r = 0; r < m; r++) {
            z[r] *= d[r];
        }
        return z;
    }

    /** The (generalized) inverse of a symmetric non-negative definite matrix, scaled to unit diagonal first. */
    static double[][] inverse(double[][] a) {
        int m = a.length;
        double[] d = unitScale(a);
        double[][] s = new double[m][m];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                s[r][c] = a[r][c] * d[r] * d[c];
            }
        }
        double[][] inv = Cholesky.of(s, TOLERANCE).inverse();
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                inv[r][c] *= d[r] * d[c];
            }
        }
        return inv;
    }

    private static double[] unitScale(double[][] a) {
        double[] d = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            d[r] = a[r][r] > 0 ? 1 / Math.sqrt(a[r][r]) : 1;
        }
        return d;
    }

    private record Scaled(double[] x, double[] time, int[] strata, double[][] residuals, double[][] variance) {
    }

    /**
     * R's scaling of the Schoenfeld residuals by the inverse average information, per stratum ({@code pass} null
     * without residuals; {@code g} the untransformed-centre g(t) per observation).
     */
    private static Scaled scale(Pass pass, double[] info0, int[][] used, int[] strataGiven, double[] g, double[] beta,
            List<int[]> termColumns, int nTerms, boolean residuals) {
        int p = beta.length;
        // a multi-column term counts as used in a stratum where any of its columns varies
        for (int[] cols : termColumns) {
            if (cols.length > 1) {
                for (int[] row : used) {
                    int max = 0;
                    for (int k : cols) {
                        max = Math.max(max, row[k]);
                    }
                    for (int k : cols) {
                        row[k] = max;
                    }
                }
            }
        }
        // V̄ = I_ββ / (events shared by the two columns' strata)
        double[][] vmean = new double[p][p];
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                double shared = 0;
                for (int[] row : used) {
                    shared += Math.min(row[k], row[l]);
                }
                vmean[k][l] = info0[k * p + l] / (shared == 0 ? 1 : shared);
            }
        }
        // columns → terms: 1 for a single column, β for the columns of a multi-column term
        boolean collapse = termColumns.stream().anyMatch(c -> c.length > 1);
        double[][] map = new double[p][nTerms];
        for (int t = 0; t < nTerms; t++) {
            int[] cols = termColumns.get(t);
            for (int k : cols) {
                map[k][t] = cols.length == 1 ? 1 : beta[k];
            }
        }
        int q = collapse ? nTerms : p;
        double[][] vm = collapse ? congruence(map, vmean) : vmean;
        int[][] usedTerm = new int[used.length][q];
        for (int s = 0; s < used.length; s++) {
            for (int t = 0; t < q; t++) {
                usedTerm[s][t] = used[s][collapse ? termColumns.get(t)[0] : t];
            }
        }
        if (!residuals) {
            return new Scaled(new double[0], new double[0], strataGiven == null ? null : new int[0],
                    new double[0][q], inverse(vm));
        }
        int[] rows = pass.eventRows();
        int e = rows.length;
        double[][] res = new double[e][q];
        double[] x = new double[e];
        double[] time = new double[e];
        int[] strata = strataGiven == null ? null : new int[e];
        // inverse of V̄ restricted to the terms used in each stratum
        double[][][] inverses = new double[used.length][][];
        int[][] usedIndex = new int[used.length][];
        for (int s = 0; s < used.length; s++) {
            final int ss = s;
            int[] k = java.util.stream.IntStream.range(0, q).filter(t -> usedTerm[ss][t] > 0).toArray();
            usedIndex[s] = k;
            double[][] sub = new double[k.length][k.length];
            for (int r = 0; r < k.length; r++) {
                for (int c = 0; c < k.length; c++) {
                    sub[r][c] = vm[k[r]][k[c]];
                }
            }
            inverses[s] = k.length == 0 ? new double[0][0] : inverse(sub);
        }
        for (int r = 0; r < e; r++) {
            int i = rows[r];
            x[r] = g[i];
            time[r] = pass.times.values()[pass.times.exit()[i]];
            if (strata != null) {
                strata[r] = strataGiven[i];
            }
            double[] sch = new double[q];
            for (int t = 0; t < q; t++) {
                if (collapse) {
                    for (int k = 0; k < p; k++) {
                        sch[t] += pass.schoenfeld[i * p + k] * map[k][t];
                    }
                } else {
                    sch[t] = pass.schoenfeld[i * p + t];
                }
            }
            int s = pass.stratum[i];
            int[] k = usedIndex[s];
            Arrays.fill(res[r], Double.NaN);
            for (int a = 0; a < k.length; a++) {
                double v = 0;
                for (int b = 0; b < k.length; b++) {
                    v += inverses[s][a][b] * sch[k[b]];
                }
                int t = k[a];
                boolean multi = collapse && termColumns.get(t).length > 1;
                res[r][t] = v + (multi ? 1 : collapse ? beta[termColumns.get(t)[0]] : beta[t]);
            }
        }
        return new Scaled(x, time, strata, res, inverse(vm));
    }

    /** Mᵀ A M. */
    private static double[][] congruence(double[][] m, double[][] a) {
        int p = m.length;
        int q = m[0].length;
        double[][] out = new double[q][q];
        for (int s = 0; s < q; s++) {
            for (int t = 0; t < q; t++) {
                double v = 0;
                for (int k = 0; k < p; k++) {
                    if (m[k][s] == 0) {
                        continue;
                    }
                    for (int l = 0; l < p; l++) {
                        v += m[k][s] * a[k][l] * m[l][t];
                    }
                }
                out[s][t] = v;
            }
        }
        return out;
    }
}

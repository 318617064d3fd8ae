package org.survkit.stats.cox;

import org.survkit.stats.internal.TwoCores;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.Cholesky;
import org.survkit.stats.internal.DiagnosticText;
import org.survkit.stats.internal.Normal;
import org.survkit.stats.internal.Sandwich;

/**
 * Cox proportional-hazards regression by maximum partial likelihood, as R {@code coxph}.
 *
 * <pre>
 * CoxModel m = CoxRegression.withDefaults().fit(CoxData.of(time, event, design));
 * </pre>
 *
 * <p>Newton–Raphson from β = 0 on centred and scaled covariates, with R's step-halving (a step
 * that lowers the log-likelihood is pulled back towards the last good β, more each time) and
 * R's stopping rule |1 − ℓ_old/ℓ_new| ≤ eps, so that the iterates — not only the limit — are R's.
 * The variance is the inverse information at the estimate; columns whose pivot falls below
 * {@link CoxControl#tolerChol()} are aliased (coefficient NaN). A coefficient that keeps growing
 * while the log-likelihood converges (monotone likelihood: e.g. a group without events) is
 * flagged with R's rule |U·V| &gt; tolerInf·|β|.
 *
 * <p>{@link Ties#EXACT} fits the exact discrete partial likelihood (R {@code coxph(ties = "exact")}) by the
 * same iteration; it takes no case weights and no clusters, as in R.
 *
 * <p>References: Cox (1972); Efron (1977); Kalbfleisch &amp; Prentice (1973); Therneau &amp; Grambsch, <i>Modeling Survival Data</i>
 * (2000), ch. 3. Instances are immutable and thread-safe.
 */
public final class CoxRegression {
    private static final CoxRegression DEFAULTS = new CoxRegression(Ties.EFRON, CoxControl.DEFAULT, 0.95,
            ConcordanceWeighting.HARRELL);

    private final Ties ties;
    private final CoxControl control;
    private final double confLevel;
    private final ConcordanceWeighting concordance;

    private CoxRegression(Ties ties, CoxControl control, double confLevel, ConcordanceWeighting concordance) {
        this.ties = ties;
        this.control = control;
        this.confLevel = confLevel;
        this.concordance = concordance;
    }

    /** Efron ties, R's control, 95% intervals. */
    public static CoxRegression withDefaults() {
        return DEFAULTS;
    }

    public CoxRegression with(Ties t) {
        return new CoxRegression(Objects.requireNonNull(t, "ties"), control, confLevel, concordance);
    }

    public CoxRegression with(CoxControl c) {
        return new CoxRegression(ties, Objects.requireNonNull(c, "control"), confLevel, concordance);
    }

    /** The model's concordance: Harrell's (default, as R) or Uno's (R {@code concordance(fit, timewt = "n/G2")}). */
    public CoxRegression with(ConcordanceWeighting w) {
        return new CoxRegression(ties, control, confLevel, Objects.requireNonNull(w, "concordance"));
    }

    public CoxRegression withConfLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + level);
        }
        return new CoxRegression(ties, control, level, concordance);
    }

    public Ties ties() {
        return ties;
    }

    public CoxControl control() {
        return control;
    }

    /** Result of the Newton–Raphson workhorse, on the original covariate scale. */
    record Fit(double[] beta, double[] u, double[][] var, double loglikNull, double loglik, double scoreTest,
            int iterations, boolean converged, boolean[] singular, double[] means, int rank) {
    }

    /** Fits the model from β = 0. */
    public CoxModel fit(CoxData data) {
        return fit(data, null);
    }

    /**
     * Fits the model from given starting values (R {@code coxph(..., init = )}): the iteration starts there, and
     * the first log-likelihood, the score test and the likelihood-ratio test are at {@code init} instead of 0, as
     * R's {@code loglik[1]}, {@code score} and {@code summary()} are.
     *
     * <p>Without events no model can be estimated: the fit is R's NA fit (every coefficient NA, log-likelihoods
     * 0, tests 0 on 0 df) with one diagnostic {@code no-events}, instead of aliasing and non-convergence.
     *
     * @param init one starting value per design column on the original scale, or null for zeros
     */
    public CoxModel fit(CoxData data, double[] init) {
        return fit(PreparedCoxData.of(data), init);
    }

    /**
     * {@link #fit(CoxData, double[])} on data prepared once ({@link PreparedCoxData}), e.g. to test the fit's
     * proportional hazards on the same preparation; the same model.
     */
    public CoxModel fit(PreparedCoxData prepared, double[] init) {
        return fit(prepared, init, null).model();
    }

    /**
     * Fits the model and tests its proportional hazards (R {@code coxph(...)} then {@code cox.zph(fit, transform,
     * terms = byTerm)}, the tests only as {@link ProportionalHazardsTest#tests}): the same model as
     * {@link #fit(PreparedCoxData, double[])} and the same test as {@code tests(prepared, model, transform, byTerm)},
     * bit for bit. The test runs on a second thread while the model's concordance is computed. Without events or
     * without an estimable coefficient there is nothing to test: {@link TestedCoxModel#proportionalHazards()} is null.
     *
     * @throws IllegalArgumentException as the fit, or as the test (a log transform with an event at time 0)
     */
    public TestedCoxModel fitAndTest(PreparedCoxData prepared, double[] init, ZphTransform transform, boolean byTerm) {
        return fit(prepared, init, new ZphRequest(Objects.requireNonNull(transform, "transform"), byTerm));
    }

    /** The proportional-hazards test asked for with a fit. */
    private record ZphRequest(ZphTransform transform, boolean byTerm) {
    }

    private TestedCoxModel fit(PreparedCoxData prepared, double[] init, ZphRequest zph) {
        CoxData data = prepared.data();
        if (ties == Ties.EXACT && data.cluster() != null) {
            throw new IllegalArgumentException("a robust (cluster) variance is not available with exact ties: it needs"
                    + " score residuals, which R does not define for the exact method either; use efron or breslow");
        }
        int events = 0;
        for (boolean e : data.event()) {
            if (e) {
                events++;
            }
        }
        int p = data.design().width();
        if (init != null) {
            if (init.length != p) {
                throw new IllegalArgumentException("the model has " + p + " coefficient" + (p == 1 ? "" : "s") + " ("
                        + String.join(", ", data.design().columnNames()) + ") but " + init.length
                        + " starting value" + (init.length == 1 ? " was" : "s were") + " given; give one per coefficient"
                        + " in this order.");
            }
            for (double v : init) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("starting values must be finite numbers, got " + v);
                }
            }
        }
        data = prepared.centred();
        CoxRiskSets rs = prepared.riskSets(ties, null);
        if (events == 0) {
            return new TestedCoxModel(noEvents(data, rs), null);
        }
        double[] start = init == null ? new double[rs.p] : init.clone();
        // the PH test's sums at β̂ from the fit's last evaluation when it can be foreseen (a walk less)
        ProportionalHazardsTest.AlongFit along = zph == null ? null
                : ProportionalHazardsTest.AlongFit.of(prepared, rs, zph.transform());
        Fit f = newtonRaphson(rs, start.clone(), control, along);
        return assemble(prepared, rs, f, events, start, zph, along);
    }

    /**
     * The offset minus its (unweighted) mean, as R {@code coxph} centres it before fitting: the partial likelihood
     * is unchanged, the linear predictors are R's.
     */
    static double[] centred(double[] offset) {
        double mean = 0;
        for (double v : offset) {
            mean += v;
        }
        mean /= offset.length;
        double[] c = new double[offset.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = offset[i] - mean;
            if (!Double.isFinite(Math.exp(c[i]))) {
                throw new IllegalArgumentException("observation " + (i + 1) + ": the offset " + offset[i]
                        + " gives an infinite risk score (R: offsets must lead to a finite risk score)");
            }
        }
        return c;
    }

    /**
     * R's fit without events: coefficients NA with variance 0, log-likelihood 0 at start and end, tests 0 on 0 df,
     * concordance NA; the linear predictors are the offsets (0 without).
     */
    private CoxModel noEvents(CoxData data, CoxRiskSets rs) {
        int p = rs.p;
        List<CoxCoefficient> coefs = new ArrayList<>(p);
        for (String name : data.design().columnNames()) {
            coefs.add(new CoxCoefficient(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, false));
        }
        double[] lp = data.offset() == null ? new double[data.size()] : data.offset().clone();
        ChiSquareTest none = new ChiSquareTest(0, 0, 1); // R: "Likelihood ratio test=0 on 0 df, p=1"
        List<Diagnostic> diagnostics = List.of(noEventsWarning());
        return new CoxModel(ties, control, data.size(), 0, coefs, new double[p][p], new double[p][p], 0, 0, none, none,
                none, null, new Concordance(Double.NaN, Double.NaN, concordance), 0, true, rs.means, lp, diagnostics, confLevel);
    }

    private static Diagnostic noEventsWarning() {
        return Diagnostic.warning("no-events", "There are no events (every row is censored), so the Cox model cannot"
                + " be estimated: every coefficient is NA, as in R.");
    }

    /**
     * The log partial likelihood, score and information at a given β (R {@code coxph(..., init = beta,
     * iter.max = 0)}), e.g. to check closed forms or profile a coefficient.
     */
    public CoxLikelihood likelihoodAt(CoxData data, double[] beta) {
        CoxRiskSets rs = CoxRiskSets.of(data, ties, null);
        if (beta.length != rs.p) {
            throw new IllegalArgumentException("need " + rs.p + " coefficients, got " + beta.length);
        }
        double[] scaled = new double[rs.p];
        for (int j = 0; j < rs.p; j++) {
            scaled[j] = beta[j] / rs.scale[j];
        }
        CoxRiskSets.Evaluation ev = rs.evaluate(scaled, true);
        double[] u = new double[rs.p];
        double[][] info = new double[rs.p][rs.p];
        for (int i = 0; i < rs.p; i++) {
            u[i] = ev.u[i] / rs.scale[i];
            for (int j = 0; j < rs.p; j++) {
                info[i][j] = ev.imat[i][j] / (rs.scale[i] * rs.scale[j]);
            }
        }
        return new CoxLikelihood(beta, ev.loglik, u, info);
    }

    /** R coxfit6's iteration, on the scaled covariates of {@code rs}; init on the original scale. */
    static Fit newtonRaphson(PartialLikelihood rs, double[] init, CoxControl control) {
        return newtonRaphson(rs, init, control, null);
    }

    /**
     * An evaluation of the partial likelihood that also computes sums wanted at the fit's final β (the
     * proportional-hazards test's), completed only when {@code last} holds for the evaluation's log-likelihood.
     */
    interface LastEvaluation {
        CoxRiskSets.Evaluation evaluate(double[] scaledBeta, java.util.function.DoublePredicate last);
    }

    /**
     * How close the step's expected gain in log-likelihood (half the score test of the step, exact for a quadratic)
     * must come to the convergence test, relative to it, for the next evaluation to be foreseen as the last. Newton
     * steps converge quadratically: the gain after a step of 10 eps |ℓ| is ~(eps |ℓ|)² away. A wrong guess costs
     * little either way: too early, the per-event-time sums of one walk; too late, the test walks on its own.
     */
    private static final double FORESEE = 10;

    /**
     * Newton–Raphson as R's coxfit6; with {@code along} not null, the evaluation foreseen as the last (expected gain
     * of its step within {@link #FORESEE} times the convergence test) also computes {@code along}'s sums. The
     * iterations, and so the fit, are the same either way.
     */
    static Fit newtonRaphson(PartialLikelihood rs, double[] init, CoxControl control, LastEvaluation along) {
        int p = rs.width();
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = init[j] / rs.factor()[j];
        }
        CoxRiskSets.Evaluation ev = rs.evaluate(beta, true);
        double loglik0 = ev.loglik;
        double best = loglik0;
        Cholesky chol = Cholesky.of(ev.imat, control.tolerChol());
        double[] step = chol.solve(ev.u);
        double sctest = 0;
        for (int j = 0; j < p; j++) {
            sctest += ev.u[j] * step[j];
        }
        if (control.iterMax() == 0 || !Double.isFinite(loglik0)) {
            return unscale(rs, beta, ev.u, chol, loglik0, loglik0, sctest, 0, control.iterMax() == 0);
        }
        double[] newbeta = new double[p];
        for (int j = 0; j < p; j++) {
            newbeta[j] = beta[j] + step[j];
        }
        int halving = 0;
        double gain = sctest / 2; // the expected gain of the step to newbeta
        for (int iter = 1; iter <= control.iterMax(); iter++) {
            double before = best;
            ev = along != null && halving == 0 && gain <= FORESEE * control.eps() * Math.abs(best)
                    ? along.evaluate(newbeta, lk -> Double.isFinite(lk) && Math.abs(1 - before / lk) <= control.eps())
                    : rs.evaluate(newbeta, true);
            double newlk = ev.loglik;
            chol = Cholesky.of(ev.imat, control.tolerChol());
            boolean finite = Double.isFinite(newlk);
            for (int i = 0; i < p && finite; i++) {
                finite = Double.isFinite(ev.u[i]);
                for (int j = 0; j < p && finite; j++) {
                    finite = Double.isFinite(ev.imat[i][j]);
                }
            }
            if (finite && Math.abs(1 - best / newlk) <= control.eps()) {
                return unscale(rs, newbeta, ev.u, chol, loglik0, newlk, sctest, iter, true);
            }
            if (!finite || newlk < best) {
                halving++;
                for (int j = 0; j < p; j++) {
                    newbeta[j] = (newbeta[j] + halving * beta[j]) / (halving + 1.0);
                }
            } else {
                halving = 0;
                best = newlk;
                double[] s = chol.solve(ev.u);
                gain = 0;
                for (int j = 0; j < p; j++) {
                    beta[j] = newbeta[j];
                    newbeta[j] = newbeta[j] + s[j];
                    gain += ev.u[j] * s[j] / 2;
                }
            }
        }
        ev = rs.evaluate(beta, true);
        chol = Cholesky.of(ev.imat, control.tolerChol());
        return unscale(rs, beta, ev.u, chol, loglik0, control.iterMax() > 1 ? ev.loglik : best, sctest,
                control.iterMax(), false);
    }

    private static Fit unscale(PartialLikelihood rs, double[] scaledBeta, double[] scaledU, Cholesky chol, double loglik0,
            double loglik, double sctest, int iter, boolean converged) {
        int p = rs.width();
        double[][] inv = chol.inverse();
        double[] beta = new double[p];
        double[] u = new double[p];
        double[][] var = new double[p][p];
        boolean[] singular = new boolean[p];
        for (int i = 0; i < p; i++) {
            beta[i] = scaledBeta[i] * rs.factor()[i];
            u[i] = scaledU[i] / rs.factor()[i];
            singular[i] = chol.singular(i);
            for (int j = 0; j < p; j++) {
                var[i][j] = inv[i][j] * rs.factor()[i] * rs.factor()[j];
            }
        }
        return new Fit(beta, u, var, loglik0, loglik, sctest, iter, converged, singular, rs.centre(), chol.rank());
    }

    private TestedCoxModel assemble(PreparedCoxData prepared, CoxRiskSets rs, Fit f, int events, double[] init,
            ZphRequest zph, ProportionalHazardsTest.AlongFit along) {
        CoxData data = prepared.centred();
        double[] coef = estimable(f);
        double[][] naive = f.var();
        double[][] variance = naive;
        ChiSquareTest robustScore = null;
        if (CoxResiduals.robustByDefault(data) && f.rank() > 0) {
            // R coxph: robust variance with cluster() or non-integer weights; naive.var kept
            variance = CoxResiduals.robustVariance(rs, data, coef, f.means(), naive);
            robustScore = ChiSquareTest.of(CoxResiduals.robustScoreStatistic(rs, data, control.tolerChol()), f.rank());
        }
        double[] lp = linearPredictors(data, coef, f.means());
        // the PH test (given the coefficients) on another thread while this one computes the concordance; the fit is
        // done with rs's work arrays, the concordance reads only its time ranks
        boolean testable = zph != null && java.util.Arrays.stream(coef).anyMatch(Double::isFinite);
        java.util.concurrent.CompletableFuture<ZphResult> test = !testable ? null
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> ProportionalHazardsTest.run(prepared, rs,
                        coef, ties, lp, zph.transform(), zph.byTerm(), false,
                        along == null ? null : along.at(f.beta(), f.singular())));
        // Harrell's C of the linear predictor with R's infinitesimal-jackknife SE (clusters as coxph)
        Concordance concordance = this.concordance == ConcordanceWeighting.HARRELL
                ? ConcordanceIndex.forModel(rs, data.start(), data.stop(), data.event(), lp, data.strata(),
                        data.weights(), data.cluster())
                : ConcordanceIndex.detail(data.start(), data.stop(), data.event(), lp, data.strata(), data.weights(),
                        data.cluster(), this.concordance).concordance();
        CoxModel model = model(data.design().columnNames(), data.size(), f, events, init, j -> cause(data, j),
                variance, robustScore, concordance, lp);
        return new TestedCoxModel(model, test == null ? null : await(test));
    }

    /** The result of a computation on another thread; its exception (the test's message) as thrown there. */
    private static <T> T await(java.util.concurrent.CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The coefficients with NaN for the aliased columns. */
    private static double[] estimable(Fit f) {
        double[] coef = f.beta().clone();
        for (int j = 0; j < coef.length; j++) {
            if (f.singular()[j]) {
                coef[j] = Double.NaN;
            }
        }
        return coef;
    }

    /**
     * The model from a finished iteration: diagnostics (aliasing, non-convergence, monotone likelihood with its
     * {@code cause} per column), coefficients with their intervals, and the three tests.
     */
    private CoxModel model(List<String> names, int n, Fit f, int events, double[] init, IntFunction<String> cause,
            double[][] variance, ChiSquareTest robustScore, Concordance concordance, double[] lp) {
        int p = names.size();
        List<Diagnostic> diagnostics = new ArrayList<>();
        double[] coef = estimable(f);
        for (int j = 0; j < p; j++) {
            if (f.singular()[j]) {
                diagnostics.add(Diagnostic.warning("aliased", "'" + names.get(j) + "' is a linear combination of the"
                        + " other covariates (or constant): its coefficient is not estimable and is reported as NA."));
            }
        }
        if (!f.converged()) {
            diagnostics.add(Diagnostic.warning("not-converged", "The Cox fit did not converge in "
                    + control.iterMax() + (control.iterMax() == 1 ? " iteration" : " iterations")
                    + "; estimates may be unreliable."));
        } else if (control.iterMax() > 1) {
            List<Integer> joint = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                if (f.singular()[j]) {
                    continue;
                }
                double inf = 0;
                for (int k = 0; k < p; k++) {
                    inf += f.u()[k] * f.var()[k][j];
                }
                inf = Math.abs(inf);
                if (!Double.isFinite(f.u()[j]) || (inf > control.eps() && inf > control.tolerInf() * Math.abs(coef[j]))) {
                    String why = cause.apply(j);
                    if (!why.startsWith(" Cause:")) {
                        joint.add(j);
                        continue;
                    }
                    diagnostics.add(Diagnostic.warning("monotone-likelihood", monotone(names.get(j), coef[j], why)));
                }
            }
            if (joint.size() == 1) {
                int j = joint.get(0);
                diagnostics.add(Diagnostic.warning("monotone-likelihood", monotone(names.get(j), coef[j],
                        cause.apply(j))));
            } else if (joint.size() > 1) {
                diagnostics.add(Diagnostic.warning("monotone-likelihood", jointDivergence(names, coef, joint)));
            }
        }
        double[][] naive = f.var();
        int df = f.rank();
        double z = Normal.quantile(0.5 + confLevel / 2);
        List<CoxCoefficient> coefs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            if (f.singular()[j]) {
                coefs.add(new CoxCoefficient(names.get(j), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, true));
                continue;
            }
            double se = Math.sqrt(naive[j][j]);
            double robustSe = robustScore == null ? Double.NaN : Math.sqrt(variance[j][j]);
            double useSe = robustScore == null ? se : robustSe;
            double zj = coef[j] / useSe;
            coefs.add(new CoxCoefficient(names.get(j), coef[j], se, robustSe, zj, Normal.twoSidedP(zj),
                    Math.exp(coef[j]), Math.exp(coef[j] - z * useSe), Math.exp(coef[j] + z * useSe), false));
        }
        double lr = 2 * (f.loglik() - f.loglikNull());
        // R coxph: "the Wald test of whether the final coefficients differ from the initial values"
        double[] moved = coef.clone();
        for (int j = 0; j < p; j++) {
            moved[j] -= init[j];
        }
        double wald = waldStatistic(moved, variance, f.singular());
        return new CoxModel(ties, control, n, events, coefs, variance, naive, f.loglikNull(), f.loglik(),
                ChiSquareTest.of(lr, df), ChiSquareTest.of(wald, df), ChiSquareTest.of(f.scoreTest(), df), robustScore,
                concordance, f.iterations(), f.converged(), f.means(), lp, diagnostics, confLevel);
    }

    private static String monotone(String name, double coef, String cause) {
        return "The log-likelihood converged while the coefficient of '" + name + "' kept growing ("
                + DiagnosticText.num(coef) + "): it may be infinite (monotone likelihood), so its hazard ratio,"
                + " standard error and p-value are meaningless." + cause + " Use Firth's penalized likelihood"
                + " (--firth) or merge sparse groups.";
    }

    /**
     * Fits the model to right-censored data kept elsewhere (e.g. a Spark Dataset) from its risk-set sums: the same
     * Newton–Raphson iteration, step-halving and stopping rule as {@link #fit(CoxData)}, each step one call of
     * {@link CoxRiskSetSource#riskSetSums}. Equal to {@code fit} on the same rows up to rounding (the sums are added
     * in another order). What needs the rows themselves is not available: the concordance is NaN, the linear
     * predictors are empty and the variance is the model-based one (whole-number case weights, as R's default for
     * them; with clusters or non-integer weights R's variance is the robust one: {@link #fit(CoxRiskSetSource,
     * CoxClusterScores)}).
     *
     * @throws IllegalArgumentException with exact ties (they need every risk score of a tied risk set)
     */
    public CoxModel fit(CoxRiskSetSource source) {
        return fit(source, null);
    }

    /**
     * {@link #fit(CoxRiskSetSource)} with R's robust variance by cluster ({@code coxph(..., cluster = )}): after the
     * fit, two more passes of risk-set sums (at the estimate and at β = 0, on the covariates centred on the model's
     * means) give the per-time terms of the rows' score residuals ({@link CoxScoreTerms}), and one pass of
     * {@code clusters} sums the weighted residuals per cluster and returns their products. The variance is then the
     * sandwich V (Σ L<sub>c</sub> L<sub>c</sub>ᵀ) V (V the model-based variance, kept as {@code naiveVariance}), the
     * Wald test and intervals use it, and the robust score test is U'(Σ T<sub>c</sub> T<sub>c</sub>ᵀ)⁻U at β = 0, as
     * {@link #fit(CoxData)} does with {@code data.cluster()} (Lin &amp; Wei 1989; R survival 3.5-3).
     *
     * @param clusters the rows summed per cluster, or null for the model-based variance
     */
    public CoxModel fit(CoxRiskSetSource source, CoxClusterScores clusters) {
        if (ties == Ties.EXACT) {
            throw new IllegalArgumentException("exact ties need every risk score of each tied risk set, which risk-set"
                    + " sums do not keep; use efron or breslow");
        }
        SummedRiskSets rs = SummedRiskSets.of(source, ties);
        List<String> names = source.columnNames();
        int p = names.size();
        int n = Math.toIntExact(rs.rows());
        int events = Math.toIntExact(rs.events());
        Concordance none = new Concordance(Double.NaN, Double.NaN, concordance);
        if (events == 0) {
            Fit f = new Fit(new double[p], new double[p], new double[p][p], 0, 0, 0, 0, true, new boolean[p],
                    rs.centre(), 0);
            List<CoxCoefficient> coefs = new ArrayList<>(p);
            for (String name : names) {
                coefs.add(new CoxCoefficient(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, false));
            }
            ChiSquareTest zero = new ChiSquareTest(0, 0, 1);
            return new CoxModel(ties, control, n, 0, coefs, f.var(), f.var(), 0, 0, zero, zero, zero, null, none, 0,
                    true, f.means(), new double[0], List.of(noEventsWarning()), confLevel);
        }
        double[] init = new double[p];
        Fit f = newtonRaphson(rs, init, control);
        double[][] variance = f.var();
        ChiSquareTest robustScore = null;
        if (clusters != null && f.rank() > 0) {
            double[] coef = estimable(f);
            for (int j = 0; j < p; j++) {
                coef[j] = Double.isNaN(coef[j]) ? 0 : coef[j];
            }
            double[] ones = new double[p];
            java.util.Arrays.fill(ones, 1);
            double[] zero = new double[p];
            CoxScoreTerms fitted = CoxScoreTerms.of(source.riskSetSums(f.means(), ones, coef), ties, f.means(), coef);
            CoxScoreTerms nul = CoxScoreTerms.of(source.riskSetSums(f.means(), ones, zero), ties, f.means(), zero);
            double[] products = clusters.clusterProducts(fitted, nul);
            variance = Sandwich.of(f.var(), CoxResiduals.square(products, 0, p));
            double[] u = java.util.Arrays.copyOfRange(products, p * p, p * p + p);
            robustScore = ChiSquareTest.of(CoxResiduals.robustScoreStatistic(u,
                    CoxResiduals.square(products, p * p + p, p), control.tolerChol()), f.rank());
        }
        return model(names, n, f, events, init, j -> " Typical cause: a group with no events.", variance, robustScore,
                none, new double[0]);
    }

    /**
     * The message for coefficients that run to infinity together (R: "Loglik converged before variables j, k;
     * coefficient may be infinite" for several variables): no single indicator has a side without events, but a
     * combination of the terms orders the events perfectly.
     */
    static String jointDivergence(List<String> names, double[] coef, List<Integer> cols) {
        StringBuilder terms = new StringBuilder();
        for (int a = 0; a < cols.size(); a++) {
            int j = cols.get(a);
            if (a > 0) {
                terms.append(a == cols.size() - 1 ? " and " : ", ");
            }
            terms.append('\'').append(names.get(j)).append("' towards ").append(coef[j] > 0 ? "+" : "-")
                    .append("infinity (").append(DiagnosticText.num(coef[j])).append(')');
        }
        return "The log-likelihood converged while " + cols.size() + " coefficients kept growing together: "
                + terms + ". Together these terms separate the subjects with events from those without (a monotone"
                + " likelihood of a combination of terms, although no single group lacks events), so their hazard"
                + " ratios, standard errors and p-values are meaningless. Firth's penalized likelihood (--firth)"
                + " gives finite estimates; or drop or merge one of these terms.";
    }

    /** For an indicator column, the plain-words reason of a monotone likelihood: a side without events. */
    static String cause(CoxData data, int j) {
        double[] x = data.design().columns()[j];
        int n1 = 0;
        int e1 = 0;
        int n0 = 0;
        int e0 = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0 && x[i] != 1) {
                return " Typical cause: a group with no events.";
            }
            boolean ev = data.event()[i];
            if (x[i] == 1) {
                n1++;
                e1 += ev ? 1 : 0;
            } else {
                n0++;
                e0 += ev ? 1 : 0;
            }
        }
        String name = data.design().columnNames().get(j);
        if (e1 == 0) {
            return " Cause: no events among the " + n1 + " subjects with " + name + ".";
        }
        if (e0 == 0) {
            return " Cause: no events among the " + n0 + " subjects without " + name + ".";
        }
        return " Typical cause: a group with very few events.";
    }

    /** β' V⁻ β over the estimable coefficients (R {@code coxph.wtest}). */
    static double waldStatistic(double[] coef, double[][] var, boolean[] singular) {
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < coef.length; j++) {
            if (!singular[j]) {
                keep.add(j);
            }
        }
        int m = keep.size();
        double[][] v = new double[m][m];
        double[] b = new double[m];
        for (int a = 0; a < m; a++) {
            b[a] = coef[keep.get(a)];
            for (int c = 0; c < m; c++) {
                v[a][c] = var[keep.get(a)][keep.get(c)];
            }
        }
        Cholesky ch = Cholesky.of(v, 1e-12);
        double[] s = ch.solve(b);
        double w = 0;
        for (int a = 0; a < m; a++) {
            w += b[a] * s[a];
        }
        return w;
    }

    static double[] linearPredictors(CoxData data, double[] coef, double[] means) {
        double[][] cols = data.design().columns();
        int n = data.size();
        // R coxph: linear.predictors = x β + offset − Σ β·means
        double[] lp = data.offset() == null ? new double[n] : data.offset().clone();
        // blocks of rows on both cores, each row's terms over the estimable columns in column order
        int[] use = java.util.stream.IntStream.range(0, coef.length).filter(j -> !Double.isNaN(coef[j])).toArray();
        TwoCores.inHalves(n, (from, to) -> {
            for (int start = from; start < to; start += 1024) {
                CoxRiskSets.addLinearTerms(lp, cols, coef, means, use, start, Math.min(to, start + 1024));
            }
        });
        return lp;
    }

    @Override
    public String toString() {
        return "CoxRegression[" + ties.id() + ", " + control + ", " + concordance.id() + "]";
    }
}

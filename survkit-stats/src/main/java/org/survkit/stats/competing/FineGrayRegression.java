package org.survkit.stats.competing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.cox.CoxCoefficient;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.internal.RankedTimes;
import org.survkit.stats.internal.Cholesky;
import org.survkit.stats.internal.DiagnosticText;
import org.survkit.stats.internal.Normal;
import org.survkit.stats.internal.Sandwich;
import org.survkit.stats.model.DesignMatrix;

/**
 * Fine–Gray proportional subdistribution hazards regression for one cause in the presence of competing
 * risks, as R cmprsk {@code crr(ftime, fstatus, cov1, failcode, cencode)}.
 *
 * <pre>
 * FineGrayModel m = FineGrayRegression.withDefaults().fit(time, status, 0, 1, design);
 * </pre>
 *
 * <p>The subdistribution hazard of cause c is λ<sub>c</sub>(t; x) = −d log(1 − F<sub>c</sub>(t; x))/dt; the model
 * is λ<sub>c</sub>(t; x) = λ<sub>c0</sub>(t) exp(x'β), so exp(β) is a subdistribution hazard ratio: it says how a
 * covariate changes the incidence of the cause (1 − F<sub>c</sub>(t; x) = (1 − F<sub>c0</sub>(t))^exp(x'β)), not
 * the cause-specific rate among those still event-free. β maximises the log pseudo-likelihood of
 * {@link FineGrayRiskSets} (subjects failed from a competing cause stay in the risk set with inverse
 * probability of censoring weights; Fine &amp; Gray, <i>JASA</i> 1999;94:496–509).
 *
 * <p>Newton–Raphson from β = 0 with crr's backtracking (the step is halved, up to 20 times, until the
 * pseudo-likelihood rises by at least 10⁻⁴ of the predicted gain) and crr's stopping rule
 * ({@link FineGrayControl}), so that the iterates — not only the limit — are R's. Covariates are centred
 * internally, which changes no estimate. The variance is crr's robust sandwich I⁻¹ B I⁻¹, B the sum of the
 * outer products of the score residuals (with the term for the estimated censoring distribution); the
 * model-based I⁻¹ is kept as {@link FineGrayCoefficient#modelSe()}. Columns found redundant at β = 0
 * (constant or collinear) are reported as aliased with NaN, where crr stops with an error.
 *
 * <p>With entry times (left truncation) the model is fitted as R survival's {@code finegray} + weighted
 * {@code coxph} instead: {@link #fit(double[], double[], double[], double, double, DesignMatrix)}.
 *
 * <p>One censoring distribution for all subjects (crr without {@code cengroup}); no time-varying
 * coefficients ({@code cov2}); times used as given. Instances are immutable and thread-safe.
 */
public final class FineGrayRegression {
    private static final FineGrayRegression DEFAULTS = new FineGrayRegression(FineGrayControl.DEFAULT, 0.95);
    /** |β| beyond this (a hazard ratio beyond e⁵ ≈ 148) in a fit that did not converge is called diverging. */
    static final double DIVERGING = 5;

    private final FineGrayControl control;
    private final double confLevel;

    private FineGrayRegression(FineGrayControl control, double confLevel) {
        this.control = control;
        this.confLevel = confLevel;
    }

    /** cmprsk's iteration settings, 95% intervals. */
    public static FineGrayRegression withDefaults() {
        return DEFAULTS;
    }

    public FineGrayRegression with(FineGrayControl c) {
        return new FineGrayRegression(Objects.requireNonNull(c, "control"), confLevel);
    }

    /**
     * A copy with another confidence level for the hazard ratios.
     *
     * @param level in (0, 1)
     */
    public FineGrayRegression withConfLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + level);
        }
        return new FineGrayRegression(control, level);
    }

    public FineGrayControl control() {
        return control;
    }

    public double confLevel() {
        return confLevel;
    }

    /**
     * Fits the model.
     *
     * @param time       follow-up times, finite and ≥ 0
     * @param status     status per observation: {@code censorCode} censored, any other number a cause
     * @param censorCode the censoring code
     * @param cause      the cause of interest
     * @param design     covariates, one row per observation
     * @throws IllegalArgumentException for invalid data, when {@code cause} never occurs or equals the
     *                                  censoring code, or without covariates
     */
    public FineGrayModel fit(double[] time, double[] status, double censorCode, double cause, DesignMatrix design) {
        if (design.rows() != time.length && design.width() > 0) {
            throw new IllegalArgumentException("the design matrix has " + design.rows() + " rows for " + time.length
                    + " observations");
        }
        Kinds k = Kinds.of(time, status, censorCode, cause, design);
        int n = time.length;
        byte[] kind = k.kind();
        int p = design.width();
        double[][] centred = new double[p][];
        for (int j = 0; j < p; j++) {
            double[] c = design.columns()[j];
            double mean = 0;
            for (double v : c) {
                mean += v;
            }
            mean /= n;
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = c[i] - mean;
            }
            centred[j] = out;
        }
        // aliased columns: redundant in the information at β = 0
        FineGrayRiskSets full = new FineGrayRiskSets(time, kind, centred);
        boolean[] aliased = new boolean[p];
        List<Integer> kept = estimable(full, aliased);
        int q = kept.size();
        FineGrayRiskSets rs = full;
        if (q < p) {
            double[][] sub = new double[q][];
            for (int a = 0; a < q; a++) {
                sub[a] = centred[kept.get(a)];
            }
            rs = new FineGrayRiskSets(time, kind, sub);
        }
        Fit f = q == 0 ? null : newtonRaphson(rs, control);
        return assemble(design.columnNames(), cause, censorCode, n, k, aliased, kept, rs, f);
    }

    /**
     * Fits the model to left-truncated (delayed-entry) data, as R survival's
     * {@code finegray(Surv(start, time, event) ~ ., data)} followed by the weighted
     * {@code coxph(Surv(fgstart, fgstop, fgstatus) ~ x, weights = fgwt)}: the censoring weights of the competing
     * failures are the product of the censoring and the entry (truncation) distributions ({@link FineGrayExpansion};
     * Geskus 2011). Efron ties; the standard error is coxph's robust one whenever a weight is not an integer
     * (its default; the rows of a subject are independent observations there, as in R), else the model-based
     * one, which is also {@link FineGrayCoefficient#modelSe()}. Without delayed entry and without ties the
     * coefficients are crr's ({@link #fit(double[], double[], double, double, DesignMatrix)}); the standard errors
     * are not (crr's sandwich adds the term of the estimated censoring distribution). The log-likelihoods are
     * those of the weighted Cox fit, the iterations coxph's; {@link #control()} is not used here.
     *
     * <p>Cost: the weights are computed in O(n·m) for m distinct censoring and entry times.
     *
     * @param start entry times, each below its {@code time}; null for {@link #fit(double[], double[], double,
     *              double, DesignMatrix) crr's fit}
     */
    public FineGrayModel fit(double[] start, double[] time, double[] status, double censorCode, double cause,
            DesignMatrix design) {
        if (start == null) {
            return fit(time, status, censorCode, cause, design);
        }
        int n = time.length;
        if (start.length != n || design.rows() != n && design.width() > 0) {
            throw new IllegalArgumentException("start, time, status and the design matrix must have " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (!(Double.isFinite(start[i]) && start[i] < time[i])) {
                throw new IllegalArgumentException("observation " + (i + 1) + ": the entry time " + start[i]
                        + " must be finite and below the exit time " + time[i]);
            }
        }
        Kinds k = Kinds.of(time, status, censorCode, cause, design);
        byte[] kind = k.kind();
        // R's timefix (aeqSurv) on the pooled entry and exit times, then exact comparisons
        double[] both = new double[2 * n];
        System.arraycopy(start, 0, both, 0, n);
        System.arraycopy(time, 0, both, n, n);
        RankedTimes ranked = RankedTimes.of(both, true);
        double[] st = new double[n];
        double[] sp = new double[n];
        for (int i = 0; i < n; i++) {
            st[i] = ranked.times()[ranked.rank()[i]];
            sp[i] = ranked.times()[ranked.rank()[n + i]];
        }
        FineGrayExpansion x = FineGrayExpansion.of(st, sp, kind);
        int p = design.width();
        double[][] cols = new double[p][x.size()];
        for (int j = 0; j < p; j++) {
            double[] c = design.columns()[j];
            for (int r = 0; r < x.size(); r++) {
                cols[j][r] = c[x.row[r]];
            }
        }
        DesignMatrix expanded = new DesignMatrix(design.columnNames(), design.assign(), design.termLabels(), cols);
        CoxModel cox = CoxRegression.withDefaults().withConfLevel(confLevel)
                .fit(new CoxData(x.start, x.stop, x.event, expanded, x.weight, null, null));
        List<FineGrayCoefficient> coefs = new ArrayList<>(p);
        for (CoxCoefficient c : cox.coefficients()) {
            double se = cox.robust() ? c.robustSe() : c.se();
            coefs.add(new FineGrayCoefficient(c.term(), c.coef(), se, c.se(), c.z(), c.pValue(), c.hr(), c.hrLower(),
                    c.hrUpper(), c.aliased()));
        }
        List<Diagnostic> diagnostics = new ArrayList<>(cox.diagnostics());
        diagnostics.add(Diagnostic.note("left-truncation", "Delayed entry: the competing failures' weights use the"
                + " censoring and the entry distributions (R survival's finegray with (start, stop] data, Geskus"
                + " 2011); estimates from the weighted Cox model of " + x.size() + " rows, with coxph's "
                + (cox.robust() ? "robust" : "model-based") + " standard errors."));
        return new FineGrayModel(cause + 0.0, censorCode + 0.0, control, n, k.events(), k.competing(), k.censored(),
                coefs, cox.variance(), cox.naiveVariance(), cox.loglikNull(), cox.loglik(), cox.iterations(),
                cox.converged(), diagnostics, confLevel);
    }

    /**
     * Each observation's kind, checked: 0 censored, 1 the cause of interest, 2 a competing cause, with the counts.
     */
    record Kinds(byte[] kind, int events, int competing, int censored) {
        /**
         * @throws IllegalArgumentException for invalid times or codes, without covariates, when {@code cause} is
         *                                  the censoring code or never occurs
         */
        static Kinds of(double[] time, double[] status, double censorCode, double cause, DesignMatrix design) {
            CompetingRisksInput.check(time, status, censorCode);
            if (design.width() == 0) {
                throw new IllegalArgumentException("a Fine-Gray model needs at least one covariate");
            }
            if (cause == censorCode) {
                throw new IllegalArgumentException("the cause of interest " + DiagnosticText.num(cause)
                        + " is the censoring code");
            }
            int n = time.length;
            byte[] kind = new byte[n];
            int events = 0;
            int competing = 0;
            int censored = 0;
            for (int i = 0; i < n; i++) {
                if (status[i] == censorCode) {
                    censored++;
                } else if (status[i] == cause) {
                    kind[i] = 1;
                    events++;
                } else {
                    kind[i] = 2;
                    competing++;
                }
            }
            if (events == 0) {
                throw new IllegalArgumentException("cause " + DiagnosticText.num(cause) + " never occurs; the causes are "
                        + java.util.Arrays.toString(CompetingRisksInput.causes(status, censorCode)));
            }
            return new Kinds(kind, events, competing, censored);
        }
    }

    /** The estimable columns: those not redundant in the information at β = 0 (the others marked in {@code aliased}). */
    private List<Integer> estimable(FineGrayLikelihood full, boolean[] aliased) {
        int p = full.width();
        Cholesky atZero = Cholesky.of(full.evaluate(new double[p], true).info, control.tolerChol());
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            aliased[j] = atZero.singular(j);
            if (!aliased[j]) {
                kept.add(j);
            }
        }
        return kept;
    }

    /**
     * Fits the model (as {@link #fit(double[], double[], double, double, DesignMatrix)}: crr's estimates and robust
     * variance) to data kept elsewhere, asked only for sums: rows per (time, kind), the columns' means, per Newton
     * step the risk-set sums per time ({@link SummedFineGray}), and at the end the cross-products of the score
     * residuals. The same Newton–Raphson, so the same iterations; the numbers equal the in-memory fit's to rounding.
     *
     * @param source     the data
     * @param cause      the cause of interest (for the model's record; the source codes the kinds)
     * @param censorCode the censoring code (ditto)
     * @throws IllegalArgumentException without covariates, or when the cause never occurs
     */
    public FineGrayModel fit(FineGraySource source, double cause, double censorCode) {
        List<String> names = source.columnNames();
        int p = names.size();
        if (p == 0) {
            throw new IllegalArgumentException("a Fine-Gray model needs at least one covariate");
        }
        FineGraySource.Counts counts = source.counts();
        long[] byKind = new long[3];
        for (int i = 0; i < counts.time().length; i++) {
            byKind[counts.kind()[i]] += counts.count()[i];
        }
        if (byKind[1] == 0) {
            throw new IllegalArgumentException("cause " + DiagnosticText.num(cause) + " never occurs");
        }
        Kinds k = new Kinds(new byte[0], Math.toIntExact(byKind[1]), Math.toIntExact(byKind[2]),
                Math.toIntExact(byKind[0]));
        double[] centre = source.columnMeans();
        int[] all = java.util.stream.IntStream.range(0, p).toArray();
        SummedFineGray full = new SummedFineGray(source, counts, centre, all);
        boolean[] aliased = new boolean[p];
        List<Integer> kept = estimable(full, aliased);
        SummedFineGray rs = kept.size() == p ? full : new SummedFineGray(source, counts, centre,
                kept.stream().mapToInt(Integer::intValue).toArray());
        Fit f = kept.isEmpty() ? null : newtonRaphson(rs, control);
        int n = Math.toIntExact(byKind[0] + byKind[1] + byKind[2]);
        return assemble(names, cause, censorCode, n, k, aliased, kept, rs, f);
    }

    /** Result of the Newton–Raphson workhorse on the estimable columns. */
    record Fit(double[] beta, double loglikNull, double loglik, double[][] naive, double[][] robust, int iterations,
            boolean converged) {
    }

    /** crr's Newton–Raphson with backtracking, then its variance at the final β. */
    static Fit newtonRaphson(FineGrayLikelihood rs, FineGrayControl control) {
        int p = rs.width();
        double[] b = new double[p];
        FineGrayRiskSets.Evaluation ev = null;
        boolean converged = false;
        int iter = 0;
        for (int ll = 0; ll <= control.maxIter(); ll++) {
            iter = ll;
            ev = rs.evaluate(b, true);
            // crr minimises f = −ℓ with gradient −U
            double f = -ev.loglik;
            double crit = 0;
            for (int j = 0; j < p; j++) {
                crit = Math.max(crit, Math.abs(ev.score[j]) * Math.max(Math.abs(b[j]), 1));
            }
            if (crit < Math.max(Math.abs(f), 1) * control.gtol()) {
                converged = true;
                break;
            }
            if (ll == control.maxIter()) {
                break;
            }
            double[] sc = Cholesky.of(ev.info, control.tolerChol()).solve(ev.score);
            double slope = 0; // Σ sc · gradient of f
            for (int j = 0; j < p; j++) {
                slope -= sc[j] * ev.score[j];
            }
            double[] bn = new double[p];
            for (int j = 0; j < p; j++) {
                bn[j] = b[j] + sc[j];
            }
            double fbn = -rs.loglik(bn);
            int halvings = 0;
            while (!(fbn <= f + 1e-4 * slope)) {
                halvings++;
                for (int j = 0; j < p; j++) {
                    sc[j] *= 0.5;
                    bn[j] = b[j] + sc[j];
                }
                fbn = -rs.loglik(bn);
                if (halvings > 20) {
                    break;
                }
            }
            if (halvings > 20) {
                break;
            }
            b = bn;
        }
        if (!converged || ev == null) {
            ev = rs.evaluate(b, true);
        }
        Cholesky chol = Cholesky.of(ev.info, control.tolerChol());
        double[][] inv = chol.inverse();
        double[][] meat = rs.meat(b, ev);
        double[][] robust = Sandwich.of(inv, meat);
        double loglikNull = rs.loglik(new double[p]);
        return new Fit(b, loglikNull, ev.loglik, inv, robust, iter, converged);
    }

    private FineGrayModel assemble(List<String> names, double cause, double censorCode, int n, Kinds k,
            boolean[] aliased, List<Integer> kept, FineGrayLikelihood rs, Fit f) {
        int p = names.size();
        List<Diagnostic> diagnostics = new ArrayList<>();
        double[][] variance = new double[p][p];
        double[][] naive = new double[p][p];
        double[] coef = new double[p];
        java.util.Arrays.fill(coef, Double.NaN);
        if (f != null) {
            for (int a = 0; a < kept.size(); a++) {
                int j = kept.get(a);
                coef[j] = f.beta()[a];
                for (int c = 0; c < kept.size(); c++) {
                    variance[j][kept.get(c)] = f.robust()[a][c];
                    naive[j][kept.get(c)] = f.naive()[a][c];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            if (aliased[j]) {
                diagnostics.add(Diagnostic.warning("aliased", "'" + names.get(j) + "' is a linear combination of the"
                        + " other covariates (or constant): its coefficient is not estimable and is reported as NA."));
            }
        }
        boolean converged = f == null || f.converged();
        if (!converged) {
            diagnostics.add(Diagnostic.warning("not-converged", "The Fine-Gray fit did not converge in "
                    + control.maxIter() + " iterations (crr's criterion); estimates may be unreliable."));
            for (int j = 0; j < p; j++) {
                if (!aliased[j] && Math.abs(coef[j]) > DIVERGING) {
                    // crr stops after maxiter with the coefficient still growing: no finite maximum
                    diagnostics.add(Diagnostic.warning("monotone-likelihood", "The coefficient of '" + names.get(j)
                            + "' (" + DiagnosticText.num(coef[j]) + ") was still growing when the fit stopped: the"
                            + " pseudo-likelihood may have no maximum (e.g. no event of the cause in a factor level),"
                            + " so its hazard ratio, standard error and p-value are meaningless. Merge sparse levels"
                            + " or drop the covariate."));
                }
            }
        }
        double z = Normal.quantile(0.5 + confLevel / 2);
        List<FineGrayCoefficient> coefs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            if (aliased[j]) {
                coefs.add(new FineGrayCoefficient(names.get(j), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, true));
                continue;
            }
            double se = Math.sqrt(variance[j][j]);
            double zj = coef[j] / se;
            coefs.add(new FineGrayCoefficient(names.get(j), coef[j], se, Math.sqrt(naive[j][j]), zj,
                    Normal.twoSidedP(zj), Math.exp(coef[j]), Math.exp(coef[j] - z * se), Math.exp(coef[j] + z * se),
                    false));
        }
        double loglikNull = f == null ? rs.loglik(new double[rs.width()]) : f.loglikNull();
        double loglik = f == null ? loglikNull : f.loglik();
        return new FineGrayModel(cause + 0.0, censorCode + 0.0, control, n, k.events(), k.competing(), k.censored(),
                coefs, variance, naive, loglikNull, loglik, f == null ? 0 : f.iterations(), converged, diagnostics,
                confLevel);
    }

    @Override
    public String toString() {
        return "FineGrayRegression[gtol=" + control.gtol() + ", maxIter=" + control.maxIter() + ", confLevel="
                + confLevel + "]";
    }
}

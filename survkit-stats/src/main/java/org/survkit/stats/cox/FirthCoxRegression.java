package org.survkit.stats.cox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.Cholesky;
import org.survkit.stats.internal.Normal;

/**
 * Cox regression by Firth's penalized partial likelihood, as R {@code coxphf} (Heinze &amp; Ploner).
 *
 * <pre>
 * FirthCoxModel m = FirthCoxRegression.withDefaults().fit(CoxData.of(time, event, design));
 * </pre>
 *
 * <p>Maximizes ℓ*(β) = ℓ(β) + ½ log det I(β), the log partial likelihood plus half the log
 * determinant of its information (Firth 1993: the Jeffreys-prior penalty, which removes the O(1/n)
 * bias of β̂). Under <b>monotone likelihood</b> — e.g. a group without events, or a covariate that
 * separates who dies first — the ordinary Cox estimate is infinite ({@link CoxRegression} warns
 * "monotone-likelihood"); the penalty bounds ℓ* and the Firth estimate is finite (Heinze &amp;
 * Schemper 2001). Where the MLE is finite and events are plentiful the two nearly coincide, the Firth
 * estimate slightly closer to 0.
 *
 * <p>Output as coxphf: the standard error is from the inverse of the unpenalized information at
 * β̂; confidence intervals and per-coefficient p-values come by default from the profile penalized
 * likelihood ({@link FirthInference#PROFILE_LIKELIHOOD}) — Wald intervals are poor under monotone
 * likelihood; the overall test is the penalized likelihood ratio 2[ℓ*(β̂) − ℓ*(0)]. The fit is
 * coxphf's modified Newton–Raphson from β = 0 with its step cap, step-halving and convergence rules
 * ({@link FirthControl}), so that iterates and iteration counts are coxphf's; should it not converge
 * within {@code iterMax} iterations (it converges only linearly, which with very few events can
 * take hundreds), Newton steps with the observed penalized information finish it (diagnostic
 * "slow-convergence"). The constrained fits behind profile limits and tests use those Newton steps
 * throughout ({@link FirthFitter}, {@link ProfileLikelihoodLimit}).
 *
 * <p>Ties: {@link Ties#BRESLOW} is the default, as coxphf (which has nothing else). {@link Ties#EFRON}
 * is an extension: the same penalty on the Efron partial likelihood and its information. Strata
 * (separate baseline hazards, one penalty on the summed information), case weights (weighted
 * likelihood and information; integer weights equal replicated rows) and counting-process data
 * (delayed entry, time-varying covariates; coxphf supports these) are supported; a robust
 * (cluster) variance is not, as in coxphf. Aliased columns are dropped from the fit and reported as
 * NaN, as {@link CoxRegression} does (coxphf fails instead).
 *
 * <p>References: Firth D (1993) Bias reduction of maximum likelihood estimates. Biometrika 80:27–38.
 * Heinze G, Schemper M (2001) A solution to the problem of monotone likelihood in Cox regression.
 * Biometrics 57:114–119. Heinze G, Ploner M (2002) SAS and SPLUS programs to perform Cox regression
 * without convergence problems. Comput Methods Programs Biomed. Venzon DJ, Moolgavkar SH (1988) A
 * method for computing profile-likelihood-based confidence intervals. Appl Stat 37:87–94. R package
 * coxphf 1.13.4 (Heinze, Ploner, Jiricka, Steiner), whose conventions are matched.
 * Instances are immutable and thread-safe.
 */
public final class FirthCoxRegression {
    private static final FirthCoxRegression DEFAULTS = new FirthCoxRegression(Ties.BRESLOW, FirthControl.DEFAULT,
            FirthInference.PROFILE_LIKELIHOOD, 0.95);

    private final Ties ties;
    private final FirthControl control;
    private final FirthInference inference;
    private final double confLevel;

    private FirthCoxRegression(Ties ties, FirthControl control, FirthInference inference, double confLevel) {
        this.ties = ties;
        this.control = control;
        this.inference = inference;
        this.confLevel = confLevel;
    }

    /** Breslow ties, coxphf's control, profile penalized-likelihood inference, 95% intervals. */
    public static FirthCoxRegression withDefaults() {
        return DEFAULTS;
    }

    public FirthCoxRegression with(Ties t) {
        if (t == Ties.EXACT) {
            throw new IllegalArgumentException("Firth's penalized likelihood is available with breslow or efron ties,"
                    + " not exact");
        }
        return new FirthCoxRegression(Objects.requireNonNull(t, "ties"), control, inference, confLevel);
    }

    public FirthCoxRegression with(FirthControl c) {
        return new FirthCoxRegression(ties, Objects.requireNonNull(c, "control"), inference, confLevel);
    }

    public FirthCoxRegression with(FirthInference i) {
        return new FirthCoxRegression(ties, control, Objects.requireNonNull(i, "inference"), confLevel);
    }

    public FirthCoxRegression withConfLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + level);
        }
        return new FirthCoxRegression(ties, control, inference, level);
    }

    public Ties ties() {
        return ties;
    }

    public FirthControl control() {
        return control;
    }

    public FirthInference inference() {
        return inference;
    }

    public double confLevel() {
        return confLevel;
    }

    /**
     * Fits the model.
     *
     * @throws IllegalArgumentException when the data carry clusters (no robust variance here)
     */
    public FirthCoxModel fit(CoxData data) {
        if (data.cluster() != null) {
            throw new IllegalArgumentException("Firth's penalized Cox regression has no robust (cluster) variance"
                    + " (coxphf neither): fit without the cluster column");
        }
        if (data.offset() != null) {
            throw new IllegalArgumentException("Firth's penalized Cox regression is not available with an offset here:"
                    + " fit without --offset, or without --firth");
        }
        int events = 0;
        for (boolean e : data.event()) {
            if (e) {
                events++;
            }
        }
        List<String> names = data.design().columnNames();
        int p = names.size();
        List<Diagnostic> diagnostics = new ArrayList<>();

        // aliased columns: rank of the information (its null space does not depend on β)
        CoxRiskSets all = CoxRiskSets.of(data, ties, null);
        boolean[] aliased = p == 0 ? new boolean[0] : aliased(all.evaluate(new double[p], true).imat, names,
                diagnostics);
        int[] cols = kept(aliased);
        CoxRiskSets rs = cols.length == p ? all : CoxRiskSets.of(data, ties, cols);
        double[] unit = standardizingUnits(data, rs, cols);
        return model(names, data.size(), events, aliased, cols, new FirthLikelihood(rs), rs.scale, unit,
                all.means.clone(), coef -> CoxRegression.linearPredictors(data, coef, all.means.clone()),
                diagnostics);
    }

    /**
     * Fits the model on data kept elsewhere, from sums (e.g. on a Spark cluster): the same fit, profile-likelihood
     * limits and tests as {@link #fit(CoxData)} on the same rows, equal up to rounding (the sums are added in another
     * order). Passes over the data: three for the centring, scaling and standardizing scale, one for the aliased
     * columns (the Cox information at 0), then one per evaluation of the penalized likelihood — each iteration of a
     * fit one or more (step halving; with the observed curvature 2 more per free coefficient), and each profile limit
     * and test a few constrained fits. Without delayed entry (the source has (stratum, exit time) keys only). The
     * linear predictors, one per row, are not computed (empty).
     */
    public FirthCoxModel fit(FirthRiskSetSource source) {
        SummedRiskSets cox = SummedRiskSets.of(source, ties);
        List<String> names = source.columnNames();
        int p = names.size();
        List<Diagnostic> diagnostics = new ArrayList<>();
        boolean[] aliased = p == 0 ? new boolean[0] : aliased(cox.evaluate(new double[p], true).imat, names,
                diagnostics);
        int[] cols = kept(aliased);
        double[] centre = cox.centre();
        double[] factor = cox.factor();
        CoxColumnSums sums = source.columnSums();
        double[] weighted = sums.weighted();
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = weighted[j] / sums.weightSum();
        }
        double[] squares = source.squaredDeviations(mean);
        double[] scale = new double[cols.length];
        double[] unit = new double[cols.length];
        for (int a = 0; a < cols.length; a++) {
            scale[a] = factor[cols[a]];
            unit[a] = unit(scale[a], sums.weightSum(), squares[cols[a]]);
        }
        return model(names, Math.toIntExact(cox.rows()), Math.toIntExact(cox.events()), aliased, cols,
                new SummedFirthLikelihood(source, ties, centre, factor, cols), scale, unit, centre.clone(),
                coef -> new double[0], diagnostics);
    }

    /** Which columns are aliased (the Cholesky of the information at 0), each with a warning. */
    private static boolean[] aliased(double[][] information, List<String> names, List<Diagnostic> diagnostics) {
        int p = names.size();
        boolean[] aliased = new boolean[p];
        Cholesky chol = Cholesky.of(information, CoxControl.DEFAULT.tolerChol());
        for (int j = 0; j < p; j++) {
            aliased[j] = chol.singular(j);
            if (aliased[j]) {
                diagnostics.add(Diagnostic.warning("aliased", "'" + names.get(j) + "' is a linear combination"
                        + " of the other covariates, constant, or there are no events: its coefficient is not"
                        + " estimable and is reported as NA."));
            }
        }
        return aliased;
    }

    /** The positions of the columns that are not aliased. */
    private static int[] kept(boolean[] aliased) {
        return java.util.stream.IntStream.range(0, aliased.length).filter(j -> !aliased[j]).toArray();
    }

    /**
     * The fit, its intervals and tests on the kept columns, whatever holds the data.
     *
     * @param scale            per kept column, the factor of the centred covariate (θ = β / scale)
     * @param unit             per kept column, scaled θ to coxphf's standardized coefficient
     * @param means            the centring of every column
     * @param linearPredictors β̂'(x − means) per row from β̂ (all columns), or an empty array
     */
    private FirthCoxModel model(List<String> names, int n, int events, boolean[] aliased, int[] cols,
            PenalizedPartialLikelihood lik, double[] scale, double[] unit, double[] means,
            java.util.function.Function<double[], double[]> linearPredictors, List<Diagnostic> diagnostics) {
        int p = names.size();
        int kept = cols.length;
        double logScale = 0; // ℓ*(original scale) = ℓ*(scaled) − Σ log scale
        for (int k = 0; k < kept; k++) {
            logScale += Math.log(scale[k]);
        }

        boolean[] free = new boolean[kept];
        java.util.Arrays.fill(free, true);
        FirthFitter.Result fit = FirthFitter.fit(lik, new double[kept], free, unit, control);
        FirthLikelihood.Evaluation nullEv = lik.evaluate(new double[kept]);
        FirthLikelihood.Evaluation at = fit.at();
        if (!fit.converged()) {
            diagnostics.add(Diagnostic.warning("not-converged", "The penalized (Firth) Cox fit did not converge ("
                    + fit.iterations() + " iterations); estimates may be unreliable. Check for covariates that are"
                    + " nearly collinear within risk sets, or increase iterMax."));
        } else if (fit.iterations() > control.iterMax()) {
            diagnostics.add(Diagnostic.note("slow-convergence", "coxphf's iteration did not converge within "
                    + control.iterMax() + " iterations; Newton steps finished the fit (" + fit.iterations()
                    + " iterations in all). coxphf with the same settings would report non-convergence here."));
        }
        double[] theta = fit.theta();
        double[][] inv = at.inverse != null ? at.inverse : new double[kept][kept];
        if (at.inverse == null) {
            for (double[] row : inv) {
                java.util.Arrays.fill(row, Double.NaN);
            }
        }

        double[] coef = new double[p];
        double[][] var = new double[p][p];
        java.util.Arrays.fill(coef, Double.NaN);
        for (int a = 0; a < kept; a++) {
            coef[cols[a]] = theta[a] * scale[a];
            for (int b = 0; b < kept; b++) {
                var[cols[a]][cols[b]] = inv[a][b] * scale[a] * scale[b];
            }
        }

        // without a converged fit there is no profile to search: fall back to Wald, and say so
        FirthInference used = fit.converged() ? inference : FirthInference.WALD;
        if (used != inference && kept > 0) {
            diagnostics.add(Diagnostic.warning("wald-fallback", "Without a converged fit there is no profile"
                    + " likelihood: intervals and p-values are Wald's."));
        }
        double z = Normal.quantile(0.5 + confLevel / 2);
        double q = z * z;
        List<FirthCoefficient> coefs = new ArrayList<>(p);
        for (int j = 0, a = 0; j < p; j++) {
            if (aliased[j]) {
                coefs.add(new FirthCoefficient(names.get(j), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, true));
                continue;
            }
            double se = Math.sqrt(var[j][j]);
            double lower;
            double upper;
            double chi;
            if (used == FirthInference.WALD) {
                lower = coef[j] - z * se;
                upper = coef[j] + z * se;
                chi = coef[j] * coef[j] / var[j][j];
            } else {
                double seScaled = Math.sqrt(inv[a][a]);
                ProfileLikelihoodLimit.Limit lo = ProfileLikelihoodLimit.find(lik, theta, at.penalized, a, -1, q,
                        seScaled, unit, control);
                ProfileLikelihoodLimit.Limit hi = ProfileLikelihoodLimit.find(lik, theta, at.penalized, a, 1, q,
                        seScaled, unit, control);
                lower = lo.converged() ? lo.value() * scale[a] : Double.NaN;
                upper = hi.converged() ? hi.value() * scale[a] : Double.NaN;
                chi = penalizedLikelihoodRatio(lik, theta, at.penalized, a, unit);
                List<String> failed = new ArrayList<>();
                if (!lo.converged()) {
                    failed.add("lower limit");
                }
                if (!hi.converged()) {
                    failed.add("upper limit");
                }
                if (Double.isNaN(chi)) {
                    failed.add("test of 0");
                }
                if (!failed.isEmpty()) {
                    diagnostics.add(Diagnostic.warning("profile-not-converged", "The profile penalized likelihood"
                            + " search for '" + names.get(j) + "' did not converge (" + String.join(", ", failed)
                            + " reported as NA). Increase iterMax or lower maxStep."));
                }
            }
            coefs.add(new FirthCoefficient(names.get(j), coef[j], se, lower, upper, chi,
                    Normal.chiSquaredUpper(chi, 1), false));
            a++;
        }

        double loglik = at.penalized - logScale;
        double loglikNull = nullEv.penalized - logScale;
        ChiSquareTest lr = ChiSquareTest.of(2 * (at.penalized - nullEv.penalized), kept);
        ChiSquareTest wald = ChiSquareTest.of(kept == 0 ? 0 : CoxRegression.waldStatistic(coef, var, aliased), kept);
        return new FirthCoxModel(ties, control, used, confLevel, n, events, coefs, var, loglikNull, loglik,
                at.loglik, lr, wald, fit.iterations(), fit.converged(), means, linearPredictors.apply(coef),
                diagnostics);
    }

    /** 2 [ℓ*(θ̂) − max ℓ*(θ_j = 0)], the other coefficients refitted from θ̂ (coxphf); NaN if not converged. */
    private double penalizedLikelihoodRatio(PenalizedPartialLikelihood lik, double[] hat, double maxPen, int j,
            double[] unit) {
        boolean[] free = new boolean[hat.length];
        java.util.Arrays.fill(free, true);
        free[j] = false;
        double[] start = hat.clone();
        start[j] = 0;
        FirthFitter.Result r = FirthFitter.fitConstrained(lik, start, free, unit, control);
        if (!r.converged()) {
            return Double.NaN;
        }
        return Math.max(0, 2 * (maxPen - r.at().penalized));
    }

    /**
     * Per kept column, the factor from the scaled coefficient θ of the risk sets to coxphf's
     * standardized coefficient β·sd, sd the sample standard deviation of the column over the rows
     * (coxphf); with case weights the frequency-weighted one, Σw(x − x̄)²/(Σw − 1), so that integer
     * weights and replicated rows take the same steps.
     */
    private static double[] standardizingUnits(CoxData data, CoxRiskSets rs, int[] cols) {
        double[][] columns = data.design().columns();
        double[] w = data.weights();
        double[] unit = new double[cols.length];
        int n = data.size();
        double sw = 0;
        for (int i = 0; i < n; i++) {
            sw += w == null ? 1 : w[i];
        }
        for (int a = 0; a < cols.length; a++) {
            double[] c = columns[cols[a]];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += (w == null ? 1 : w[i]) * c[i];
            }
            mean /= sw;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (w == null ? 1 : w[i]) * (c[i] - mean) * (c[i] - mean);
            }
            unit[a] = unit(rs.scale[a], sw, ss);
        }
        return unit;
    }

    /**
     * The standardizing factor of a column: its scale times its (case-weighted) sample standard deviation
     * √(Σw(x − x̄)²/(Σw − 1)), or the scale alone when that is 0 or not finite.
     */
    private static double unit(double scale, double weightSum, double squares) {
        double sd = weightSum > 1 ? Math.sqrt(squares / (weightSum - 1)) : 0;
        return scale * (sd > 0 && Double.isFinite(sd) ? sd : 1);
    }

    /**
     * The profile penalized log-likelihood max_{β_−j} ℓ*(β_j = value) on the original scale, the
     * other coefficients fitted from 0 (for tests; no aliased columns); NaN if that fit does not
     * converge.
     */
    double profilePenalizedLoglik(CoxData data, int j, double value) {
        CoxRiskSets rs = CoxRiskSets.of(data, ties, null);
        int p = rs.p;
        int[] cols = java.util.stream.IntStream.range(0, p).toArray();
        double[] start = new double[p];
        start[j] = value / rs.scale[j];
        boolean[] free = new boolean[p];
        java.util.Arrays.fill(free, true);
        free[j] = false;
        double logScale = 0;
        for (int k = 0; k < p; k++) {
            logScale += Math.log(rs.scale[k]);
        }
        FirthFitter.Result r = FirthFitter.fitConstrained(new FirthLikelihood(rs), start, free,
                standardizingUnits(data, rs, cols), control);
        return r.converged() ? r.at().penalized - logScale : Double.NaN;
    }

    /** ℓ, its penalty and derivatives at a given β on the original covariate scale (for tests). */
    record Point(double loglik, double penalty, double penalized, double[] score, double[] penalizedScore,
            double[][] information) {
    }

    /** Evaluates ℓ, ½ log det I, ℓ*, U, U* and I at β (original scale), all columns used. */
    static Point evaluateAt(CoxData data, Ties ties, double[] beta) {
        CoxRiskSets rs = CoxRiskSets.of(data, ties, null);
        int p = rs.p;
        double[] theta = new double[p];
        double logScale = 0;
        for (int j = 0; j < p; j++) {
            theta[j] = beta[j] / rs.scale[j];
            logScale += Math.log(rs.scale[j]);
        }
        FirthLikelihood.Evaluation ev = new FirthLikelihood(rs).evaluate(theta);
        double[] u = new double[p];
        double[] ustar = new double[p];
        double[][] info = new double[p][p];
        for (int i = 0; i < p; i++) {
            u[i] = ev.u[i] / rs.scale[i];
            ustar[i] = ev.ustar[i] / rs.scale[i];
            for (int j = 0; j < p; j++) {
                info[i][j] = ev.imat[i][j] / (rs.scale[i] * rs.scale[j]);
            }
        }
        double penalty = 0.5 * ev.logDet - logScale;
        return new Point(ev.loglik, penalty, ev.loglik + penalty, u, ustar, info);
    }

    @Override
    public String toString() {
        return "FirthCoxRegression[" + ties.id() + ", " + inference + ", " + control + "]";
    }
}

package org.survkit.stats.cox;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximizes Firth's penalized partial likelihood over some coefficients F with the others held
 * fixed, by the modified Newton–Raphson of coxphf (Heinze &amp; Schemper 2001; Heinze &amp; Ploner
 * 2002):
 *
 * <ul>
 * <li>step δ_F = C_FF⁻¹ U*_F with a curvature C ({@link Curvature});</li>
 * <li>each standardized component of δ is capped at {@link FirthControl#maxStep()} (coxphf caps
 *     components separately; Newton steps are shrunk as a whole so that they keep their
 *     direction);</li>
 * <li>a step that does not increase ℓ* (less rounding: {@link #ASCENT_TOLERANCE}) is halved towards the previous θ, at most
 *     {@link FirthControl#maxHalving()} times — with coxphf's curvature only from the second
 *     iteration on, and then accepted anyway, as coxphf; a Newton step that still does not
 *     increase ℓ* is replaced by a step along I⁻¹U*; a step to a point where ℓ* is not finite is
 *     always halved;</li>
 * <li>converged when every free standardized coefficient moved by at most {@link FirthControl#eps()}
 *     and every free standardized penalized score is at most {@link FirthControl#gconv()}.</li>
 * </ul>
 *
 * "Standardized" uses {@code unit[j]}: the factor that turns the scaled coefficient θ_j of the risk
 * sets into β_j · sd_j, coxphf's scale.
 */
final class FirthFitter {
    /** Halvings allowed when ℓ* is not finite at the new point (e^η overflow, collapsed risk set). */
    private static final int MAX_RESCUE_HALVINGS = 60;
    /** Standardized step of the central differences of U* (error ~1e-10 relative). */
    private static final double DIFF_STEP = 1e-5;

    /**
     * Relative difference of ℓ* within which a step counts as no descent: the rounding of an evaluation (its sums
     * added in another order, e.g. per partition of a cluster) must not decide whether a step is halved, which moves
     * the final iterate by up to half a step (~1e-8 of β̂) while every rule of convergence is met either way.
     */
    private static final double ASCENT_TOLERANCE = 1e-12;

    private FirthFitter() {
    }

    /** Whether ℓ* at {@code next} is above its value at {@code from}, or below it by no more than rounding. */
    private static boolean ascends(FirthLikelihood.Evaluation next, FirthLikelihood.Evaluation from) {
        return next.penalized > from.penalized - ASCENT_TOLERANCE * Math.abs(from.penalized);
    }

    /** The curvature C of the step C⁻¹U*. */
    enum Curvature {
        /**
         * The unpenalized information I (coxphf; Heinze &amp; Schemper 2001). Needs no second derivatives
         * of the penalty and has the same fixed point, but converges only linearly — slowly when the
         * penalty's curvature is not small against I (few events, estimates far from 0).
         */
        INFORMATION,
        /**
         * The observed penalized information −∂²ℓ*, by central differences of the analytic U*
         * (2|F| extra evaluations per iteration, asked for together: {@link PenalizedPartialLikelihood#evaluate(List)}): Newton's method, quadratic convergence. Where ℓ* is
         * not concave (far out on a monotone profile) the step falls back to I.
         */
        OBSERVED
    }

    /** The maximizer found, its evaluation, the iterations used and whether the rule was met. */
    record Result(double[] theta, FirthLikelihood.Evaluation at, int iterations, boolean converged) {
    }

    /**
     * The fit of the model: coxphf's iteration (so that iterates and iteration counts are coxphf's);
     * if it has not converged within {@link FirthControl#iterMax()} iterations, up to as many Newton
     * iterations with the observed penalized information from where it stopped. The iterations of
     * both phases are counted.
     */
    static Result fit(PenalizedPartialLikelihood lik, double[] start, boolean[] free, double[] unit,
            FirthControl control) {
        Result r = iterate(lik, start, free, unit, control, Curvature.INFORMATION);
        if (r.converged() || !r.at().usable()) {
            return r;
        }
        Result s = iterate(lik, r.theta(), free, unit, control, Curvature.OBSERVED);
        return new Result(s.theta(), s.at(), r.iterations() + s.iterations(), s.converged());
    }

    /** A constrained fit for a profile point or a test: Newton iterations from the start. */
    static Result fitConstrained(PenalizedPartialLikelihood lik, double[] start, boolean[] free, double[] unit,
            FirthControl control) {
        return iterate(lik, start, free, unit, control, Curvature.OBSERVED);
    }

    static Result iterate(PenalizedPartialLikelihood lik, double[] start, boolean[] free, double[] unit,
            FirthControl control, Curvature curvature) {
        int p = start.length;
        double[] theta = start.clone();
        FirthLikelihood.Evaluation ev = lik.evaluate(theta);
        boolean any = false;
        for (boolean f : free) {
            any |= f;
        }
        if (!any) {
            return new Result(theta, ev, 0, ev.usable());
        }
        int iter = 0;
        boolean converged = false;
        double[] old = new double[p];
        while (!converged && iter < control.iterMax()) {
            if (!ev.usable()) {
                break;
            }
            iter++;
            System.arraycopy(theta, 0, old, 0, p);
            if (curvature == Curvature.INFORMATION) {
                // coxphf: componentwise cap, no halving in the first iteration, accept after maxHalving
                ev = step(lik, ev, old, theta, freeInverse(ev.imat, free), free, unit, control, false, iter > 1);
            } else {
                double[][] newton = observedInverse(lik, ev, old, free, unit);
                FirthLikelihood.Evaluation next = newton == null ? null
                        : step(lik, ev, old, theta, newton, free, unit, control, true, true);
                if (next == null || !ascends(next, ev)) {
                    // no ascent along Newton's direction: a step along I⁻¹U*, an ascent direction
                    System.arraycopy(old, 0, theta, 0, p);
                    next = step(lik, ev, old, theta, freeInverse(ev.imat, free), free, unit, control, true, true);
                }
                ev = next;
            }
            converged = ev.usable();
            for (int i = 0; i < p && converged; i++) {
                if (free[i]) {
                    converged = Math.abs(theta[i] - old[i]) * unit[i] <= control.eps()
                            && Math.abs(ev.ustar[i]) / unit[i] <= control.gconv();
                }
            }
        }
        return new Result(theta, ev, iter, converged);
    }

    /**
     * Moves {@code theta} (equal to {@code old} on entry) by δ = inv·U*_F, capped at maxStep per
     * standardized component — componentwise (coxphf) or by shrinking the whole step, which keeps
     * its direction — then halves towards {@code old} while ℓ* is not finite or, when
     * {@code halve}, not larger than at {@code old} (at most maxHalving times). Returns the
     * evaluation at the new θ.
     */
    private static FirthLikelihood.Evaluation step(PenalizedPartialLikelihood lik, FirthLikelihood.Evaluation ev,
            double[] old, double[] theta, double[][] inv, boolean[] free, double[] unit, FirthControl control,
            boolean keepDirection, boolean halve) {
        int p = old.length;
        double[] d = new double[p];
        double largest = 0;
        for (int i = 0; i < p; i++) {
            if (!free[i]) {
                continue;
            }
            for (int k = 0; k < p; k++) {
                if (free[k]) {
                    d[i] += inv[i][k] * ev.ustar[k];
                }
            }
            largest = Math.max(largest, Math.abs(d[i] * unit[i]));
        }
        double shrink = keepDirection && largest > control.maxStep() ? control.maxStep() / largest : 1;
        for (int i = 0; i < p; i++) {
            if (!free[i]) {
                continue;
            }
            double di = d[i] * shrink;
            if (Math.abs(di * unit[i]) > control.maxStep()) {
                di = Math.copySign(control.maxStep() / unit[i], di);
            }
            theta[i] = old[i] + di;
        }
        FirthLikelihood.Evaluation next = lik.evaluate(theta);
        for (int h = 0;; h++) {
            boolean broken = !next.usable() && h < MAX_RESCUE_HALVINGS;
            boolean worse = halve && !ascends(next, ev) && h < control.maxHalving();
            if (!broken && !worse) {
                return next;
            }
            for (int i = 0; i < p; i++) {
                if (free[i]) {
                    theta[i] = 0.5 * (theta[i] + old[i]);
                }
            }
            next = lik.evaluate(theta);
        }
    }

    /**
     * (−∂²ℓ* / ∂θ_F ∂θ_F)⁻¹ embedded in p × p, from central differences of U*; null when a difference
     * point is not usable or −∂²ℓ* is not positive definite there.
     */
    private static double[][] observedInverse(PenalizedPartialLikelihood lik, FirthLikelihood.Evaluation ev,
            double[] theta, boolean[] free, double[] unit) {
        int[] idx = freeIndex(free);
        int m = idx.length;
        double[][] h = new double[m][m];
        // the 2m difference points at once: data kept elsewhere evaluates them in one pass
        List<double[]> points = new ArrayList<>(2 * m);
        for (int b = 0; b < m; b++) {
            int l = idx[b];
            double step = DIFF_STEP / unit[l];
            double[] up = theta.clone();
            double[] dn = theta.clone();
            up[l] += step;
            dn[l] -= step;
            points.add(up);
            points.add(dn);
        }
        List<FirthLikelihood.Evaluation> at = lik.evaluate(points);
        for (int b = 0; b < m; b++) {
            double step = DIFF_STEP / unit[idx[b]];
            FirthLikelihood.Evaluation eu = at.get(2 * b);
            FirthLikelihood.Evaluation ed = at.get(2 * b + 1);
            if (!eu.usable() || !ed.usable()) {
                return null;
            }
            for (int a = 0; a < m; a++) {
                h[a][b] = -(eu.ustar[idx[a]] - ed.ustar[idx[a]]) / (2 * step);
            }
        }
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < a; b++) {
                double s = 0.5 * (h[a][b] + h[b][a]);
                h[a][b] = s;
                h[b][a] = s;
            }
        }
        double[][] lower = FirthLikelihood.choleskyLower(h);
        return lower == null ? null : embed(FirthLikelihood.inverseFromCholesky(lower), idx, free.length);
    }

    /**
     * (I_FF)⁻¹ on the free coefficients F, embedded in a p × p matrix (zero elsewhere); I⁻¹ when all
     * are free. (coxphf steps constrained fits with rows of the full I⁻¹ instead, which overshoots
     * when a fixed coefficient is correlated with free ones; both have the same fixed point.)
     */
    private static double[][] freeInverse(double[][] imat, boolean[] free) {
        int[] idx = freeIndex(free);
        int m = idx.length;
        double[][] sub = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                sub[a][b] = imat[idx[a]][idx[b]];
            }
        }
        // a principal submatrix of the positive definite I (the evaluation is usable)
        return embed(FirthLikelihood.inverseFromCholesky(FirthLikelihood.choleskyLower(sub)), idx, free.length);
    }

    private static int[] freeIndex(boolean[] free) {
        int m = 0;
        for (boolean f : free) {
            if (f) {
                m++;
            }
        }
        int[] idx = new int[m];
        for (int i = 0, k = 0; i < free.length; i++) {
            if (free[i]) {
                idx[k++] = i;
            }
        }
        return idx;
    }

    private static double[][] embed(double[][] inv, int[] idx, int p) {
        double[][] out = new double[p][p];
        for (int a = 0; a < idx.length; a++) {
            for (int b = 0; b < idx.length; b++) {
                out[idx[a]][idx[b]] = inv[a][b];
            }
        }
        return out;
    }
}

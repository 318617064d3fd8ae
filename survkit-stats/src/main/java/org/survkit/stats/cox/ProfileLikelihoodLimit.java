package org.survkit.stats.cox;

/**
 * One limit of a profile penalized-likelihood confidence interval: the value b of θ_j on one side of
 * θ̂_j where the profile ℓ*_prof(b) = max over the other coefficients of ℓ*(θ_j = b) falls to
 * ℓ*(θ̂) − q/2, q the χ²₁ quantile of the confidence level.
 *
 * <p>coxphf finds the same point by Venzon &amp; Moolgavkar's (1988) joint iteration; here it is a
 * root search on the signed-root scale, where the profile is nearly linear: with t = |b − θ̂_j| and
 * ρ(t) = √(2 [ℓ*(θ̂) − ℓ*_prof(b)]) the limit solves ρ(t) = √q.
 *
 * <ul>
 * <li>Each ρ(t) is a constrained fit by {@link FirthFitter#fitConstrained} (Newton steps with
 *     coxphf's step cap, step-halving and convergence rules), warm-started from the nearest point
 *     already fitted.</li>
 * <li>The search starts at the Wald distance √q·se and extrapolates by secant (at most ×4 per step)
 *     until the root is bracketed, then narrows the bracket by the Illinois variant of regula
 *     falsi.</li>
 * <li>A point where ℓ* is not finite, or whose constrained fit did not converge and ended below the
 *     target, is taken as beyond the limit and bisected towards; only a converged constrained fit
 *     is accepted as the limit.</li>
 * <li>It stops when |ℓ*_prof(b) − target| ≤ {@link FirthControl#eps()} (coxphf's criterion); after
 *     {@link FirthControl#iterMax()} constrained fits, or beyond a standardized distance of 1000,
 *     the limit is reported as not converged.</li>
 * </ul>
 *
 * Monotone likelihood makes the profile flatten on one side, so that the limit lies far out (an
 * upper hazard-ratio limit of about 1,450 for G in Heinze &amp; Schemper's breast data); the
 * geometric expansion reaches it in a few fits.
 */
final class ProfileLikelihoodLimit {
    /** Standardized distance beyond which a limit is not searched (a hazard ratio of e^1000 per SD). */
    private static final double MAX_DISTANCE = 1000;

    private ProfileLikelihoodLimit() {
    }

    /** The limit (scaled θ_j), constrained fits used, and whether the criterion was met. */
    record Limit(double value, int fits, boolean converged) {
    }

    /**
     * @param hat    the unconstrained maximizer θ̂
     * @param maxPen ℓ*(θ̂)
     * @param j      the coefficient
     * @param side   −1 for the lower limit, +1 for the upper
     * @param q      χ²₁ quantile of the confidence level
     * @param se     Wald standard error of θ_j (a starting distance)
     * @param unit   scaled-θ to standardized-coefficient factors
     */
    static Limit find(PenalizedPartialLikelihood lik, double[] hat, double maxPen, int j, int side, double q,
            double se, double[] unit, FirthControl control) {
        int p = hat.length;
        boolean[] free = new boolean[p];
        java.util.Arrays.fill(free, true);
        free[j] = false;
        double z = Math.sqrt(q);
        double target = maxPen - q / 2;
        // bracket on t: (lo, fLo) with ρ < z, (hi, fHi) with ρ > z; f = ρ − z
        double lo = 0;
        double fLo = -z;
        double[] warmLo = hat.clone();
        double hi = Double.NaN;
        double fHi = Double.NaN;
        double[] warmHi = null;
        double prevT = 0;
        double prevF = -z;
        int lastSide = 0;
        double t = se > 0 && Double.isFinite(se) ? z * se : 1 / unit[j];
        for (int fits = 1; fits <= control.iterMax(); fits++) {
            double[] start = (warmHi != null && Math.abs(t - hi) < Math.abs(t - lo) ? warmHi : warmLo).clone();
            start[j] = hat[j] + side * t;
            FirthFitter.Result r = FirthFitter.fitConstrained(lik, start, free, unit, control);
            double pen = r.at().usable() ? r.at().penalized : Double.NEGATIVE_INFINITY;
            if (r.converged() && Math.abs(pen - target) <= control.eps()) {
                return new Limit(start[j], fits, true);
            }
            double f;
            if (r.converged() || !r.at().usable()) {
                f = Math.sqrt(Math.max(0, 2 * (maxPen - pen))) - z;
            } else {
                // an unconverged constrained fit only bounds the profile from below: inside the
                // interval if even that bound is above the target; otherwise treated as beyond it
                // (bisected towards), since a far jump is what usually keeps such a fit from converging
                f = pen >= target ? Double.NaN : Double.POSITIVE_INFINITY;
            }
            boolean inside = Double.isNaN(f) || f < 0;
            if (inside) {
                prevT = lo;
                prevF = fLo;
                lo = t;
                fLo = f;
                warmLo = r.theta();
                if (lastSide == -1 && Double.isFinite(fHi)) {
                    fHi /= 2; // Illinois: the other end has been kept twice
                }
                lastSide = -1;
            } else {
                hi = t;
                fHi = f;
                if (r.converged()) {
                    warmHi = r.theta();
                }
                if (lastSide == 1) {
                    fLo /= 2;
                }
                lastSide = 1;
            }
            if (Double.isNaN(hi)) {
                double slope = (fLo - prevF) / (lo - prevT);
                double guess = slope > 0 ? lo + (0 - fLo) / slope : 4 * lo; // NaN slope: 4 * lo
                t = Math.min(Math.max(guess, lo * 1.000001), 4 * lo);
                if (t * unit[j] > MAX_DISTANCE) {
                    return new Limit(Double.NaN, fits, false);
                }
            } else if (!Double.isFinite(fHi) || Double.isNaN(fLo)) {
                t = 0.5 * (lo + hi);
            } else {
                t = lo + (hi - lo) * (-fLo) / (fHi - fLo);
                double margin = 1e-3 * (hi - lo);
                t = Math.min(Math.max(t, lo + margin), hi - margin);
            }
            if (!Double.isNaN(hi) && (hi - lo) * unit[j] < 1e-12) {
                return new Limit(Double.NaN, fits, false); // bracket closed without meeting the criterion
            }
        }
        return new Limit(Double.NaN, control.iterMax(), false);
    }
}

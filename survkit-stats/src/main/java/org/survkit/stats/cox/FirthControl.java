package org.survkit.stats.cox;

/**
 * Iteration settings of Firth's penalized Cox fit and of its profile-likelihood intervals and tests,
 * with the names and defaults of R {@code coxphf} 1.13 ({@code maxit}, {@code maxhs},
 * {@code epsilon}, {@code gconv}, {@code maxstep}). "Standardized" refers to covariates divided by
 * their sample standard deviation sd_j, as coxphf fits them: the standardized coefficient is β_j·sd_j
 * (case-weighted sd with case weights).
 *
 * @param iterMax    maximum iterations of each fit (coxphf {@code maxit} 50; the model fit may add as
 *                   many Newton iterations when coxphf's iteration has not converged by then); also
 *                   the maximum number of constrained fits when searching one profile-likelihood limit
 * @param maxHalving maximum step-halvings per iteration when the penalized log-likelihood does not
 *                   increase (coxphf {@code maxhs} 5)
 * @param eps        convergence: every standardized coefficient changed by at most eps in the last
 *                   iteration (coxphf {@code epsilon} 1e-6); a profile limit is reached when the
 *                   profile penalized log-likelihood is within eps of its target
 * @param gconv      convergence: the penalized score of every standardized coefficient, |U*_j| / sd_j,
 *                   is at most gconv (coxphf {@code gconv} 1e-4)
 * @param maxStep    largest change of a standardized coefficient in one iteration (coxphf
 *                   {@code maxstep} 0.5; coxphf before 1.13 used 2.5)
 */
public record FirthControl(int iterMax, int maxHalving, double eps, double gconv, double maxStep) {
    /** coxphf 1.13's defaults. */
    public static final FirthControl DEFAULT = new FirthControl(50, 5, 1e-6, 1e-4, 0.5);

    public FirthControl {
        if (iterMax < 1 || maxHalving < 0 || !(eps > 0) || !(gconv > 0) || !(maxStep > 0)
                || Double.isInfinite(maxStep)) {
            throw new IllegalArgumentException("invalid Firth control: iterMax must be >= 1, maxHalving >= 0 and"
                    + " eps, gconv, maxStep > 0 (finite); got " + iterMax + ", " + maxHalving + ", " + eps + ", "
                    + gconv + ", " + maxStep);
        }
    }
}

package org.survkit.stats.cox;

/**
 * Iteration and tolerance settings of the Cox fit, as R {@code coxph.control}.
 *
 * @param eps        convergence: stop when |1 − loglik_old/loglik_new| ≤ eps (R 1e-9)
 * @param tolerChol  a pivot below tolerChol × the largest diagonal of the information matrix marks a
 *                   column as redundant (aliased) (R {@code .Machine$double.eps^0.75})
 * @param iterMax    maximum Newton–Raphson iterations (R 20)
 * @param tolerInf   threshold of R's "coefficient may be infinite" check (R {@code sqrt(eps)})
 */
public record CoxControl(double eps, double tolerChol, int iterMax, double tolerInf) {
    /** R's defaults. */
    public static final CoxControl DEFAULT = new CoxControl(1e-9, Math.pow(Math.ulp(1.0), 0.75), 20, Math.sqrt(1e-9));

    public CoxControl {
        if (!(eps > 0) || !(tolerChol > 0) || !(tolerInf > 0) || iterMax < 0) {
            throw new IllegalArgumentException("invalid Cox control: eps, tolerChol and tolerInf must be > 0 and"
                    + " iterMax >= 0; got " + eps + ", " + tolerChol + ", " + iterMax + ", " + tolerInf);
        }
    }
}

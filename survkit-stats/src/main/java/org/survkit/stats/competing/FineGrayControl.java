package org.survkit.stats.competing;

import org.survkit.stats.cox.CoxControl;

/**
 * Iteration settings of the Fine–Gray fit, as the arguments of R cmprsk {@code crr}.
 *
 * @param gtol      convergence: stop when max<sub>j</sub> |∂ℓ/∂β<sub>j</sub>|·max(|β<sub>j</sub>|, 1) &lt;
 *                  max(|ℓ|, 1)·gtol (crr {@code gtol = 1e-6})
 * @param maxIter   maximum Newton–Raphson iterations (crr {@code maxiter = 10}); 0 evaluates at β = 0
 * @param tolerChol a pivot of the information at β = 0 below tolerChol × its largest diagonal marks a column
 *                  as aliased (as {@link CoxControl#tolerChol()}; crr itself stops with an error there)
 */
public record FineGrayControl(double gtol, int maxIter, double tolerChol) {
    /** cmprsk's defaults. */
    public static final FineGrayControl DEFAULT = new FineGrayControl(1e-6, 10, Math.pow(Math.ulp(1.0), 0.75));

    public FineGrayControl {
        if (!(gtol > 0) || maxIter < 0 || !(tolerChol > 0)) {
            throw new IllegalArgumentException("invalid Fine-Gray control: gtol and tolerChol must be > 0 and maxIter"
                    + " >= 0; got " + gtol + ", " + maxIter + ", " + tolerChol);
        }
    }
}

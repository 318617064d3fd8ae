package org.survkit.stats.cox;

/**
 * One coefficient of a Firth penalized Cox model (a row of R {@code summary(coxphf(...))}). For an
 * aliased (redundant) column every number is NaN, as R's NA; a limit or test whose search did not
 * converge is NaN too (coxphf reports NA), with a diagnostic on the model.
 *
 * @param term      column name, e.g. {@code age} or {@code receptor=C}
 * @param coef      penalized estimate of the log hazard ratio β
 * @param se        √ of the diagonal of the inverse (unpenalized) information at β̂, as coxphf's
 *                  {@code se(coef)}
 * @param lower     lower confidence limit of β (profile penalized likelihood or Wald, see
 *                  {@link FirthInference})
 * @param upper     upper confidence limit of β
 * @param chiSquare penalized likelihood-ratio statistic of β = 0 (profile inference) or the Wald
 *                  statistic β²/se², on 1 df
 * @param pValue    P(χ²₁ ≥ chiSquare)
 * @param aliased   whether the column is a linear combination of the others
 */
public record FirthCoefficient(String term, double coef, double se, double lower, double upper, double chiSquare,
        double pValue, boolean aliased) {

    /** Hazard ratio exp(β). */
    public double hr() {
        return Math.exp(coef);
    }

    /** Lower confidence limit of the hazard ratio, exp(lower). */
    public double hrLower() {
        return Math.exp(lower);
    }

    /** Upper confidence limit of the hazard ratio, exp(upper). */
    public double hrUpper() {
        return Math.exp(upper);
    }
}

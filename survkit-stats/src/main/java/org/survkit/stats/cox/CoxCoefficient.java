package org.survkit.stats.cox;

/**
 * One coefficient of a Cox model. For an aliased (redundant) column every number is NaN, as R's NA.
 *
 * @param term     column name, e.g. {@code age} or {@code stage=II}
 * @param coef     log hazard ratio β
 * @param se       model-based standard error
 * @param robustSe robust (sandwich) standard error, NaN unless clusters or weights asked for it
 * @param z        Wald statistic β/se (robust se when present)
 * @param pValue   two-sided p-value of z
 * @param hr       hazard ratio exp(β)
 * @param hrLower  lower confidence limit of the hazard ratio
 * @param hrUpper  upper confidence limit
 * @param aliased  whether the column is a linear combination of the others
 */
public record CoxCoefficient(String term, double coef, double se, double robustSe, double z, double pValue,
        double hr, double hrLower, double hrUpper, boolean aliased) {
}

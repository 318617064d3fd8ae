package org.survkit.stats.competing;

/**
 * One coefficient of a Fine–Gray model (R {@code summary(crr(...))$coef} and {@code $conf.int}). For an
 * aliased column every number is NaN, as R's NA.
 *
 * @param term    column name, e.g. {@code age} or {@code stage=II}
 * @param coef    log subdistribution hazard ratio β
 * @param se      robust (sandwich) standard error, crr's {@code sqrt(diag(fit$var))}
 * @param modelSe model-based standard error from the inverse information, crr's {@code sqrt(diag(fit$invinf))}
 * @param z       Wald statistic β/se
 * @param pValue  two-sided p-value of z
 * @param hr      subdistribution hazard ratio exp(β)
 * @param hrLower lower confidence limit exp(β − z·se)
 * @param hrUpper upper confidence limit exp(β + z·se)
 * @param aliased whether the column is a linear combination of the others (or constant)
 */
public record FineGrayCoefficient(String term, double coef, double se, double modelSe, double z, double pValue,
        double hr, double hrLower, double hrUpper, boolean aliased) {
}

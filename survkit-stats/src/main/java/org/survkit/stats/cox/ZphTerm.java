package org.survkit.stats.cox;

/**
 * One row of the proportional-hazards test table (R {@code cox.zph(fit)$table}).
 *
 * @param term      the model term (all columns of a factor together), or {@code GLOBAL}
 * @param statistic the score-test chi-square for a linear trend of the term's effect in g(t)
 * @param df        degrees of freedom: the term's number of estimable columns
 * @param pValue    upper-tail chi-square p-value
 */
public record ZphTerm(String term, double statistic, int df, double pValue) {
}

package org.survkit.stats.logrank;

/**
 * One pairwise comparison: the two-group test on the subjects of the two groups only. A pair
 * in which no one has an event, or only one group is at risk at the events, cannot be compared:
 * it has statistic 0, df 0 and p 1 (as R {@code survdiff} gives when one group has all the expected
 * events) and still counts in the adjustment, which keeps the adjustment conservative.
 *
 * @param group1    first group (lower in level order)
 * @param group2    second group
 * @param statistic chi-square statistic (1 df)
 * @param df        degrees of freedom (1, or 0 when the pair cannot be compared)
 * @param pValue    unadjusted p-value
 * @param pAdjusted p-value adjusted over all pairs
 */
public record PairwiseComparison(String group1, String group2, double statistic, int df, double pValue,
        double pAdjusted) {
}

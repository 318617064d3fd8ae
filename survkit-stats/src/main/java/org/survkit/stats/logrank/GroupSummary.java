package org.survkit.stats.logrank;

/**
 * One group's counts in a k-group comparison (R {@code survdiff}'s N, Observed, Expected).
 *
 * @param group    group label
 * @param n        observations
 * @param observed events observed
 * @param expected events expected under the null hypothesis of equal hazards (unweighted)
 */
public record GroupSummary(String group, int n, double observed, double expected) {
}

package org.survkit.stats.baseline;

/**
 * The standardized difference between two groups (non-negative; NaN when undefined).
 *
 * @param group1 first group (earlier in level order)
 * @param group2 second group
 * @param smd    |standardized difference|
 */
public record PairwiseSmd(String group1, String group2, double smd) {
}

package org.survkit.stats.cox;

/**
 * Harrell's concordance index: the probability that, of two comparable subjects, the one with
 * the higher risk score has the event first (R {@code concordance}).
 *
 * @param estimate C
 * @param stdErr   its standard error
 */
public record Concordance(double estimate, double stdErr) {
}

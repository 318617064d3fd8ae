package org.survkit.stats.logrank;

/**
 * A hazard ratio with its confidence interval.
 *
 * @param estimate the ratio
 * @param lower    lower confidence limit
 * @param upper    upper confidence limit
 */
public record HazardRatio(double estimate, double lower, double upper) {
}

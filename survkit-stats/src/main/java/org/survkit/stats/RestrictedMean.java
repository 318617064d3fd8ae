package org.survkit.stats;

/**
 * Restricted mean survival time: the expected event-free time within the first {@code tau} time
 * units, the area under the survival curve on [0, τ].
 *
 * @param tau      horizon
 * @param estimate area under the Kaplan–Meier curve up to τ
 * @param stdErr   its standard error (R {@code se(rmean)})
 */
public record RestrictedMean(double tau, double estimate, double stdErr) {
}

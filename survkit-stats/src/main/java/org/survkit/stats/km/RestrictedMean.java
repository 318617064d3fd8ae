package org.survkit.stats.km;

import org.survkit.stats.internal.Normal;

/**
 * Restricted mean survival time: the expected event-free time within the first {@code tau} time
 * units, the area under the survival curve on [0, τ].
 *
 * @param tau      horizon
 * @param estimate area under the Kaplan–Meier curve up to τ
 * @param stdErr   its standard error (R {@code se(rmean)})
 */
public record RestrictedMean(double tau, double estimate, double stdErr) {

    /** Lower limit of the Wald interval estimate − z·se (R survRM2 {@code rmst2}'s per-arm interval). */
    public double lower(double confLevel) {
        return estimate - halfWidth(confLevel);
    }

    /** Upper limit of the Wald interval estimate + z·se. */
    public double upper(double confLevel) {
        return estimate + halfWidth(confLevel);
    }

    private double halfWidth(double confLevel) {
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + confLevel);
        }
        return Normal.quantile(0.5 + confLevel / 2) * stdErr;
    }
}

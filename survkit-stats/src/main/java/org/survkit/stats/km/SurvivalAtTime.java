package org.survkit.stats.km;

/**
 * The survival estimate at one chosen time (R {@code summary(fit, times = t, extend = TRUE)}).
 *
 * @param time     the requested time
 * @param nRisk    number at risk at that time (0 beyond the last observation; weighted with case weights)
 * @param survival S(time)
 * @param stdErr   Greenwood standard error of S
 * @param lower    lower confidence limit (NaN where undefined)
 * @param upper    upper confidence limit (NaN where undefined)
 */
public record SurvivalAtTime(double time, double nRisk, double survival, double stdErr, double lower,
        double upper) {
}

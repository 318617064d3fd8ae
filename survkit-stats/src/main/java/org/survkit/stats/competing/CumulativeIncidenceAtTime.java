package org.survkit.stats.competing;

/**
 * The cumulative incidence at one chosen time, as R cmprsk's {@code timepoints(cuminc(...), times)}:
 * the estimate and variance at the last event of the cause at or before the time (0 and 0 before the
 * first); NaN (R's NA) after the group's last follow-up time or before time 0.
 *
 * @param time     the requested time
 * @param cif      F(time)
 * @param variance its variance
 * @param lower    lower confidence limit (0 while F is 0; NaN where undefined)
 * @param upper    upper confidence limit
 */
public record CumulativeIncidenceAtTime(double time, double cif, double variance, double lower, double upper) {
}

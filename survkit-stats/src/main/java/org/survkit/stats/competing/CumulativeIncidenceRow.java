package org.survkit.stats.competing;

/**
 * One row of a cumulative incidence table: a time at which the cause of interest occurred in the
 * group.
 *
 * @param time     distinct time with at least one event of the cause
 * @param nRisk    number at risk just before that time (all causes, censored at t still at risk)
 * @param nEvent   events of the cause at that time
 * @param cif      Aalen–Johansen cumulative incidence F(time), right-continuous
 * @param variance variance of F(time) as R cmprsk {@code cuminc} computes it
 * @param lower    lower confidence limit (NaN where undefined)
 * @param upper    upper confidence limit (NaN where undefined)
 */
public record CumulativeIncidenceRow(double time, int nRisk, int nEvent, double cif, double variance, double lower,
        double upper) {
}

package org.survkit.stats.km;

/**
 * One row of a Kaplan–Meier event table (R {@code summary(fit, censored = TRUE)}).
 *
 * @param time         distinct time with an event or censoring
 * @param nRisk        number at risk at that time (weighted with case weights)
 * @param nEvent       events at that time
 * @param nCensor      censorings at that time
 * @param survival     Kaplan–Meier estimate
 * @param stdErr       Greenwood standard error of the estimate (NaN where S = 0)
 * @param lower        lower confidence limit (NaN where undefined)
 * @param upper        upper confidence limit (NaN where undefined)
 * @param cumHaz       Nelson–Aalen cumulative hazard
 * @param stdErrCumHaz its standard error
 */
public record SurvivalRow(double time, double nRisk, double nEvent, double nCensor, double survival, double stdErr,
        double lower, double upper, double cumHaz, double stdErrCumHaz) {
}

/**
 * Planning a two-group survival comparison by the log-rank test: events and patients needed for a
 * hazard ratio and the power of a given number of events, by Schoenfeld's formula
 * ({@link org.survkit.stats.planning.SampleSize}), and power by seeded simulation of trials with
 * accrual and follow-up ({@link org.survkit.stats.planning.SimulatedPower}).
 */
package org.survkit.stats.planning;

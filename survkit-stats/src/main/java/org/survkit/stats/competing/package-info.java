/**
 * Competing risks, as R cmprsk: the Aalen–Johansen cumulative incidence of each cause per group with
 * Gray's test ({@link org.survkit.stats.competing.CumulativeIncidence}, giving a
 * {@link org.survkit.stats.competing.CumulativeIncidenceResult}), and Fine–Gray subdistribution
 * hazards regression ({@link org.survkit.stats.competing.FineGrayRegression}, giving a
 * {@link org.survkit.stats.competing.FineGrayModel}). {@link org.survkit.stats.competing.NaiveCumulativeIncidence}
 * shows how much 1 − Kaplan–Meier with the other causes censored overstates the incidence, and
 * {@link org.survkit.stats.competing.CompetingRisksGuardrails} attaches the caveats of these analyses.
 * Cumulative incidence and Gray's test also take a frequency table ({@code int[] count} per row), equal to the
 * replicated rows.
 */
package org.survkit.stats.competing;

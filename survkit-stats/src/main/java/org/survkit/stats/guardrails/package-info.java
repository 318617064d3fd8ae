/**
 * Checks for the classic mistakes of small clinical survival studies, across the topics: tiny groups
 * and groups without events, estimates beyond follow-up or on few patients at risk, chi-square
 * approximations on few expected events, unadjusted multiple comparisons, crossing curves, immortal
 * time, short follow-up, non-proportional hazards and baseline imbalance. The entry point is
 * {@link org.survkit.stats.guardrails.Guardrails}; its findings are
 * {@link org.survkit.stats.Diagnostic}s, and its thresholds are also those of the competing-risks
 * checks ({@link org.survkit.stats.competing.CompetingRisksGuardrails}), which run inside that engine.
 */
package org.survkit.stats.guardrails;

/**
 * survkit's statistics core: survival-analysis engines at parity with R, one package per topic, with
 * no I/O, no JSON and no logging. This package holds only what every topic shares: the
 * {@link org.survkit.stats.Diagnostic} caveats attached to results, the
 * {@link org.survkit.stats.ChiSquareTest} record, {@link org.survkit.stats.PValueAdjustment},
 * {@link org.survkit.stats.PercentFormat} and {@link org.survkit.stats.PValueFormat} (the one P formatter of every
 * output, in the digits, NEJM, AMA and Lancet styles; here so that every module reaches it). The engines are in {@code km}, {@code logrank},
 * {@code cox}, {@code competing}, {@code baseline}, {@code planning} and {@code reconstruct}; the
 * design matrix in {@code model}; study-level checks in {@code guardrails}; other packages' defaults
 * in {@code preset}; shared numerics in {@code internal}, which is not part of the API.
 */
package org.survkit.stats;

/**
 * Cox proportional-hazards regression as R {@code coxph} (Efron or Breslow ties, strata, weights,
 * (start, stop] data, robust variance by cluster) and what is computed from a fitted model: residuals,
 * the proportional-hazards test ({@code cox.zph}), Harrell's concordance, baseline hazards and
 * predicted survival curves. Entry points: {@link org.survkit.stats.cox.CoxRegression} on
 * {@link org.survkit.stats.cox.CoxData} gives a {@link org.survkit.stats.cox.CoxModel};
 * {@link org.survkit.stats.cox.ProportionalHazardsTest}, {@link org.survkit.stats.cox.CoxResiduals},
 * {@link org.survkit.stats.cox.ConcordanceIndex} and {@link org.survkit.stats.cox.CoxPrediction}
 * take the model. Firth's penalized Cox regression ({@link org.survkit.stats.cox.FirthCoxRegression},
 * as R {@code coxphf}) lives here too because it evaluates the same package-private risk sets.
 * {@link org.survkit.stats.cox.GroupScoreTest} compares groups by the score test of a Cox model with the group
 * alone: the log-rank test's counterpart for case weights and (start, stop] rows (robust with non-integer weights).
 *
 * <p>A fit and its proportional-hazards test on one preparation: {@link org.survkit.stats.cox.PreparedCoxData} (rows
 * sorted, times ranked, covariates centred once) given to {@code CoxRegression.fit} and {@code ProportionalHazardsTest},
 * or {@link org.survkit.stats.cox.CoxRegression#fitAndTest} (the test beside the concordance, on two threads) for a
 * {@link org.survkit.stats.cox.TestedCoxModel}.
 *
 * <p>Data kept elsewhere (a Spark Dataset): {@link org.survkit.stats.cox.CoxRegression#fit(CoxRiskSetSource)} runs the
 * same Newton–Raphson iteration on risk-set sums per (stratum, time) that a
 * {@link org.survkit.stats.cox.CoxRiskSetSource} computes once per step ({@link org.survkit.stats.cox.CoxRiskSetSums}),
 * or on ℓ, U, I that the source walks where the data live ({@link org.survkit.stats.cox.CoxRiskSetSource#stepSums},
 * {@link org.survkit.stats.cox.RiskSetWalk}: parts holding ranges of time, each from the later parts' risk sets;
 * {@link org.survkit.stats.cox.MergedTimes}: R's timefix from chunks of the sorted times;
 * {@link org.survkit.stats.cox.ZphKaplanMeier}: cox.zph's Kaplan–Meier transform per chunk).
 * {@link org.survkit.stats.cox.FirthCoxRegression#fit(FirthRiskSetSource)} runs Firth's fit, limits and tests on the
 * same sums plus the third moments ({@link org.survkit.stats.cox.FirthRiskSetSums}) once per evaluation.
 */
package org.survkit.stats.cox;

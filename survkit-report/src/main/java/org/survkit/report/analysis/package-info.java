/**
 * The analysis of a study, in memory: the cohort file read as text ({@code DataTable}), the study's
 * columns checked against it, the study's eligibility criteria applied to its rows ({@code EligibleRows}), the
 * {@link org.survkit.report.analysis.AnalysisDataset analysis dataset} derived from the eligible rows (times
 * from dates, events, the horizon, the landmark, groups by rules, causes of competing risks; exported as
 * {@code analysis.csv}, RFC 4180 text by {@link org.survkit.report.analysis.CsvText}), and
 * {@link org.survkit.report.analysis.StudyAnalysis}: each analysis reads its cohort from the dataset with
 * survkit-io (one spec per analysis in {@code DatasetSpecs}) and calls survkit-stats — Kaplan–Meier,
 * comparisons, Table 1, Cox, RMST, competing risks, Guardrails — collecting the results and diagnostics. With the
 * study's case weights or entry times every cohort carries them, and the groups are compared by the Cox score test
 * ({@code StudyAnalysis.ScoreComparison}) instead of the log-rank family.
 *
 * <p>The bottom of the report's packages: nothing here formats a number for display or knows of
 * tables or HTML.
 */
package org.survkit.report.analysis;

/**
 * The report's tables and text: {@link org.survkit.report.tables.ReportTables} lays the
 * {@link org.survkit.report.analysis.StudyAnalysis analysis} out as {@link
 * org.survkit.report.tables.ReportTable tables} (formatted cells for the page and the CSV files,
 * unrounded numbers for the JSON files, footnotes; Table 1 by the study's table-wide choices, the pairwise table
 * with its primary hazard ratio first and a footnote on why the estimators differ),
 * {@link org.survkit.report.tables.Formats} is how the report prints numbers (P values through survkit-stats'
 * {@link org.survkit.stats.PValueFormat} in the study's {@code p_style}; hazard-ratio intervals with enough
 * decimals), {@link org.survkit.report.tables.FindingText} titles and words the
 * Guardrails findings, {@link org.survkit.report.tables.MethodsText} writes the methods paragraph
 * from what ran. Formatting only: uses the analysis, never HTML.
 */
package org.survkit.report.tables;

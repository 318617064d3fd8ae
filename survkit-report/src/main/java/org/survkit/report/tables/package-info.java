/**
 * The report's tables and text: {@link org.survkit.report.tables.ReportTables} lays the
 * {@link org.survkit.report.analysis.StudyAnalysis analysis} out as {@link
 * org.survkit.report.tables.ReportTable tables} (formatted cells for the page and the CSV files,
 * unrounded numbers for the JSON files, footnotes), {@link org.survkit.report.tables.Formats} is
 * how the report prints numbers, {@link org.survkit.report.tables.FindingText} titles and words the
 * Guardrails findings, {@link org.survkit.report.tables.MethodsText} writes the methods paragraph
 * from what ran. Formatting only: uses the analysis, never HTML.
 */
package org.survkit.report.tables;

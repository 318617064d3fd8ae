/**
 * The study report: a study file ({@link org.survkit.study.file.StudyReader},
 * {@link org.survkit.study.Study}, or a few command-line flags as {@link org.survkit.report.QuickStudy})
 * → the analysis dataset and the analyses, every number from survkit-stats → the report's tables →
 * one self-contained {@code report.html} with every table as CSV and JSON and every figure as SVG and
 * PNG. The entry point is {@link org.survkit.report.ReportEngine}; {@link org.survkit.study.file.StudyWriter}
 * writes a study back as a file, {@link org.survkit.report.PdfPrinter} prints the report to PDF
 * through a local Chromium.
 *
 * <p>The figures are survkit-plot's ({@code org.survkit.plot}); this package only chooses what to
 * draw and with which labels. Nothing here computes statistics: it calls the engines and lays out
 * their results.
 */
package org.survkit.report;

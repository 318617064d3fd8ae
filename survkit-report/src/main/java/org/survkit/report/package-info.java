/**
 * The study report: a study file ({@link org.survkit.study.file.StudyReader},
 * {@link org.survkit.study.Study}, or a few command-line flags as {@link org.survkit.report.QuickStudy})
 * → the analysis dataset and the analyses, every number from survkit-stats → the report's tables →
 * one self-contained {@code report.html} with every table as CSV and JSON and every figure as SVG and
 * the study's other figure formats (PNG, PDF, EPS, TIFF; {@code FigureFiles} converts them in parallel).
 * This package holds the entry points: {@link org.survkit.report.ReportEngine} runs a study and
 * writes the output folder, telling a {@link org.survkit.report.ReportProgress} how far it is, {@link org.survkit.report.QuickStudy} makes a study of a few flags;
 * {@link org.survkit.study.file.StudyWriter} writes a study back as a file,
 * {@link org.survkit.report.html.PdfPrinter} prints the report to PDF through a local Chromium.
 *
 * <p>The work is done in three packages that depend in one direction (ReportArchitectureTest):
 * {@link org.survkit.report.html} (report.html and the figures) uses {@link org.survkit.report.tables}
 * (the tables and the report's text), which uses {@link org.survkit.report.analysis} (the analysis
 * dataset and the analyses); the analysis knows nothing of tables or HTML. Nothing here computes
 * statistics: the analysis calls survkit-stats' engines, the rest lays out their results.
 */
package org.survkit.report;

/**
 * The page: {@link org.survkit.report.html.HtmlReport} writes the self-contained {@code report.html}
 * from a {@link org.survkit.report.html.ReportContent} (the analysis, its tables, figures and
 * methods text), {@link org.survkit.report.html.ReportFigures} chooses the figures survkit-plot draws
 * and their labels, {@link org.survkit.report.html.PdfPrinter} prints the page to PDF through a
 * local Chromium. Uses the tables and the analysis; nothing below uses it.
 */
package org.survkit.report.html;

/**
 * The report for a manuscript's office programs: {@link org.survkit.report.office.DocxReport} writes
 * {@code report.docx} (Apache POI XWPF: the report's tables as native Word tables in journal style, the figures as
 * PNG at print resolution and their physical size, captions, the methods), {@link
 * org.survkit.report.office.TablesWorkbook} writes {@code tables.xlsx} (fastexcel: one sheet per table, numbers as
 * numbers). Both lay out the {@link org.survkit.report.html.ReportContent} report.html shows, cell for cell: they
 * neither compute nor format a number of their own. Uses the page's content and the tables; nothing below uses it.
 */
package org.survkit.report.office;

/**
 * Cohort import for survkit: reads a delimited text file ({@code .csv}, {@code .tsv}, {@code .txt}), an
 * Excel workbook ({@code .xlsx}), an SPSS ({@code .sav}, {@code .zsav}) or a Stata ({@code .dta}) data file, or
 * an Apache Parquet file ({@code .parquet}; our own reader of the format, {@code ParquetSource}),
 * maps the user's column names, turns dates into follow-up times, codes the event column and reports excluded
 * rows, producing a {@link org.survkit.io.Cohort} of plain arrays for the statistics core. For regression it also reads covariates ({@link org.survkit.io.Covariate}, numeric or
 * categorical), case weights, cluster identifiers and entry times of counting-process data.
 *
 * <p>Entry points: {@link org.survkit.io.CohortReader#read(java.nio.file.Path, org.survkit.io.CohortSpec)}, its
 * twin for a table already in memory ({@link org.survkit.io.MemoryTable}, read by the same rules) and
 * {@link org.survkit.io.TablePreview#read(java.nio.file.Path, String, int)}. Every user mistake is reported as one
 * {@link org.survkit.io.InputException} whose message names the file, line, column and value and says what to do;
 * no parser or I/O exception escapes raw. {@link org.survkit.io.ReadLimits} caps the columns, the length of one
 * value and the unpacked size of a workbook while a file is read (generous defaults; tighter for uploads).
 *
 * <p>Speed: a UTF-8 text file is read on every core ({@code ParallelTextReader}): cut at line starts into stretches
 * of a few megabytes, each split into cells straight from its bytes by one thread ({@code TextSegment}), plain
 * numbers parsed there and repeated labels shared, so a continuous column costs no string per row; the rows reach
 * the cohort assembler in file order ({@code RowCells}), which therefore decides decimal marks, date formats, event
 * codes and problems exactly as for any other source. What the byte reader does not take (quotes, a lone carriage
 * return, very long values, other encodings) FastCSV reads, from that line on; a seeded test checks that both give
 * the same cohort or the same message on messy files.
 */
package org.survkit.io;

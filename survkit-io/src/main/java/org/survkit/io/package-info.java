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
 */
package org.survkit.io;

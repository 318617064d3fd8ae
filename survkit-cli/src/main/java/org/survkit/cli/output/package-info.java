/**
 * How the command line writes its results: one {@link org.survkit.cli.output.Serializer} per kind of result
 * ({@code KM}, {@code COMPARE}, {@code COX}, {@code FIRTH}, {@code CIF}, {@code FINE_GRAY}, {@code PLAN},
 * {@code RECONSTRUCT}), each made of a text, a JSON and a CSV writer ({@code KmText}, {@code KmJson},
 * {@code KmCsv}, …) of one {@link org.survkit.cli.result} record.
 *
 * <ul>
 * <li>Text is laid out as R prints the same analysis (print.survfit, print.survdiff, summary.coxph, print.cuminc),
 * tables through {@code TextTable};</li>
 * <li>JSON (Jackson, streamed through one {@code JsonGenerator}: small parts as trees, the Kaplan–Meier curve tables
 * row by row from the result records, {@code JsonDocument}) has snake_case keys, numbers as numbers and {@code null} where R gives NA; it is
 * what survkit-web's {@code /api/analyses} answers;</li>
 * <li>CSV is the main table (RFC 4180; cells a spreadsheet would run as formulas are neutralized).</li>
 * </ul>
 *
 * <p>One home each for what every printout shares: numbers ({@link org.survkit.cli.output.Numbers}: significant
 * digits for people, {@code format.pval} p-values, codes, full-precision CSV and JSON numbers), the data lines, rows
 * excluded and warnings ({@code TextBlocks} for text, {@code Json} for JSON), confidence-level labels
 * ({@code CiLabels}), test titles and the hazard-ratio table. Only {@code Serializer}, {@code Numbers} and
 * {@link org.survkit.cli.output.OutputFormat} are public.
 */
package org.survkit.cli.output;

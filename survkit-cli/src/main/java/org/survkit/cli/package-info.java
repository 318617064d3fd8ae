/**
 * The {@code survkit} command line: one picocli class per subcommand ({@link org.survkit.cli.Main} lists them,
 * {@link org.survkit.cli.ExitCodes} holds the exit statuses), and the options they share as mixins bound to the
 * study model's keys ({@link org.survkit.cli.CohortOptions}, {@link org.survkit.cli.MethodOptions},
 * {@link org.survkit.cli.ComparisonOptions}, {@link org.survkit.cli.OutputOptions},
 * {@link org.survkit.cli.PresentationOptions} (how the report prints P values, hazard ratios and Table 1),, the report's figure options
 * {@link org.survkit.cli.FigureOptions}, …).
 *
 * <p>Every analysis command is <b>parse → run → emit</b>, in three packages:
 * <ol>
 * <li><b>options</b> (this package): picocli fills the command's fields and mixins; values are parsed by the study
 * keys ({@link org.survkit.cli.FlagValues}) and resolved into the study model's records
 * ({@code Estimates}, {@code Comparisons}, the {@code ModelFrame}'s design matrix);</li>
 * <li><b>run</b> ({@code call()}): reads the cohort ({@link org.survkit.cli.CohortOptions},
 * {@link org.survkit.cli.CompetingRisksCohort}), runs the survkit-stats engines configured from those records,
 * collects the diagnostics, and fills one immutable <b>result</b> record of {@link org.survkit.cli.result}
 * (with the {@link org.survkit.cli.result.CohortSummary} of the data);</li>
 * <li><b>emit</b>: {@link org.survkit.cli.OutputOptions} hands the result to its
 * {@link org.survkit.cli.output.Serializer} with the {@code --format} chosen and writes what it renders to
 * standard output or the {@code --output} file.</li>
 * </ol>
 * A command prints nothing itself and a serializer computes no statistic. {@code report} maps its flags onto
 * survkit-report's engine (line types, legend and figure files through the {@link org.survkit.cli.FigureOptions}
 * mixin) and shows its progress on standard error ({@link org.survkit.cli.ReportProgressLine}), {@code schema} prints the study
 * model's JSON Schema.
 *
 * <p>{@code km}, {@code compare}, {@code cox} and {@code cif} take {@code --engine} ({@link org.survkit.cli.EngineOptions}):
 * with {@code --engine spark} the command is handed to the {@link org.survkit.cli.ClusterEngine} that
 * {@code ServiceLoader} finds (survkit-spark's, when that module is on the class path; the plain jar never holds it).
 */
package org.survkit.cli;

/**
 * What each command found, as small immutable records: the middle of the command line's parse → run → emit. A
 * command's {@code call()} reads the cohort, runs the engines and fills one record; a serializer of
 * {@link org.survkit.cli.output} writes it as text, JSON or CSV. Every record carries a
 * {@link org.survkit.cli.result.CohortSummary} of the data it was computed from (except {@code plan} and
 * {@code reconstruct}, which read no cohort) and its statistical caveats.
 */
package org.survkit.cli.result;

package org.survkit.cli.result;

import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.logrank.OneSampleLogRank;

/**
 * What {@code survkit compare --expected COL} found: the one-sample log-rank test of the observed events against
 * the expected cumulative hazards of column {@code expected} (R {@code survdiff(Surv(time, status) ~
 * offset(exp(-expected)))}).
 *
 * @param cohort      the data analysed
 * @param expected    the column of expected cumulative hazards
 * @param test        observed, expected and the test
 * @param diagnostics the statistical caveats
 */
public record OneSampleResult(CohortSummary cohort, String expected, OneSampleLogRank.Result test,
        List<Diagnostic> diagnostics) {

    public OneSampleResult {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(test, "test");
        diagnostics = List.copyOf(diagnostics);
    }
}

package org.survkit.cli.result;

import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.study.Estimates;

/**
 * What {@code survkit km} found: a Kaplan–Meier curve per group, the reverse Kaplan–Meier curve of each group's
 * follow-up, optionally a test comparing the groups, and the statistical caveats.
 *
 * @param cohort      the data analysed
 * @param estimates   how the curves were estimated and summarized: CI transform and level, median rule, the times
 *                    survival is reported at, the RMST horizon (NaN: no RMST)
 * @param curves      one curve per group in group order ({@code all} without a grouping column)
 * @param followUp    the reverse Kaplan–Meier curve of each group, in the same order
 * @param test        the comparison of the groups asked for with {@code --test}, or null
 * @param diagnostics the statistical caveats
 * @param eventTables whether the text shows each curve's full event table ({@code --table}; JSON always has them)
 * @param weights     the case-weight column ({@code --weights}), or null
 * @param start       the entry-time column of (start, stop] rows ({@code --start}), or null
 */
public record KmResult(CohortSummary cohort, Estimates estimates, List<GroupCurve> curves, List<GroupCurve> followUp,
        LogRankResult test, List<Diagnostic> diagnostics, boolean eventTables, String weights, String start) {

    /** Unweighted right-censored curves. */
    public KmResult(CohortSummary cohort, Estimates estimates, List<GroupCurve> curves, List<GroupCurve> followUp,
            LogRankResult test, List<Diagnostic> diagnostics, boolean eventTables) {
        this(cohort, estimates, curves, followUp, test, diagnostics, eventTables, null, null);
    }

    /** Whether the curves are weighted by a column of case weights. */
    public boolean weighted() {
        return weights != null;
    }

    /** Whether the curves come from (start, stop] rows (delayed entry). */
    public boolean counting() {
        return start != null;
    }

    public KmResult {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(estimates, "estimates");
        curves = List.copyOf(curves);
        followUp = List.copyOf(followUp);
        diagnostics = List.copyOf(diagnostics);
    }
}

package org.survkit.cli.result;

import java.util.List;
import java.util.Objects;
import org.survkit.io.Cohort;
import org.survkit.io.Exclusion;

/**
 * What every result says about the data it was computed from: the file, how time and event were read, the grouping
 * column, the landmark and horizon, the row flow (read, analysed, excluded with reasons) and the reader's warnings.
 * The text output opens with it ("data: … time: … event: …" and the rows line) and every JSON result carries it
 * ({@code source}, {@code excluded}, {@code landmark}, {@code horizon}, the first {@code warnings}).
 *
 * @param source       the file read, as given
 * @param timeLabel    the time column, or the unit of a time computed from dates
 * @param event        the event as the header shows it: {@code status = 2}, {@code status}, or for competing risks
 *                     {@code status (censored = 0; causes 1, 2)}
 * @param group        the column whose values are the groups, or null
 * @param landmark     the landmark time, or NaN for none
 * @param horizon      the horizon of administrative censoring, or NaN for none
 * @param rowsRead     data rows read from the file
 * @param rowsAnalysed rows analysed
 * @param exclusions   rows left out, per reason (counts add up to {@code rowsRead - rowsAnalysed})
 * @param warnings     the reader's warnings, shown before the analysis' own diagnostics
 * @param eventCodes   the event column's coding table: each value found, what it was read as, in how many rows
 */
public record CohortSummary(String source, String timeLabel, String event, String group, double landmark,
        double horizon, int rowsRead, int rowsAnalysed, List<Exclusion> exclusions, List<String> warnings,
        List<org.survkit.io.EventCode> eventCodes) {

    public CohortSummary {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timeLabel, "timeLabel");
        Objects.requireNonNull(event, "event");
        exclusions = List.copyOf(exclusions);
        warnings = List.copyOf(warnings);
        eventCodes = eventCodes == null ? List.of() : List.copyOf(eventCodes);
    }

    /**
     * The summary of a cohort as read.
     *
     * @param c         the cohort analysed
     * @param timeLabel the time column or unit
     * @param event     the event as the header shows it
     * @param group     the grouping column, or null
     * @param landmark  the landmark, or NaN
     * @param horizon   the horizon, or NaN
     * @param warnings  the reader's warnings to show (usually {@link Cohort#warnings()})
     * @return the summary
     */
    public static CohortSummary of(Cohort c, String timeLabel, String event, String group, double landmark,
            double horizon, List<String> warnings) {
        return new CohortSummary(c.source(), timeLabel, event, group, landmark, horizon, c.rowsRead(), c.size(),
                c.exclusions(), warnings, c.eventCodes());
    }

    /** {@return the rows read but not analysed} */
    public int rowsExcluded() {
        return rowsRead - rowsAnalysed;
    }

    /** {@return a group's label in text: {@code sex=1} with a grouping column, the value alone without} */
    public String groupLabel(String value) {
        return group == null ? value : group + "=" + value;
    }
}

package org.survkit.cli;

import java.nio.file.Path;
import java.util.List;
import org.survkit.io.Cohort;
import org.survkit.io.CohortReader;
import org.survkit.io.CohortSpec;
import org.survkit.io.TimeUnit;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options that say where the cohort is and which columns hold time, event, group and strata. */
public final class CohortOptions {
    @Parameters(index = "0", paramLabel = "DATA", description = "Cohort file: .csv/.tsv/.txt (delimiter sniffed) or .xlsx.")
    Path data;

    @Option(names = "--time", paramLabel = "COL", description = "Column with follow-up time (a number >= 0).")
    String time;

    @Option(names = "--start-date", paramLabel = "COL", description = "Column with the start date (with --end-date).")
    String startDate;

    @Option(names = "--end-date", paramLabel = "COL", description = "Column with the date of event or last follow-up.")
    String endDate;

    @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "days",
            description = "Unit of time from dates: days, weeks, months (days/30.4375) or years (days/365.25). Default: ${DEFAULT-VALUE}.")
    String timeUnit;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "Date pattern, e.g. dd/MM/yyyy (default ISO yyyy-MM-dd).")
    String dateFormat;

    @Option(names = "--event", paramLabel = "COL", required = true,
            description = "Column with the event status: 1/true/yes/dead/died/death/event = event, 0/false/no/alive/censored = censored.")
    String event;

    @Option(names = "--event-value", paramLabel = "V",
            description = "Exactly this value is an event; every other non-missing value is censored.")
    String eventValue;

    @Option(names = "--na", paramLabel = "CODE", split = ",",
            description = "Extra missing-value codes (empty, NA and . always are).")
    List<String> na = List.of();

    @Option(names = "--sheet", paramLabel = "NAME", description = "Excel sheet (default: the first).")
    String sheet;

    @Option(names = "--landmark", paramLabel = "T",
            description = "Landmark analysis: keep patients still followed after T and measure time from T"
                    + " (those with an event or censoring at or before T are counted as excluded).")
    Double landmark;

    @Option(names = "--horizon", paramLabel = "H",
            description = "Administrative censoring at H (the time's unit): follow-up beyond H is censored at H and"
                    + " events after H are not counted, as the report's horizon (e.g. 60 with months: 5-year"
                    + " survival). With --landmark, H counts from the landmark.")
    Double horizon;

    /** Reads the cohort, with the group and strata columns given. */
    Cohort read(String group, String strata, java.io.PrintWriter err) {
        return read(spec().group(group).strata(strata), err);
    }

    /** Reads the cohort with the columns of a regression model (complete cases). */
    Cohort readForModel(List<String> covariates, List<String> categorical, String strata, String weights,
            String cluster, String start, java.io.PrintWriter err) {
        return read(spec().covariates(covariates).categorical(categorical).strata(strata).weights(weights)
                .cluster(cluster).start(start), err);
    }

    /** Reads the cohort with a spec the caller completes (e.g. the raw event codes of competing risks). */
    Cohort read(java.util.function.UnaryOperator<CohortSpec> complete, java.io.PrintWriter err) {
        return read(complete.apply(spec()), err);
    }

    /** Reads the cohort with a spec the caller completes, without the horizon (see {@link #readFollowUp}). */
    Cohort readFollowUp(java.util.function.UnaryOperator<CohortSpec> complete, java.io.PrintWriter err) {
        return readFollowUp(complete.apply(spec()), err);
    }

    private CohortSpec spec() {
        if (time == null && startDate == null && endDate == null) {
            throw new UsageException("say where the follow-up time is: --time COL, or --start-date COL --end-date COL"
                    + " [--time-unit months].");
        }
        return CohortSpec.builder().time(time).startDate(startDate).endDate(endDate)
                .timeUnit(TimeUnit.parse(timeUnit)).dateFormat(dateFormat).event(event).eventValue(eventValue)
                .naCodes(na).sheet(sheet);
    }

    private Cohort read(CohortSpec spec, java.io.PrintWriter err) {
        Cohort c = readFollowUp(spec, err);
        return horizon == null ? c : c.horizon(horizon);
    }

    /**
     * Reads the cohort with the landmark applied but not the horizon: for a caller whose event column is not
     * event/censored (competing risks), which censors at the horizon itself ({@link #horizon()}).
     */
    Cohort readFollowUp(CohortSpec spec, java.io.PrintWriter err) {
        if (horizon != null && (!(horizon > 0) || horizon.isInfinite())) {
            throw new UsageException("--horizon must be a time > 0 in the time's unit (e.g. --horizon 60 for 5 years"
                    + " in months), got " + horizon + ".");
        }
        Progress progress = new Progress(err, "reading " + data.getFileName());
        Cohort c = CohortReader.read(data, spec, progress);
        progress.done(c.rowsRead());
        return landmark == null ? c : c.landmark(landmark);
    }

    /** Adds {@code landmark} and {@code horizon} (null when not given) to a JSON result. */
    void putFollowUp(com.fasterxml.jackson.databind.node.ObjectNode o) {
        Json.put(o, "landmark", landmark == null ? Double.NaN : landmark);
        Json.put(o, "horizon", horizon());
    }

    /** {@return "   landmark: T   horizon: H" for the text header, the parts given} */
    String followUpText() {
        return (landmark == null ? "" : "   landmark: " + Fmt.num(landmark, 7))
                + (horizon == null ? "" : "   horizon: " + Fmt.num(horizon, 7) + " (censored there)");
    }

    /** {@return the horizon of administrative censoring, or NaN for none} */
    double horizon() {
        return horizon == null ? Double.NaN : horizon;
    }

    /** The unit of time for messages: the unit of --time-unit for dates, else "time units". */
    String unitLabel() {
        return time != null ? "time units" : TimeUnit.parse(timeUnit).name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the time is measured in, for labels. */
    String timeLabel() {
        return time != null ? time : TimeUnit.parse(timeUnit).name().toLowerCase(java.util.Locale.ROOT);
    }
}

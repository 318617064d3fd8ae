package org.survkit.cli;

import java.nio.file.Path;
import java.util.List;
import org.survkit.cli.result.CohortSummary;
import org.survkit.io.Cohort;
import org.survkit.io.CohortReader;
import org.survkit.io.CohortSpec;
import org.survkit.io.TimeUnit;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options that say where the cohort is and which columns hold time, event, group and strata. */
public final class CohortOptions {
    @Parameters(index = "0", paramLabel = "DATA", description = "Cohort file: .csv/.tsv/.txt (delimiter sniffed), .xlsx, SPSS .sav/.zsav, Stata .dta or"
            + " .parquet.")
    Path data;

    @Option(names = Flags.TIME, paramLabel = "COL")
    String time;

    @Option(names = Flags.START_DATE, paramLabel = "COL")
    String startDate;

    @Option(names = Flags.END_DATE, paramLabel = "COL")
    String endDate;

    @Option(names = Flags.TIME_UNIT, paramLabel = "UNIT")
    String timeUnit;

    @Option(names = Flags.EVENT, paramLabel = "COL", required = true)
    String event;

    @picocli.CommandLine.Mixin
    ReadingOptions reading;

    @Option(names = Flags.INVALID, paramLabel = "stop|exclude")
    String invalid;

    @Option(names = Flags.LANDMARK, paramLabel = "T")
    String landmark;

    @Option(names = Flags.HORIZON, paramLabel = "H")
    String horizon;

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
        return reading.applyTo(CohortSpec.builder().time(time).startDate(startDate).endDate(endDate)
                .timeUnit(unit()).event(event).invalid(FlagValues.parse(StudyKeys.INVALID, invalid)));
    }

    private Cohort read(CohortSpec spec, java.io.PrintWriter err) {
        Cohort c = readFollowUp(spec, err);
        double h = horizon();
        return Double.isNaN(h) ? c : c.horizon(h);
    }

    /**
     * Reads the cohort with the landmark applied but not the horizon: for a caller whose event column is not
     * event/censored (competing risks), which censors at the horizon itself ({@link #horizon()}).
     */
    Cohort readFollowUp(CohortSpec spec, java.io.PrintWriter err) {
        horizon(); // a mistake in --horizon is named before the file is read
        Progress progress = new Progress(err, "reading " + data.getFileName());
        Cohort c = CohortReader.read(data, spec, progress);
        progress.done(c.rowsRead());
        Double lm = FlagValues.parse(StudyKeys.LANDMARK, landmark);
        return lm == null ? c : c.landmark(lm);
    }

    /** {@return what the output says about the cohort read: the event as {@code status = 2}, the reader's warnings} */
    CohortSummary summary(Cohort c, String group) {
        return summary(c, group, reading.eventValues.isEmpty() ? event : event + " = " + String.join(" or ", reading.eventValues),
                c.warnings());
    }

    /**
     * {@return what the output says about the cohort read, with the event described and the warnings chosen by the
     * caller (competing risks: the codes of the event column)}
     */
    CohortSummary summary(Cohort c, String group, String eventText, List<String> warnings) {
        Double lm = FlagValues.parse(StudyKeys.LANDMARK, landmark);
        return CohortSummary.of(c, timeLabel(), eventText, group, lm == null ? Double.NaN : lm, horizon(), warnings);
    }

    /** {@return the one censor code of a competing-risks event column (--censor-value), or null} */
    String censorCode(String command) {
        return CauseCoding.censorValue(command, reading.eventValues, reading.censorValues);
    }

    /** {@return the horizon of administrative censoring, or NaN for none} */
    double horizon() {
        Double h = FlagValues.parse(StudyKeys.HORIZON, horizon);
        return h == null ? Double.NaN : h;
    }

    /** {@return the unit of time (days when not given)} */
    TimeUnit unit() {
        return FlagValues.orDefault(StudyKeys.TIME_UNIT, timeUnit);
    }

    /** The unit of time for messages: the unit of --time-unit for dates, else "time units". */
    String unitLabel() {
        return time != null ? "time units" : unit().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the time is measured in, for labels. */
    private String timeLabel() {
        return time != null ? time : unit().name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.survkit.report;

import org.survkit.study.Study;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;
import org.survkit.study.Comparisons;
import org.survkit.study.Estimates;
import org.survkit.study.Firth;
import org.survkit.study.Summary;
import org.survkit.study.VariableType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.survkit.io.TimeUnit;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.km.ConfidenceType;

/**
 * A study described by a few command-line flags ({@code survkit report DATA --time T --event E
 * --group G ...}): the cohort file, a numeric time column, the event, a group column, Table 1
 * columns and Cox covariates, entry times and case weights. The study is checked as a study file is
 * ({@link Study.Builder#build}), in the words of the flags. {@link #toStudy(Path)} makes the full {@link Study} that
 * {@link StudyWriter} writes next to the report, so that the quick report can be re-run from a
 * study file and extended.
 *
 * @param data       the cohort file
 * @param reading    how the file is read beyond the time column: dates, their format, missing codes, landmark,
 *                   strata
 * @param sheet      Excel sheet, or null
 * @param time       numeric follow-up time column, or null when time comes from two dates
 * @param timeUnit   its unit (days, weeks, months, years), or null
 * @param event      event column
 * @param eventValue the value that marks an event, or null for the default codes
 * @param group      group column, or null
 * @param table1     Table 1 columns (may be empty)
 * @param covariates Cox covariates besides the group (empty: no Cox model)
 * @param at         times for survival estimates (may be empty)
 * @param horizon    administrative censoring time, or NaN
 * @param endpoint   the endpoint's name, or null for "Overall survival"
 * @param entry      the column of entry times ((entry, time] rows: study key {@code time.entry}), or null
 * @param weights    the column of case weights (study key {@code weights}), or null
 */
public record QuickStudy(Path data, Reading reading, String sheet, String time, String timeUnit, String event,
        String eventValue, String group, List<String> table1, List<String> covariates, double[] at, double horizon,
        String endpoint, String entry, String weights) {

    /**
     * The reading options every command shares (study keys {@code time.from}, {@code time.to},
     * {@code data.date_format}, {@code data.na}, {@code landmark}, {@code strata}).
     *
     * @param startDate  the start date column, or null
     * @param endDate    the end date column, or null
     * @param dateFormat the date pattern, or null
     * @param na         extra missing-value codes
     * @param landmark   the landmark, or NaN
     * @param strata     the strata column, or null
     * @param decimal    the decimal mark (null: detected)
     * @param invalid    what happens to rows with invalid values (null: stop)
     * @param censorValues the values of the event column that mean censored
     */
    public record Reading(String startDate, String endDate, String dateFormat, List<String> na, double landmark,
            String strata, org.survkit.io.DecimalMark decimal, org.survkit.io.InvalidRows invalid,
            List<String> censorValues) {
        public Reading {
            na = List.copyOf(na);
            censorValues = censorValues == null ? List.of() : List.copyOf(censorValues);
        }

        /** Reading options with the default decimal mark (detected), invalid values stopping, no censor values. */
        public Reading(String startDate, String endDate, String dateFormat, List<String> na, double landmark,
                String strata) {
            this(startDate, endDate, dateFormat, na, landmark, strata, null, null, List.of());
        }

        /** {@return no dates, no missing codes, no landmark, no strata} */
        public static Reading none() {
            return new Reading(null, null, null, List.of(), Double.NaN, null);
        }
    }

    public QuickStudy {
        table1 = List.copyOf(table1);
        covariates = List.copyOf(covariates);
        at = at.clone();
    }

    /** A study without entry times or case weights. */
    public QuickStudy(Path data, Reading reading, String sheet, String time, String timeUnit, String event,
            String eventValue, String group, List<String> table1, List<String> covariates, double[] at, double horizon,
            String endpoint) {
        this(data, reading, sheet, time, timeUnit, event, eventValue, group, table1, covariates, at, horizon, endpoint,
                null, null);
    }

    /**
     * The study, as if read from {@code studyFile} (paths relative to its folder; output: that folder).
     * A Cox model is added when covariates are given: the group (if any) followed by the covariates.
     *
     * @param studyFile where the study file is (to be) written
     */
    public Study toStudy(Path studyFile) {
        Path folder = studyFile.toAbsolutePath().normalize().getParent();
        Path dataAbs = data.toAbsolutePath().normalize();
        Path rel;
        try {
            rel = folder.relativize(dataAbs);
        } catch (IllegalArgumentException e) {
            rel = dataAbs;
        }
        TimeUnit unit = timeUnit == null ? null : TimeUnit.parse(timeUnit);
        Study.Time t;
        if (time != null) {
            t = new Study.Time(time, null, null, null, unit == null ? null : unit.name().toLowerCase(Locale.ROOT),
                    entry, Map.of());
        } else {
            TimeUnit u = unit == null ? TimeUnit.DAYS : unit;
            t = new Study.Time(null, reading.startDate(), reading.endDate(), u, u.name().toLowerCase(Locale.ROOT),
                    entry, Map.of());
        }
        Study.Groups g = group == null ? null : new Study.Groups(group, group, List.of(), null, List.of(), 0);
        List<Study.Table1Item> items = new ArrayList<>();
        for (String c : table1) {
            items.add(new Study.Table1Item(c, null, VariableType.AUTO, Summary.AUTO, List.of(), 0));
        }
        List<Study.CoxSpec> cox = new ArrayList<>();
        if (!covariates.isEmpty()) {
            List<String> terms = new ArrayList<>();
            if (group != null && !covariates.contains(group)) {
                terms.add(group);
            }
            terms.addAll(covariates);
            cox.add(new Study.CoxSpec(group == null ? "Multivariable" : "Adjusted", terms, List.of(), Map.of(),
                    Firth.AUTO, Ties.EFRON, 0));
        }
        double[] times = at.length == 0 && !Double.isNaN(horizon) ? new double[] {horizon} : at;
        Estimates estimates = Estimates.resolve(null, null, null, null, times, null);
        return Study.builder(studyFile, new Study.Data(rel, sheet, reading.na(), reading.dateFormat(),
                        reading.decimal(), reading.invalid(), 0), t, new Study.Event(event, eventValue == null
                        ? List.of() : List.of(eventValue.split(",")), reading.censorValues(), 0))
                .groups(g).strata(reading.strata()).weights(weights)
                .endpoint(endpoint == null ? StudyKeys.ENDPOINT.defaultValue()
                        : StudyKeys.ENDPOINT.parse(endpoint, Where.COMMAND_LINE))
                .horizon(horizon).landmark(reading.landmark()).estimates(estimates).table1(items).cox(cox)
                .output(Study.Output.defaults().withFolder(Path.of(".")))
                .build(k -> Where.COMMAND_LINE);
    }
}

package org.survkit.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Which columns of a table make up a cohort, and how to read them. Immutable: every {@code with}-style method
 * returns a new spec.
 *
 * <pre>{@code
 * CohortSpec spec = CohortSpec.builder().time("time").event("status").eventValue("2").group("sex");
 * CohortSpec dates = CohortSpec.builder().startDate("dx").endDate("last_seen").timeUnit(TimeUnit.MONTHS)
 *         .dateFormat("dd/MM/yyyy").event("dead");
 * CohortSpec cox = CohortSpec.builder().time("stop").start("start").event("event")
 *         .covariates(List.of("age", "stage", "age:stage")).categorical(List.of("stage"))
 *         .weights("w").cluster("id");
 * }</pre>
 *
 * <p>Follow-up time comes either from one numeric column ({@link #time(String)}) or from two date columns
 * ({@link #startDate(String)}, {@link #endDate(String)}); giving both or neither is an {@link InputException}
 * when the cohort is read. Blank column names count as not given.
 */
public final class CohortSpec {

    private static final CohortSpec EMPTY = new CohortSpec(new Draft());

    private final String timeColumn;
    private final String startDateColumn;
    private final String endDateColumn;
    private final TimeUnit timeUnit;
    private final String dateFormat;
    private final String eventColumn;
    private final List<String> eventValues;
    private final List<String> censorValues;
    private final DecimalMark decimal;
    private final InvalidRows invalid;
    private final boolean causeCodes;
    private final String groupColumn;
    private final String strataColumn;
    private final List<String> naCodes;
    private final String sheet;
    private final List<String> covariates;
    private final List<String> categorical;
    private final String weightsColumn;
    private final String clusterColumn;
    private final String startColumn;

    /** The mutable values a {@code with}-style method copies, changes and freezes into a new spec. */
    private static final class Draft {
        private String timeColumn;
        private String startDateColumn;
        private String endDateColumn;
        private TimeUnit timeUnit = TimeUnit.DAYS;
        private String dateFormat;
        private String eventColumn;
        private List<String> eventValues = List.of();
        private List<String> censorValues = List.of();
        private DecimalMark decimal = DecimalMark.AUTO;
        private InvalidRows invalid = InvalidRows.STOP;
        private boolean causeCodes;
        private String groupColumn;
        private String strataColumn;
        private List<String> naCodes = List.of();
        private String sheet;
        private List<String> covariates = List.of();
        private List<String> categorical = List.of();
        private String weightsColumn;
        private String clusterColumn;
        private String startColumn;

        Draft() {
        }

        Draft(CohortSpec s) {
            timeColumn = s.timeColumn;
            startDateColumn = s.startDateColumn;
            endDateColumn = s.endDateColumn;
            timeUnit = s.timeUnit;
            dateFormat = s.dateFormat;
            eventColumn = s.eventColumn;
            eventValues = s.eventValues;
            censorValues = s.censorValues;
            decimal = s.decimal;
            invalid = s.invalid;
            causeCodes = s.causeCodes;
            groupColumn = s.groupColumn;
            strataColumn = s.strataColumn;
            naCodes = s.naCodes;
            sheet = s.sheet;
            covariates = s.covariates;
            categorical = s.categorical;
            weightsColumn = s.weightsColumn;
            clusterColumn = s.clusterColumn;
            startColumn = s.startColumn;
        }
    }

    private CohortSpec(Draft d) {
        this.timeColumn = d.timeColumn;
        this.startDateColumn = d.startDateColumn;
        this.endDateColumn = d.endDateColumn;
        this.timeUnit = d.timeUnit;
        this.dateFormat = d.dateFormat;
        this.eventColumn = d.eventColumn;
        this.eventValues = d.eventValues;
        this.censorValues = d.censorValues;
        this.decimal = d.decimal;
        this.invalid = d.invalid;
        this.causeCodes = d.causeCodes;
        this.groupColumn = d.groupColumn;
        this.strataColumn = d.strataColumn;
        this.naCodes = d.naCodes;
        this.sheet = d.sheet;
        this.covariates = d.covariates;
        this.categorical = d.categorical;
        this.weightsColumn = d.weightsColumn;
        this.clusterColumn = d.clusterColumn;
        this.startColumn = d.startColumn;
    }

    private CohortSpec with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new CohortSpec(d);
    }

    /**
     * Returns the empty spec to start from: no columns, {@link TimeUnit#DAYS}, ISO dates, no extra missing codes,
     * first sheet, no covariates.
     *
     * @return the empty spec
     */
    public static CohortSpec builder() {
        return EMPTY;
    }

    /**
     * Sets the numeric follow-up time column. With {@link #start(String)} it is the end (stop time) of each
     * row's interval {@code (start, stop]}.
     *
     * @param column header name, or null
     * @return a new spec
     */
    public CohortSpec time(String column) {
        return with(d -> d.timeColumn = blankToNull(column));
    }

    /**
     * Sets the column holding the start of follow-up (diagnosis, randomisation) as a date.
     *
     * @param column header name, or null
     * @return a new spec
     */
    public CohortSpec startDate(String column) {
        return with(d -> d.startDateColumn = blankToNull(column));
    }

    /**
     * Sets the column holding the end of follow-up (event or last contact) as a date.
     *
     * @param column header name, or null
     * @return a new spec
     */
    public CohortSpec endDate(String column) {
        return with(d -> d.endDateColumn = blankToNull(column));
    }

    /**
     * Sets the unit of times computed from dates (default {@link TimeUnit#DAYS}).
     *
     * @param unit the unit; null means days
     * @return a new spec
     */
    public CohortSpec timeUnit(TimeUnit unit) {
        return with(d -> d.timeUnit = unit == null ? TimeUnit.DAYS : unit);
    }

    /**
     * Sets the date pattern of text dates, in {@link java.time.format.DateTimeFormatter} letters, e.g.
     * {@code dd/MM/yyyy}, {@code MM/dd/yyyy}, {@code d.M.yyyy}. Null means ISO {@code yyyy-MM-dd} (an ISO
     * date-time such as {@code 2020-01-31T10:15} is also accepted and its date taken). Parsing is strict:
     * 2021-02-30 is an error, not 2021-02-28.
     *
     * @param pattern the pattern, or null for ISO
     * @return a new spec
     */
    public CohortSpec dateFormat(String pattern) {
        return with(d -> d.dateFormat = blankToNull(pattern));
    }

    /**
     * Sets the event indicator column.
     *
     * @param column header name, or null
     * @return a new spec
     */
    public CohortSpec event(String column) {
        return with(d -> d.eventColumn = blankToNull(column));
    }

    /**
     * Sets the one value of the event column that marks an event (e.g. {@code "2"} for R's {@code lung} data);
     * the same as {@link #eventValues(List)} with one value.
     *
     * @param value the event value, or null for the default words
     * @return a new spec
     */
    public CohortSpec eventValue(String value) {
        return eventValues(value == null ? List.of() : List.of(value));
    }

    /**
     * Sets the values of the event column that mark an event (compared ignoring case, and as numbers when both are
     * numbers). Empty means the default words ({@code 1/0}, yes/no, and the words for dead and alive in English,
     * French, German, Spanish, Italian, Dutch and Portuguese). See {@link EventCoding} for how other values are
     * read; every value's reading is in {@link Cohort#eventCodes()}.
     *
     * @param values the event values; null means none
     * @return a new spec
     */
    public CohortSpec eventValues(List<String> values) {
        return with(d -> d.eventValues = trimmed(values));
    }

    /**
     * Sets the values of the event column that mark censored rows (alive, event-free at last contact). With both
     * event and censor values, any other value is a problem; with censor values only, other values are events.
     *
     * @param values the censor values; null means none
     * @return a new spec
     */
    public CohortSpec censorValues(List<String> values) {
        return with(d -> d.censorValues = trimmed(values));
    }

    /**
     * Declares the event column a column of cause codes (competing risks: censored, relapse, death), which the
     * caller reads itself (as a categorical covariate): no value is coded as event or censored here, every
     * non-missing value is kept, and {@link Cohort#event()} is all false.
     *
     * @return a new spec
     */
    public CohortSpec causeCodes() {
        return with(d -> d.causeCodes = true);
    }

    /** {@return true if the event column holds cause codes the caller reads (see {@link #causeCodes()})} */
    public boolean hasCauseCodes() {
        return causeCodes;
    }

    /**
     * Sets the decimal mark of numbers (default {@link DecimalMark#AUTO}: detected per column).
     *
     * @param mark the mark; null means AUTO
     * @return a new spec
     */
    public CohortSpec decimal(DecimalMark mark) {
        return with(d -> d.decimal = mark == null ? DecimalMark.AUTO : mark);
    }

    /**
     * Sets what happens to rows with invalid values (default {@link InvalidRows#STOP}: every problem listed, no
     * cohort).
     *
     * @param choice the choice; null means STOP
     * @return a new spec
     */
    public CohortSpec invalid(InvalidRows choice) {
        return with(d -> d.invalid = choice == null ? InvalidRows.STOP : choice);
    }

    /**
     * Sets the column that splits the cohort into compared groups (kept as text).
     *
     * @param column header name, or null for no groups
     * @return a new spec
     */
    public CohortSpec group(String column) {
        return with(d -> d.groupColumn = blankToNull(column));
    }

    /**
     * Sets the stratification column (kept as text).
     *
     * @param column header name, or null for no strata
     * @return a new spec
     */
    public CohortSpec strata(String column) {
        return with(d -> d.strataColumn = blankToNull(column));
    }

    /**
     * Sets extra codes that mean "missing", besides the empty value, {@code NA} and {@code .}; compared with the
     * trimmed cell text, case-sensitively.
     *
     * @param codes the extra codes; null means none
     * @return a new spec
     */
    public CohortSpec naCodes(List<String> codes) {
        return with(d -> d.naCodes = trimmed(codes));
    }

    /**
     * Sets the Excel sheet to read (default: the first). Ignored, with a warning, for text files.
     *
     * @param name the sheet name, or null
     * @return a new spec
     */
    public CohortSpec sheet(String name) {
        return with(d -> d.sheet = blankToNull(name));
    }

    /**
     * Sets the model covariates (terms), in the user's order. A term is a column name, or an interaction of
     * columns written {@code a:b} (or {@code a:b:c}); each column of an interaction is read (once, however many
     * terms name it) and the statistics layer builds the product. Names are trimmed, also around {@code :};
     * blank terms are dropped; the list is otherwise kept as given (duplicates included).
     *
     * <p>A covariate column is numeric when every non-missing value is a number with a dot as decimal mark and
     * it is not listed in {@link #categorical(List)}; otherwise it is categorical and kept as text. A row with a
     * missing value in any covariate column is excluded (complete-case analysis, as R's {@code na.omit}).
     *
     * @param columns the terms; null means none
     * @return a new spec
     */
    public CohortSpec covariates(List<String> columns) {
        return with(d -> d.covariates = trimmedTerms(columns));
    }

    /**
     * Sets covariate columns that are categorical even if their values look like numbers (e.g. a stage coded
     * 1/2/3); each must be a column of the {@link #covariates(List) covariates}. Names are trimmed.
     *
     * @param columns the column names; null means none
     * @return a new spec
     */
    public CohortSpec categorical(List<String> columns) {
        return with(d -> d.categorical = trimmed(columns));
    }

    /**
     * Sets the case-weight column: finite numbers ≥ 0 (0 allowed). A row with a missing weight is excluded.
     *
     * @param column header name, or null for unweighted
     * @return a new spec
     */
    public CohortSpec weights(String column) {
        return with(d -> d.weightsColumn = blankToNull(column));
    }

    /**
     * Sets the cluster column (e.g. patient or centre identifier, for robust standard errors), kept as text.
     * A row with a missing cluster is excluded.
     *
     * @param column header name, or null for none
     * @return a new spec
     */
    public CohortSpec cluster(String column) {
        return with(d -> d.clusterColumn = blankToNull(column));
    }

    /**
     * Sets the entry-time column for counting-process data {@code (start, stop]} or delayed entry (left
     * truncation): a number ≥ 0 strictly less than the row's {@link #time(String) time}, which then is the end
     * of the interval. Only with a numeric time column, not with start/end dates. A row with a missing start is
     * excluded.
     *
     * @param column header name, or null for none (every row starts at 0)
     * @return a new spec
     */
    public CohortSpec start(String column) {
        return with(d -> d.startColumn = blankToNull(column));
    }

    /** {@return the numeric time column, or null} */
    public String timeColumn() {
        return timeColumn;
    }

    /** {@return the start date column, or null} */
    public String startDateColumn() {
        return startDateColumn;
    }

    /** {@return the end date column, or null} */
    public String endDateColumn() {
        return endDateColumn;
    }

    /** {@return the unit of times computed from dates, never null} */
    public TimeUnit timeUnit() {
        return timeUnit;
    }

    /** {@return the date pattern, or null for ISO} */
    public String dateFormat() {
        return dateFormat;
    }

    /** {@return the event column, or null} */
    public String eventColumn() {
        return eventColumn;
    }

    /** {@return the first value that marks an event, or null for the default words} */
    public String eventValue() {
        return eventValues.isEmpty() ? null : eventValues.get(0);
    }

    /** {@return the values that mark an event (empty: the default words), never null} */
    public List<String> eventValues() {
        return eventValues;
    }

    /** {@return the values that mark censored rows, never null} */
    public List<String> censorValues() {
        return censorValues;
    }

    /** {@return the decimal mark, never null} */
    public DecimalMark decimal() {
        return decimal;
    }

    /** {@return what happens to rows with invalid values, never null} */
    public InvalidRows invalid() {
        return invalid;
    }

    /** {@return the group column, or null} */
    public String groupColumn() {
        return groupColumn;
    }

    /** {@return the strata column, or null} */
    public String strataColumn() {
        return strataColumn;
    }

    /** {@return the extra missing-value codes, trimmed, never null} */
    public List<String> naCodes() {
        return naCodes;
    }

    /** {@return the Excel sheet name, or null for the first sheet} */
    public String sheet() {
        return sheet;
    }

    /** {@return the covariate terms as given (trimmed, may include interactions {@code a:b}), never null} */
    public List<String> covariates() {
        return covariates;
    }

    /**
     * Returns the columns the covariate terms name, each once, in order of first appearance: for the terms
     * {@code age, sex:age, ph.ecog} these are {@code age, sex, ph.ecog}.
     *
     * @return the covariate columns, never null
     */
    public List<String> covariateColumns() {
        Set<String> columns = new LinkedHashSet<>();
        for (String term : covariates) {
            columns.addAll(termColumns(term));
        }
        return List.copyOf(columns);
    }

    /** {@return the columns forced to be categorical, never null} */
    public List<String> categorical() {
        return categorical;
    }

    /** {@return the case-weight column, or null} */
    public String weightsColumn() {
        return weightsColumn;
    }

    /** {@return the cluster column, or null} */
    public String clusterColumn() {
        return clusterColumn;
    }

    /** {@return the entry (start) time column, or null} */
    public String startColumn() {
        return startColumn;
    }

    /** {@return true if the time comes from two date columns} */
    boolean usesDates() {
        return timeColumn == null;
    }

    /**
     * Checks that the spec names a time and an event, in one way only.
     *
     * @param fileName the file name for the message
     * @throws InputException if not
     */
    void checkComplete(String fileName) {
        boolean dates = startDateColumn != null || endDateColumn != null;
        if (timeColumn != null && dates) {
            throw new InputException(fileName + ": both a time column ('" + timeColumn + "', " + OptionNames.TIME
                    + ") and date columns (" + OptionNames.START_DATE + "/" + OptionNames.END_DATE
                    + ") were given. Give either " + OptionNames.TIME + " or " + OptionNames.START_DATE + " and "
                    + OptionNames.END_DATE + ", not both.");
        }
        if (timeColumn == null && !dates) {
            throw new InputException(fileName + ": no follow-up time was given. Give the time column with "
                    + OptionNames.TIME + ", or the two date columns with " + OptionNames.START_DATE + " and "
                    + OptionNames.END_DATE + ".");
        }
        if (dates && (startDateColumn == null || endDateColumn == null)) {
            String given = startDateColumn != null ? OptionNames.START_DATE : OptionNames.END_DATE;
            String missing = startDateColumn != null ? OptionNames.END_DATE : OptionNames.START_DATE;
            throw new InputException(fileName + ": " + given + " was given without " + missing
                    + ". Follow-up time from dates needs both " + OptionNames.START_DATE + " and "
                    + OptionNames.END_DATE + ".");
        }
        if (eventColumn == null) {
            throw new InputException(fileName + ": no event column was given. Name the column that says whether "
                    + "the event happened (e.g. status) with " + OptionNames.EVENT + ".");
        }
        if (startColumn != null && dates) {
            throw new InputException(fileName + ": an entry time column ('" + startColumn + "', "
                    + OptionNames.START + ") cannot be combined with dates (" + OptionNames.START_DATE + "/"
                    + OptionNames.END_DATE + "); this is not supported. With " + OptionNames.START + ", give the "
                    + "start and the end of each interval as numbers: the end with " + OptionNames.TIME
                    + " (e.g. days since diagnosis at entry and at exit).");
        }
        checkCovariates(fileName);
    }

    private void checkCovariates(String fileName) {
        for (String term : covariates) {
            for (String part : term.split(":", -1)) {
                if (part.isEmpty()) {
                    throw new InputException(fileName + ": the covariate term '" + term + "' (" + OptionNames.COVARIATES
                            + ") has an empty column name. Write an interaction as two or more column names joined "
                            + "by ':', e.g. age:sex.");
                }
            }
        }
        List<String> columns = covariateColumns();
        for (String c : categorical) {
            if (!columns.contains(c)) {
                String closest = columns.isEmpty() ? null : EditDistance.closest(c, columns);
                throw new InputException(fileName + ": '" + c + "' is listed with " + OptionNames.CATEGORICAL
                        + " but is not a column of the covariates" + (columns.isEmpty() ? " (none were given with "
                        + OptionNames.COVARIATES + ")" : " (" + String.join(", ", columns) + ")") + ". "
                        + (closest == null ? "" : "Did you mean '" + closest + "'? ") + "Add the column to "
                        + OptionNames.COVARIATES + ", or remove it from " + OptionNames.CATEGORICAL + ".");
            }
        }
    }

    /**
     * Splits a covariate term into its column names.
     *
     * @param term a term, e.g. {@code age} or {@code age:sex}
     * @return the column names, in order (a repeated name is kept)
     */
    static List<String> termColumns(String term) {
        return List.of(term.split(":", -1));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static List<String> trimmed(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> trimmedTerms(List<String> terms) {
        List<String> out = new ArrayList<>();
        for (String term : trimmed(terms)) {
            StringJoiner j = new StringJoiner(":");
            for (String part : term.split(":", -1)) {
                j.add(part.trim());
            }
            out.add(j.toString());
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CohortSpec s && Objects.equals(timeColumn, s.timeColumn)
                && Objects.equals(startDateColumn, s.startDateColumn)
                && Objects.equals(endDateColumn, s.endDateColumn) && timeUnit == s.timeUnit
                && Objects.equals(dateFormat, s.dateFormat) && Objects.equals(eventColumn, s.eventColumn)
                && eventValues.equals(s.eventValues) && censorValues.equals(s.censorValues) && decimal == s.decimal
                && invalid == s.invalid && causeCodes == s.causeCodes && Objects.equals(groupColumn, s.groupColumn)
                && Objects.equals(strataColumn, s.strataColumn) && naCodes.equals(s.naCodes)
                && Objects.equals(sheet, s.sheet) && covariates.equals(s.covariates)
                && categorical.equals(s.categorical) && Objects.equals(weightsColumn, s.weightsColumn)
                && Objects.equals(clusterColumn, s.clusterColumn) && Objects.equals(startColumn, s.startColumn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeColumn, startDateColumn, endDateColumn, timeUnit, dateFormat, eventColumn,
                eventValues, censorValues, decimal, invalid, groupColumn, strataColumn, naCodes, sheet, covariates, categorical, weightsColumn,
                clusterColumn, startColumn);
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "CohortSpec[", "]");
        add(j, "time", timeColumn);
        add(j, "startDate", startDateColumn);
        add(j, "endDate", endDateColumn);
        j.add("timeUnit=" + timeUnit);
        add(j, "dateFormat", dateFormat);
        add(j, "event", eventColumn);
        if (!eventValues.isEmpty()) {
            j.add("eventValues=" + eventValues);
        }
        if (!censorValues.isEmpty()) {
            j.add("censorValues=" + censorValues);
        }
        if (decimal != DecimalMark.AUTO) {
            j.add("decimal=" + decimal.id());
        }
        if (invalid != InvalidRows.STOP) {
            j.add("invalid=" + invalid.id());
        }
        add(j, "group", groupColumn);
        add(j, "strata", strataColumn);
        if (!naCodes.isEmpty()) {
            j.add("naCodes=" + naCodes);
        }
        add(j, "sheet", sheet);
        if (!covariates.isEmpty()) {
            j.add("covariates=" + covariates);
        }
        if (!categorical.isEmpty()) {
            j.add("categorical=" + categorical);
        }
        add(j, "weights", weightsColumn);
        add(j, "cluster", clusterColumn);
        add(j, "start", startColumn);
        return j.toString();
    }

    private static void add(StringJoiner j, String name, String value) {
        if (value != null) {
            j.add(name + "=" + value);
        }
    }
}

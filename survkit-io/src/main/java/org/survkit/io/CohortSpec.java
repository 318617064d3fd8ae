package org.survkit.io;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Which columns of a table make up a cohort, and how to read them. Immutable: every {@code with}-style method
 * returns a new spec.
 *
 * <pre>{@code
 * CohortSpec spec = CohortSpec.builder().time("time").event("status").eventValue("2").group("sex");
 * CohortSpec dates = CohortSpec.builder().startDate("dx").endDate("last_seen").timeUnit(TimeUnit.MONTHS)
 *         .dateFormat("dd/MM/yyyy").event("dead");
 * }</pre>
 *
 * <p>Follow-up time comes either from one numeric column ({@link #time(String)}) or from two date columns
 * ({@link #startDate(String)}, {@link #endDate(String)}); giving both or neither is an {@link InputException}
 * when the cohort is read. Blank column names count as not given.
 */
public final class CohortSpec {

    private static final CohortSpec EMPTY =
            new CohortSpec(null, null, null, TimeUnit.DAYS, null, null, null, null, null, List.of(), null);

    private final String timeColumn;
    private final String startDateColumn;
    private final String endDateColumn;
    private final TimeUnit timeUnit;
    private final String dateFormat;
    private final String eventColumn;
    private final String eventValue;
    private final String groupColumn;
    private final String strataColumn;
    private final List<String> naCodes;
    private final String sheet;

    @SuppressWarnings("checkstyle:ParameterNumber")
    private CohortSpec(String timeColumn, String startDateColumn, String endDateColumn, TimeUnit timeUnit,
                       String dateFormat, String eventColumn, String eventValue, String groupColumn,
                       String strataColumn, List<String> naCodes, String sheet) {
        this.timeColumn = timeColumn;
        this.startDateColumn = startDateColumn;
        this.endDateColumn = endDateColumn;
        this.timeUnit = timeUnit;
        this.dateFormat = dateFormat;
        this.eventColumn = eventColumn;
        this.eventValue = eventValue;
        this.groupColumn = groupColumn;
        this.strataColumn = strataColumn;
        this.naCodes = naCodes;
        this.sheet = sheet;
    }

    /**
     * Returns the empty spec to start from: no columns, {@link TimeUnit#DAYS}, ISO dates, no extra missing codes,
     * first sheet.
     *
     * @return the empty spec
     */
    public static CohortSpec builder() {
        return EMPTY;
    }

    /**
     * Sets the numeric follow-up time column.
     *
     * @param column header name, or null
     * @return a new spec
     */
    public CohortSpec time(String column) {
        return new CohortSpec(blankToNull(column), startDateColumn, endDateColumn, timeUnit, dateFormat,
                eventColumn, eventValue, groupColumn, strataColumn, naCodes, sheet);
    }

    /**
     * Sets the column holding the start of follow-up (diagnosis, randomisation) as a date.
     *
     * @param column header name, or null
     * @return a new spec
     */
    public CohortSpec startDate(String column) {
        return new CohortSpec(timeColumn, blankToNull(column), endDateColumn, timeUnit, dateFormat,
                eventColumn, eventValue, groupColumn, strataColumn, naCodes, sheet);
    }

    /**
     * Sets the column holding the end of follow-up (event or last contact) as a date.
     *
     * @param column header name, or null
     * @return a new spec
     */
    public CohortSpec endDate(String column) {
        return new CohortSpec(timeColumn, startDateColumn, blankToNull(column), timeUnit, dateFormat,
                eventColumn, eventValue, groupColumn, strataColumn, naCodes, sheet);
    }

    /**
     * Sets the unit of times computed from dates (default {@link TimeUnit#DAYS}).
     *
     * @param unit the unit; null means days
     * @return a new spec
     */
    public CohortSpec timeUnit(TimeUnit unit) {
        return new CohortSpec(timeColumn, startDateColumn, endDateColumn, unit == null ? TimeUnit.DAYS : unit,
                dateFormat, eventColumn, eventValue, groupColumn, strataColumn, naCodes, sheet);
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
        return new CohortSpec(timeColumn, startDateColumn, endDateColumn, timeUnit, blankToNull(pattern),
                eventColumn, eventValue, groupColumn, strataColumn, naCodes, sheet);
    }

    /**
     * Sets the event indicator column.
     *
     * @param column header name, or null
     * @return a new spec
     */
    public CohortSpec event(String column) {
        return new CohortSpec(timeColumn, startDateColumn, endDateColumn, timeUnit, dateFormat,
                blankToNull(column), eventValue, groupColumn, strataColumn, naCodes, sheet);
    }

    /**
     * Sets the one value of the event column that marks an event (e.g. {@code "2"} for R's {@code lung} data);
     * every other non-missing value then means censored. Null means the default tokens
     * ({@code 1/0, true/false, yes/no, dead/alive, died, death, event, censored}).
     *
     * @param value the event value, or null
     * @return a new spec
     */
    public CohortSpec eventValue(String value) {
        return new CohortSpec(timeColumn, startDateColumn, endDateColumn, timeUnit, dateFormat, eventColumn,
                blankToNull(value), groupColumn, strataColumn, naCodes, sheet);
    }

    /**
     * Sets the column that splits the cohort into compared groups (kept as text).
     *
     * @param column header name, or null for no groups
     * @return a new spec
     */
    public CohortSpec group(String column) {
        return new CohortSpec(timeColumn, startDateColumn, endDateColumn, timeUnit, dateFormat, eventColumn,
                eventValue, blankToNull(column), strataColumn, naCodes, sheet);
    }

    /**
     * Sets the stratification column (kept as text).
     *
     * @param column header name, or null for no strata
     * @return a new spec
     */
    public CohortSpec strata(String column) {
        return new CohortSpec(timeColumn, startDateColumn, endDateColumn, timeUnit, dateFormat, eventColumn,
                eventValue, groupColumn, blankToNull(column), naCodes, sheet);
    }

    /**
     * Sets extra codes that mean "missing", besides the empty value, {@code NA} and {@code .}; compared with the
     * trimmed cell text, case-sensitively.
     *
     * @param codes the extra codes; null means none
     * @return a new spec
     */
    public CohortSpec naCodes(List<String> codes) {
        List<String> trimmed = codes == null ? List.of()
                : codes.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new CohortSpec(timeColumn, startDateColumn, endDateColumn, timeUnit, dateFormat, eventColumn,
                eventValue, groupColumn, strataColumn, trimmed, sheet);
    }

    /**
     * Sets the Excel sheet to read (default: the first sheet). Ignored, with a warning, for text files.
     *
     * @param name the sheet name, or null
     * @return a new spec
     */
    public CohortSpec sheet(String name) {
        return new CohortSpec(timeColumn, startDateColumn, endDateColumn, timeUnit, dateFormat, eventColumn,
                eventValue, groupColumn, strataColumn, naCodes, blankToNull(name));
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

    /** {@return the value that marks an event, or null for the default tokens} */
    public String eventValue() {
        return eventValue;
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
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CohortSpec s && Objects.equals(timeColumn, s.timeColumn)
                && Objects.equals(startDateColumn, s.startDateColumn)
                && Objects.equals(endDateColumn, s.endDateColumn) && timeUnit == s.timeUnit
                && Objects.equals(dateFormat, s.dateFormat) && Objects.equals(eventColumn, s.eventColumn)
                && Objects.equals(eventValue, s.eventValue) && Objects.equals(groupColumn, s.groupColumn)
                && Objects.equals(strataColumn, s.strataColumn) && naCodes.equals(s.naCodes)
                && Objects.equals(sheet, s.sheet);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeColumn, startDateColumn, endDateColumn, timeUnit, dateFormat, eventColumn,
                eventValue, groupColumn, strataColumn, naCodes, sheet);
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
        add(j, "eventValue", eventValue);
        add(j, "group", groupColumn);
        add(j, "strata", strataColumn);
        if (!naCodes.isEmpty()) {
            j.add("naCodes=" + naCodes);
        }
        add(j, "sheet", sheet);
        return j.toString();
    }

    private static void add(StringJoiner j, String name, String value) {
        if (value != null) {
            j.add(name + "=" + value);
        }
    }
}

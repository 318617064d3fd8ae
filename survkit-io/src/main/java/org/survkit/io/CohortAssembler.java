package org.survkit.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Cohort} from the rows of a table: maps the spec's column names, reads times (or dates) and
 * entry times, codes events, interns group and strata labels, collects covariates ({@link CovariateColumn}),
 * weights and clusters, excludes rows with missing values and reports every problem as an
 * {@link InputException} naming file, line, column and value.
 *
 * <p>Every row is fully checked, even one that will be excluded, so an invalid value is never hidden behind a
 * missing one. Labels are interned through a small map because group columns have few distinct values.
 */
final class CohortAssembler implements RowHandler {

    private static final long MISSING_DATE = Long.MIN_VALUE + 1;
    private static final int MANY_GROUPS = 20;

    private final CohortSpec spec;
    private final String source;
    private final MissingCodes missing;
    private final EventCoding events;
    private final DateReader dates;
    private final List<String> warnings = new ArrayList<>();
    private final ExclusionTally tally = new ExclusionTally();
    private final Map<String, String> groupLabels = new HashMap<>();
    private final Map<String, String> strataLabels = new HashMap<>();
    private final boolean[] serialWarned = new boolean[2];

    private SourceContext context;
    private int headerLine;
    private String[] slotNames;
    private int eventSlot;
    private int groupSlot = -1;
    private int strataSlot = -1;
    private int startSlot = -1;
    private int weightsSlot = -1;
    private int clusterSlot = -1;
    private CovariateColumn[] covariates = new CovariateColumn[0];
    private int[] reasonOfSlot;

    private double[] time = new double[1024];
    private boolean[] event = new boolean[1024];
    private String[] group;
    private String[] strata;
    private int[] line = new int[1024];
    private double[] start;
    private double[] weights;
    private String[] cluster;
    private double pendingStart;
    private double pendingWeight;
    private String pendingCluster;
    private int size;
    private int rowsRead;
    private java.util.function.IntConsumer progress = n -> { };
    private int eventCount;
    private int firstUnknownLine = -1;
    private String firstUnknownValue;

    /**
     * Creates an assembler.
     *
     * @param spec   the checked spec
     * @param source the source name stored in the cohort
     */
    CohortAssembler(CohortSpec spec, String source) {
        this.spec = spec;
        this.source = source;
        this.missing = new MissingCodes(spec.naCodes());
        this.events = EventCoding.of(spec.eventValue());
        this.dates = spec.usesDates() ? DateReader.of(spec.dateFormat()) : null;
    }

    @Override
    public int[] header(SourceContext sourceContext, List<String> names, int headerLineNumber) {
        this.context = sourceContext;
        this.headerLine = headerLineNumber;
        ColumnLocator locator = new ColumnLocator(sourceContext, names, headerLineNumber);
        List<Integer> columns = new ArrayList<>();
        List<String> slotNameList = new ArrayList<>();
        List<Integer> reasons = new ArrayList<>();
        if (spec.usesDates()) {
            addSlot(locator, spec.startDateColumn(), OptionNames.START_DATE, "missing start date", columns,
                    slotNameList, reasons);
            addSlot(locator, spec.endDateColumn(), OptionNames.END_DATE, "missing end date", columns,
                    slotNameList, reasons);
        } else {
            addSlot(locator, spec.timeColumn(), OptionNames.TIME, "missing time", columns, slotNameList, reasons);
        }
        if (spec.startColumn() != null) {
            startSlot = addSlot(locator, spec.startColumn(), OptionNames.START, "missing start time", columns,
                    slotNameList, reasons);
            start = new double[time.length];
        }
        eventSlot = addSlot(locator, spec.eventColumn(), OptionNames.EVENT, "missing event", columns,
                slotNameList, reasons);
        if (spec.groupColumn() != null) {
            groupSlot = addSlot(locator, spec.groupColumn(), OptionNames.GROUP, "missing group", columns,
                    slotNameList, reasons);
            group = new String[time.length];
        }
        if (spec.strataColumn() != null) {
            strataSlot = addSlot(locator, spec.strataColumn(), OptionNames.STRATA, "missing stratum", columns,
                    slotNameList, reasons);
            strata = new String[time.length];
        }
        List<CovariateColumn> covariateList = new ArrayList<>();
        for (String column : spec.covariateColumns()) {
            int slot = addCovariateSlot(locator, column, names, columns, slotNameList, reasons);
            covariateList.add(new CovariateColumn(column, slot, reasons.get(slot),
                    spec.categorical().contains(column), missing, sourceContext, time.length));
        }
        covariates = covariateList.toArray(new CovariateColumn[0]);
        if (spec.weightsColumn() != null) {
            weightsSlot = addSlot(locator, spec.weightsColumn(), OptionNames.WEIGHTS, "missing weight", columns,
                    slotNameList, reasons);
            weights = new double[time.length];
        }
        if (spec.clusterColumn() != null) {
            clusterSlot = addSlot(locator, spec.clusterColumn(), OptionNames.CLUSTER, "missing cluster", columns,
                    slotNameList, reasons);
            cluster = new String[time.length];
        }
        slotNames = slotNameList.toArray(new String[0]);
        reasonOfSlot = reasons.stream().mapToInt(Integer::intValue).toArray();
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }

    private int addSlot(ColumnLocator locator, String column, String option, String reason, List<Integer> columns,
                        List<String> names, List<Integer> reasons) {
        columns.add(locator.find(column, option));
        names.add(column);
        reasons.add(tally.reason(reason + " (column '" + column + "')", column));
        return columns.size() - 1;
    }

    private int addCovariateSlot(ColumnLocator locator, String column, List<String> header, List<Integer> columns,
                                 List<String> names, List<Integer> reasons) {
        if (!header.contains(column)) {
            for (String term : spec.covariates()) {
                if (term.indexOf(':') > 0 && header.contains(term) && CohortSpec.termColumns(term).contains(column)) {
                    throw new InputException(context.at(headerLine) + ": the covariate '" + term + "' ("
                            + OptionNames.COVARIATES + ") is read as the interaction of the columns '"
                            + String.join("', '", CohortSpec.termColumns(term)) + "', but there is no column '"
                            + column + "'. The header has a column named '" + term + "': rename it without ':' to "
                            + "use it as a covariate.");
                }
            }
        }
        return addSlot(locator, column, OptionNames.COVARIATES, "missing covariate", columns, names, reasons);
    }

    /** Receives the number of rows read so far, every 2^16 rows. */
    void onProgress(java.util.function.IntConsumer listener) {
        progress = listener;
    }

    @Override
    public void row(int lineNumber, String[] text, LocalDate[] cellDates) {
        if ((++rowsRead & 0xFFFF) == 0) {
            progress.accept(rowsRead);
        }
        int reason = -1;
        double t = 0;
        if (dates == null) {
            String s = text[0].trim();
            if (missing.isMissing(s)) {
                reason = reasonOfSlot[0];
            } else {
                t = readTime(s, lineNumber);
            }
        } else {
            long start = readDate(0, text, cellDates, lineNumber);
            long end = readDate(1, text, cellDates, lineNumber);
            if (start == MISSING_DATE) {
                reason = reasonOfSlot[0];
            } else if (end == MISSING_DATE) {
                reason = reasonOfSlot[1];
            } else {
                t = elapsed(start, end, text, lineNumber);
            }
        }
        if (startSlot >= 0) {
            String s = text[startSlot].trim();
            if (missing.isMissing(s)) {
                reason = reason < 0 ? reasonOfSlot[startSlot] : reason;
            } else {
                pendingStart = readStart(s, text, t, reason < 0, lineNumber);
            }
        }
        String e = text[eventSlot].trim();
        byte code = EventCoding.CENSORED;
        if (missing.isMissing(e)) {
            reason = reason < 0 ? reasonOfSlot[eventSlot] : reason;
        } else {
            code = events.code(e);
            if (code == EventCoding.UNKNOWN && firstUnknownLine < 0) {
                firstUnknownLine = lineNumber;
                firstUnknownValue = e;
            }
        }
        String g = null;
        if (groupSlot >= 0) {
            g = label(text[groupSlot], groupLabels);
            reason = g == null && reason < 0 ? reasonOfSlot[groupSlot] : reason;
        }
        String st = null;
        if (strataSlot >= 0) {
            st = label(text[strataSlot], strataLabels);
            reason = st == null && reason < 0 ? reasonOfSlot[strataSlot] : reason;
        }
        if (covariates.length > 0 || weightsSlot >= 0 || clusterSlot >= 0) {
            reason = readExtras(text, reason, lineNumber);
        }
        if (reason >= 0) {
            tally.exclude(reason, lineNumber);
            return;
        }
        append(t, code == EventCoding.EVENT, g, st, lineNumber);
    }

    private int readExtras(String[] text, int reasonSoFar, int lineNumber) {
        int reason = reasonSoFar;
        for (CovariateColumn c : covariates) {
            if (!c.read(text[c.slot()], lineNumber) && reason < 0) {
                reason = c.reason();
            }
        }
        if (weightsSlot >= 0) {
            String s = text[weightsSlot].trim();
            if (missing.isMissing(s)) {
                reason = reason < 0 ? reasonOfSlot[weightsSlot] : reason;
            } else {
                pendingWeight = readNumber(s, weightsSlot, lineNumber, "Case weights must be numbers ≥ 0",
                        "weights must be ≥ 0. Correct the value in the file (or exclude the row by "
                        + "leaving the cell empty).");
            }
        }
        if (clusterSlot >= 0) {
            String s = text[clusterSlot].trim();
            if (missing.isMissing(s)) {
                reason = reason < 0 ? reasonOfSlot[clusterSlot] : reason;
            } else {
                pendingCluster = s;
            }
        }
        return reason;
    }

    private double readStart(String s, String[] text, double stop, boolean stopKnown, int lineNumber) {
        double v = readNumber(s, startSlot, lineNumber, "Entry times (" + OptionNames.START + ") must be numbers ≥ 0",
                "entry times (" + OptionNames.START + ") must be ≥ 0. Correct the value in the file (or exclude "
                        + "the row by leaving the cell empty).");
        if (stopKnown && !(v < stop)) {
            throw new InputException(context.at(lineNumber) + ", columns '" + slotNames[startSlot] + "' and '"
                    + slotNames[0] + "': start " + s + " is not before the stop time " + text[0].trim() + ". Each row "
                    + "is the interval (start, stop] and needs start < stop; with " + OptionNames.START + " the "
                    + OptionNames.TIME + " column is the end of the interval, not its length. Correct the row, or "
                    + "check that " + OptionNames.START + " and " + OptionNames.TIME + " are not swapped.");
        }
        return v;
    }

    /**
     * Reads a finite number ≥ 0 of an extra column (start, weights).
     *
     * @param s          the trimmed, non-missing text
     * @param slot       the slot, for the column name
     * @param lineNumber the line
     * @param rule       what the column must hold, as a sentence start, e.g. "Case weights must be numbers ≥ 0"
     * @param negative   the end of the message for a negative value, after "is negative; "
     * @return the value
     */
    private double readNumber(String s, int slot, int lineNumber, String rule, String negative) {
        double v = DecimalParser.parse(s);
        if (v >= 0 && v < Double.POSITIVE_INFINITY) {
            return v + 0.0;
        }
        String where = context.at(lineNumber, slotNames[slot]) + ": value \"" + s + "\" ";
        if (Double.isNaN(v)) {
            if (DecimalParser.looksLikeDecimalComma(s)) {
                throw new InputException(where + "uses a comma inside a number. " + rule + ", written with a dot "
                        + "as the decimal mark and without thousands separators; correct the file or save it with a "
                        + "dot as decimal mark.");
            }
            throw new InputException(where + "is not a number. " + rule + " (use a dot as the decimal mark). If \""
                    + s + "\" means a missing value, add it with " + OptionNames.NA + ".");
        }
        if (v < 0) {
            throw new InputException(where + "is negative; " + negative);
        }
        throw new InputException(where + "is too large. Correct the value in the file.");
    }

    private String label(String raw, Map<String, String> labels) {
        String s = raw.trim();
        if (missing.isMissing(s)) {
            return null;
        }
        String known = labels.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private void append(double t, boolean isEvent, String g, String st, int lineNumber) {
        if (size == time.length) {
            int capacity = size + (size >> 1);
            time = Arrays.copyOf(time, capacity);
            event = Arrays.copyOf(event, capacity);
            line = Arrays.copyOf(line, capacity);
            group = group == null ? null : Arrays.copyOf(group, capacity);
            strata = strata == null ? null : Arrays.copyOf(strata, capacity);
            start = start == null ? null : Arrays.copyOf(start, capacity);
            weights = weights == null ? null : Arrays.copyOf(weights, capacity);
            cluster = cluster == null ? null : Arrays.copyOf(cluster, capacity);
            for (CovariateColumn c : covariates) {
                c.grow(capacity);
            }
        }
        time[size] = t;
        event[size] = isEvent;
        line[size] = lineNumber;
        if (group != null) {
            group[size] = g;
        }
        if (strata != null) {
            strata[size] = st;
        }
        if (start != null) {
            start[size] = pendingStart;
        }
        if (weights != null) {
            weights[size] = pendingWeight;
        }
        if (cluster != null) {
            cluster[size] = pendingCluster;
        }
        for (CovariateColumn c : covariates) {
            c.store(size);
        }
        if (isEvent) {
            eventCount++;
        }
        size++;
    }

    private double readTime(String s, int lineNumber) {
        double v = DecimalParser.parse(s);
        if (v >= 0 && v < Double.POSITIVE_INFINITY) {
            return v + 0.0;
        }
        String where = context.at(lineNumber, slotNames[0]) + ": value \"" + s + "\" ";
        if (Double.isNaN(v)) {
            if (DecimalParser.looksLikeDecimalComma(s)) {
                boolean decimalComma = s.indexOf(',') == s.lastIndexOf(',') && s.indexOf('.') < 0;
                throw new InputException(where + "uses a comma inside a number. Times must be numbers ≥ 0 written "
                        + "with a dot as the decimal mark and without thousands separators"
                        + (decimalComma ? " (e.g. " + s.replace(',', '.') + " instead of " + s + ")" : "")
                        + "; correct the file or save it with a dot as decimal mark.");
            }
            if (DateReader.parseIso(s) != DateReader.NOT_A_DATE || DateReader.guessPattern(s) != null) {
                throw new InputException(where + "is a date, not a number. " + OptionNames.TIME + " needs a column "
                        + "of follow-up times (numbers ≥ 0); for follow-up between two dates give "
                        + OptionNames.START_DATE + " and " + OptionNames.END_DATE + " instead.");
            }
            throw new InputException(where + "is not a number. Times must be numbers ≥ 0 (use a dot as the "
                    + "decimal mark), or give " + OptionNames.START_DATE + "/" + OptionNames.END_DATE
                    + " for dates. If \"" + s + "\" means a missing value, add it with " + OptionNames.NA + ".");
        }
        if (v < 0) {
            throw new InputException(where + "is negative. Follow-up times must be ≥ 0; correct the value in the "
                    + "file (or exclude the row by leaving the cell empty).");
        }
        throw new InputException(where + "is too large to be a follow-up time. Correct the value in the file.");
    }

    private long readDate(int slot, String[] text, LocalDate[] cellDates, int lineNumber) {
        if (cellDates != null && cellDates[slot] != null) {
            return cellDates[slot].toEpochDay();
        }
        String s = text[slot].trim();
        if (missing.isMissing(s)) {
            return MISSING_DATE;
        }
        long day = dates.parse(s);
        if (day != DateReader.NOT_A_DATE) {
            return day;
        }
        day = ExcelSerialDates.parse(s);
        if (day != DateReader.NOT_A_DATE) {
            if (!serialWarned[slot]) {
                serialWarned[slot] = true;
                warnings.add(context.at(lineNumber, slotNames[slot]) + ": the number " + s + " was read as an "
                        + "Excel date serial number, " + LocalDate.ofEpochDay(day) + " (and likewise for other "
                        + "whole numbers in this column). If that is wrong, store the column as dates.");
            }
            return day;
        }
        throw badDate(slot, s, lineNumber);
    }

    private InputException badDate(int slot, String s, int lineNumber) {
        StringBuilder m = new StringBuilder(context.at(lineNumber, slotNames[slot])).append(": value \"")
                .append(s).append("\" is not a date in the expected format ").append(dates.expected());
        if (dates.isIso()) {
            String guess = DateReader.guessPattern(s);
            m.append(". Set the format of the dates with ").append(OptionNames.DATE_FORMAT)
                    .append(guess == null ? ", e.g. " + OptionNames.DATE_FORMAT + " dd/MM/yyyy."
                            : ", e.g. " + OptionNames.DATE_FORMAT + " " + guess + ".");
        } else {
            m.append(" (from ").append(OptionNames.DATE_FORMAT).append("). Correct the value, or change ")
                    .append(OptionNames.DATE_FORMAT).append(" to match the dates in the file.");
        }
        if (!Double.isNaN(DecimalParser.parse(s))) {
            m.append(" The number does not look like an Excel date serial either (whole numbers ")
                    .append(ExcelSerialDates.FIRST).append(" to ").append(ExcelSerialDates.LAST).append(").");
        }
        return new InputException(m.toString());
    }

    private double elapsed(long start, long end, String[] text, int lineNumber) {
        if (end < start) {
            throw new InputException(context.at(lineNumber) + ", columns '" + slotNames[0] + "' and '"
                    + slotNames[1] + "': the end date " + LocalDate.ofEpochDay(end) + " (\"" + text[1].trim()
                    + "\") is before the start date " + LocalDate.ofEpochDay(start) + " (\"" + text[0].trim()
                    + "\"), which gives a negative follow-up time. Correct the dates, or check that "
                    + OptionNames.START_DATE + " and " + OptionNames.END_DATE + " are not swapped"
                    + (dates.isIso() ? "." : " and that " + OptionNames.DATE_FORMAT + " " + dates.expected()
                            + " matches the file (day and month may be swapped)."));
        }
        return (end - start) / spec.timeUnit().days();
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    /**
     * Finishes the import.
     *
     * @return the cohort
     * @throws InputException if there were no data rows, unknown event codes, or no row is left
     */
    Cohort finish() {
        if (rowsRead == 0) {
            throw new InputException(context.file() + ": the header (" + context.lineWord() + " " + headerLine
                    + ") has no data rows below it. Add the data rows, or check that this is the right file"
                    + (context.sheet() == null ? "." : " and sheet (" + OptionNames.SHEET + ")."));
        }
        if (firstUnknownLine >= 0) {
            throw unknownEvent();
        }
        List<Exclusion> exclusions = tally.exclusions();
        if (size == 0) {
            StringBuilder m = new StringBuilder(context.file()).append(": all ").append(rowsRead)
                    .append(" data rows were excluded for missing values (");
            for (int i = 0; i < exclusions.size(); i++) {
                Exclusion x = exclusions.get(i);
                m.append(i == 0 ? "" : "; ").append(x.reason()).append(": ").append(x.count());
            }
            throw new InputException(m.append("), so nothing is left to analyse. Check the chosen columns and the "
                    + "missing-value codes (" + OptionNames.NA + ").").toString());
        }
        addEndWarnings();
        List<Covariate> columns = new ArrayList<>(covariates.length);
        for (CovariateColumn c : covariates) {
            columns.add(c.finish(size));
            c.addWarnings(warnings);
        }
        return new Cohort(source, Arrays.copyOf(time, size), Arrays.copyOf(event, size),
                group == null ? null : Arrays.copyOf(group, size), strata == null ? null : Arrays.copyOf(strata, size),
                Arrays.copyOf(line, size), rowsRead, exclusions, warnings, columns,
                weights == null ? null : Arrays.copyOf(weights, size),
                cluster == null ? null : Arrays.copyOf(cluster, size), start == null ? null : Arrays.copyOf(start, size));
    }

    private InputException unknownEvent() {
        List<String> values = Texts.sorted(events.distinct());
        String suggestion = suggestEventValue(values);
        return new InputException(context.at(firstUnknownLine, slotNames[eventSlot]) + ": value \""
                + firstUnknownValue + "\" is not a known event code. Values found in this column: "
                + Texts.join(values, 10, values.size()) + (events.moreDistinct() ? " and more" : "")
                + ". Without " + OptionNames.EVENT_VALUE + ", events must be coded 1, true, yes, dead, died, death "
                + "or event, and censored rows 0, false, no, alive or censored. Give the value that marks an event "
                + "with " + OptionNames.EVENT_VALUE + " (e.g. " + OptionNames.EVENT_VALUE + " " + suggestion
                + "); all other values then count as censored.");
    }

    private String suggestEventValue(List<String> sortedValues) {
        String unknown = null;
        for (String v : sortedValues) {
            if (EventCoding.of(null).code(v) == EventCoding.UNKNOWN) {
                unknown = v;
            }
        }
        String pick = unknown == null ? firstUnknownValue : unknown;
        return pick.matches("[\\p{Alnum}._+-]+") ? pick : "\"" + pick + "\"";
    }

    private void addEndWarnings() {
        String eventColumn = slotNames[eventSlot];
        if (eventCount == 0) {
            String found = Texts.join(Texts.sorted(events.distinct()), 10, events.distinct().size());
            warnings.add(events.eventValue() != null
                    ? context.file() + ": the event value \"" + events.eventValue() + "\" never occurs in column '"
                    + eventColumn + "' (values found: " + found + "), so every row is censored. Check "
                    + OptionNames.EVENT_VALUE + "."
                    : context.file() + ": no row of column '" + eventColumn + "' marks an event (values found: "
                    + found + "), so every row is censored.");
        }
        if (groupSlot >= 0 && groupLabels.size() > MANY_GROUPS) {
            warnings.add(context.file() + ": column '" + slotNames[groupSlot] + "' has " + groupLabels.size()
                    + " different values; each becomes its own group. If it is a measurement rather than a "
                    + "grouping, choose another column for " + OptionNames.GROUP + ".");
        }
    }
}

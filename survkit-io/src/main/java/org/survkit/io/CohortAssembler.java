package org.survkit.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Cohort} from the rows of a table: maps the spec's column names, reads times (or dates),
 * codes events, interns group and strata labels, excludes rows with missing values and reports every problem
 * as an {@link InputException} naming file, line, column and value.
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
    private int[] reasonOfSlot;

    private double[] time = new double[1024];
    private boolean[] event = new boolean[1024];
    private String[] group;
    private String[] strata;
    private int[] line = new int[1024];
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
        if (reason >= 0) {
            tally.exclude(reason, lineNumber);
            return;
        }
        append(t, code == EventCoding.EVENT, g, st, lineNumber);
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
        return new Cohort(source, Arrays.copyOf(time, size), Arrays.copyOf(event, size),
                group == null ? null : Arrays.copyOf(group, size), strata == null ? null : Arrays.copyOf(strata, size),
                Arrays.copyOf(line, size), rowsRead, exclusions, warnings);
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

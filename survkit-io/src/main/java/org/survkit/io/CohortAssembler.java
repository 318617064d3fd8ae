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
    private static final long INVALID_DATE = Long.MIN_VALUE + 2;
    private static final int MANY_GROUPS = 20;
    /** Rows looked at before the decimal mark of each numeric column is decided. */
    static final int SNIFF_ROWS = 1000;
    /** Problems kept with their full text (all are counted). */
    static final int PROBLEMS_KEPT = 1000;
    /** Problems listed in the message that stops a run. */
    private static final int PROBLEMS_SHOWN = 25;

    private final CohortSpec spec;
    private final String source;
    private final MissingCodes missing;
    private final EventCoding events;
    private DateReader dates;
    /** Detects the date format from the first rows when none was given (null otherwise). */
    private DateFormats.Detector dateDetector;
    /** The most rows buffered while the date format is not decided. */
    private static final int DETECT_ROWS = 100_000;
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
    private final List<Problem> problems = new ArrayList<>();
    private int problemCount;
    private final Map<String, Integer> invalidReasons = new HashMap<>();
    private int rowInvalid = -1;
    private boolean sniffing;
    private final List<Object[]> sniffed = new ArrayList<>();
    private DecimalMark[] marks;
    private final List<Integer> numericSlots = new ArrayList<>();
    /** False when a missing-value code could be a plain number (then every cell is read as text). */
    private final boolean numbersUsable;
    private final TextRow textRow = new TextRow();
    /**
     * Entries of the small caches of the event, group and strata cells, by the cell string's identity: the parallel
     * reader gives a column with few values the same string object for every row of a stretch with that text
     * ({@link TextSegment}), so most rows skip the trim, the missing codes and the map lookups. Any other string
     * misses and takes the full path (same result: a string's text never changes).
     */
    static final int SEEN = 64;
    private final String[] eventRaw = new String[SEEN];
    private final EventCoding.Known[] eventKnown = new EventCoding.Known[SEEN];
    private final String[] groupRaw = new String[SEEN];
    private final String[] groupLabel = new String[SEEN];
    private final String[] strataRaw = new String[SEEN];
    private final String[] strataLabel = new String[SEEN];

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
        this.events = EventCoding.of(spec.eventValues(), spec.censorValues());
        this.dates = spec.usesDates() ? DateReader.of(spec.dateFormat()) : null;
        this.numbersUsable = spec.naCodes().stream().noneMatch(c -> c.chars().anyMatch(Character::isDigit));
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
                    spec.categorical().contains(column), missing, sourceContext, time.length, this::problem));
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
        marks = new DecimalMark[slotNames.length];
        java.util.Arrays.fill(marks, spec.decimal() == DecimalMark.AUTO ? DecimalMark.POINT : spec.decimal());
        if (!spec.usesDates()) {
            numericSlots.add(0);
        }
        for (int slot : new int[] {startSlot, weightsSlot}) {
            if (slot >= 0) {
                numericSlots.add(slot);
            }
        }
        for (CovariateColumn c : covariates) {
            if (!c.categorical()) {
                numericSlots.add(c.slot());
            }
        }
        if (spec.usesDates() && spec.dateFormat() == null) {
            dateDetector = new DateFormats.Detector(sourceContext.lineWord());
        }
        sniffing = spec.decimal() == DecimalMark.AUTO && !numericSlots.isEmpty() || dateDetector != null;
        for (CovariateColumn c : covariates) {
            c.mark(marks[c.slot()]);
        }
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
        if (sniffing) {
            sniffed.add(new Object[] {lineNumber, text.clone(), cellDates == null ? null : cellDates.clone()});
            if (dateDetector != null && !dateDetector.decided()) {
                for (int slot = 0; slot < 2; slot++) {
                    String v = text[slot].trim();
                    if ((cellDates == null || cellDates[slot] == null) && !missing.isMissing(v)) {
                        dateDetector.accept(lineNumber, v);
                    }
                }
            }
            boolean datesDone = dateDetector == null || dateDetector.decided();
            if (sniffed.size() >= SNIFF_ROWS && datesDone || sniffed.size() >= DETECT_ROWS) {
                endSniff();
            }
            return;
        }
        process(lineNumber, textRow.of(text), cellDates);
    }

    /**
     * Receives a row of a text file read in parallel: while the decimal marks and the date format are being decided
     * as {@link #row}; then plain numbers come parsed, and only the cells that need their text become strings.
     */
    @Override
    public void cells(int lineNumber, RowCells cells) {
        if (sniffing) {
            row(lineNumber, cells.texts(), null);
            return;
        }
        process(lineNumber, numbersUsable ? cells : textRow.of(cells.texts()), null);
    }

    /** Decides the decimal mark of each numeric column from the rows seen so far, then reads them. */
    private void endSniff() {
        sniffing = false;
        if (dateDetector != null) {
            DateFormats.Detection d = dateDetector.result();
            if (d.problem() != null) {
                throw new InputException(context.file() + ", columns '" + slotNames[0] + "' and '" + slotNames[1] + "': "
                        + d.problem());
            }
            if (d.pattern() != null && !DateReader.of(d.pattern()).isIso()) {
                dates = DateReader.of(d.pattern());
                warnings.add(context.file() + ", columns '" + slotNames[0] + "' and '" + slotNames[1] + "': " + d.how()
                        + ". Give " + OptionNames.DATE_FORMAT + " to set the format yourself.");
            }
            dateDetector = null;
        }
        decideMarks();
        for (Object[] r : sniffed) {
            process((Integer) r[0], textRow.of((String[]) r[1]), (LocalDate[]) r[2]);
        }
        sniffed.clear();
    }

    private void decideMarks() {
        // the decisions are LocalNumbers' (one rule for the reader, the data check and the report); here only what
        // the warnings need: the first ambiguous value of a column, an example of a decimal comma
        List<List<String>> values = new ArrayList<>();
        for (int slot = 0; slot < slotNames.length; slot++) {
            values.add(new ArrayList<>());
        }
        List<List<String>> numericValues = new ArrayList<>();
        for (int slot : numericSlots) {
            numericValues.add(values.get(slot));
        }
        int[] firstAmbiguous = new int[slotNames.length];
        String[] ambiguousValue = new String[slotNames.length];
        boolean[] decided = new boolean[slotNames.length];
        boolean[] integers = new boolean[slotNames.length];
        String example = null;
        int exampleLine = 0;
        for (Object[] r : sniffed) {
            String[] text = (String[]) r[1];
            for (int slot : numericSlots) {
                String v = text[slot].trim();
                if (missing.isMissing(v)) {
                    continue;
                }
                values.get(slot).add(v);
                LocalNumbers.Kind k = LocalNumbers.kind(v);
                decided[slot] |= k == LocalNumbers.Kind.DOT || k == LocalNumbers.Kind.COMMA;
                integers[slot] |= k == LocalNumbers.Kind.INTEGER;
                if ((k == LocalNumbers.Kind.AMBIGUOUS_COMMA || k == LocalNumbers.Kind.AMBIGUOUS_DOT)
                        && ambiguousValue[slot] == null) {
                    ambiguousValue[slot] = v;
                    firstAmbiguous[slot] = (Integer) r[0];
                }
            }
        }
        DecimalMark fileMark = LocalNumbers.fileMark(numericValues, context.delimiter(), DecimalMark.AUTO);
        boolean byColumns = LocalNumbers.fileMark(numericValues, (char) 0, DecimalMark.AUTO) == DecimalMark.COMMA;
        List<String> commaNames = new ArrayList<>();
        for (int slot : numericSlots) {
            marks[slot] = LocalNumbers.columnMark(values.get(slot), DecimalMark.AUTO, fileMark);
            if (marks[slot] == DecimalMark.COMMA && (decided[slot] || integers[slot])) {
                commaNames.add("'" + slotNames[slot] + "'");
            }
            if (decided[slot] && marks[slot] == DecimalMark.COMMA && example == null) {
                for (Object[] r : sniffed) {
                    String v = ((String[]) r[1])[slot].trim();
                    if (LocalNumbers.kind(v) == LocalNumbers.Kind.COMMA) {
                        example = v;
                        exampleLine = (Integer) r[0];
                        break;
                    }
                }
            }
            if (!decided[slot] && ambiguousValue[slot] != null) {
                String v = ambiguousValue[slot];
                double read = LocalNumbers.parse(v, fileMark);
                String why = byColumns ? "the other numeric columns use a decimal comma"
                        : fileMark == DecimalMark.COMMA ? "the file is separated by semicolons, as files with decimal "
                        + "commas are" : "nothing in the file shows a decimal comma";
                warnings.add(context.at(firstAmbiguous[slot], slotNames[slot]) + ": values such as \"" + v
                        + "\" can be read with a decimal comma or with a thousands separator; they were read as "
                        + Texts.number(read) + " because " + why + ". If that is wrong, give "
                        + OptionNames.DECIMAL + " " + (fileMark == DecimalMark.COMMA ? "." : ",") + ".");
            }
        }
        for (CovariateColumn c : covariates) {
            c.mark(marks[c.slot()]);
        }
        if (example != null) {
            warnings.add(context.file() + ": numbers were read with a decimal comma in column" + (commaNames.size() == 1
                    ? " " : "s ") + String.join(", ", commaNames) + " (e.g. \"" + example + "\" = "
                    + Texts.number(LocalNumbers.parse(example, DecimalMark.COMMA)) + ", " + context.lineWord() + " "
                    + exampleLine + "). To set the decimal mark yourself, use " + OptionNames.DECIMAL
                    + " (. or ,).");
        }
    }

    /**
     * Records a problem with a value of the current row; the row is then invalid (excluded with
     * {@link InvalidRows#EXCLUDE}, or the run stops at the end with every problem listed).
     *
     * @param lineNumber the line
     * @param column     the column
     * @param value      the trimmed value
     * @param what       what is wrong
     * @param fix        what to do
     * @param kind       the kind, e.g. {@code not-a-number}
     */
    void problem(int lineNumber, String column, String value, String what, String fix, String kind) {
        problemCount++;
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(new Problem(context.file(), lineNumber, column, value, what, fix, kind, context.lineWord()));
        }
        if (rowInvalid < 0) {
            String reason = ProblemKinds.label(kind) + " (column '" + column + "')";
            Integer index = invalidReasons.get(reason);
            if (index == null) {
                index = tally.reason(reason, column);
                invalidReasons.put(reason, index);
            }
            rowInvalid = index;
        }
    }

    private void process(int lineNumber, RowCells text, LocalDate[] cellDates) {
        if ((++rowsRead & 0xFFFF) == 0) {
            progress.accept(rowsRead);
        }
        rowInvalid = -1;
        int reason = -1;
        double t = 0;
        double plain = dates == null ? text.number(0, marks[0]) : Double.NaN;
        if (plain >= 0) {
            t = plain + 0.0; // a plain number ≥ 0: never missing, never a problem
        } else if (dates == null) {
            String s = text.text(0).trim();
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
            } else if (start != INVALID_DATE && end != INVALID_DATE) {
                t = elapsed(start, end, text, lineNumber);
            }
        }
        double plainStart = startSlot >= 0 ? text.number(startSlot, marks[startSlot]) : Double.NaN;
        if (plainStart >= 0 && plainStart < t) {
            pendingStart = plainStart + 0.0;
        } else if (startSlot >= 0) {
            String s = text.text(startSlot).trim();
            if (missing.isMissing(s)) {
                reason = reason < 0 ? reasonOfSlot[startSlot] : reason;
            } else {
                pendingStart = readStart(s, text, t, reason < 0, lineNumber);
            }
        }
        String rawEvent = text.text(eventSlot);
        int seen = rawEvent.hashCode() & (SEEN - 1);
        byte code = EventCoding.CENSORED;
        if (eventRaw[seen] == rawEvent) {
            // the very string of a row before: its value, non-missing, coded again without trim or lookups
            EventCoding.Known k = eventKnown[seen];
            EventCoding.Decision d = events.again(k);
            code = d.code();
            if (code == EventCoding.INVALID) {
                problem(lineNumber, slotNames[eventSlot], k.value(), d.what(), d.fix(), d.kind());
            }
        } else {
            String e = rawEvent.trim();
            if (missing.isMissing(e)) {
                events.countMissing(e);
                reason = reason < 0 ? reasonOfSlot[eventSlot] : reason;
            } else if (!spec.hasCauseCodes()) {
                EventCoding.Known k = events.known(e);
                eventRaw[seen] = rawEvent;
                eventKnown[seen] = k;
                code = k.decision().code();
                if (code == EventCoding.INVALID) {
                    problem(lineNumber, slotNames[eventSlot], e, k.decision().what(), k.decision().fix(),
                            k.decision().kind());
                }
            }
        }
        String g = null;
        if (groupSlot >= 0) {
            g = label(text.text(groupSlot), groupLabels, groupRaw, groupLabel);
            reason = g == null && reason < 0 ? reasonOfSlot[groupSlot] : reason;
        }
        String st = null;
        if (strataSlot >= 0) {
            st = label(text.text(strataSlot), strataLabels, strataRaw, strataLabel);
            reason = st == null && reason < 0 ? reasonOfSlot[strataSlot] : reason;
        }
        if (covariates.length > 0 || weightsSlot >= 0 || clusterSlot >= 0) {
            reason = readExtras(text, reason, lineNumber);
        }
        if (rowInvalid >= 0) {
            tally.exclude(rowInvalid, lineNumber);
            return;
        }
        if (reason >= 0) {
            tally.exclude(reason, lineNumber);
            return;
        }
        append(t, code == EventCoding.EVENT, g, st, lineNumber);
    }

    private int readExtras(RowCells text, int reasonSoFar, int lineNumber) {
        int reason = reasonSoFar;
        for (CovariateColumn c : covariates) {
            if (c.read(text, lineNumber) == CovariateColumn.MISSING && reason < 0) {
                reason = c.reason();
            }
        }
        double plainWeight = weightsSlot >= 0 ? text.number(weightsSlot, marks[weightsSlot]) : Double.NaN;
        if (plainWeight >= 0) {
            pendingWeight = plainWeight + 0.0;
        } else if (weightsSlot >= 0) {
            String s = text.text(weightsSlot).trim();
            if (missing.isMissing(s)) {
                reason = reason < 0 ? reasonOfSlot[weightsSlot] : reason;
            } else {
                pendingWeight = readNumber(s, weightsSlot, lineNumber, "Case weights must be numbers ≥ 0",
                        "weights must be ≥ 0. Correct the value in the file (or exclude the row by "
                        + "leaving the cell empty).");
            }
        }
        if (clusterSlot >= 0) {
            String s = text.text(clusterSlot).trim();
            if (missing.isMissing(s)) {
                reason = reason < 0 ? reasonOfSlot[clusterSlot] : reason;
            } else {
                pendingCluster = s;
            }
        }
        return reason;
    }

    private double readStart(String s, RowCells text, double stop, boolean stopKnown, int lineNumber) {
        double v = readNumber(s, startSlot, lineNumber, "Entry times (" + OptionNames.START + ") must be numbers ≥ 0",
                "entry times (" + OptionNames.START + ") must be ≥ 0. Correct the value in the file (or exclude "
                        + "the row by leaving the cell empty).");
        if (v == v && stopKnown && rowInvalid < 0 && !(v < stop)) {
            problem(lineNumber, slotNames[startSlot], s, "is not before the stop time " + text.text(0).trim() + " (column '"
                    + slotNames[0] + "')", "Each row is the interval (start, stop] and needs start < stop; with "
                    + OptionNames.START + " the " + OptionNames.TIME + " column is the end of the interval, not its "
                    + "length. Correct the row, or check that " + OptionNames.START + " and " + OptionNames.TIME
                    + " are not swapped.", "start-not-before-stop");
        }
        return v;
    }

    /**
     * Reads a finite number ≥ 0 of an extra column (start, weights); a problem otherwise.
     *
     * @param s          the trimmed, non-missing text
     * @param slot       the slot, for the column name and decimal mark
     * @param lineNumber the line
     * @param rule       what the column must hold, as a sentence start, e.g. "Case weights must be numbers ≥ 0"
     * @param negative   the end of the message for a negative value, after "is negative; "
     * @return the value, or NaN after recording a problem
     */
    private double readNumber(String s, int slot, int lineNumber, String rule, String negative) {
        double v = LocalNumbers.parse(s, marks[slot]);
        if (v >= 0 && v < Double.POSITIVE_INFINITY) {
            return v + 0.0;
        }
        if (Double.isNaN(v)) {
            if (!decimalProblem(s, slot, lineNumber)) {
                problem(lineNumber, slotNames[slot], s, "is not a number", rule + ". If \"" + s + "\" means a "
                        + "missing value, add it with " + OptionNames.NA + ".", "not-a-number");
            }
        } else if (v < 0) {
            problem(lineNumber, slotNames[slot], s, "is negative; " + negative, "", "negative");
        } else {
            problem(lineNumber, slotNames[slot], s, "is too large", "Correct the value in the file.", "too-large");
        }
        return Double.NaN;
    }

    /**
     * Records a problem for a number written with the other decimal mark than its column's, if it is one.
     *
     * @return true if it was such a number
     */
    private boolean decimalProblem(String s, int slot, int lineNumber) {
        LocalNumbers.Kind k = LocalNumbers.kind(s);
        DecimalMark mark = marks[slot];
        if (k == LocalNumbers.Kind.NOT_A_NUMBER || k == LocalNumbers.Kind.INTEGER) {
            return false;
        }
        String other = mark == DecimalMark.COMMA ? "." : ",";
        problem(lineNumber, slotNames[slot], s, "is written with a decimal " + (mark == DecimalMark.COMMA ? "dot"
                : "comma") + ", but this column's numbers are read with " + mark.words()
                + (spec.decimal() == DecimalMark.AUTO ? " (detected from its values)" : " (" + OptionNames.DECIMAL + ")"),
                "Correct the value" + (spec.decimal() == DecimalMark.AUTO ? "" : ", or set " + OptionNames.DECIMAL
                        + " to " + other + " if the file uses that mark") + ".", "decimal-mark");
        return true;
    }

    /**
     * {@return the interned trimmed text of a group or stratum cell, or null when it is missing}
     *
     * @param seen    the cell strings met lately, by hash code ({@link #SEEN} entries)
     * @param labelOf the label of each
     */
    private String label(String raw, Map<String, String> labels, String[] seen, String[] labelOf) {
        int i = raw.hashCode() & (SEEN - 1);
        if (seen[i] == raw) {
            return labelOf[i];
        }
        String s = raw.trim();
        String label = null;
        if (!missing.isMissing(s)) {
            String known = labels.putIfAbsent(s, s);
            label = known == null ? s : known;
        }
        seen[i] = raw;
        labelOf[i] = label;
        return label;
    }

    @Override
    public void expectRows(int rows) {
        if (rows > time.length) {
            grow(rows);
        }
    }

    private void grow(int capacity) {
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

    private void append(double t, boolean isEvent, String g, String st, int lineNumber) {
        if (size == time.length) {
            grow(size + (size >> 1));
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
        double v = LocalNumbers.parse(s, marks[0]);
        if (v >= 0 && v < Double.POSITIVE_INFINITY) {
            return v + 0.0;
        }
        String column = slotNames[0];
        if (Double.isNaN(v)) {
            if (decimalProblem(s, 0, lineNumber)) {
                return 0;
            }
            if (DateReader.parseIso(s) != DateReader.NOT_A_DATE || DateReader.guessPattern(s) != null) {
                problem(lineNumber, column, s, "is a date, not a number", OptionNames.TIME + " needs a column "
                        + "of follow-up times (numbers ≥ 0); for follow-up between two dates give "
                        + OptionNames.START_DATE + " and " + OptionNames.END_DATE + " instead.", "date-not-time");
                return 0;
            }
            problem(lineNumber, column, s, "is not a number", "Times must be numbers ≥ 0, or give "
                    + OptionNames.START_DATE + "/" + OptionNames.END_DATE + " for dates. If \"" + s
                    + "\" means a missing value, add it with " + OptionNames.NA + ".", "not-a-number");
        } else if (v < 0) {
            problem(lineNumber, column, s, "is negative", "Follow-up times must be ≥ 0; correct the value in the "
                    + "file (or exclude the row by leaving the cell empty).", "negative");
        } else {
            problem(lineNumber, column, s, "is too large to be a follow-up time", "Correct the value in the file.",
                    "too-large");
        }
        return 0;
    }

    private long readDate(int slot, RowCells text, LocalDate[] cellDates, int lineNumber) {
        if (cellDates != null && cellDates[slot] != null) {
            return cellDates[slot].toEpochDay();
        }
        String s = text.text(slot).trim();
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
        badDate(slot, s, lineNumber);
        return INVALID_DATE;
    }

    private void badDate(int slot, String s, int lineNumber) {
        String why = dates.whyNot(s);
        if (why != null && (why.contains("calendar") || why.contains("months run") || why.contains("has day"))) {
            problem(lineNumber, slotNames[slot], s, why, "Correct the date in the file (or leave the cell empty if it is"
                    + " unknown).", "not-a-calendar-date");
            return;
        }
        String what = "is not a date in the expected format " + dates.expected();
        String fix;
        if (dates.isIso()) {
            String guess = DateReader.guessPattern(s);
            fix = "Set the format of the dates with " + OptionNames.DATE_FORMAT
                    + (guess == null ? ", e.g. " + OptionNames.DATE_FORMAT + " dd/MM/yyyy."
                            : ", e.g. " + OptionNames.DATE_FORMAT + " " + guess + ".");
        } else {
            what += " (from " + OptionNames.DATE_FORMAT + ")";
            fix = "Correct the value, or change " + OptionNames.DATE_FORMAT + " to match the dates in the file.";
        }
        if (!Double.isNaN(DecimalParser.parse(s))) {
            fix += " The number does not look like an Excel date serial either (whole numbers "
                    + ExcelSerialDates.FIRST + " to " + ExcelSerialDates.LAST + ").";
        }
        problem(lineNumber, slotNames[slot], s, what, fix, "not-a-date");
    }

    private double elapsed(long start, long end, RowCells text, int lineNumber) {
        if (end < start) {
            problem(lineNumber, slotNames[1], text.text(1).trim(), "is before the start date " + LocalDate.ofEpochDay(start)
                    + " (\"" + text.text(0).trim() + "\", column '" + slotNames[0] + "'): the end date "
                    + LocalDate.ofEpochDay(end) + " gives a negative follow-up time", "Correct the dates, or check that "
                    + OptionNames.START_DATE + " and " + OptionNames.END_DATE + " are not swapped"
                    + (dates.isIso() ? "." : " and that " + OptionNames.DATE_FORMAT + " " + dates.expected()
                            + " matches the file (day and month may be swapped)."), "end-before-start");
            return 0;
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
        if (sniffing) {
            endSniff();
        }
        if (rowsRead == 0) {
            throw new InputException(context.file() + ": the header (" + context.lineWord() + " " + headerLine
                    + ") has no data rows below it. Add the data rows, or check that this is the right file"
                    + (context.sheet() == null ? "." : " and sheet (" + OptionNames.SHEET + ")."));
        }
        if (problemCount > 0 && spec.invalid() == InvalidRows.STOP) {
            throw stop();
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
        if (!spec.hasCauseCodes()) {
            addEndWarnings();
        }
        // Each column is cut to its rows and the longer array let go before the next copy on that thread (an exact
        // one is not copied): copying them all while the assembler still held every original needed twice the
        // columns' memory at the end of the read (at 10^8 rows, km: 3.4 GB instead of 1.7 GB; out of memory with
        // -Xmx3g). From 65,536 rows two columns are cut at a time, on two threads (at 10^6 rows of a Cox model's
        // eleven columns ~60 ms of copying and first touches of memory, the other core idle).
        Covariate[] cut = new Covariate[covariates.length];
        List<Runnable> cuts = new ArrayList<>(List.of(() -> time = trim(time, size), () -> event = trim(event, size),
                () -> group = trim(group, size), () -> strata = trim(strata, size), () -> line = trim(line, size),
                () -> weights = trim(weights, size), () -> cluster = trim(cluster, size),
                () -> start = trim(start, size)));
        for (int k = 0; k < covariates.length; k++) {
            int column = k;
            cuts.add(() -> cut[column] = covariates[column].finish(size));
        }
        java.util.stream.IntStream each = java.util.stream.IntStream.range(0, cuts.size());
        (size < TWO_THREADS_FROM_ROWS ? each : each.parallel()).forEach(k -> cuts.get(k).run());
        List<Covariate> columns = List.of(cut);
        for (CovariateColumn c : covariates) {
            c.addWarnings(warnings);
        }
        if (problemCount > 0) {
            warnings.add(context.file() + ": " + problemCount + " invalid value" + (problemCount == 1 ? " was" : "s were")
                    + " found; " + (rowsRead - size - exclusions.stream().filter(x -> !invalidReasons.containsKey(
                            x.reason())).mapToInt(Exclusion::count).sum()) + " row(s) were excluded for them ("
                    + OptionNames.INVALID + " exclude), counted per reason in the flow of rows. The first: "
                    + problems.get(0).message());
        }
        return new Cohort(source, time, event, group, strata, line, rowsRead, exclusions, warnings, columns, weights,
                cluster, start, events.table(), problems);
    }

    /** The rows from which the columns are cut on two threads. */
    private static final int TWO_THREADS_FROM_ROWS = 65_536;

    private static double[] trim(double[] a, int size) {
        return a == null || a.length == size ? a : Arrays.copyOf(a, size);
    }

    private static boolean[] trim(boolean[] a, int size) {
        return a == null || a.length == size ? a : Arrays.copyOf(a, size);
    }

    private static int[] trim(int[] a, int size) {
        return a == null || a.length == size ? a : Arrays.copyOf(a, size);
    }

    private static String[] trim(String[] a, int size) {
        return a == null || a.length == size ? a : Arrays.copyOf(a, size);
    }

    /** {@return every problem (the first {@value #PROBLEMS_KEPT}), for the data check} */
    List<Problem> problems() {
        finishProblems();
        return List.copyOf(problems);
    }

    /** {@return how many problems there were in all} */
    int problemCount() {
        return problemCount;
    }

    /** {@return the event column's coding table} */
    List<EventCode> eventCodes() {
        return events.table();
    }

    /** Completes the unknown-event-code problems with the values found in the column (known only at the end). */
    private void finishProblems() {
        String found = null;
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            if (p.kind().equals("unknown-event-code") && !p.what().contains("Values found")) {
                if (found == null) {
                    List<String> values = Texts.sorted(events.distinct());
                    found = Texts.join(values, 10, values.size()) + (events.moreDistinct() ? " and more" : "");
                }
                problems.set(i, new Problem(p.file(), p.line(), p.column(), p.value(), p.what()
                        + ". Values found in this column: " + found, p.fix(), p.kind(), p.lineWord()));
            }
        }
    }

    /**
     * The exception that stops a run with invalid values: per column and kind of problem, the first one in full
     * and the other rows with it by line and value; the first groups only, and how to see all.
     */
    private InputException stop() {
        finishProblems();
        Map<String, List<Problem>> groups = new java.util.LinkedHashMap<>();
        for (Problem p : problems) {
            groups.computeIfAbsent(p.column() + "\u0000" + p.kind(), k -> new ArrayList<>()).add(p);
        }
        StringBuilder m = new StringBuilder();
        if (groups.size() > 1) {
            m.append(context.file()).append(": ").append(problemCount).append(" invalid values; nothing was analysed.");
        }
        int shown = 0;
        for (List<Problem> g : groups.values()) {
            if (shown++ == PROBLEMS_SHOWN) {
                m.append("\n… and more problems in other columns (survkit check lists them all).");
                break;
            }
            Problem first = g.get(0);
            m.append(groups.size() > 1 ? "\n  " + first.message().substring(context.file().length() + 2)
                    : first.message());
            if (g.size() > 1) {
                m.append(" The same problem in ").append(g.size() - 1).append(" more row").append(g.size() == 2 ? ""
                        : "s").append(": ");
                for (int i = 1; i < Math.min(g.size(), 11); i++) {
                    m.append(i == 1 ? "" : ", ").append(context.lineWord()).append(' ').append(g.get(i).line())
                            .append(" (\"").append(g.get(i).value()).append("\")");
                }
                m.append(g.size() > 11 ? " and " + (g.size() - 11) + " more." : ".");
            }
        }
        if (problemCount > problems.size()) {
            m.append("\n(").append(problemCount - problems.size()).append(" more invalid values are not listed here.)");
        }
        if (problemCount == 1) {
            return new InputException(m.toString());
        }
        m.append(groups.size() > 1 ? "\n" : " ").append("Correct the file, or give ").append(OptionNames.INVALID)
                .append(" exclude to leave rows with invalid values out (counted per reason in the flow of rows).");
        return new InputException(m.toString());
    }

    private void addEndWarnings() {
        String eventColumn = slotNames[eventSlot];
        if (eventCount == 0) {
            String found = Texts.join(Texts.sorted(events.distinct()), 10, events.distinct().size());
            List<String> declared = events.eventValues();
            warnings.add(!declared.isEmpty()
                    ? context.file() + ": the event value" + (declared.size() == 1 ? " \"" + declared.get(0) + "\" never occurs"
                    : "s \"" + String.join("\", \"", declared) + "\" never occur") + " in column '"
                    + eventColumn + "' (values found: " + found + "), so every row is censored. Check "
                    + OptionNames.EVENT_VALUE + "."
                    : context.file() + ": no row of column '" + eventColumn + "' marks an event (values found: "
                    + found + "), so every row is censored.");
        }
        for (String v : events.eventValues()) {
            if (EventWords.isAlive(v)) {
                warnings.add(context.file() + ": the event value \"" + v + "\" means alive or censored, so the "
                        + "analysis estimates the time until a patient is recorded as \"" + v + "\", not the time to "
                        + "death. If the event is death, give the value that means dead with " + OptionNames.EVENT_VALUE
                        + ".");
            }
        }
        for (EventCode c : events.table()) {
            if (c.note().startsWith("read as")) {
                warnings.add(context.file() + ", column '" + eventColumn + "': value \"" + c.value() + "\" ("
                        + c.count() + " row" + (c.count() == 1 ? "" : "s") + ") was " + c.note() + ".");
            }
        }
        if (groupSlot >= 0 && groupLabels.size() > MANY_GROUPS) {
            warnings.add(context.file() + ": column '" + slotNames[groupSlot] + "' has " + groupLabels.size()
                    + " different values; each becomes its own group. If it is a measurement rather than a "
                    + "grouping, choose another column for " + OptionNames.GROUP + ".");
        }
    }

    /** The cells of a row given as texts (no parsed numbers). */
    private static final class TextRow implements RowCells {
        private String[] text;

        TextRow of(String[] row) {
            this.text = row;
            return this;
        }

        @Override
        public String text(int slot) {
            return text[slot];
        }

        @Override
        public double number(int slot, DecimalMark mark) {
            return Double.NaN;
        }

        @Override
        public String[] texts() {
            return text.clone();
        }
    }
}

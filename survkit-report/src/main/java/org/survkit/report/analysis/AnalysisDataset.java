package org.survkit.report.analysis;

import org.survkit.study.Values;
import org.survkit.study.Study;
import org.survkit.study.rules.RuleExpression;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.survkit.io.Cohort;
import org.survkit.io.CohortReader;
import org.survkit.io.CohortSpec;
import org.survkit.study.key.StudyKeys;
import org.survkit.io.InputException;
import org.survkit.io.MemoryTable;
import org.survkit.study.Study.GroupRule;
import org.survkit.study.Study.Groups;
import org.survkit.stats.model.Factor;

/**
 * The analysis dataset of a study: the cohort file's rows with the derived variables in front —
 * the source row number, follow-up time and event over the whole follow-up, the same censored at
 * the study's horizon, and the group — followed by every column of the cohort file. Each analysis
 * reads its cohort from it in memory: the dataset is a survkit-io {@link MemoryTable}, which
 * {@link CohortReader} reads by the rules it applies to files (it validates, types covariates and
 * counts the rows it excludes with their reasons), so that the cohorts equal those read from the
 * export. The export, {@code analysis.csv} in the output folder ({@link #write}), holds the same
 * cells, so that every number in the report can be reproduced from it; rows are named by the line
 * where they start in it.
 *
 * <p>Derivations:
 * <ul>
 * <li>time from dates: (to − from) in days / days per unit (months: 30.4375, years: 365.25), as
 *     survkit-io and R's survminer; an end before the start is an error naming the row;</li>
 * <li>event: as survkit-io codes it ({@code value}: that value, ignoring case, or numerically equal,
 *     is an event and every other non-missing value censored; without it 1/true/yes/dead/died/
 *     death/event and 0/false/no/alive/censored), written 1/0;</li>
 * <li>horizon h: administrative censoring, {@code analysis_time = min(t, h)} and
 *     {@code analysis_event = event and t ≤ h};</li>
 * <li>group: the first rule that holds (else {@code otherwise}, else missing), or the column's value.</li>
 * <li>cause (with {@code competing_risks}): the code of the cause column as a number, the censor value for rows
 *     followed beyond the horizon (as {@code analysis_event}), written after {@code analysis_event}; a code that
 *     is not a number, or (when the causes are listed) neither a listed cause nor the censor value, is an error
 *     naming the row.</li>
 * </ul>
 * Missing inputs give empty cells; the reader then excludes and counts those rows.
 *
 * <p>With eligibility criteria ({@code include}, {@code exclude}; {@link EligibleRows}) the variables are derived
 * from the eligible rows only: the other rows keep their cells but have empty derived variables (so that every
 * analysis's reader leaves them out) and their reason in the column {@code excluded_by}, written after the group.
 */
public final class AnalysisDataset implements MemoryTable {

    /** The export's file name in the output folder. */
    public static final String FILE = "analysis.csv";
    static final String ROW = "source_row";
    static final String FOLLOWUP_TIME = "followup_time";
    static final String FOLLOWUP_EVENT = "followup_event";
    static final String TIME = "analysis_time";
    static final String EVENT = "analysis_event";
    public static final String CAUSE = "analysis_cause";
    /** The column of the reason a row is not eligible (with eligibility criteria only). */
    public static final String EXCLUDED_BY = EligibleRows.COLUMN;
    static final List<String> DERIVED = List.of(ROW, FOLLOWUP_TIME, FOLLOWUP_EVENT, TIME, EVENT);


    private final Study study;
    private final DataTable table;
    private final double[] followTime;
    private final byte[] followEvent;
    private final double[] time;
    private final byte[] event;
    private final String[] group;
    private final double[] cause;
    private final List<String> groupOrder;
    private final String groupColumn;
    private final boolean derivedGroup;
    private final Map<String, Integer> missingTimeReasons;
    /** The cohort reader's warnings about the source file (decimal marks read, values read as declared ones). */
    private List<String> readingWarnings = List.of();
    /** The event column's coding table: value → event / censored / missing / invalid, with counts. */
    private List<org.survkit.io.EventCode> eventCodes = List.of();
    /** The reader's exclusions when deriving follow-up (source-file lines): missing and invalid values per reason. */
    private List<org.survkit.io.Exclusion> readingExclusions = List.of();
    /** The eligibility criteria applied, or null when the study has none (no column excluded_by). */
    private final EligibleRows eligibility;
    private final int excludedByColumn;
    private final List<String> header;
    private final int causeColumn;
    private final int groupColumnIndex;
    private final int firstTableColumn;
    /** The cells of the derived numbers as the export writes them, formatted once. */
    private final String[] followTimeText;
    private final String[] timeText;
    private final String[] causeText;
    /** The line of the export where each row starts (the header is line 1). */
    private final int[] lineOfRow;

    private AnalysisDataset(Study study, DataTable table, double[] followTime, byte[] followEvent, double[] time,
            byte[] event, String[] group, double[] cause, List<String> groupOrder, String groupColumn,
            boolean derivedGroup, Map<String, Integer> missingTimeReasons, EligibleRows eligibility) {
        this.study = study;
        this.table = table;
        this.followTime = followTime;
        this.followEvent = followEvent;
        this.time = time;
        this.event = event;
        this.group = group;
        this.cause = cause;
        this.groupOrder = List.copyOf(groupOrder);
        this.groupColumn = groupColumn;
        this.derivedGroup = derivedGroup;
        this.missingTimeReasons = missingTimeReasons;
        this.eligibility = eligibility;
        List<String> h = new ArrayList<>(DERIVED);
        if (cause != null) {
            h.add(CAUSE);
        }
        if (derivedGroup) {
            h.add(groupColumn);
        }
        this.causeColumn = cause == null ? -1 : h.indexOf(CAUSE);
        this.groupColumnIndex = derivedGroup ? h.size() - 1 : -1;
        if (eligibility != null) {
            h.add(EligibleRows.COLUMN);
        }
        this.excludedByColumn = eligibility == null ? -1 : h.size() - 1;
        this.firstTableColumn = h.size();
        h.addAll(table.columns());
        this.header = List.copyOf(h);
        this.followTimeText = numbers(followTime);
        this.timeText = numbers(time);
        this.causeText = cause == null ? null : numbers(cause);
        this.lineOfRow = lines();
    }

    // ---------------------------------------------------------------- derive

    /**
     * Reads the study's cohort file (as survkit-io reads cohorts, with the study's sheet and missing-value codes),
     * checks the study's columns against it and derives the analysis variables.
     *
     * @throws InputException for an unreadable cohort file, unknown columns, unreadable dates, ends before starts,
     *                        unknown event codes, rule values that are not numbers
     */
    public static AnalysisDataset derive(Study study) {
        return derive(study, DataTable.read(study.dataFile(), study.data().sheet(), new Missing(study.data().na())));
    }

    /**
     * Checks the study's columns against the table and derives the analysis variables.
     *
     * @throws InputException for unknown columns, unreadable dates, ends before starts, unknown event codes, rule
     *                        values that are not numbers
     */
    static AnalysisDataset derive(Study study, DataTable table) {
        StudyColumns.check(study, table);
        table.decimal(study.data().decimal());
        EligibleRows eligible = EligibleRows.of(study, table);
        AnalysisDataset d = deriveRows(study, eligible.eligibleTable());
        return eligible.criteria() ? d.withAllRows(table, eligible) : d;
    }

    /** Derives the analysis variables of the table's rows (the eligible rows of the cohort file). */
    private static AnalysisDataset deriveRows(Study study, DataTable table) {
        int n = table.size();
        double[] ft = new double[n];
        byte[] fe = new byte[n];
        Map<String, Integer> reasons = new LinkedHashMap<>();
        Cohort reading = deriveFollowUp(study, table, ft, fe, reasons);
        double lm = study.landmark();
        if (!Double.isNaN(lm)) {
            // landmark analysis: only patients still followed after the landmark, time measured from it
            String why = "event or censoring at or before the landmark (" + Values.given(lm) + ")";
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(ft[i])) {
                    if (ft[i] <= lm) {
                        ft[i] = Double.NaN;
                        reasons.merge(why, 1, Integer::sum);
                    } else {
                        ft[i] -= lm;
                    }
                }
            }
        }
        double h = study.horizon();
        double[] t = ft.clone();
        byte[] e = fe.clone();
        if (!Double.isNaN(h)) {
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(t[i]) && t[i] > h) {
                    t[i] = h;
                    if (e[i] >= 0) {
                        e[i] = 0;
                    }
                }
            }
        }
        if (study.time().delayedEntry() && !Double.isNaN(h)) {
            enteredAfter(study, table, h, t, e, reasons);
        }
        Groups g = study.groups();
        String[] group = null;
        List<String> order = List.of();
        String groupColumn = null;
        boolean derivedGroup = false;
        if (g != null) {
            group = new String[n];
            if (g.column() != null) {
                int c = table.column(g.column());
                Set<String> seen = new LinkedHashSet<>();
                for (int i = 0; i < n; i++) {
                    group[i] = table.value(i, c);
                    if (group[i] != null) {
                        seen.add(group[i]);
                    }
                }
                order = groupOrder(study, seen);
                groupColumn = g.column();
            } else {
                evaluateRules(study, table, group);
                order = new ArrayList<>(g.rules().stream().map(GroupRule::label).toList());
                if (g.otherwise() != null) {
                    order.add(g.otherwise());
                }
                if (!g.order().isEmpty()) {
                    List<String> o = new ArrayList<>(g.order());
                    for (String label : order) {
                        if (!o.contains(label)) {
                            o.add(label);
                        }
                    }
                    order = o;
                }
                groupColumn = g.name();
                derivedGroup = true;
            }
        }
        double[] cause = null;
        if (study.competingRisks() != null) {
            cause = deriveCause(study, table);
            double censor = study.competingRisks().censorValue();
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(h) && !Double.isNaN(ft[i]) && ft[i] > h && !Double.isNaN(cause[i])) {
                    cause[i] = censor;
                }
            }
        }
        AnalysisDataset d = new AnalysisDataset(study, table, ft, fe, t, e, group, cause, order, groupColumn,
                derivedGroup, reasons, null);
        d.readingWarnings = reading.warnings();
        d.eventCodes = reading.eventCodes();
        d.readingExclusions = reading.exclusions();
        return d;
    }

    /**
     * {@return this dataset of the eligible rows, with every row of the cohort file: the rows the eligibility
     * criteria exclude have empty derived cells (so that the reader excludes them) and their reason in excluded_by}
     */
    private AnalysisDataset withAllRows(DataTable all, EligibleRows eligible) {
        AnalysisDataset d = new AnalysisDataset(study, all, eligible.spread(followTime), eligible.spread(followEvent),
                eligible.spread(time), eligible.spread(event), eligible.spread(group), eligible.spread(cause),
                groupOrder, groupColumn, derivedGroup, missingTimeReasons, eligible);
        d.readingWarnings = readingWarnings;
        d.eventCodes = eventCodes;
        d.readingExclusions = readingExclusions;
        return d;
    }

    /**
     * Rows that enter at or after the horizon have no time at risk before it: their analysis time is missing, counted
     * under that reason (their whole follow-up still counts for the median follow-up). An entry that is not a number
     * is left to the reader, which names it.
     */
    private static void enteredAfter(Study study, DataTable table, double h, double[] t, byte[] e,
            Map<String, Integer> reasons) {
        int c = table.column(study.time().entry());
        String why = "entry at or after the horizon (" + Values.given(h) + ")";
        for (int i = 0; i < t.length; i++) {
            String v = table.ruleValue(i, c);
            if (Double.isNaN(t[i]) || v == null) {
                continue;
            }
            double x;
            try {
                x = Double.parseDouble(v.trim());
            } catch (NumberFormatException ex) {
                continue;
            }
            if (x >= h) {
                t[i] = Double.NaN;
                e[i] = -1;
                reasons.merge(why, 1, Integer::sum);
            }
        }
    }

    private static List<String> groupOrder(Study study, Set<String> seen) {
        Groups g = study.groups();
        if (g.order().isEmpty()) {
            List<String> natural = new ArrayList<>(seen);
            natural.sort(Factor.LEVEL_ORDER);
            return natural;
        }
        for (String v : seen) {
            if (!g.order().contains(v)) {
                throw new InputException(study.fileName() + ", line " + g.line() + ", 'groups.order': the value '" + v
                        + "' of column '" + g.column() + "' is not listed; list every group (values found: "
                        + String.join(", ", seen) + ") or mark it missing with data.na.");
            }
        }
        return g.order();
    }

    /**
     * Derives follow-up time and event of every row by survkit-io's cohort reader, so that numbers (decimal commas),
     * dates (formats, Excel date cells), event codes (lists, words of seven languages, misspellings) and invalid
     * values are read exactly as the command line reads them; rows the reader excludes get NaN time and event −1,
     * and their reasons are counted.
     *
     * @return the reader's warnings and event coding table
     */
    private static Cohort deriveFollowUp(Study study, DataTable table, double[] ft, byte[] fe,
            Map<String, Integer> reasons) {
        Study.Time t = study.time();
        CohortSpec spec = CohortSpec.builder().naCodes(study.data().na()).decimal(study.data().decimal())
                .invalid(study.data().invalid()).event(study.event().column()).eventValues(study.event().values())
                .censorValues(study.event().censorValues());
        spec = t.fromDates() ? spec.startDate(t.from()).endDate(t.to()).timeUnit(t.unit())
                .dateFormat(study.data().dateFormat()) : spec.time(t.column());
        Cohort c;
        try {
            c = CohortReader.read(table, spec);
        } catch (InputException e) {
            throw new InputException(StudyKeys.forStudyFile(e.getMessage(), study.fileName()), e);
        }
        Arrays.fill(ft, Double.NaN);
        Arrays.fill(fe, (byte) -1);
        Map<Integer, Integer> rowOfLine = new HashMap<>();
        for (int i = 0; i < table.size(); i++) {
            rowOfLine.put(table.line(i), i);
        }
        for (int k = 0; k < c.size(); k++) {
            int row = rowOfLine.get(c.line()[k]);
            ft[row] = c.time()[k];
            fe[row] = (byte) (c.event()[k] ? 1 : 0);
        }
        for (org.survkit.io.Exclusion x : c.exclusions()) {
            reasons.merge(x.reason(), x.count(), Integer::sum);
        }
        return c;
    }

    private static double[] deriveCause(Study study, DataTable table) {
        Study.CompetingRisks cr = study.competingRisks();
        int c = table.column(cr.column());
        double[] out = new double[table.size()];
        for (int i = 0; i < out.length; i++) {
            String v = table.value(i, c);
            if (v == null) {
                out[i] = Double.NaN;
                continue;
            }
            if (cr.words()) {
                double x = cr.codeOfWord(v);
                if (Double.isNaN(x)) {
                    throw new InputException(table.where(i) + ", column '" + cr.column() + "': value \"" + v + "\" is"
                            + " neither the censor value (" + cr.censorWord() + ") nor a cause listed under"
                            + " competing_risks.causes (" + study.fileName() + ", line " + cr.line("causes") + ": "
                            + String.join(", ", cr.causes().stream().map(Study.Cause::word).toList())
                            + "). List it with a label, or add it to data.na if it means missing.");
                }
                out[i] = x;
                continue;
            }
            if (!RuleExpression.isNumber(v)) {
                throw new InputException(table.where(i) + ", column '" + cr.column() + "': value \"" + v + "\" is not"
                        + " a number. Competing risks (" + study.fileName() + ", line " + cr.line("") + ") need numeric"
                        + " codes, as R's cmprsk: the censor value (" + Values.given(cr.censorValue()) + ") and one"
                        + " number per cause. Recode the column, or add the value to data.na if it means missing.");
            }
            double x = Double.parseDouble(v) + 0.0;
            if (x != cr.censorValue() && !cr.causes().isEmpty() && cr.causes().stream().noneMatch(k -> k.code() == x)) {
                throw new InputException(table.where(i) + ", column '" + cr.column() + "': value " + v + " is neither"
                        + " the censor value (" + Values.given(cr.censorValue()) + ") nor a cause listed under"
                        + " competing_risks.causes (" + study.fileName() + ", line " + cr.line("causes") + ": "
                        + String.join(", ", cr.causes().stream().map(k -> Values.given(k.code())).toList())
                        + "). List it with a label, or add it to data.na if it means missing.");
            }
            out[i] = x;
        }
        if (cr.causes().isEmpty() && java.util.Arrays.stream(out).noneMatch(x -> x == cr.censorValue())) {
            java.util.TreeSet<Double> found = new java.util.TreeSet<>();
            for (double x : out) {
                if (!Double.isNaN(x)) {
                    found.add(x);
                }
            }
            throw new InputException(study.fileName() + ", line " + cr.line("censor_value")
                    + ", 'competing_risks.censor_value': no row of column '" + cr.column() + "' has the censor value "
                    + Values.given(cr.censorValue()) + " (values found: " + String.join(", ", found.stream()
                            .map(Values::given).toList()) + "), so every row would be an event of some cause. Correct"
                    + " the censor value, or, if nobody was censored, list the causes under 'causes'.");
        }
        return out;
    }

    private static InputException unknownEvent(Study study, DataTable table, int c, int row, String v) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < table.size() && found.size() < 20; i++) {
            String x = table.value(i, c);
            if (x != null) {
                found.add(x);
            }
        }
        String column = study.event().column();
        return new InputException(table.where(row) + ", column '" + column + "': value \""
                + v + "\" is neither an event (1, true, yes, dead, died, death, event) nor censored (0, false, no, alive,"
                + " censored). Values found: " + String.join(", ", found) + ". Say which value is the event in "
                + study.fileName() + ": event: {column: " + column + ", value: " + v + "}.");
    }

    private static void evaluateRules(Study study, DataTable table, String[] out) {
        Groups g = study.groups();
        List<RuleExpression> bound = new ArrayList<>();
        for (GroupRule r : g.rules()) {
            bound.add(r.when().bind(table.columns()));
        }
        String[] current = new String[1];
        int[] currentRow = new int[1];
        RuleExpression.Row row = c -> table.ruleValue(currentRow[0], c);
        for (int i = 0; i < table.size(); i++) {
            currentRow[0] = i;
            current[0] = null;
            for (int k = 0; k < bound.size(); k++) {
                boolean holds;
                try {
                    holds = bound.get(k).test(row);
                } catch (RuleExpression.ValueError e) {
                    GroupRule r = g.rules().get(k);
                    throw new InputException(study.fileName() + ", line " + r.line() + ", 'groups.rules["
                            + r.position() + "].when': rule '" + r.label() + "', " + table.where(i) + ": " + e.getMessage() + ". Correct the value, add it to data.na if it means"
                            + " missing, or compare with a quoted text.");
                }
                if (holds) {
                    current[0] = g.rules().get(k).label();
                    break;
                }
            }
            out[i] = current[0] != null ? current[0] : g.otherwise();
        }
    }

    // ---------------------------------------------------------------- cells and export

    /** {@return the header of the dataset: the derived variables, then the cohort file's columns} */
    @Override
    public List<String> columns() {
        return header;
    }

    @Override
    public int size() {
        return table.size();
    }

    /** {@return the export's path, which names the cohorts' source: analysis.csv in the study's output folder} */
    public Path file() {
        return study.outputDir().resolve(FILE);
    }

    @Override
    public String source() {
        return file().toString();
    }

    @Override
    public String name() {
        return FILE;
    }

    @Override
    public int line(int row) {
        return lineOfRow[row];
    }

    /**
     * The text of a cell, as the export holds it (unquoted): the data row number, times as
     * {@link Double#toString} (which reads back as the same double; whole numbers without a decimal point), events
     * as 1/0, empty when missing, the group label, then the cohort file's cells as read.
     */
    @Override
    public String text(int row, int column) {
        if (column >= firstTableColumn) {
            return table.row(row)[column - firstTableColumn];
        }
        if (column == causeColumn) {
            return causeText[row];
        }
        if (column == groupColumnIndex) {
            return group[row] == null ? "" : group[row];
        }
        if (column == excludedByColumn) {
            String reason = eligibility.reason(row);
            return reason == null ? "" : reason;
        }
        return switch (column) {
            case 0 -> Integer.toString(row + 1);
            case 1 -> followTimeText[row];
            case 2 -> code(followEvent[row]);
            case 3 -> timeText[row];
            default -> code(event[row]);
        };
    }

    /**
     * Writes the dataset as RFC 4180 CSV (UTF-8, comma, cells with a comma, quote or line break quoted): the cells of
     * {@link #text}, so that reading it back with survkit-io gives the cohorts the analyses read in memory.
     */
    public void write(Path csv) {
        int n = table.size();
        int width = header.size();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(256);
            CsvText.record(sb, header);
            w.append(sb);
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    CsvText.cell(sb, text(i, c));
                }
                sb.append('\n');
                w.append(sb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }

    /** {@return where each row starts in the export: after the header (line 1) and the line breaks inside cells} */
    private int[] lines() {
        int n = table.size();
        int[] out = new int[n];
        int line = 1;
        for (String h : header) {
            line += CsvText.lineBreaks(h);
        }
        line++;
        for (int i = 0; i < n; i++) {
            out[i] = line;
            if (derivedGroup && group[i] != null) {
                line += CsvText.lineBreaks(group[i]);
            }
            if (eligibility != null && eligibility.reason(i) != null) {
                line += CsvText.lineBreaks(eligibility.reason(i));
            }
            for (String cell : table.row(i)) {
                line += CsvText.lineBreaks(cell);
            }
            line++;
        }
        return out;
    }

    private static String[] numbers(double[] x) {
        String[] out = new String[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = number(x[i]);
        }
        return out;
    }

    private static String number(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    private static String code(byte e) {
        return e == 1 ? "1" : e == 0 ? "0" : "";
    }

    /**
     * Maps a line of the export (as survkit-io reports it in {@link org.survkit.io.Cohort#line()} and exclusions) to
     * the data row (0-based).
     *
     * @return the row index, or −1
     */
    /** {@return the line (or row) of the cohort file where a dataset row comes from} */
    int sourceLine(int row) {
        return table.line(row);
    }

    int rowOfLine(int line) {
        int k = Arrays.binarySearch(lineOfRow, line);
        return k >= 0 ? k : -1;
    }

    // ---------------------------------------------------------------- read

    Study study() {
        return study;
    }

    DataTable table() {
        return table;
    }

    /** {@return the cohort file's name, e.g. cohort.csv} */
    public String dataFileName() {
        return table.fileName();
    }

    /** {@return follow-up time over the whole follow-up (NaN when missing)} */
    double followUpTime(int row) {
        return followTime[row];
    }

    /** {@return 1 event, 0 censored, −1 missing, over the whole follow-up} */
    int followUpEvent(int row) {
        return followEvent[row];
    }

    /** {@return time censored at the horizon (NaN when missing)} */
    double time(int row) {
        return time[row];
    }

    /** {@return 1 event, 0 censored, −1 missing, censored at the horizon} */
    int event(int row) {
        return event[row];
    }

    /** {@return the cause code censored at the horizon (NaN when missing); only with competing risks} */
    double cause(int row) {
        return cause[row];
    }

    /** {@return the group label, or null (missing, or no groups)} */
    String group(int row) {
        return group == null ? null : group[row];
    }

    /** {@return the groups in display order (empty without groups)} */
    public List<String> groupOrder() {
        return groupOrder;
    }

    /** {@return the dataset column that holds the group, or null without groups} */
    public String groupColumn() {
        return groupColumn;
    }

    /** {@return the reader's exclusions when deriving follow-up time and event, per reason (source-file lines)} */
    List<org.survkit.io.Exclusion> readingExclusions() {
        return readingExclusions;
    }

    /** {@return the cohort reader's warnings about the source file} */
    public List<String> readingWarnings() {
        return readingWarnings;
    }

    /** {@return the event column's coding table: every value found, what it was read as, how many rows} */
    public List<org.survkit.io.EventCode> eventCodes() {
        return eventCodes;
    }

    /** {@return the eligibility criteria applied to the rows, or null when the study has none} */
    EligibleRows eligibility() {
        return eligibility;
    }

    /** {@return the reasons follow-up time is missing, with counts} */
    Map<String, Integer> missingTimeReasons() {
        return missingTimeReasons;
    }
}

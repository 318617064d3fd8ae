package org.survkit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a whole table once and lists every problem at once, with a profile of each column: what {@code survkit
 * check} prints and the web app's "Check data" step shows before any analysis.
 *
 * <p>Each column is profiled as read: {@code empty}, {@code number} (with its decimal mark), {@code date} (with the
 * format detected or given), {@code coded} (at most {@value #CODED} distinct values, listed with counts) or
 * {@code text}; with missing counts. Column problems: a column that is almost all numbers (or dates) lists its odd
 * values, a number written with the other decimal mark is named, two spellings of one code ({@code pos}/{@code Pos},
 * {@code Deceased}/{@code Decesed}) are named with their lines. When the spec names the follow-up and event columns,
 * the cohort is read as an analysis would read it (rows with invalid values set aside), so that every problem of those
 * columns is listed too, and the event coding table shows how each status value is read.
 */
public final class DataCheck {

    /** At most this many distinct values make a column "coded" (its values listed). */
    static final int CODED = 20;
    /** A column is a number (date) column when at least this share of its values are numbers (dates). */
    private static final double MOSTLY = 0.8;

    private DataCheck() {
    }

    /**
     * What one column holds.
     *
     * @param name        the column name
     * @param type        empty, number, date, coded or text
     * @param decimalMark the decimal mark of a number column ({@code .} or {@code ,}), else null
     * @param dateFormat  the date format of a date column, else null
     * @param missing     how many cells are missing (empty, NA, ., a missing code)
     * @param distinct    how many distinct non-missing values
     * @param values      the values of a coded column with their counts, in order of first appearance (else empty)
     */
    public record ColumnProfile(String name, String type, String decimalMark, String dateFormat, int missing,
            int distinct, Map<String, Integer> values) {
        /** Copies the values. */
        public ColumnProfile {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /**
     * The result of a check.
     *
     * @param file         the file name
     * @param rows         data rows read
     * @param columns      one profile per column, in file order
     * @param problems     every problem found (the first 1,000 of the analysed columns' and all column problems)
     * @param problemCount how many problems in all
     * @param eventCodes   the event column's coding table, when an event column was given (else empty)
     * @param warnings     what the reader noted (encoding, decimal marks, date formats detected)
     */
    public record Report(String file, int rows, List<ColumnProfile> columns, List<Problem> problems, int problemCount,
            List<EventCode> eventCodes, List<String> warnings) {
        /** Copies the lists. */
        public Report {
            columns = List.copyOf(columns);
            problems = List.copyOf(problems);
            eventCodes = List.copyOf(eventCodes);
            warnings = List.copyOf(warnings);
        }

        /** {@return true when nothing is wrong} */
        public boolean clean() {
            return problemCount == 0;
        }
    }

    /**
     * Checks a file.
     *
     * @param file the CSV/TSV/TXT, XLSX, SAV or DTA file
     * @param spec the reading options (sheet, missing codes, decimal mark, date format) and, optionally, the
     *             follow-up and event columns (then the cohort is read as an analysis reads it)
     * @return the report
     * @throws InputException when the file cannot be read at all (missing, empty, malformed structure)
     */
    public static Report run(Path file, CohortSpec spec) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(spec, "spec");
        TablePreview t = TablePreview.read(file, spec.sheet(), Integer.MAX_VALUE);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String where = t.lineWord().equals("row") && spec.sheet() != null ? name + ", sheet '" + spec.sheet() + "'"
                : name;
        MissingCodes missing = new MissingCodes(spec.naCodes());
        List<Problem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>(t.warnings());
        List<EventCode> codes = List.of();
        int count = 0;
        boolean analysed = (spec.timeColumn() != null || spec.startDateColumn() != null) && spec.eventColumn() != null;
        Set<String> analysedColumns = new HashSet<>();
        if (analysed) {
            try {
                Cohort c = CohortReader.read(file, spec.invalid(InvalidRows.EXCLUDE));
                problems.addAll(c.problems());
                count += c.problems().size();
                codes = c.eventCodes();
                for (String w : c.warnings()) {
                    if (!w.contains(" invalid value") && !warnings.contains(w)) {
                        warnings.add(w);
                    }
                }
                analysedColumns.addAll(List.of(nonNull(spec.timeColumn()), nonNull(spec.startDateColumn()),
                        nonNull(spec.endDateColumn()), spec.eventColumn()));
            } catch (InputException e) {
                problems.add(new Problem(where, 0, null, null, e.getMessage(), "", "reading"));
                count++;
            }
        }
        // the file's decimal mark, as the reader decides it
        List<List<String>> columnValues = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            List<String> values = new ArrayList<>();
            for (List<String> row : t.rows()) {
                if (!missing.isMissing(row.get(c))) {
                    values.add(row.get(c));
                }
            }
            columnValues.add(values);
        }
        DecimalMark fileMark = LocalNumbers.fileMark(columnValues, t.delimiter(), spec.decimal());
        List<ColumnProfile> profiles = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            String column = t.columns().get(c);
            List<Problem> found = new ArrayList<>();
            DecimalMark mark = LocalNumbers.columnMark(columnValues.get(c), spec.decimal(), fileMark);
            profiles.add(profile(t, c, where, missing, spec, mark, found));
            if (!analysedColumns.contains(column)) {
                problems.addAll(found);
                count += found.size();
            }
        }
        return new Report(name, t.rows().size(), profiles, problems, count, codes, warnings);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static ColumnProfile profile(TablePreview t, int c, String where, MissingCodes missing, CohortSpec spec,
            DecimalMark mark, List<Problem> problems) {
        String column = t.columns().get(c);
        int n = t.rows().size();
        int miss = 0;
        int[] kinds = new int[LocalNumbers.Kind.values().length];
        Map<String, Integer> values = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        DateFormats.Detector detector = new DateFormats.Detector(t.lineWord());
        for (int r = 0; r < n; r++) {
            String v = t.rows().get(r).get(c);
            if (missing.isMissing(v)) {
                miss++;
                continue;
            }
            kinds[LocalNumbers.kind(v).ordinal()]++;
            if (values.size() <= 1000 || values.containsKey(v)) {
                values.merge(v, 1, Integer::sum);
                firstLine.putIfAbsent(v, t.line(r));
            }
            if (!detector.decided()) {
                detector.accept(t.line(r), v);
            }
        }
        int present = n - miss;
        if (present == 0) {
            return new ColumnProfile(column, "empty", null, null, miss, 0, Map.of());
        }
        int numbers = present - kinds[LocalNumbers.Kind.NOT_A_NUMBER.ordinal()];
        if (numbers >= MOSTLY * present && values.size() > 2) {
            for (int r = 0; r < n; r++) {
                String v = t.rows().get(r).get(c);
                if (missing.isMissing(v) || LocalNumbers.parse(v, mark) == LocalNumbers.parse(v, mark)) {
                    continue;
                }
                LocalNumbers.Kind k = LocalNumbers.kind(v);
                if (k == LocalNumbers.Kind.NOT_A_NUMBER) {
                    problems.add(new Problem(where, t.line(r), column, v, "is not a number, but " + numbers + " of the "
                            + present + " values of this column are", "If it means a missing value, add it to the "
                            + "missing-value codes (" + OptionNames.NA + "); otherwise correct it.", "odd-value", t.lineWord()));
                } else {
                    boolean given = spec.decimal() != DecimalMark.AUTO;
                    problems.add(new Problem(where, t.line(r), column, v, "is written with a decimal "
                            + (mark == DecimalMark.COMMA ? "dot" : "comma") + ", but " + (given
                            ? "the decimal mark is set to " + mark.words() + " (" + OptionNames.DECIMAL + ")"
                            : "most numbers of this column use " + mark.words()), given ? "Correct the value, or set "
                            + OptionNames.DECIMAL + " to " + (mark == DecimalMark.COMMA ? "." : ",") + " if the file "
                            + "uses that mark." : "Correct the value (one decimal mark per column).", "decimal-mark",
                            t.lineWord()));
                }
            }
            return new ColumnProfile(column, "number", mark.id(), null, miss, values.size(),
                    values.size() <= CODED ? values : Map.of());
        }
        DateFormats.Detection d = detector.result();
        String pattern = spec.dateFormat() != null ? spec.dateFormat() : d.pattern();
        if (pattern != null) {
            DateReader reader = DateReader.of(pattern);
            int dates = 0;
            for (String v : values.keySet()) {
                if (reader.parse(v) != DateReader.NOT_A_DATE) {
                    dates += values.get(v);
                }
            }
            if (dates >= MOSTLY * present) {
                for (int r = 0; r < n; r++) {
                    String v = t.rows().get(r).get(c);
                    if (!missing.isMissing(v) && reader.parse(v) == DateReader.NOT_A_DATE) {
                        String why = reader.whyNot(v);
                        problems.add(new Problem(where, t.line(r), column, v, why == null ? "is not a date" : why,
                                "Correct the date (or leave the cell empty if it is unknown).", "not-a-date", t.lineWord()));
                    }
                }
                return new ColumnProfile(column, "date", null, pattern, miss, values.size(), Map.of());
            }
        } else if (d.problem() != null && values.size() > CODED && (detector.sawDateShape()
                || column.equals(spec.startDateColumn()) || column.equals(spec.endDateColumn()))) {
            // a date problem of a column that looks like dates or is given as one; free text is just text
            problems.add(new Problem(where, 0, column, null, d.problem(), "", "date-format"));
        }
        if (values.size() <= CODED) {
            codedProblems(t, c, where, values, firstLine, problems);
            return new ColumnProfile(column, "coded", null, null, miss, values.size(), values);
        }
        return new ColumnProfile(column, "text", null, null, miss, values.size(), Map.of());
    }

    /** Two spellings of one code: the rarer is named with its lines and the commoner it resembles. */
    private static void codedProblems(TablePreview t, int c, String where, Map<String, Integer> values,
            Map<String, Integer> firstLine, List<Problem> problems) {
        List<String> keys = new ArrayList<>(values.keySet());
        for (String a : keys) {
            for (String b : keys) {
                if (a.equals(b) || values.get(a) > values.get(b) || values.get(a).equals(values.get(b))
                        && a.compareTo(b) < 0) {
                    continue;
                }
                boolean sameWord = EventWords.normalise(a).equals(EventWords.normalise(b));
                if (sameWord || EventWords.hasLetter(a) && EventCoding.near(a, b)) {
                    List<Integer> lines = new ArrayList<>();
                    for (int r = 0; r < t.rows().size() && lines.size() < 10; r++) {
                        if (t.rows().get(r).get(c).equals(a)) {
                            lines.add(t.line(r));
                        }
                    }
                    problems.add(new Problem(where, lines.get(0), t.columns().get(c), a, (sameWord
                            ? "differs from \"" + b + "\" only in case, accents, spaces or punctuation"
                            : "looks like a misspelling of \"" + b + "\"") + " (" + values.get(a) + " row"
                            + (values.get(a) == 1 ? "" : "s") + (lines.size() > 1 ? ": " + t.lineWord() + "s "
                            + Texts.join(lines, 10, values.get(a)) : "") + "; \"" + b + "\" has " + values.get(b) + ")",
                            "As written, they are different values (separate groups or levels). Correct the spelling in "
                            + "the file, or map them in the study.", "variant-spelling", t.lineWord()));
                    break;
                }
            }
        }
    }
}

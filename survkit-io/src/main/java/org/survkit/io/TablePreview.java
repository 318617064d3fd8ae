package org.survkit.io;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The first rows of a table, as text, with a guessed type per column: for showing a file to the user before
 * the columns are chosen (the future web app).
 *
 * <p>Files are read exactly as {@link CohortReader} reads them (same kinds, encodings, delimiters, header and
 * ragged-row checks), but only up to {@code maxRows} data rows. Values are trimmed; Excel date cells appear as
 * ISO dates. A column's type is {@code "empty"} if all its previewed values are missing (empty, {@code NA},
 * {@code .}), {@code "number"} if every other value is a number with a dot as decimal mark, {@code "date"} if
 * every other value is an ISO date ({@code yyyy-MM-dd}, optionally with a time), else {@code "text"}.
 *
 * <p>SPSS and Stata files also carry variable labels (descriptive names such as "Age at diagnosis"), kept in
 * {@link #variableLabels()}; a report may show them as Table 1 labels instead of the short column names.
 */
public final class TablePreview {

    private final List<String> columns;
    private final List<List<String>> rows;
    private final Map<String, String> types;
    private final List<String> warnings;
    private final int[] lines;
    private final String lineWord;
    private final Map<String, String> variableLabels;
    private char delimiter;

    private TablePreview(List<String> columns, List<List<String>> rows, List<String> warnings, int[] lines,
            String lineWord, Map<String, String> variableLabels) {
        this.variableLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variableLabels));
        this.lines = lines;
        this.lineWord = lineWord;
        this.columns = List.copyOf(columns);
        this.rows = rows.stream().map(List::copyOf).toList();
        this.warnings = List.copyOf(warnings);
        Map<String, String> guessed = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            guessed.put(columns.get(c), guessType(c));
        }
        this.types = java.util.Collections.unmodifiableMap(guessed);
    }

    /**
     * Reads the header and the first rows of a table.
     *
     * @param file    the CSV/TSV/TXT or XLSX file
     * @param sheet   the Excel sheet, or null for the first
     * @param maxRows the most data rows to read, ≥ 0
     * @return the preview
     * @throws InputException for a missing, empty or malformed file
     */
    public static TablePreview read(Path file, String sheet, int maxRows) {
        return read(file, sheet, maxRows, ReadLimits.withDefaults());
    }

    /**
     * Reads the header and the first rows of a table within caps (for files from others, such as uploads).
     *
     * @param file    the CSV/TSV/TXT or XLSX file
     * @param sheet   the Excel sheet, or null for the first
     * @param maxRows the most data rows to read, ≥ 0
     * @param limits  the caps on columns, value length and unpacked workbook size
     * @return the preview
     * @throws InputException for a missing, empty or malformed file, or one that exceeds a cap
     */
    public static TablePreview read(Path file, String sheet, int maxRows, ReadLimits limits) {
        Objects.requireNonNull(file, "file");
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0: " + maxRows);
        }
        Collector collector = new Collector(maxRows);
        TableSources.read(file, sheet == null || sheet.isBlank() ? null : sheet, collector, limits);
        return new TablePreview(collector.columns, collector.rows, collector.warnings,
                java.util.Arrays.copyOf(collector.lines, collector.rows.size()), collector.lineWord,
                collector.variableLabels).withDelimiter(collector.delimiter);
    }

    private TablePreview withDelimiter(char d) {
        this.delimiter = d;
        return this;
    }

    /** {@return the delimiter of a text file (a semicolon file is a decimal-comma file), or 0} */
    public char delimiter() {
        return delimiter;
    }

    /**
     * The distinct values of every column that has few of them (a status, a group, a grade), over the
     * whole table: what a form offers as choices when the first rows do not show every code. Values are
     * trimmed; the usual missing-value codes (empty, NA, ".") are left out; numbers sort numerically,
     * other values as text.
     *
     * @param file         the CSV/TSV/TXT or XLSX file
     * @param sheet        the Excel sheet, or null for the first
     * @param maxPerColumn columns with more distinct values than this are left out
     * @return column name → sorted distinct values, in column order
     * @throws InputException for a missing, empty or malformed file
     */
    public static Map<String, List<String>> levels(Path file, String sheet, int maxPerColumn) {
        return levels(file, sheet, maxPerColumn, ReadLimits.withDefaults());
    }

    /**
     * {@link #levels(Path, String, int)} within caps.
     *
     * @param file         the CSV/TSV/TXT or XLSX file
     * @param sheet        the Excel sheet, or null for the first
     * @param maxPerColumn columns with more distinct values than this are left out
     * @param limits       the caps on columns, value length and unpacked workbook size
     * @return column name → sorted distinct values, in column order
     * @throws InputException for a missing, empty or malformed file, or one that exceeds a cap
     */
    public static Map<String, List<String>> levels(Path file, String sheet, int maxPerColumn, ReadLimits limits) {
        Objects.requireNonNull(file, "file");
        if (maxPerColumn < 1) {
            throw new IllegalArgumentException("maxPerColumn must be >= 1: " + maxPerColumn);
        }
        MissingCodes missing = new MissingCodes(List.of());
        List<String> names = new ArrayList<>();
        List<java.util.Set<String>> seen = new ArrayList<>();
        TableSources.read(file, sheet == null || sheet.isBlank() ? null : sheet, new RowHandler() {
            @Override
            public int[] header(SourceContext context, List<String> columns, int line) {
                names.addAll(columns);
                int[] all = new int[columns.size()];
                for (int i = 0; i < all.length; i++) {
                    all[i] = i;
                    seen.add(new java.util.HashSet<>());
                }
                return all;
            }

            @Override
            public void row(int line, String[] text, LocalDate[] dates) {
                for (int c = 0; c < text.length && c < seen.size(); c++) {
                    java.util.Set<String> s = seen.get(c);
                    if (s != null) {
                        String v = text[c].trim();
                        if (!missing.isMissing(v) && s.add(v) && s.size() > maxPerColumn) {
                            seen.set(c, null); // too many: not a coded column
                        }
                    }
                }
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public boolean done() {
                return false;
            }
        }, limits);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            java.util.Set<String> s = seen.get(c);
            if (s == null || s.isEmpty()) {
                continue;
            }
            List<String> values = new ArrayList<>(s);
            boolean numbers = values.stream().noneMatch(v -> Double.isNaN(DecimalParser.parse(v)));
            values.sort(numbers ? java.util.Comparator.comparingDouble(DecimalParser::parse)
                    : java.util.Comparator.naturalOrder());
            out.put(names.get(c), List.copyOf(values));
        }
        return out;
    }

    /**
     * Counts the data rows of a table (blank rows not counted), reading it as {@link #read} does but keeping
     * nothing, and stopping once more than {@code limit} rows were seen (for upload limits).
     *
     * @param file  the CSV/TSV/TXT or XLSX file
     * @param sheet the Excel sheet, or null for the first
     * @param limit stop counting after {@code limit + 1} rows, ≥ 0
     * @return the number of data rows, or {@code limit + 1} if there are more than {@code limit}
     * @throws InputException for a missing, empty or malformed file
     */
    public static int countRows(Path file, String sheet, int limit) {
        return countRows(file, sheet, limit, ReadLimits.withDefaults());
    }

    /**
     * {@link #countRows(Path, String, int)} within caps.
     *
     * @param file   the CSV/TSV/TXT or XLSX file
     * @param sheet  the Excel sheet, or null for the first
     * @param limit  stop counting after {@code limit + 1} rows, ≥ 0
     * @param limits the caps on columns, value length and unpacked workbook size
     * @return the number of data rows, or {@code limit + 1} if there are more than {@code limit}
     * @throws InputException for a missing, empty or malformed file, or one that exceeds a cap
     */
    public static int countRows(Path file, String sheet, int limit, ReadLimits limits) {
        Objects.requireNonNull(file, "file");
        if (limit < 0 || limit == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("limit must be 0 to Integer.MAX_VALUE - 1: " + limit);
        }
        int[] count = new int[1];
        TableSources.read(file, sheet == null || sheet.isBlank() ? null : sheet, new RowHandler() {
            @Override
            public int[] header(SourceContext context, List<String> names, int line) {
                return new int[0];
            }

            @Override
            public void row(int line, String[] text, LocalDate[] dates) {
                count[0]++;
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public boolean done() {
                return count[0] > limit;
            }
        }, limits);
        return count[0];
    }

    /** {@return the column names, trimmed, in file order} */
    public List<String> columns() {
        return columns;
    }

    /** {@return the previewed rows; each has one trimmed value per column} */
    public List<List<String>> rows() {
        return rows;
    }

    /** {@return the guessed type per column name, in column order: "number", "date", "text" or "empty"} */
    public Map<String, String> types() {
        return types;
    }

    /**
     * {@return where data row {@code row} (0-based) is in the file, as error messages name it:
     * "line 17" (the physical line where the record starts in a text file), "row 17" (a workbook row), "case 17"
     * (SPSS) or "observation 17" (Stata)}
     */
    public String location(int row) {
        return lineWord + " " + lines[row];
    }

    /**
     * {@return the line (text file) or row (workbook) where data row {@code row} (0-based) starts}
     */
    public int line(int row) {
        return lines[row];
    }

    /** {@return "line" for a text file, "row" for a workbook} */
    public String lineWord() {
        return lineWord;
    }

    /**
     * {@return the variable labels of an SPSS or Stata file: column name → label (such as "Age at diagnosis"),
     * in column order, only for columns that have one; empty for CSV and Excel files. A report may use them as
     * Table 1 labels}
     */
    public Map<String, String> variableLabels() {
        return variableLabels;
    }

    /** {@return warnings about the file (encoding, skipped blank lines)} */
    public List<String> warnings() {
        return warnings;
    }

    private String guessType(int column) {
        MissingCodes missing = new MissingCodes(List.of());
        boolean any = false;
        boolean numbers = true;
        boolean dates = true;
        for (List<String> row : rows) {
            String v = row.get(column);
            if (missing.isMissing(v)) {
                continue;
            }
            any = true;
            numbers &= !Double.isNaN(DecimalParser.parse(v));
            dates &= DateReader.parseIso(v) != DateReader.NOT_A_DATE;
        }
        if (!any) {
            return "empty";
        }
        return numbers ? "number" : dates ? "date" : "text";
    }

    @Override
    public String toString() {
        return "TablePreview[columns=" + columns + ", rows=" + rows.size() + ", types=" + types + "]";
    }

    /** Collects the header and the first rows. */
    private static final class Collector implements RowHandler {
        private final int maxRows;
        private final List<String> columns = new ArrayList<>();
        private final List<List<String>> rows = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private int[] lines = new int[16];
        private String lineWord = "line";
        private char delimiter;
        private Map<String, String> variableLabels = Map.of();

        Collector(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void labels(Map<String, String> labels) {
            variableLabels = labels;
        }

        @Override
        public int[] header(SourceContext context, List<String> names, int line) {
            lineWord = context.lineWord();
            delimiter = context.delimiter();
            columns.addAll(names);
            int[] all = new int[names.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }

        @Override
        public void row(int line, String[] text, LocalDate[] dates) {
            List<String> row = new ArrayList<>(text.length);
            for (String value : text) {
                row.add(value.trim());
            }
            if (rows.size() == lines.length) {
                lines = java.util.Arrays.copyOf(lines, 2 * lines.length);
            }
            lines[rows.size()] = line;
            rows.add(row);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public boolean done() {
            return rows.size() >= maxRows;
        }
    }
}

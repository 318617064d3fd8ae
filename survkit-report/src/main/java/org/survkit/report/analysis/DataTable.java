package org.survkit.report.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.survkit.io.TablePreview;

/**
 * A whole cohort file as trimmed text, read exactly as survkit-io reads cohorts (same file kinds,
 * encodings, delimiters, header checks; Excel date cells as ISO dates) through {@link TablePreview}
 * without a row limit. Rows are indexed 0, 1, … in file order; messages name a row by where it is in
 * the file ({@link #where}: the physical line of a text file, the row of a workbook).
 */
final class DataTable implements org.survkit.io.MemoryTable {
    private final Path file;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final String[][] rows;
    private final List<String> warnings;
    private final Missing missing;
    private final java.util.function.IntFunction<String> location;
    private final java.util.function.IntUnaryOperator lineOf;
    private char delimiter;
    private org.survkit.io.DecimalMark fileMark;
    private org.survkit.io.DecimalMark[] marks;
    /** The study's decimal mark (AUTO: detected), for {@link #ruleValue}. */
    private org.survkit.io.DecimalMark decimal = org.survkit.io.DecimalMark.AUTO;

    private DataTable(Path file, List<String> columns, String[][] rows, List<String> warnings, Missing missing,
            java.util.function.IntFunction<String> location, java.util.function.IntUnaryOperator lineOf) {
        this.file = file;
        this.lineOf = lineOf;
        this.location = location;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.warnings = List.copyOf(warnings);
        this.missing = missing;
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            idx.put(columns.get(i), i);
        }
        this.index = idx;
    }

    /**
     * Reads a table.
     *
     * @param file    CSV/TSV/TXT or XLSX
     * @param sheet   Excel sheet, or null
     * @param missing the missing-value codes
     * @throws org.survkit.io.InputException for a missing, empty or malformed file
     */
    static DataTable read(Path file, String sheet, Missing missing) {
        TablePreview t = TablePreview.read(file, sheet, Integer.MAX_VALUE);
        List<List<String>> in = t.rows();
        String[][] rows = new String[in.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = in.get(i).toArray(new String[0]);
        }
        DataTable d = new DataTable(file, t.columns(), rows, t.warnings(), missing, t::location, t::line);
        d.delimiter = t.delimiter();
        return d;
    }

    /** A table from memory (tests). */
    static DataTable of(Path file, List<String> columns, List<String[]> rows, Missing missing) {
        return new DataTable(file, columns, rows.toArray(new String[0][]), new ArrayList<>(), missing,
                row -> "data row " + (row + 1), row -> row + 2);
    }

    /**
     * {@return the file's decimal mark as survkit-io's reader decides it (a column that only a decimal comma reads,
     * a semicolon-separated file), for columns whose own values do not decide}
     */
    /** Sets the study's decimal mark (before any {@link #ruleValue}). */
    void decimal(org.survkit.io.DecimalMark mark) {
        decimal = mark == null ? org.survkit.io.DecimalMark.AUTO : mark;
        marks = null;
        fileMark = null;
    }

    org.survkit.io.DecimalMark fileMark(org.survkit.io.DecimalMark given) {
        if (fileMark == null) {
            List<List<String>> values = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                List<String> v = new ArrayList<>();
                for (String[] row : rows) {
                    if (!missing.isMissing(row[c])) {
                        v.add(row[c]);
                    }
                }
                values.add(v);
            }
            fileMark = org.survkit.io.LocalNumbers.fileMark(values, delimiter, given);
        }
        return fileMark;
    }

    @Override
    public String source() {
        return file.toString();
    }

    @Override
    public String name() {
        return fileName();
    }

    @Override
    public int line(int row) {
        return lineOf.applyAsInt(row);
    }

    @Override
    public String text(int row, int column) {
        return rows[row][column];
    }

    /**
     * The table of some of its rows, each still located (in messages) where it is in the file.
     *
     * @param keep the rows to keep (0-based, increasing)
     * @return the smaller table
     */
    DataTable rows(int[] keep) {
        String[][] sub = new String[keep.length][];
        for (int i = 0; i < keep.length; i++) {
            sub[i] = rows[keep[i]];
        }
        int[] at = keep.clone();
        DataTable d = new DataTable(file, columns, sub, warnings, missing, row -> location.apply(at[row]),
                row -> lineOf.applyAsInt(at[row]));
        d.delimiter = delimiter;
        d.decimal = decimal;
        return d;
    }

    Path file() {
        return file;
    }

    public String fileName() {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** {@return where a row (0-based) is, for messages: "cohort.csv, line 17" or "cohort.xlsx, row 17"} */
    String where(int row) {
        return fileName() + ", " + location.apply(row);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    /** {@return the column's index, or −1} */
    int column(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    @Override
    public int size() {
        return rows.length;
    }


    /** {@return the trimmed text of a cell, or null when it is a missing-value code} */
    String value(int row, int column) {
        String s = rows[row][column];
        return missing.isMissing(s) ? null : s;
    }

    /**
     * {@return a cell as the rule language compares it: a number written with the column's decimal comma
     * ({@code 64,4}) as the same number with a dot ({@code 64.4}); other texts as they are; null when missing}
     * The column's mark is decided as survkit-io's reader decides it (its values, else the file's mark).
     */
    String ruleValue(int row, int column) {
        String v = value(row, column);
        if (v == null || v.indexOf(',') < 0 && v.indexOf('.') < 0) {
            return v;
        }
        if (marks == null) {
            marks = new org.survkit.io.DecimalMark[columns.size()];
        }
        if (marks[column] == null) {
            List<String> present = new ArrayList<>();
            for (String[] r : rows) {
                if (!missing.isMissing(r[column])) {
                    present.add(r[column]);
                }
            }
            marks[column] = org.survkit.io.LocalNumbers.columnMark(present, decimal, fileMark(decimal));
        }
        if (marks[column] != org.survkit.io.DecimalMark.COMMA) {
            return v;
        }
        double x = org.survkit.io.LocalNumbers.parse(v, org.survkit.io.DecimalMark.COMMA);
        return Double.isNaN(x) ? v : Double.toString(x);
    }

    /** {@return the raw row (do not modify)} */
    String[] row(int row) {
        return rows[row];
    }

    List<String> warnings() {
        return warnings;
    }

    Missing missing() {
        return missing;
    }
}

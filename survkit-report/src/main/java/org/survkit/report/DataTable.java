package org.survkit.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.survkit.io.TablePreview;

/**
 * A whole cohort file as trimmed text, read exactly as survkit-io reads cohorts (same file kinds,
 * encodings, delimiters, header checks; Excel date cells as ISO dates) through {@link TablePreview}
 * without a row limit. Rows are numbered 1, 2, … in file order ("data row" k is the k-th row under
 * the header: line k + 1 of a text file without blank lines).
 */
final class DataTable {
    private final Path file;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final String[][] rows;
    private final List<String> warnings;
    private final Missing missing;

    private DataTable(Path file, List<String> columns, String[][] rows, List<String> warnings, Missing missing) {
        this.file = file;
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
        return new DataTable(file, t.columns(), rows, t.warnings(), missing);
    }

    /** A table from memory (tests). */
    static DataTable of(Path file, List<String> columns, List<String[]> rows, Missing missing) {
        return new DataTable(file, columns, rows.toArray(new String[0][]), new ArrayList<>(), missing);
    }

    Path file() {
        return file;
    }

    String fileName() {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    List<String> columns() {
        return columns;
    }

    /** {@return the column's index, or −1} */
    int column(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    int size() {
        return rows.length;
    }

    /** {@return the trimmed text of a cell (never null)} */
    String text(int row, int column) {
        return rows[row][column];
    }

    /** {@return the trimmed text of a cell, or null when it is a missing-value code} */
    String value(int row, int column) {
        String s = rows[row][column];
        return missing.isMissing(s) ? null : s;
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

package org.survkit.report.tables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A table of the report: the formatted cells exactly as report.html shows them (also written as
 * CSV, ready to paste into a manuscript) and the same content with unrounded numbers as JSON (for
 * programs).
 *
 * @param id        file name stem ({@code table1}, {@code survival}, …)
 * @param title     caption
 * @param header    column headings; a line break marks where the HTML heading wraps
 * @param rows      formatted cells, one list per row, as long as the header
 * @param rowKinds  per row: "" for a plain row, "variable" for a heading row, "level" for an indented row
 * @param footnotes notes under the table
 * @param json      the raw values
 */
public record ReportTable(String id, String title, List<String> header, List<List<String>> rows, List<String> rowKinds,
        List<String> footnotes, JsonNode json) {

    public ReportTable {
        Objects.requireNonNull(id, "id");
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        rowKinds = List.copyOf(rowKinds);
        footnotes = List.copyOf(footnotes);
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("table " + id + ": a row has " + r.size() + " cells for "
                        + header.size() + " columns");
            }
        }
        if (rowKinds.size() != rows.size()) {
            throw new IllegalArgumentException("table " + id + ": one row kind per row");
        }
    }

    /** {@return the CSV text: header (line breaks as spaces) and rows, text cells neutralized against formulas} */
    public String csv() {
        List<String> h = header.stream().map(s -> TableCsv.neutralize(s.replace('\n', ' '))).toList();
        List<List<String>> r = rows.stream().map(row -> row.stream().map(TableCsv::neutralize).toList()).toList();
        return TableCsv.table(h, r);
    }
}

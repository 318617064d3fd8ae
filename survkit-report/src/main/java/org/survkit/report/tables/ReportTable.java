package org.survkit.report.tables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * A cell's or a footnote's text and the note letter that goes with it, set as a superscript: Table 1 prints its
     * P values as {@code "0.7 a"} and the note {@code "a One-way ANOVA."}.
     *
     * @param text the text without the letter
     * @param mark the letter ({@code a}–{@code h}), or "" when there is none
     */
    public record Marked(String text, String mark) {
    }

    private static final Pattern MARKED = Pattern.compile("(.*\\S) ([a-h])");
    private static final Pattern NOTE_MARK = Pattern.compile("([a-h]) (.*)", Pattern.DOTALL);

    /** {@return whether this table marks its P values with the letters of its notes (Table 1 does)} */
    public boolean marksNotes() {
        return id.equals("table1");
    }

    /** {@return a cell of a column with its note letter split off (only the P cells of a table that marks notes)} */
    public Marked cell(int column, String cell) {
        Matcher m = MARKED.matcher(cell);
        return marksNotes() && header.get(column).equals("P") && m.matches() ? new Marked(m.group(1), m.group(2))
                : new Marked(cell, "");
    }

    /** {@return a footnote with its letter split off (only in a table that marks notes)} */
    public Marked note(String footnote) {
        Matcher m = NOTE_MARK.matcher(footnote);
        return marksNotes() && m.matches() ? new Marked(m.group(2), m.group(1)) : new Marked(footnote, "");
    }

    /** {@return whether a cell reads as a number (right-aligned) rather than text} */
    public static boolean numeric(String cell) {
        if (cell.isEmpty()) {
            return true;
        }
        char c = cell.charAt(0);
        return Character.isDigit(c) || c == '<' || c == '>' || c == '\u2212' || c == '-' || c == '\u2013'
                || c == '\u2014' || c == '\u221E' || cell.startsWith("NR") || cell.startsWith("not estimable")
                || cell.startsWith("aliased") || cell.startsWith("NA");
    }

    /** {@return per column, whether it holds text (left-aligned): the first column, and any with a cell not numeric} */
    public boolean[] textColumns() {
        boolean[] text = new boolean[header.size()];
        text[0] = true;
        for (List<String> row : rows) {
            for (int i = 1; i < text.length; i++) {
                text[i] |= !numeric(row.get(i));
            }
        }
        return text;
    }

    /** {@return the CSV text: header (line breaks as spaces) and rows, text cells neutralized against formulas} */
    public String csv() {
        List<String> h = header.stream().map(s -> TableCsv.neutralize(s.replace('\n', ' '))).toList();
        List<List<String>> r = rows.stream().map(row -> row.stream().map(TableCsv::neutralize).toList()).toList();
        return TableCsv.table(h, r);
    }
}

package org.survkit.report.analysis;

import java.util.List;

/**
 * CSV text as the report writes it, for the analysis dataset's export and the tables (RFC 4180: comma
 * separated, a cell with a comma, quote or line break quoted, quotes doubled, records ended by a line
 * feed), and the lines a cell takes.
 */
public final class CsvText {

    private CsvText() {
    }

    /** Appends one cell, quoted when needed (its line breaks then shift the file's lines: {@link #lineBreaks}). */
    static void cell(StringBuilder sb, String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** {@return the line breaks in a text (LF, CRLF or a lone CR each count once), by which a cell shifts lines} */
    static int lineBreaks(String s) {
        int breaks = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }

    /** Appends one record: the cells, quoted when needed, separated by commas, and a line feed. */
    public static void record(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            cell(sb, cells.get(i));
        }
        sb.append('\n');
    }
}

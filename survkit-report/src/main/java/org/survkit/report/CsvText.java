package org.survkit.report;

import org.survkit.study.rules.RuleExpression;
import java.util.List;

/**
 * CSV cells (RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled) and the
 * spreadsheet-formula guard for exported tables.
 */
final class CsvText {

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

    /**
     * Neutralizes a text cell that a spreadsheet would run as a formula (one starting with {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return; OWASP "CSV injection") by prefixing a single
     * quote. A plain number ({@code -0.5}) is left as it is: it is not a formula.
     */
    static String neutralize(String s) {
        if (s.isEmpty() || RuleExpression.isNumber(s)) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    /** A whole table: header and rows of already formatted cells; text cells neutralized, line ends CRLF-free. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (List<String> r : rows) {
            line(sb, r);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            cell(sb, cells.get(i));
        }
        sb.append('\n');
    }
}

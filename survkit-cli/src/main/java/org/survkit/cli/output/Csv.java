package org.survkit.cli.output;

import java.util.List;

/** Minimal RFC 4180 CSV writing with spreadsheet-formula neutralization; numbers through {@link Numbers#csv}. */
final class Csv {
    private Csv() {
    }

    /** {@return the header and rows, one line each} */
    static String write(String[] header, List<String[]> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (String[] r : rows) {
            line(sb, r);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells[i]));
        }
        sb.append('\n');
    }

    /** Quotes when needed; prefixes text that a spreadsheet would evaluate (= + - @) with a quote mark. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

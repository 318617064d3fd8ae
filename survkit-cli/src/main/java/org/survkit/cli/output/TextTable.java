package org.survkit.cli.output;

import java.util.List;

/** A table laid out as R prints a matrix: the first column left-aligned, the others right-aligned, two spaces apart. */
final class TextTable {
    private TextTable() {
    }

    /** {@return the header and rows, one line each} */
    static String of(String[] header, List<String[]> rows) {
        int[] w = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            w[c] = header[c].length();
        }
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, w);
        for (String[] r : rows) {
            appendRow(sb, r, w);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, String[] r, int[] w) {
        for (int c = 0; c < r.length; c++) {
            String s = r[c];
            if (c == 0) {
                sb.append(s).append(" ".repeat(w[c] - s.length()));
            } else {
                sb.append("  ").append(" ".repeat(w[c] - s.length())).append(s);
            }
        }
        sb.append('\n');
    }
}

package org.survkit.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting for people (text output): R-like significant digits, NA for undefined. */
final class Fmt {
    private Fmt() {
    }

    /** x to {@code digits} significant digits without trailing zeros; "NA" for NaN. */
    static String num(double x, int digits) {
        if (Double.isNaN(x)) {
            return "NA";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e12) {
            return Long.toString((long) x);
        }
        BigDecimal b = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        if (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e12) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
        }
        return b.toPlainString();
    }

    /** A p-value as R's format.pval with 3 digits: "<2e-16" below machine precision. */
    static String p(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        if (p < 2.2e-16) {
            return "<2e-16";
        }
        if (p < 1e-4) {
            return String.format(Locale.ROOT, "%.2e", p);
        }
        return num(p, 3);
    }

    /** Right-aligned table printing. */
    static String table(String[] header, java.util.List<String[]> rows) {
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

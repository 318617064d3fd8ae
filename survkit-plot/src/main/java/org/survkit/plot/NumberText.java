package org.survkit.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as labels: tick labels with a common number of decimals, hazard ratios, typographic minus. */
final class NumberText {

    static final String MINUS = "\u2212";
    static final String EN_DASH = "\u2013";
    static final String INFINITY = "\u221E";

    private NumberText() {
    }

    /** Decimals needed to write every multiple of {@code step} exactly (0 for 200, 1 for 0.2 or 2.5). */
    static int decimalsOf(double step) {
        for (int d = 0; d <= 6; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-7 * Math.max(1, Math.abs(scaled))) {
                return d;
            }
        }
        return 6;
    }

    /** {@code v} with {@code decimals} decimals and a typographic minus: {@code 0.4}, {@code −2}, {@code 1000}. */
    static String fixed(double v, int decimals) {
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (s.startsWith("-")) {
            s = isZero(s) ? s.substring(1) : MINUS + s.substring(1);
        }
        return s;
    }

    private static boolean isZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /** A count: whole numbers as integers ({@code 12}), a sum of non-integer case weights with one decimal. */
    static String count(double v) {
        return v == Math.rint(v) ? fixed(v, 0) : fixed(v, 1);
    }

    /** A plain label with as few decimals as needed (up to 6): {@code 0.25}, {@code 12}, {@code 1000}. */
    static String plain(double v) {
        return fixed(v, decimalsOf(v));
    }

    /**
     * A hazard ratio or limit: two decimals below 10 ({@code 0.58}, {@code 1.27}), one below 100
     * ({@code 28.6}), none up to 1000; two significant digits below 0.01 ({@code 0.0041});
     * beyond 1000 or below 0.001 only the bound ({@code > 1000}, {@code < 0.001}), as a ratio that
     * large comes from a monotone likelihood and its digits mean nothing; {@code ∞}, {@code 0} and
     * {@code NA} as such.
     */
    static String ratio(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (v == Double.POSITIVE_INFINITY) {
            return INFINITY;
        }
        if (v == 0) {
            return "0";
        }
        if (v > 1000) {
            return "> 1000";
        }
        if (v < 0.001) {
            return "< 0.001";
        }
        if (v < 0.01) {
            return new BigDecimal(v).round(new java.math.MathContext(2, RoundingMode.HALF_EVEN)).toPlainString();
        }
        if (v >= 100) {
            return fixed(v, 0);
        }
        return fixed(v, v >= 10 ? 1 : 2);
    }
}

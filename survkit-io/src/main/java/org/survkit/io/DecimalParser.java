package org.survkit.io;

/**
 * Parses plain decimal numbers written with a dot ({@code 12}, {@code -0.5}, {@code .5}, {@code 3.}, {@code 1e-3}),
 * without regular expressions and, for the common case, without {@link Double#parseDouble}.
 *
 * <p>Accepted: optional sign, digits with at most one dot, optional exponent; at least one digit. Rejected:
 * blanks, {@code NaN}, {@code Infinity}, hexadecimal, Java suffixes ({@code 1d}, {@code 2f}), decimal commas and
 * thousands separators. Numbers of at most 15 significant digits without exponent are computed as
 * {@code mantissa / 10^k}, which is exact-correctly rounded because both operands are exact doubles (Clinger's
 * fast path); everything else that passes the grammar goes to {@link #exact}.
 */
final class DecimalParser {

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private DecimalParser() {
    }

    /**
     * Parses a trimmed number.
     *
     * @param s the text, already trimmed
     * @return the value (possibly infinite when the exponent overflows), or NaN when the text is not a number
     */
    static double parse(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (significant > 0 || c != '0') {
                    significant++;
                }
                if (significant <= 18) {
                    mantissa = mantissa * 10 + (c - '0');
                }
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i == n) {
            int scale = Math.max(fraction, 0);
            if (significant <= 15 && scale < POW10.length) {
                double v = mantissa / POW10[scale];
                return negative ? -v : v;
            }
            return exact(s);
        }
        char e = s.charAt(i);
        if (e != 'e' && e != 'E') {
            return Double.NaN;
        }
        i++;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int expDigits = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Double.NaN;
            }
            expDigits++;
        }
        return expDigits == 0 ? Double.NaN : exact(s);
    }

    /**
     * A number of the grammar above beyond the fast path (more than 15 significant digits, an exponent), correctly
     * rounded as {@link Double#parseDouble} rounds it, by Eisel and Lemire's method (FastDoubleParser), several times
     * faster than the JDK's big-integer path for the 17 digits pandas and numpy write.
     */
    static double exact(CharSequence s) {
        return ch.randelshofer.fastdoubleparser.JavaDoubleParser.parseDouble(s);
    }

    /** {@link #exact} on ASCII bytes {@code [from, to)} that follow the grammar above. */
    static double exact(byte[] b, int from, int to) {
        return ch.randelshofer.fastdoubleparser.JavaDoubleParser.parseDouble(b, from, to - from);
    }

    /**
     * Tells whether a text looks like a number written with a decimal comma or thousands separator, such as
     * {@code 1,5} or {@code -12,25} or {@code 1,000}.
     *
     * @param s the trimmed text
     * @return true if it is digits, one or more commas between digits, and nothing else (a leading sign allowed)
     */
    static boolean looksLikeDecimalComma(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        boolean comma = false;
        boolean digitBefore = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digitBefore = true;
            } else if (c == ',' && digitBefore && i + 1 < n) {
                comma = true;
                digitBefore = false;
            } else if (c != '.') {
                return false;
            }
        }
        return comma && digitBefore;
    }
}

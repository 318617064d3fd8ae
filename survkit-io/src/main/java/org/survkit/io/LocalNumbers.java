package org.survkit.io;

/**
 * Numbers as people write them: with a decimal dot or a decimal comma, and optionally with thousands separators
 * (see {@link DecimalMark}). Parsing never throws and never uses regular expressions; the common case (a plain
 * number with a dot, or with a comma and no thousands separator) costs one pass over the text.
 */
final class LocalNumbers {

    /** What a text is, for deciding a column's decimal mark. */
    enum Kind {
        /** Not a number in either reading. */
        NOT_A_NUMBER,
        /** A whole number without separators ({@code 62}): fits both marks. */
        INTEGER,
        /** Only a decimal dot reads it ({@code 62.5}, {@code 1,234.5}, {@code 1,234,567}). */
        DOT,
        /** Only a decimal comma reads it ({@code 62,5}, {@code 1.234,5}, {@code 1.234.567}, {@code 0,125}). */
        COMMA,
        /** {@code 1,234}: 1.234 with a decimal comma, 1234 with a dot and a thousands comma. */
        AMBIGUOUS_COMMA,
        /** {@code 1.234}: 1.234 with a decimal dot, 1234 with a decimal comma and a thousands dot. */
        AMBIGUOUS_DOT
    }

    private LocalNumbers() {
    }

    /**
     * Parses a trimmed text with a decimal mark.
     *
     * @param s    the trimmed text
     * @param mark {@link DecimalMark#POINT} or {@link DecimalMark#COMMA} ({@link DecimalMark#AUTO} reads as POINT)
     * @return the value, or NaN when the text is not a number written with that mark
     */
    static double parse(String s, DecimalMark mark) {
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\'') {
                plain = false;
                break;
            }
        }
        if (mark == DecimalMark.COMMA) {
            return parseGrouped(s, ',', true);
        }
        return plain ? DecimalParser.parse(s) : parseGrouped(s, '.', false);
    }

    /**
     * Classifies a trimmed text.
     *
     * @param s the trimmed text
     * @return its kind
     */
    static Kind kind(String s) {
        double dot = parse(s, DecimalMark.POINT);
        double comma = parseGrouped(s, ',', true);
        boolean byDot = dot == dot;
        boolean byComma = comma == comma;
        if (!byDot && !byComma) {
            return Kind.NOT_A_NUMBER;
        }
        if (byDot && byComma) {
            if (dot == comma) {
                return Kind.INTEGER;
            }
            return s.indexOf(',') >= 0 ? Kind.AMBIGUOUS_COMMA : Kind.AMBIGUOUS_DOT;
        }
        return byDot ? Kind.DOT : Kind.COMMA;
    }

    /**
     * Parses digits with an optional sign, thousands groups, one decimal mark and an optional exponent.
     *
     * @param s        the trimmed text
     * @param decimal  the decimal mark
     * @param dotGroup true if a dot may separate thousands (decimal comma), false if a comma may (decimal dot)
     * @return the value or NaN
     */
    private static double parseGrouped(String s, char decimal, boolean dotGroup) {
        int n = s.length();
        StringBuilder b = new StringBuilder(n);
        int i = 0;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            b.append(s.charAt(0));
            i = 1;
        }
        char group = 0;
        int groupDigits = -1;
        int intDigits = 0;
        boolean grouped = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
                intDigits++;
                if (grouped) {
                    groupDigits++;
                }
                continue;
            }
            boolean separator = c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\''
                    || (dotGroup ? c == '.' : c == ',');
            if (separator && c != decimal) {
                if (intDigits == 0 || grouped && groupDigits != 3 || group != 0 && c != group
                        || !grouped && intDigits > 3 || !grouped && s.charAt(b.charAt(0) == '-'
                                || b.charAt(0) == '+' ? 1 : 0) == '0' && intDigits == 1) {
                    return Double.NaN;
                }
                group = c;
                grouped = true;
                groupDigits = 0;
                continue;
            }
            break;
        }
        if (grouped && groupDigits != 3 || intDigits == 0 && (i >= n || s.charAt(i) != decimal)) {
            return Double.NaN;
        }
        if (i < n && s.charAt(i) == decimal) {
            b.append('.');
            i++;
            int fraction = 0;
            for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
                b.append(s.charAt(i));
                fraction++;
            }
            if (fraction == 0 && (intDigits == 0 || decimal == ',')) {
                return Double.NaN;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            b.append(s, i, n);
            i = n;
        }
        return i == n ? DecimalParser.parse(b.toString()) : Double.NaN;
    }
}

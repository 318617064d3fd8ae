package org.survkit.io;

import java.util.List;

/**
 * Numbers as people write them: with a decimal dot or a decimal comma, and optionally with thousands separators
 * (see {@link DecimalMark}). Parsing never throws and never uses regular expressions; the common case (a plain
 * number with a dot, or with a comma and no thousands separator) costs one pass over the text.
 */
public final class LocalNumbers {

    /** What a text is, for deciding a column's decimal mark. */
    public enum Kind {
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
     * {@return whether a text (blanks around it aside) reads as a number with one decimal mark or the other}: what a
     * message means by "a value that is not a number" whichever mark the column was read with.
     */
    public static boolean isNumber(String s) {
        String v = s.strip();
        return !Double.isNaN(parse(v, DecimalMark.POINT)) || !Double.isNaN(parse(v, DecimalMark.COMMA));
    }

    /**
     * Parses a trimmed text with a decimal mark.
     *
     * @param s    the trimmed text
     * @param mark {@link DecimalMark#POINT} or {@link DecimalMark#COMMA} ({@link DecimalMark#AUTO} reads as POINT)
     * @return the value, or NaN when the text is not a number written with that mark
     */
    public static double parse(String s, DecimalMark mark) {
        if (mark != DecimalMark.COMMA) {
            // the common case first: a plain number with a dot (no scan for separators)
            double v = DecimalParser.parse(s);
            if (v == v) {
                return v;
            }
        }
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
    public static Kind kind(String s) {
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
     * Decides the decimal mark of a column from its values, as the cohort reader does: a comma when more values
     * need a comma than a dot, a dot when any value decides otherwise; when no value decides (whole numbers, or only
     * ambiguous ones such as {@code 1,250}), the file's mark.
     *
     * @param values   the column's trimmed non-missing values
     * @param given    the user's mark; anything but AUTO wins
     * @param fileMark the file's mark ({@link #fileMark})
     * @return POINT or COMMA
     */
    public static DecimalMark columnMark(Iterable<String> values, DecimalMark given, DecimalMark fileMark) {
        if (given != null && given != DecimalMark.AUTO) {
            return given;
        }
        int[] dotComma = evidence(values);
        return dotComma[1] > dotComma[0] ? DecimalMark.COMMA : dotComma[0] + dotComma[1] > 0 ? DecimalMark.POINT
                : fileMark == DecimalMark.COMMA ? DecimalMark.COMMA : DecimalMark.POINT;
    }

    /**
     * Decides a file's decimal mark, as the cohort reader does: a comma when some column is read with a decimal comma
     * ({@link #columnMark} with evidence) and none with a dot, or when the file is separated by semicolons and no
     * column is read with a dot.
     *
     * @param columns   the columns' trimmed non-missing values
     * @param delimiter the file's delimiter, or 0
     * @param given     the user's mark; anything but AUTO wins
     * @return POINT or COMMA
     */
    public static DecimalMark fileMark(List<? extends Iterable<String>> columns, char delimiter, DecimalMark given) {
        if (given != null && given != DecimalMark.AUTO) {
            return given;
        }
        int commaColumns = 0;
        int dotColumns = 0;
        for (Iterable<String> column : columns) {
            int[] dotComma = evidence(column);
            commaColumns += dotComma[1] > dotComma[0] ? 1 : 0;
            dotColumns += dotComma[0] >= dotComma[1] && dotComma[0] > 0 ? 1 : 0;
        }
        return commaColumns > 0 && dotColumns == 0 || delimiter == ';' && dotColumns == 0 ? DecimalMark.COMMA
                : DecimalMark.POINT;
    }

    /** {@return how many values only a dot reads and how many only a comma reads} */
    private static int[] evidence(Iterable<String> values) {
        int[] dotComma = new int[2];
        for (String v : values) {
            Kind k = kind(v);
            dotComma[0] += k == Kind.DOT ? 1 : 0;
            dotComma[1] += k == Kind.COMMA ? 1 : 0;
        }
        return dotComma;
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

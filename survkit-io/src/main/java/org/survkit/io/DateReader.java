package org.survkit.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * Reads text dates, either ISO ({@code yyyy-MM-dd}, or an ISO date-time {@code yyyy-MM-ddTHH:mm[:ss[.fff]]}
 * whose date is taken; a space instead of {@code T} is accepted too) or with a user pattern in
 * {@link DateTimeFormatter} letters. Parsing is strict (no 30 February); {@code y} in the pattern is read as
 * the proleptic year {@code u} so that {@code dd/MM/yyyy} works in strict mode.
 */
final class DateReader {

    /** Returned when a text is not a date. */
    static final long NOT_A_DATE = Long.MIN_VALUE;

    private final String pattern;
    private final DateTimeFormatter formatter;

    private DateReader(String pattern, DateTimeFormatter formatter) {
        this.pattern = pattern;
        this.formatter = formatter;
    }

    /**
     * Creates a reader for a pattern.
     *
     * @param pattern the {@link DateTimeFormatter} pattern, or null for ISO
     * @return the reader
     * @throws InputException if the pattern is invalid
     */
    static DateReader of(String pattern) {
        if (pattern == null) {
            return new DateReader(null, null);
        }
        try {
            String strict = pattern.replace('y', 'u');
            return new DateReader(pattern, DateTimeFormatter.ofPattern(strict).withResolverStyle(ResolverStyle.STRICT));
        } catch (IllegalArgumentException e) {
            throw new InputException("The date format \"" + pattern + "\" is not a valid pattern (" + e.getMessage()
                    + "). Give " + OptionNames.DATE_FORMAT + " with pattern letters such as dd/MM/yyyy, MM/dd/yyyy "
                    + "or d.M.yyyy (d = day, M = month, yyyy = year).", e);
        }
    }

    /**
     * Parses a trimmed text date.
     *
     * @param s the text
     * @return the day number ({@link LocalDate#toEpochDay()}), or {@link #NOT_A_DATE}
     */
    long parse(String s) {
        if (formatter == null) {
            return parseIso(s);
        }
        try {
            return formatter.parse(s, LocalDate::from).toEpochDay();
        } catch (DateTimeException e) {
            return NOT_A_DATE;
        }
    }

    /** {@return the expected format, for messages: the pattern, or "yyyy-MM-dd (ISO)"} */
    String expected() {
        return pattern == null ? "yyyy-MM-dd (ISO)" : pattern;
    }

    /** {@return true when the default ISO format is in use} */
    boolean isIso() {
        return pattern == null;
    }

    /**
     * Parses an ISO date or date-time, taking the date.
     *
     * @param s the trimmed text
     * @return the day number, or {@link #NOT_A_DATE}
     */
    static long parseIso(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return NOT_A_DATE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return NOT_A_DATE;
        }
        if (n > 10) {
            char sep = s.charAt(10);
            if (sep != 'T' && sep != ' ' || !isTime(s.substring(11))) {
                return NOT_A_DATE;
            }
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return NOT_A_DATE;
        }
    }

    /**
     * Suggests a pattern for a text that is not an ISO date, for the error message.
     *
     * @param s the trimmed text
     * @return a pattern such as {@code dd/MM/yyyy}, or null when no guess fits
     */
    static String guessPattern(String s) {
        for (char sep : new char[] {'/', '.', '-'}) {
            String[] parts = s.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
            if (parts.length != 3 || parts[2].length() != 4 && parts[2].length() != 2) {
                continue;
            }
            int a = digits(parts[0], 0, parts[0].length());
            int b = digits(parts[1], 0, parts[1].length());
            if (a < 1 || b < 1 || parts[0].length() > 2 || parts[1].length() > 2
                    || digits(parts[2], 0, parts[2].length()) < 0) {
                continue;
            }
            String year = parts[2].length() == 4 ? "yyyy" : "yy";
            if (b > 12 && a <= 12) {
                return "MM" + sep + "dd" + sep + year;
            }
            return "dd" + sep + "MM" + sep + year;
        }
        return null;
    }

    private static boolean isTime(String rest) {
        try {
            LocalTime.parse(rest);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static int digits(String s, int from, int to) {
        if (from >= to) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}

package org.survkit.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Reads text dates, either ISO ({@code yyyy-MM-dd}, or an ISO date-time {@code yyyy-MM-ddTHH:mm[:ss[.fff]]}
 * whose date is taken; a space instead of {@code T} is accepted too) or with a pattern.
 *
 * <p>The pattern is read as {@link DateFormats} explains: case-insensitively, with {@code m} as month (so a
 * user's {@code dd/mm/yyyy} works as well as {@code dd/MM/yyyy}), English month names in any case, two-digit
 * years in the 100 years from 80 years before the current year, leading zeros optional where a separator follows
 * ({@code dd/MM/yyyy} reads {@code 3/4/2017}), a time of day after the date accepted and ignored, and a strict
 * calendar (no 31 April, no 29 February 2019). Besides the pattern, an ISO {@code yyyy-MM-dd} text is always
 * accepted, being unambiguous (Excel date cells reach the reader as ISO text by some paths), except when the
 * pattern itself starts with a four-digit year and a dash ({@code yyyy-dd-MM} must not be mixed with ISO).
 *
 * <p>These patterns are read by hand, with no exception or allocation per value. A pattern outside them that
 * is valid for {@link DateTimeFormatter} ({@code EEE, d MMM yyyy}, or one with hours) is still read as before,
 * strictly with {@code y} taken as the proleptic year, through {@code DateTimeFormatter}.
 */
final class DateReader {

    /** Returned when a text is not a date. */
    static final long NOT_A_DATE = Long.MIN_VALUE;

    private static final int NUMBER_OF_YEARS_BEFORE = 80;

    /** The pattern (normalised), or null for ISO. */
    private final String pattern;
    /** The parts for the hand parser; null for ISO and for the DateTimeFormatter fallback. */
    private final char[] kinds;
    private final int[] minDigits;
    private final int[] maxDigits;
    private final String[] texts;
    /** Only for a java.time pattern outside the hand parser's. */
    private final DateTimeFormatter formatter;
    private final boolean isoToo;
    private final int twoDigitYearStart;

    private DateReader(String pattern, List<DateFormats.Part> parts, DateTimeFormatter formatter,
            int twoDigitYearStart) {
        this.pattern = pattern;
        this.formatter = formatter;
        this.twoDigitYearStart = twoDigitYearStart;
        this.isoToo = pattern != null && !(pattern.startsWith("yyyy-") || pattern.startsWith("uuuu-"));
        if (parts == null) {
            kinds = null;
            minDigits = null;
            maxDigits = null;
            texts = null;
            return;
        }
        int n = parts.size();
        kinds = new char[n];
        minDigits = new int[n];
        maxDigits = new int[n];
        texts = new String[n];
        for (int i = 0; i < n; i++) {
            DateFormats.Part p = parts.get(i);
            kinds[i] = p.kind();
            texts[i] = p.text();
            boolean separated = (i == 0 || !isNumber(parts.get(i - 1))) && (i + 1 == n || !isNumber(parts.get(i + 1)));
            switch (p.kind()) {
                case DateFormats.DAY, DateFormats.MONTH -> {
                    minDigits[i] = separated ? 1 : 2;
                    maxDigits[i] = 2;
                }
                case DateFormats.YEAR -> {
                    minDigits[i] = p.width();
                    maxDigits[i] = p.width();
                }
                default -> {
                }
            }
        }
    }

    /**
     * Creates a reader for a pattern, with two-digit years in the 100 years from 80 years before the current
     * year ({@link #defaultTwoDigitYearStart()}).
     *
     * @param pattern the pattern ({@link DateTimeFormatter} letters, or a format as {@link
     *                DateFormats#pattern(String)} takes it, such as {@code dd/mm/yyyy} or {@code DATE11}), or null
     *                (or blank) for ISO
     * @return the reader
     * @throws InputException if the pattern is invalid
     */
    static DateReader of(String pattern) {
        return of(pattern, defaultTwoDigitYearStart());
    }

    /**
     * Creates a reader for a pattern.
     *
     * @param pattern           as for {@link #of(String)}
     * @param twoDigitYearStart the first year of the 100 years that two-digit years fall in
     * @return the reader
     * @throws InputException if the pattern is invalid
     */
    static DateReader of(String pattern, int twoDigitYearStart) {
        if (pattern == null || pattern.isBlank()) {
            return new DateReader(null, null, null, twoDigitYearStart);
        }
        List<DateFormats.Part> parts;
        try {
            parts = DateFormats.parts(pattern);
        } catch (InputException notOurs) {
            try {
                DateTimeFormatter f = new DateTimeFormatterBuilder().parseCaseInsensitive()
                        .appendPattern(pattern.replace('y', 'u')).toFormatter(Locale.ENGLISH)
                        .withResolverStyle(ResolverStyle.STRICT);
                return new DateReader(pattern, null, f, twoDigitYearStart);
            } catch (IllegalArgumentException e) {
                throw notOurs;
            }
        }
        String normalised = DateFormats.toPattern(parts);
        if (DateFormats.isIso(normalised)) {
            return new DateReader(null, null, null, twoDigitYearStart);
        }
        return new DateReader(normalised, parts, null, twoDigitYearStart);
    }

    /** {@return the first year that two-digit years are read as by default: 80 years before the current year} */
    static int defaultTwoDigitYearStart() {
        return Year.now().getValue() - NUMBER_OF_YEARS_BEFORE;
    }

    /**
     * Parses a trimmed text date.
     *
     * @param s the text
     * @return the day number ({@link LocalDate#toEpochDay()}), or {@link #NOT_A_DATE}
     */
    long parse(String s) {
        long day;
        if (kinds != null) {
            day = parseParts(s);
        } else if (formatter != null) {
            day = parseFormatter(s);
        } else {
            return parseIso(s);
        }
        return day == NOT_A_DATE && isoToo ? parseIso(s) : day;
    }

    /** {@return the expected format, for messages: the pattern, or "yyyy-MM-dd (ISO)"} */
    String expected() {
        return pattern == null ? "yyyy-MM-dd (ISO)" : pattern;
    }

    /** {@return true when the ISO format is in use (no pattern, or the pattern yyyy-MM-dd)} */
    boolean isIso() {
        return pattern == null;
    }

    /**
     * Says why a text is not a date under this reader, as the end of a sentence that starts with the value:
     * {@code is not a calendar date (April has 30 days)} (31/04/2017), {@code is not a calendar date (2019 is not
     * a leap year)} (29/02/2019), {@code has month 13, but months run 1–12 (is the format day/month or
     * month/day?)} (the question only when the numbers swapped would fit), {@code has day 32, but days run 1–31},
     * {@code has text after the date ("25:00") that is not a time of day such as 14:30 ...}, or {@code is not in
     * the format dd/MM/yyyy (day/month/year)}, followed by {@code ; it looks like yyyy/MM/dd} (or {@code ; it
     * looks like dd/MM/yy or MM/dd/yy}) when the text has another layout that {@link DateFormats.Detector} knows.
     * An ISO text's calendar is checked too, as ISO is accepted under any pattern. Not for the hot path: it
     * allocates.
     *
     * @param s the trimmed text
     * @return the reason, or null when the text is a date
     */
    String whyNot(String s) {
        if (parse(s) != NOT_A_DATE) {
            return null;
        }
        int[] f = new int[4];
        if (kinds != null) {
            int end = scanParts(s, f);
            if (end >= 0) {
                String why = fieldsWhy(f[0], f[1], f[2], f[3] == 1);
                if (why != null) {
                    return why;
                }
                if (end < s.length()) {
                    return timeWhy(s, end);
                }
            }
        }
        if (kinds == null && formatter == null || isoToo) {
            int end = scanIso(s, f);
            if (end >= 0) {
                String why = fieldsWhy(f[0], f[1], f[2], false);
                if (why != null) {
                    return why;
                }
                if (end < s.length()) {
                    return timeWhy(s, end);
                }
            }
        }
        String why = "is not in the format " + DateFormats.describe(pattern);
        DateFormats.Shape shape = new DateFormats.Shape();
        int kind = DateFormats.classify(s, shape);
        if (kind > DateFormats.NONE) {
            String like = shape.pattern(true);
            if (kind == DateFormats.NUMBERS) {
                int orders = shape.orders();
                like = orders == 1 ? like : orders == 2 ? shape.pattern(false) : like + " or " + shape.pattern(false);
            }
            if (!like.equals(pattern) && !(pattern == null && kind == DateFormats.ISO)) {
                why += "; it looks like " + like;
            }
        }
        return why;
    }

    private static String fieldsWhy(int day, int month, int year, boolean numbersFirst) {
        if (month < 1 || month > 12) {
            boolean swapped = numbersFirst && month > 12 && month <= 31 && day >= 1 && day <= 12;
            return "has month " + month + ", but months run 1–12"
                    + (swapped ? " (is the format day/month or month/day?)" : "");
        }
        if (day < 1 || day > 31) {
            return "has day " + day + ", but days run 1–31";
        }
        int length = lengthOfMonth(year, month);
        if (day <= length) {
            return null;
        }
        if (month == 2) {
            return "is not a calendar date (" + (day == 29 ? year + " is not a leap year" : "February " + year
                    + " has " + length + " days") + ")";
        }
        return "is not a calendar date (" + DateFormats.monthName(month) + " has " + length + " days)";
    }

    private static String timeWhy(String s, int end) {
        return "has text after the date (\"" + s.substring(end).strip() + "\") that is not a time of day such as "
                + "14:30 or 14:30:00 (a time after the date is accepted and ignored)";
    }

    private long parseFormatter(String s) {
        try {
            return formatter.parse(s, LocalDate::from).toEpochDay();
        } catch (DateTimeException e) {
            return NOT_A_DATE;
        }
    }

    private long parseParts(String s) {
        int n = s.length();
        int pos = 0;
        int day = 0;
        int month = 0;
        int year = 0;
        for (int k = 0; k < kinds.length; k++) {
            char kind = kinds[k];
            if (kind == DateFormats.TEXT) {
                String t = texts[k];
                if (!s.regionMatches(true, pos, t, 0, t.length())) {
                    return NOT_A_DATE;
                }
                pos += t.length();
            } else if (kind == DateFormats.MONTH_NAME) {
                int e = pos;
                while (e < n && DateFormats.isLetter(s.charAt(e))) {
                    e++;
                }
                month = DateFormats.month(s, pos, e);
                if (month < 0) {
                    return NOT_A_DATE;
                }
                pos = e;
            } else {
                int max = maxDigits[k];
                int e = pos;
                int v = 0;
                while (e < n && e - pos < max) {
                    char c = s.charAt(e);
                    if (c < '0' || c > '9') {
                        break;
                    }
                    v = v * 10 + (c - '0');
                    e++;
                }
                if (e - pos < minDigits[k]) {
                    return NOT_A_DATE;
                }
                pos = e;
                if (kind == DateFormats.DAY) {
                    day = v;
                } else if (kind == DateFormats.MONTH) {
                    month = v;
                } else {
                    year = max == 2 ? fullYear(v) : v;
                }
            }
        }
        if (pos != n && !endOrTime(s, pos)) {
            return NOT_A_DATE;
        }
        return epochDay(year, month, day);
    }

    /**
     * Reads a text by the parts without checking the calendar, for {@link #whyNot}.
     *
     * @param s   the text
     * @param out day, month, year and 1 when the pattern has two numbers with day and month first
     * @return the end of the date (where a time of day may follow), or -1 when the text does not have the layout
     */
    private int scanParts(String s, int[] out) {
        int n = s.length();
        int pos = 0;
        int numbers = 0;
        boolean dayMonthFirst = false;
        for (int k = 0; k < kinds.length; k++) {
            char kind = kinds[k];
            if (kind == DateFormats.TEXT) {
                String t = texts[k];
                if (!s.regionMatches(true, pos, t, 0, t.length())) {
                    return -1;
                }
                pos += t.length();
            } else if (kind == DateFormats.MONTH_NAME) {
                int e = pos;
                while (e < n && DateFormats.isLetter(s.charAt(e))) {
                    e++;
                }
                out[1] = DateFormats.month(s, pos, e);
                if (out[1] < 0) {
                    return -1;
                }
                pos = e;
            } else {
                int e = pos;
                while (e < n && e - pos < maxDigits[k] && s.charAt(e) >= '0' && s.charAt(e) <= '9') {
                    e++;
                }
                if (e - pos < minDigits[k]) {
                    return -1;
                }
                int v = digits(s, pos, e);
                pos = e;
                if (kind == DateFormats.DAY) {
                    out[0] = v;
                } else if (kind == DateFormats.MONTH) {
                    out[1] = v;
                } else {
                    out[2] = maxDigits[k] == 2 ? fullYear(v) : v;
                }
                if (numbers == 0 && kind != DateFormats.YEAR && k + 2 < kinds.length) {
                    dayMonthFirst = kinds[k + 1] == DateFormats.TEXT
                            && (kinds[k + 2] == DateFormats.DAY || kinds[k + 2] == DateFormats.MONTH);
                }
                numbers++;
            }
        }
        out[3] = dayMonthFirst ? 1 : 0;
        if (pos < n && s.charAt(pos) != ' ' && s.charAt(pos) != 'T') {
            return -1;
        }
        return pos;
    }

    private static int scanIso(String s, int[] out) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return -1;
        }
        out[2] = digits(s, 0, 4);
        out[1] = digits(s, 5, 7);
        out[0] = digits(s, 8, 10);
        if (out[0] < 0 || out[1] < 0 || out[2] < 0 || n > 10 && s.charAt(10) != 'T' && s.charAt(10) != ' ') {
            return -1;
        }
        return 10;
    }

    private int fullYear(int twoDigits) {
        return twoDigitYearStart + Math.floorMod(twoDigits - twoDigitYearStart, 100);
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
        if (year < 0 || month < 0 || day < 0 || n > 10 && !endOrTime(s, 10)) {
            return NOT_A_DATE;
        }
        return epochDay(year, month, day);
    }

    /**
     * Suggests a pattern for a text that is not an ISO date, for the error message: day first unless only month
     * first fits ({@code 12/31/20} → {@code MM/dd/yy}); also {@code dd-MMM-yyyy}, {@code yyyy/MM/dd} and
     * {@code yyyyMMdd} layouts.
     *
     * @param s the trimmed text
     * @return a pattern such as {@code dd/MM/yyyy}, or null when no guess fits
     */
    static String guessPattern(String s) {
        DateFormats.Shape shape = new DateFormats.Shape();
        int kind = DateFormats.classify(s, shape);
        if (kind == DateFormats.NUMBERS) {
            return shape.pattern(shape.orders() != 2);
        }
        return kind > DateFormats.NONE ? shape.pattern(true) : null;
    }

    /**
     * Tells whether a text ends at a position, or continues with a time of day: a space or {@code T}, then
     * {@code H:mm} or {@code HH:mm}, optionally {@code :ss} and a fraction {@code .f} (1–9 digits), optionally
     * a space and {@code AM} or {@code PM} (any case; then the hour is 1–12).
     *
     * @param s   the text
     * @param pos the end of the date
     * @return true when nothing, or a valid time of day, follows
     */
    static boolean endOrTime(String s, int pos) {
        int n = s.length();
        if (pos == n) {
            return true;
        }
        char sep = s.charAt(pos);
        if (sep != 'T' && sep != ' ') {
            return false;
        }
        int p = pos + 1;
        int h = p;
        while (h < n && h - p < 2 && isDigit(s.charAt(h))) {
            h++;
        }
        if (h == p || h + 3 > n || s.charAt(h) != ':') {
            return false;
        }
        int hour = digits(s, p, h);
        int minute = digits(s, h + 1, h + 3);
        if (minute < 0 || minute > 59) {
            return false;
        }
        p = h + 3;
        if (p < n && s.charAt(p) == ':') {
            int second = p + 3 <= n ? digits(s, p + 1, p + 3) : -1;
            if (second < 0 || second > 59) {
                return false;
            }
            p += 3;
            if (p < n && s.charAt(p) == '.') {
                int q = p + 1;
                while (q < n && isDigit(s.charAt(q))) {
                    q++;
                }
                if (q == p + 1 || q - p - 1 > 9) {
                    return false;
                }
                p = q;
            }
        }
        if (p == n) {
            return hour <= 23;
        }
        if (p + 3 == n && s.charAt(p) == ' ' && (s.charAt(p + 2) | 0x20) == 'm') {
            char ap = (char) (s.charAt(p + 1) | 0x20);
            return (ap == 'a' || ap == 'p') && hour >= 1 && hour <= 12;
        }
        return false;
    }

    /**
     * {@return the day number of a date, or NOT_A_DATE when it is not a calendar date}
     *
     * @param year  the proleptic year
     * @param month the month, checked to be 1–12
     * @param day   the day, checked against the month's length
     */
    static long epochDay(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return NOT_A_DATE;
        }
        return LocalDate.of(year, month, day).toEpochDay();
    }

    /**
     * {@return the number of days in a month of the proleptic Gregorian calendar}
     *
     * @param year  the year
     * @param month the month 1–12
     */
    static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isNumber(DateFormats.Part p) {
        return p.kind() == DateFormats.DAY || p.kind() == DateFormats.MONTH || p.kind() == DateFormats.YEAR;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@return the number written in s[from, to), or -1 when that is empty or not all digits} */
    static int digits(String s, int from, int to) {
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

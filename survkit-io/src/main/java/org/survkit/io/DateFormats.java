package org.survkit.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date formats as people write them, and the format of a date column guessed from its values.
 *
 * <p>{@link #pattern(String)} turns a format written the way Excel, SPSS or a spreadsheet user writes it
 * ({@code dd/mm/yyyy}, {@code DD.MM.YYYY}, {@code dd-mon-yyyy}, {@code ADATE10}) into the {@link
 * java.time.format.DateTimeFormatter} pattern that {@code DateReader} reads ({@code dd/MM/yyyy}, ...);
 * {@link #describe(String)} puts such a pattern into words for messages; {@link Detector} chooses the pattern of
 * a column when none was given.
 *
 * <p>What the patterns mean when read (by {@code DateReader}):
 * <ul>
 * <li>{@code d} / {@code dd} day, {@code M} / {@code MM} month number: one or two digits when no other number is
 * directly before or after ({@code dd/MM/yyyy} reads {@code 3/4/2017} too); exactly two digits otherwise
 * ({@code yyyyMMdd}).</li>
 * <li>{@code MMM} / {@code MMMM} English month names in any case; both read abbreviations ({@code Mar},
 * {@code Sept}) and full names ({@code March}).</li>
 * <li>{@code yyyy} (or {@code uuuu}) a four-digit year, read as the proleptic year; {@code yy} a two-digit year,
 * placed in the 100 years from 80 years before the current year (so in 2025: 45 → 1945, 44 → 2044; the rule of
 * {@code java.text.SimpleDateFormat}; SPSS's automatic range is 69 years before to 30 after, Excel's 1930–2029).
 * The wider past suits birth and diagnosis dates of older patients.</li>
 * <li>A time of day after the date (a space or {@code T}, then {@code H:mm}, {@code HH:mm:ss}, optionally with
 * a fraction of a second or AM/PM) is accepted and ignored: follow-up is counted in whole days.</li>
 * <li>Strict calendar: no 31 April, no 29 February outside leap years.</li>
 * <li>An ISO {@code yyyy-MM-dd} text is read whatever the pattern (it is unambiguous, and Excel date cells reach
 * the reader as ISO text by some paths), unless the pattern itself starts with {@code yyyy-}.</li>
 * </ul>
 *
 * <p>Thread-safe except {@link Detector}, which is fed by one thread.
 */
public final class DateFormats {

    /** A part of a format: a day. */
    static final char DAY = 'd';
    /** A part of a format: a month number. */
    static final char MONTH = 'M';
    /** A part of a format: a month name (width 3 abbreviated, 4 full). */
    static final char MONTH_NAME = 'N';
    /** A part of a format: a year (width 2 or 4). */
    static final char YEAR = 'y';
    /** A part of a format: literal text. */
    static final char TEXT = '\'';

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private static final Pattern SPSS = Pattern.compile("(A|E|S)?DATE(\\d{1,2})?(\\.0)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPSS_OTHER = Pattern.compile(
            "(JDATE|DATETIME|YMDHMS|QYR|MOYR|WKYR|WKDAY|DTIME|MTIME|TIME|[A-Z]*DATE[A-Z]*)(\\d{1,2})?(\\.\\d+)?",
            Pattern.CASE_INSENSITIVE);

    private DateFormats() {
    }

    /**
     * One element of a format.
     *
     * @param kind   {@link #DAY}, {@link #MONTH}, {@link #MONTH_NAME}, {@link #YEAR} or {@link #TEXT}
     * @param width  the number of pattern letters (day and month 1 or 2, month name 3 or 4, year 2 or 4)
     * @param letter the pattern letter written out ({@code y} or {@code u} for years)
     * @param text   the literal text of a {@link #TEXT} part, else null
     */
    record Part(char kind, int width, char letter, String text) {
    }

    /**
     * Turns a date format as a user writes it into the strict {@code java.time} pattern that the reader uses.
     *
     * <p>Case does not matter and {@code m} is the month (a date format has no time of day, so there are no
     * minutes): {@code dd/mm/yyyy} → {@code dd/MM/yyyy}, {@code DD.MM.YYYY} → {@code dd.MM.yyyy},
     * {@code yyyy-mm-dd} → {@code yyyy-MM-dd}, {@code d/m/yy} → {@code d/M/yy}, {@code mm/dd/yyyy} →
     * {@code MM/dd/yyyy}, {@code yyyymmdd} → {@code yyyyMMdd}. Month names: {@code mmm} or {@code MON} →
     * {@code MMM} ({@code dd-mmm-yyyy}, {@code DD-MON-YYYY} → {@code dd-MMM-yyyy}), {@code mmmm} or
     * {@code MONTH} → {@code MMMM}. A single {@code y} or {@code yyy} is a four-digit year; {@code D}
     * (day-of-year in java.time) and {@code Y} (week-based year) are read as day and year, as users mean them.
     * Patterns already written in java.time letters come back unchanged ({@code dd/MM/yyyy}, {@code d.M.uuuu},
     * {@code dd MMM yyyy}). Quoted text ({@code '...'} or {@code "..."}), {@code \}-escapes, Excel's
     * {@code [$-409]} locale prefixes and anything after a {@code ;} (Excel's further sections, as in
     * {@code m/d/yyyy;@}) are understood.
     *
     * <p>SPSS format names, case-insensitive, with the widths SPSS uses: {@code DATE9}/{@code DATE10} →
     * {@code dd-MMM-yy}, {@code DATE11} and wider or {@code DATE} → {@code dd-MMM-yyyy}; {@code ADATE8}/
     * {@code ADATE9} → {@code MM/dd/yy}, {@code ADATE10} or {@code ADATE} → {@code MM/dd/yyyy}; {@code EDATE}
     * (European) → {@code dd.MM.yy} / {@code dd.MM.yyyy}; {@code SDATE} (sortable) → {@code yy/MM/dd} /
     * {@code yyyy/MM/dd}. Other SPSS formats (JDATE, DATETIME, MOYR, ...) are refused.
     *
     * @param userFormat the format as given, or null
     * @return the pattern, or null when {@code userFormat} is null or blank (no format given: ISO, or detect)
     * @throws InputException naming the format, what is wrong and examples, when the format has letters that are
     *                        not day, month or year (such as {@code dd/qq/yyyy}), a time of day, no day, month
     *                        or year, or one of them twice
     */
    public static String pattern(String userFormat) {
        if (userFormat == null || userFormat.isBlank()) {
            return null;
        }
        return toPattern(parts(userFormat));
    }

    /**
     * Puts a pattern into words for messages: {@code dd/MM/yyyy} → {@code "dd/MM/yyyy (day/month/year)"},
     * {@code MM/dd/yy} → {@code "MM/dd/yy (month/day/2-digit year)"}, {@code dd-MMM-yyyy} →
     * {@code "dd-MMM-yyyy (day/month name/year)"}, {@code yyyy-MM-dd} or null → {@code "yyyy-MM-dd (ISO)"}.
     * A format as a user writes it is described by its pattern ({@code dd/mm/yyyy} → {@code "dd/MM/yyyy
     * (day/month/year)"}); a pattern this class cannot read comes back as it is.
     *
     * @param javaPattern the pattern, or null for ISO
     * @return the description
     */
    public static String describe(String javaPattern) {
        if (javaPattern == null) {
            return "yyyy-MM-dd (ISO)";
        }
        List<Part> parts;
        try {
            parts = parts(javaPattern);
        } catch (InputException e) {
            return javaPattern;
        }
        String pattern = toPattern(parts);
        if (isIso(pattern)) {
            return "yyyy-MM-dd (ISO)";
        }
        StringBuilder words = new StringBuilder();
        for (Part p : parts) {
            if (p.kind() == TEXT) {
                continue;
            }
            if (words.length() > 0) {
                words.append('/');
            }
            words.append(switch (p.kind()) {
                case DAY -> "day";
                case MONTH -> "month";
                case MONTH_NAME -> "month name";
                default -> p.width() == 2 ? "2-digit year" : "year";
            });
        }
        return pattern + " (" + words + ")";
    }

    /** {@return true for the ISO pattern yyyy-MM-dd (or uuuu-MM-dd)} */
    static boolean isIso(String pattern) {
        return "yyyy-MM-dd".equals(pattern) || "uuuu-MM-dd".equals(pattern);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Formats to parts

    /**
     * Reads a format (as a user writes it, a java.time pattern or an SPSS name) into its parts.
     *
     * @param format the format, not blank
     * @return the parts: exactly one day, one month (number or name) and one year, with literal text between
     * @throws InputException when the format cannot be read
     */
    static List<Part> parts(String format) {
        String f = format.strip();
        String spss = spss(format, f);
        if (spss != null) {
            f = spss;
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int n = f.length();
        int i = 0;
        while (i < n) {
            char c = f.charAt(i);
            if (c == '\'' || c == '"') {
                int close = f.indexOf(c, i + 1);
                if (c == '\'' && close == i + 1) {
                    text.append('\'');
                    i += 2;
                    continue;
                }
                StringBuilder quoted = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw invalid(format, "the quote " + c + " opened at character " + (i + 1)
                                + " is not closed");
                    }
                    if (f.charAt(j) == c) {
                        if (c == '\'' && j + 1 < n && f.charAt(j + 1) == '\'') {
                            quoted.append('\'');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    quoted.append(f.charAt(j++));
                }
                text.append(quoted);
                i = j + 1;
            } else if (c == '\\') {
                if (i + 1 < n) {
                    text.append(f.charAt(i + 1));
                }
                i += 2;
            } else if (c == '[') {
                int close = f.indexOf(']', i);
                if (close < 0 || close == i + 1 || f.charAt(i + 1) != '$') {
                    throw invalid(format, "\"" + f.substring(i, close < 0 ? n : close + 1) + "\" is not part of a "
                            + "date (only Excel's locale prefix such as [$-409] may be written in brackets)");
                }
                i = close + 1;
            } else if (c == ';') {
                break;
            } else if (isLetter(c)) {
                int j = i;
                while (j < n && isLetter(f.charAt(j))) {
                    j++;
                }
                flush(text, parts);
                letters(format, f.substring(i, j), parts);
                i = j;
            } else if (c >= '0' && c <= '9') {
                throw invalid(format, "it has the digit " + c + ", but a format is written with letters (d, m, y)"
                        + " and separators, not with numbers");
            } else if (c == '{' || c == '}' || c == '#' || c == ']' || c == '@') {
                throw invalid(format, "the character " + c + " is not part of a date");
            } else {
                text.append(c);
                i++;
            }
        }
        flush(text, parts);
        check(format, parts);
        return parts;
    }

    private static String spss(String format, String f) {
        Matcher m = SPSS.matcher(f);
        if (m.matches()) {
            String kind = m.group(1) == null ? "" : m.group(1).toUpperCase(Locale.ROOT);
            int min = kind.isEmpty() ? 9 : 8;
            int four = kind.isEmpty() ? 11 : 10;
            int width = m.group(2) == null ? four : Integer.parseInt(m.group(2));
            if (width < min) {
                throw invalid(format, "SPSS's " + kind + "DATE format is at least " + min + " characters wide ("
                        + kind + "DATE" + min + " with a two-digit year, " + kind + "DATE" + four + " with four)");
            }
            String year = width >= four ? "yyyy" : "yy";
            return switch (kind) {
                case "A" -> "MM/dd/" + year;
                case "E" -> "dd.MM." + year;
                case "S" -> year + "/MM/dd";
                default -> "dd-MMM-" + year;
            };
        }
        if (SPSS_OTHER.matcher(f).matches()) {
            throw invalid(format, f.toUpperCase(Locale.ROOT) + " is not one of the SPSS date formats survkit reads "
                    + "(day, month and year): DATE (dd-mmm-yyyy), ADATE (mm/dd/yyyy), EDATE (dd.mm.yyyy) and SDATE "
                    + "(yyyy/mm/dd)");
        }
        return null;
    }

    private static void letters(String format, String run, List<Part> parts) {
        String lower = run.toLowerCase(Locale.ROOT);
        int p = 0;
        while (p < lower.length()) {
            if (lower.startsWith("month", p)) {
                parts.add(new Part(MONTH_NAME, 4, 'M', null));
                p += 5;
                continue;
            }
            if (lower.startsWith("mon", p)) {
                parts.add(new Part(MONTH_NAME, 3, 'M', null));
                p += 3;
                continue;
            }
            char c = lower.charAt(p);
            int e = p;
            while (e < lower.length() && lower.charAt(e) == c) {
                e++;
            }
            int k = e - p;
            String written = run.substring(p, e);
            switch (c) {
                case 'd' -> {
                    if (k > 2) {
                        throw invalid(format, written + " is a weekday name, which cannot be read; write the day "
                                + "of the month as d or dd");
                    }
                    parts.add(new Part(DAY, k, 'd', null));
                }
                case 'm' -> {
                    if (k > 4) {
                        throw invalid(format, written + " (the first letter of the month) cannot be read back "
                                + "into a date; write the month as mm, mmm (Mar) or mmmm (March)");
                    }
                    parts.add(k <= 2 ? new Part(MONTH, k, 'M', null) : new Part(MONTH_NAME, k, 'M', null));
                }
                case 'y', 'u' -> {
                    if (k > 4) {
                        throw invalid(format, written + " has too many letters; write the year as yyyy (2017) or "
                                + "yy (17)");
                    }
                    parts.add(new Part(YEAR, k == 2 ? 2 : 4, c == 'u' ? 'u' : 'y', null));
                }
                case 'h', 'k', 's', 'a', 'n' -> throw invalid(format, "it has a time of day (" + written
                        + "), but survkit reads dates only: write just the date part (a time after the date in the "
                        + "data is accepted and ignored)");
                case 'e' -> throw invalid(format, written + " is a weekday name, which cannot be read");
                default -> throw invalid(format, "the letter " + run.charAt(p) + " is not a date part (d is the "
                        + "day, m the month, y the year)");
            }
            p = e;
        }
    }

    private static void flush(StringBuilder text, List<Part> parts) {
        if (text.length() > 0) {
            parts.add(new Part(TEXT, text.length(), TEXT, text.toString()));
            text.setLength(0);
        }
    }

    private static void check(String format, List<Part> parts) {
        int days = 0;
        int months = 0;
        int years = 0;
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            switch (p.kind()) {
                case DAY -> days++;
                case MONTH, MONTH_NAME -> months++;
                case YEAR -> years++;
                default -> {
                }
            }
            Part next = i + 1 < parts.size() ? parts.get(i + 1) : null;
            if (next != null && isNumber(p) && isNumber(next) && (p.width() == 1 || next.width() == 1)) {
                throw invalid(format, "without a separator between them, the day and the month need two letters "
                        + "each (dd, mm), as in yyyymmdd");
            }
        }
        String missing = days == 0 ? "day" : months == 0 ? "month" : years == 0 ? "year" : null;
        if (missing != null) {
            throw invalid(format, "it has no " + missing + "; follow-up is counted from full dates (day, month "
                    + "and year)");
        }
        String twice = days > 1 ? "day" : months > 1 ? "month" : years > 1 ? "year" : null;
        if (twice != null) {
            throw invalid(format, "it has the " + twice + " more than once");
        }
    }

    private static boolean isNumber(Part p) {
        return p.kind() == DAY || p.kind() == MONTH || p.kind() == YEAR;
    }

    /** {@return the java.time pattern of parts} */
    static String toPattern(List<Part> parts) {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            switch (p.kind()) {
                case TEXT -> b.append(quote(p.text()));
                case MONTH_NAME -> b.append(p.width() == 3 ? "MMM" : "MMMM");
                default -> b.append(String.valueOf(p.letter()).repeat(p.width()));
            }
        }
        return b.toString();
    }

    private static String quote(String text) {
        if ("'".equals(text)) {
            return "''";
        }
        StringBuilder b = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean special = isLetter(c) || c == '\'' || c == '[' || c == ']' || c == '{' || c == '}' || c == '#'
                    || c == '"' || c == '\\' || c == ';' || c == '@' || c >= '0' && c <= '9';
            if (special != open) {
                b.append('\'');
                open = special;
            }
            b.append(c == '\'' ? "''" : String.valueOf(c));
        }
        return open ? b.append('\'').toString() : b.toString();
    }

    private static InputException invalid(String format, String what) {
        return new InputException("The date format \"" + format + "\" is not a valid pattern: " + what + ". Give "
                + OptionNames.DATE_FORMAT + " as the dates are written, with d for the day, m for the month (mmm "
                + "for names such as Mar) and yy or yyyy for the year, in any case: for example dd/mm/yyyy, "
                + "mm/dd/yyyy, d.m.yyyy, yyyy-mm-dd, dd-mmm-yyyy or yyyymmdd, or an SPSS format such as DATE11, "
                + "ADATE10 or EDATE10.");
    }

    static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    // ---------------------------------------------------------------------------------------------------------
    // Month names

    /**
     * Reads an English month name, in any case: the three-letter abbreviation, {@code Sept} or the full name.
     *
     * @param s    the text
     * @param from the first character of the name
     * @param to   the end of the name (exclusive)
     * @return the month 1–12, or -1
     */
    static int month(String s, int from, int to) {
        int len = to - from;
        if (len < 3) {
            return -1;
        }
        for (int m = 0; m < 12; m++) {
            String name = MONTHS[m];
            if (s.regionMatches(true, from, name, 0, 3)
                    && (len == 3 || len == name.length() && s.regionMatches(true, from, name, 0, len)
                    || m == 8 && len == 4 && (s.charAt(from + 3) | 0x20) == 't')) {
                return m + 1;
            }
        }
        return -1;
    }

    /**
     * {@return the English name of a month}
     *
     * @param month 1–12
     */
    static String monthName(int month) {
        return MONTHS[month - 1];
    }

    // ---------------------------------------------------------------------------------------------------------
    // The shape of one value

    /** Shape kinds: a value to skip (a plain number: an Excel serial, or a code), handled elsewhere. */
    static final int IGNORED = 0;
    /** Shape kind: fits no known layout. */
    static final int NONE = 1;
    /** Shape kind: ISO {@code yyyy-MM-dd}, with or without a time. */
    static final int ISO = 2;
    /** Shape kind: year first with a separator, not strict ISO ({@code 2017/03/25}, {@code 2017-3-25}). */
    static final int YMD = 3;
    /** Shape kind: two numbers then the year ({@code 25/03/2017}, {@code 3.4.17}): day or month first. */
    static final int NUMBERS = 4;
    /** Shape kind: day, month name, year ({@code 25-Mar-2017}, {@code 3 March 2017}). */
    static final int NAMED = 5;
    /** Shape kind: eight digits {@code yyyyMMdd} forming a valid date of 1800–2199. */
    static final int COMPACT = 6;

    /** What one value looks like; reused from value to value so that detection allocates nothing per row. */
    static final class Shape {
        int kind;
        /** First number (the day of NAMED, the year of ISO/YMD/COMPACT). */
        int a;
        /** Second number (the month of NAMED, ISO, YMD, COMPACT). */
        int b;
        /** Third number (the year of NUMBERS and NAMED, the day of ISO/YMD/COMPACT). */
        int c;
        char sep1;
        char sep2;
        int yearDigits;
        /** 3 for an abbreviated month name, 4 for a full one. */
        int nameWidth;

        /** {@return the pattern of this shape; for NUMBERS day first or month first} */
        String pattern(boolean dayFirst) {
            String year = yearDigits == 2 ? "yy" : "yyyy";
            return switch (kind) {
                case ISO -> "yyyy-MM-dd";
                case YMD -> sep1 == '-' ? "yyyy-M-d" : "yyyy" + sep1 + "MM" + sep1 + "dd";
                case NUMBERS -> dayFirst ? "dd" + sep1 + "MM" + sep1 + year : "MM" + sep1 + "dd" + sep1 + year;
                case NAMED -> "dd" + sep1 + (nameWidth == 3 ? "MMM" : "MMMM") + sep2 + year;
                case COMPACT -> "yyyyMMdd";
                default -> null;
            };
        }

        /** {@return for NUMBERS: 1 day first only, 2 month first only, 3 either, 0 neither} */
        int orders() {
            boolean dayFirst = a >= 1 && a <= 31 && b >= 1 && b <= 12;
            boolean monthFirst = a >= 1 && a <= 12 && b >= 1 && b <= 31;
            return (dayFirst ? 1 : 0) | (monthFirst ? 2 : 0);
        }

        /** {@return a key for the separators and year width of NUMBERS: values of one layout share it} */
        int family() {
            return sep1 * 8 + yearDigits;
        }
    }

    /**
     * Classifies a trimmed value by its layout (not checking the calendar beyond month 1–12 and day 1–31, except
     * for eight-digit numbers, which must be valid dates of 1800–2199 to count as {@code yyyyMMdd}).
     *
     * @param s   the trimmed text
     * @param out the shape to fill
     * @return {@code out.kind}
     */
    static int classify(String s, Shape out) {
        out.kind = NONE;
        int n = s.length();
        if (n == 0) {
            return out.kind = IGNORED;
        }
        int digits = 0;
        int dots = 0;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digits++;
            } else if (ch == '.') {
                dots++;
            } else {
                break;
            }
        }
        if (digits + dots == n && dots <= 1) {
            if (n == 8 && dots == 0) {
                int y = DateReader.digits(s, 0, 4);
                int m = DateReader.digits(s, 4, 6);
                int d = DateReader.digits(s, 6, 8);
                if (y >= 1800 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= DateReader.lengthOfMonth(y, m)) {
                    out.a = y;
                    out.b = m;
                    out.c = d;
                    return out.kind = COMPACT;
                }
            }
            return out.kind = IGNORED;
        }
        int p = run(s, 0);
        int la = p;
        if (la == 0 || p >= n) {
            return NONE;
        }
        int a = DateReader.digits(s, 0, p);
        char s1 = s.charAt(p);
        if (la == 4 && (s1 == '-' || s1 == '/' || s1 == '.')) {
            int q = run(s, p + 1);
            int lb = q - p - 1;
            if (lb < 1 || lb > 2 || q >= n || s.charAt(q) != s1) {
                return NONE;
            }
            int r = run(s, q + 1);
            int lc = r - q - 1;
            if (lc < 1 || lc > 2 || !DateReader.endOrTime(s, r)) {
                return NONE;
            }
            out.a = a;
            out.b = DateReader.digits(s, p + 1, q);
            out.c = DateReader.digits(s, q + 1, r);
            out.sep1 = s1;
            out.sep2 = s1;
            out.yearDigits = 4;
            if (out.b < 1 || out.b > 12 || out.c < 1 || out.c > 31) {
                return NONE;
            }
            return out.kind = s1 == '-' && lb == 2 && lc == 2 ? ISO : YMD;
        }
        if (la > 2 || s1 != '-' && s1 != '/' && s1 != '.' && s1 != ' ') {
            return NONE;
        }
        out.a = a;
        out.sep1 = s1;
        if (p + 1 < n && isLetter(s.charAt(p + 1))) {
            int q = p + 1;
            while (q < n && isLetter(s.charAt(q))) {
                q++;
            }
            int m = month(s, p + 1, q);
            if (m < 0 || q >= n) {
                return NONE;
            }
            char s2 = s.charAt(q);
            if (s2 != '-' && s2 != '/' && s2 != '.' && s2 != ' ') {
                return NONE;
            }
            int r = run(s, q + 1);
            int ly = r - q - 1;
            if (ly != 2 && ly != 4 || !DateReader.endOrTime(s, r) || a < 1 || a > 31) {
                return NONE;
            }
            out.b = m;
            out.c = DateReader.digits(s, q + 1, r);
            out.sep2 = s2;
            out.yearDigits = ly;
            out.nameWidth = q - p - 1 == 3 ? 3 : 4;
            return out.kind = NAMED;
        }
        if (s1 == ' ') {
            return NONE;
        }
        int q = run(s, p + 1);
        int lb = q - p - 1;
        if (lb < 1 || lb > 2 || q >= n || s.charAt(q) != s1) {
            return NONE;
        }
        int r = run(s, q + 1);
        int ly = r - q - 1;
        if (ly != 2 && ly != 4 || !DateReader.endOrTime(s, r)) {
            return NONE;
        }
        out.b = DateReader.digits(s, p + 1, q);
        out.c = DateReader.digits(s, q + 1, r);
        out.sep2 = s1;
        out.yearDigits = ly;
        return out.kind = out.orders() == 0 ? NONE : NUMBERS;
    }

    /** {@return the end of the run of digits starting at from} */
    private static int run(String s, int from) {
        int i = from;
        while (i < s.length() && i - from < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Detection

    /**
     * The outcome of {@link Detector}.
     *
     * @param pattern the pattern chosen ({@code yyyy-MM-dd} for ISO, {@code dd/MM/yyyy}, ...; give it to the
     *                reader), or null when none was chosen: then either {@code problem} says why, or the column
     *                held no text dates at all (only missing values or plain numbers, such as Excel serials) and
     *                ISO is as good as any
     * @param how     one sentence for the user on how the format was chosen, e.g. {@code dates read as dd/MM/yyyy
     *                (day/month/year): line 7 has 25/03/2017, which can only be day-first}; null when
     *                {@code problem} is set
     * @param problem why no format can be chosen (day-first and month-first both fit every value, naming a line;
     *                or no value follows a known layout, naming the first), ending with what to give; null when
     *                a format was chosen
     */
    public record Detection(String pattern, String how, String problem) {
    }

    /**
     * Chooses the format of a date column from its values, for when the user gave none.
     *
     * <p>Feed it the column's non-missing values, trimmed, in file order, with their line (or row) numbers, while
     * {@link #decided()} is false; then take {@link #result()}. Candidate layouts: ISO {@code yyyy-MM-dd} (also
     * as a date-time); year first with {@code /}, {@code .} or {@code -} ({@code yyyy/MM/dd}); two numbers and a
     * year with {@code /}, {@code .} or {@code -} and a two- or four-digit year, read day first ({@code
     * dd/MM/yyyy}) or month first ({@code MM/dd/yyyy}); day, English month name and year ({@code dd-MMM-yyyy},
     * {@code dd MMMM yyyy}); eight digits {@code yyyyMMdd} that form a valid date of 1800–2199.
     *
     * <p>The first value that fits a layout with one reading decides it, unless values with both readings came
     * before (then only a value with one reading in the day/month position decides: a first number above 12
     * means day first, a second number above 12 month first). A value whose first and second numbers are both at
     * most 12 fits both readings; when every such value has equal day and month (05/05/2017) the order does not
     * matter and day first is taken. Plain numbers (Excel serials, handled by the reader) are skipped. Values
     * that fit no layout do not stop detection when other values decide; they are reported per row when read.
     * A value with a day above 31 in a calendar sense (31/04/2017) still decides by its shape, so that it is
     * reported as "not a calendar date" later. Each value costs one pass over its characters and no allocation.
     */
    public static final class Detector {

        private final String lineWord;
        private final Shape shape = new Shape();
        private Detection decision;
        private int ambiguousLine = -1;
        private String ambiguousText;
        private final Shape ambiguous = new Shape();
        private int equalLine = -1;
        private String equalText;
        private final Shape equal = new Shape();
        private int unfitLine = -1;
        private String unfitText;

        /** Creates a detector whose messages speak of lines (of a text file). */
        public Detector() {
            this("line");
        }

        /**
         * Creates a detector.
         *
         * @param lineWord the word for a line number in messages: {@code "line"}, or {@code "row"} for Excel
         */
        public Detector(String lineWord) {
            this.lineWord = lineWord;
        }

        /**
         * Takes one value of the column.
         *
         * @param line        the value's line (or row) number, for messages
         * @param trimmedText the value, trimmed; missing values should not be fed (if they are, they count as
         *                    values that fit no layout)
         */
        public void accept(int line, String trimmedText) {
            if (decision != null || trimmedText == null) {
                return;
            }
            int kind = classify(trimmedText, shape);
            if (kind == IGNORED) {
                return;
            }
            if (kind == NONE) {
                if (unfitLine < 0) {
                    unfitLine = line;
                    unfitText = trimmedText;
                }
                return;
            }
            if (kind == NUMBERS) {
                int orders = shape.orders();
                if (orders == 3) {
                    if (shape.a == shape.b) {
                        if (equalLine < 0) {
                            equalLine = line;
                            equalText = trimmedText;
                            copy(shape, equal);
                        }
                    } else if (ambiguousLine < 0) {
                        ambiguousLine = line;
                        ambiguousText = trimmedText;
                        copy(shape, ambiguous);
                    }
                    return;
                }
                boolean dayFirst = orders == 1;
                String pattern = shape.pattern(dayFirst);
                decision = new Detection(pattern, "dates read as " + describe(pattern) + ": " + lineWord + " "
                        + line + " has " + trimmedText + ", which can only be " + (dayFirst ? "day" : "month")
                        + "-first" + window(shape), null);
                return;
            }
            if (ambiguousLine >= 0 || equalLine >= 0) {
                return; // an ISO (or other one-reading) value does not tell the order of the d/M values before
            }
            String pattern = shape.pattern(true);
            decision = new Detection(pattern, kind == ISO ? "dates read as ISO yyyy-MM-dd"
                    : "dates read as " + describe(pattern) + ", as on " + lineWord + " " + line + " ("
                    + trimmedText + ")" + window(shape), null);
        }

        /**
         * {@return whether some value fed had the shape of a date (one layout decided, or day/month undecided)}
         * False for a column of free text such as identifiers ("RMBC-01"), whose "no layout fits" is no problem
         * unless the column is meant to hold dates.
         */
        public boolean sawDateShape() {
            return decision != null || ambiguousLine >= 0 || equalLine >= 0;
        }

        /** {@return true once a value has decided the format: further values need not be fed} */
        public boolean decided() {
            return decision != null;
        }

        /** {@return the outcome, from the values fed so far} */
        public Detection result() {
            if (decision != null) {
                return decision;
            }
            if (ambiguousLine >= 0) {
                Shape s = ambiguous;
                String dm = s.pattern(true);
                String md = s.pattern(false);
                return new Detection(null, null, "column values such as " + ambiguousText + " (" + lineWord + " "
                        + ambiguousLine + ") fit both day/month/year (" + s.a + " " + monthName(s.b) + ") and "
                        + "month/day/year (" + s.b + " " + monthName(s.a) + "), and no date in the column decides "
                        + "it; give the format with " + OptionNames.DATE_FORMAT + " " + dm + " or " + md);
            }
            if (equalLine >= 0) {
                String pattern = equal.pattern(true);
                return new Detection(pattern, "dates read as " + describe(pattern) + ": every date has the same "
                        + "day and month number (such as " + equalText + ", " + lineWord + " " + equalLine + "), so "
                        + "the order does not matter" + window(equal), null);
            }
            if (unfitLine >= 0) {
                return new Detection(null, null, "no known date layout fits the column: \"" + unfitText + "\" ("
                        + lineWord + " " + unfitLine + ") is not written as yyyy-MM-dd, dd/MM/yyyy, MM/dd/yyyy, "
                        + "dd-MMM-yyyy or yyyyMMdd; give the format with " + OptionNames.DATE_FORMAT
                        + ", e.g. " + OptionNames.DATE_FORMAT + " dd/MM/yyyy");
            }
            return new Detection(null, "no dates written as text in the column; ISO yyyy-MM-dd assumed", null);
        }

        private static String window(Shape s) {
            if (s.yearDigits != 2) {
                return "";
            }
            int start = DateReader.defaultTwoDigitYearStart();
            return " (two-digit years read as " + start + "–" + (start + 99) + ")";
        }

        private static void copy(Shape from, Shape to) {
            to.kind = from.kind;
            to.a = from.a;
            to.b = from.b;
            to.c = from.c;
            to.sep1 = from.sep1;
            to.sep2 = from.sep2;
            to.yearDigits = from.yearDigits;
            to.nameWidth = from.nameWidth;
        }
    }
}

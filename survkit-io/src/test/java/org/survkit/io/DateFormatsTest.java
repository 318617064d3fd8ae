package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Date formats as users write them ({@link DateFormats#pattern}), their description, the reader's parsing and
 * reasons ({@link DateReader}) and the detection of a column's format ({@link DateFormats.Detector}).
 *
 * <p>Expected dates come from {@code java.time} (an independent implementation of the proleptic Gregorian
 * calendar) or from the calendar itself, as the comments say.
 */
class DateFormatsTest {

    /** Two-digit years in these tests fall in 1945–2044: a fixed window, so that they do not depend on the year. */
    private static final int START = 1945;

    private static long day(int year, int month, int dayOfMonth) {
        return LocalDate.of(year, month, dayOfMonth).toEpochDay();
    }

    // ----------------------------------------------------------------------------------------------------------
    // pattern()

    @Test
    void formatsAsUsersWriteThemBecomeJavaPatterns() {
        String[][] cases = {
            {"dd/mm/yyyy", "dd/MM/yyyy"}, {"DD/MM/YYYY", "dd/MM/yyyy"}, {"DD.MM.YYYY", "dd.MM.yyyy"},
            {"yyyy-mm-dd", "yyyy-MM-dd"}, {"YYYY-MM-DD", "yyyy-MM-dd"}, {"d/m/yy", "d/M/yy"},
            {"mm/dd/yyyy", "MM/dd/yyyy"}, {"MM/DD/YYYY", "MM/dd/yyyy"}, {"dd-mmm-yyyy", "dd-MMM-yyyy"},
            {"DD-MON-YYYY", "dd-MMM-yyyy"}, {"dd-Mon-yy", "dd-MMM-yy"}, {"dd mmmm yyyy", "dd MMMM yyyy"},
            {"d month yyyy", "d MMMM yyyy"}, {"yyyymmdd", "yyyyMMdd"}, {"YYYYMMDD", "yyyyMMdd"},
            {"dd.mm.yy", "dd.MM.yy"}, {"d.m.yyyy", "d.M.yyyy"}, {"yyyy/mm/dd", "yyyy/MM/dd"},
            {"  dd/mm/yyyy ", "dd/MM/yyyy"},
            // Excel's own codes: locale prefix, further sections, escapes and quoted text
            {"[$-409]m/d/yyyy;@", "M/d/yyyy"}, {"dd\\.mm\\.yyyy", "dd.MM.yyyy"},
            {"dd\"/\"mm\"/\"yyyy", "dd/MM/yyyy"},
            // a single y (or yyy) is a four-digit year
            {"d.m.y", "d.M.yyyy"},
            // text with letters is quoted in the java.time pattern
            {"dd 'de' mmmm 'de' yyyy", "dd 'de' MMMM 'de' yyyy"}, {"yyyy年mm月dd日", "yyyy年MM月dd日"},
        };
        for (String[] c : cases) {
            assertThat(DateFormats.pattern(c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void javaPatternsComeBackUnchangedAndPatternIsIdempotent() {
        for (String p : List.of("dd/MM/yyyy", "d.M.uuuu", "MM/dd/yy", "yyyy-MM-dd", "uuuuMMdd", "dd-MMM-yyyy",
                "d MMMM uuuu", "dd 'de' MMMM 'de' yyyy")) {
            assertThat(DateFormats.pattern(p)).as(p).isEqualTo(p);
        }
        for (String f : List.of("dd/mm/yyyy", "DD-MON-YY", "ADATE8", "[$-409]m/d/yyyy;@", "dd 'de' mmmm yyyy",
                "''dd''mm''yyyy")) {
            String once = DateFormats.pattern(f);
            assertThat(DateFormats.pattern(once)).as(f).isEqualTo(once);
        }
        assertThat(DateFormats.pattern(null)).isNull();
        assertThat(DateFormats.pattern("  ")).isNull();
    }

    @Test
    void spssFormatNames() {
        // SPSS Command Syntax Reference, "Date and time formats": DATE dd-mmm-yy(yy), ADATE mm/dd/yy(yy),
        // EDATE dd.mm.yy(yy), SDATE yy(yy)/mm/dd; widths below 11 (DATE) or 10 (others) show two-digit years
        String[][] cases = {
            {"DATE11", "dd-MMM-yyyy"}, {"date11", "dd-MMM-yyyy"}, {"DATE9", "dd-MMM-yy"}, {"DATE", "dd-MMM-yyyy"},
            {"ADATE10", "MM/dd/yyyy"}, {"ADATE8", "MM/dd/yy"}, {"adate", "MM/dd/yyyy"},
            {"EDATE10", "dd.MM.yyyy"}, {"EDATE8", "dd.MM.yy"}, {"EDATE", "dd.MM.yyyy"},
            {"SDATE10", "yyyy/MM/dd"}, {"SDATE8", "yy/MM/dd"}, {"SDATE", "yyyy/MM/dd"}, {"ADATE10.0", "MM/dd/yyyy"},
        };
        for (String[] c : cases) {
            assertThat(DateFormats.pattern(c[0])).as(c[0]).isEqualTo(c[1]);
        }
        assertThatThrownBy(() -> DateFormats.pattern("DATE8")).isInstanceOf(InputException.class)
                .hasMessageContaining("DATE9");
        assertThatThrownBy(() -> DateFormats.pattern("JDATE7")).isInstanceOf(InputException.class)
                .hasMessageContaining("JDATE7 is not one of the SPSS date formats survkit reads");
        assertThatThrownBy(() -> DateFormats.pattern("EUDATE")).isInstanceOf(InputException.class)
                .hasMessageContaining("EUDATE is not one of the SPSS date formats survkit reads");
        assertThatThrownBy(() -> DateFormats.pattern("DATETIME20")).isInstanceOf(InputException.class);
    }

    @Test
    void formatsThatCannotBeReadNameTheFormatWhatIsWrongAndExamples() {
        String[][] cases = {
            {"dd/qq/yyyy", "the letter q is not a date part"},
            {"dd/mm/yyyy hh:mm", "it has a time of day (hh)"},
            {"DD/MM/YYYY HH:MM:SS", "it has a time of day (HH)"},
            {"m/d/yyyy h:mm AM/PM", "it has a time of day (h)"},
            {"mm/yyyy", "it has no day"},
            {"dd/yyyy", "it has no month"},
            {"dd/mm", "it has no year"},
            {"dd/mm/yyyy/dd", "it has the day more than once"},
            {"yyyymd", "need two letters each"},
            {"dddd dd/mm/yyyy", "weekday name"},
            {"dd-mmmmm-yyyy", "first letter of the month"},
            {"dd/mm/20yy", "the digit 2"},
            {"dd/mm/yyyyy", "too many letters"},
            {"'dd/mm/yyyy", "is not closed"},
            {"[h]dd/mm/yyyy", "in brackets"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> DateFormats.pattern(c[0])).as(c[0]).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("The date format \"" + c[0] + "\" is not a valid pattern: ")
                    .hasMessageContaining(c[1])
                    .hasMessageContaining("--date-format")
                    .hasMessageContaining("dd/mm/yyyy, mm/dd/yyyy");
        }
    }

    @Test
    void describeInWords() {
        assertThat(DateFormats.describe("dd/MM/yyyy")).isEqualTo("dd/MM/yyyy (day/month/year)");
        assertThat(DateFormats.describe("MM/dd/yy")).isEqualTo("MM/dd/yy (month/day/2-digit year)");
        assertThat(DateFormats.describe("dd-MMM-yyyy")).isEqualTo("dd-MMM-yyyy (day/month name/year)");
        assertThat(DateFormats.describe("yyyyMMdd")).isEqualTo("yyyyMMdd (year/month/day)");
        assertThat(DateFormats.describe("dd.mm.yyyy")).isEqualTo("dd.MM.yyyy (day/month/year)");
        assertThat(DateFormats.describe("yyyy-MM-dd")).isEqualTo("yyyy-MM-dd (ISO)");
        assertThat(DateFormats.describe(null)).isEqualTo("yyyy-MM-dd (ISO)");
        assertThat(DateFormats.describe("EEE HH:mm")).isEqualTo("EEE HH:mm");
    }

    // ----------------------------------------------------------------------------------------------------------
    // DateReader

    /** The user formats of the round trip, and the SPSS names. */
    private static final List<String> FORMATS = List.of("dd/mm/yyyy", "DD.MM.YYYY", "yyyy-mm-dd", "d/m/yy",
            "mm/dd/yyyy", "dd-mmm-yyyy", "DD-MON-YYYY", "dd mmmm yyyy", "yyyymmdd", "dd.mm.yy", "d.M.uuuu",
            "M/d/yyyy", "yyyy/mm/dd", "ddmmyyyy", "d-mon-yy", "DATE11", "DATE9", "ADATE10", "ADATE8", "EDATE10",
            "SDATE10", "SDATE8");

    @Test
    void seededRandomDatesRoundTripThroughEveryFormat() {
        Random random = new Random(20250611L);
        String[] times = {"", "", "", "T10:30", " 23:59:59", " 9:05 PM", "T00:00:00.123"};
        for (String format : FORMATS) {
            String pattern = DateFormats.pattern(format);
            boolean twoDigits = pattern.contains("yy") && !pattern.contains("yyyy") && !pattern.contains("uuuu");
            // java.time writes the text (the oracle); 'yy' there writes the last two digits of the year
            DateTimeFormatter writer = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
            DateReader reader = DateReader.of(format, START);
            for (int i = 0; i < 2000; i++) {
                int year = twoDigits ? START + random.nextInt(100) : 1800 + random.nextInt(400);
                LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(Year.of(year).length()));
                String text = writer.format(date);
                text = switch (random.nextInt(3)) {
                    case 0 -> text.toUpperCase(Locale.ROOT);
                    case 1 -> text.toLowerCase(Locale.ROOT);
                    default -> text;
                };
                text += times[random.nextInt(times.length)];
                assertThat(reader.parse(text)).as(format + ": " + text).isEqualTo(date.toEpochDay());
                assertThat(reader.whyNot(text)).as(text).isNull();
            }
        }
    }

    @Test
    void agreesWithJavaTimeStrictParsingOnSeededRandomTexts() {
        // Whatever java.time (STRICT, year as proleptic year, two-digit years reduced from START) accepts, the hand
        // parser reads as the same day. What only the hand parser accepts must be a one-digit day or month before
        // a separator (zero-padded, java.time accepts it as the same day) or an ISO date.
        Random random = new Random(7L);
        String[] patterns = {"dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "dd-MM-yy", "yyyyMMdd", "yyyy/MM/dd"};
        char[] seps = {'/', '.', '-'};
        for (String pattern : patterns) {
            DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
            if (pattern.endsWith("-yy")) {
                builder.appendPattern(pattern.substring(0, pattern.length() - 2))
                        .appendValueReduced(ChronoField.YEAR, 2, 2, START);
            } else {
                builder.appendPattern(pattern.replace('y', 'u'));
            }
            DateTimeFormatter java = builder.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
            char sep = pattern.equals("yyyyMMdd") ? 0 : pattern.charAt(pattern.startsWith("yyyy") ? 4 : 2);
            DateReader reader = DateReader.of(pattern, START);
            int accepted = 0;
            for (int i = 0; i < 5000; i++) {
                StringBuilder b = new StringBuilder();
                for (int part = 0; part < 3; part++) {
                    int value;
                    int width;
                    if (random.nextBoolean()) { // year-like: mostly four digits
                        value = 1800 + random.nextInt(400);
                        width = new int[] {2, 4, 4, 4, 5}[random.nextInt(5)];
                        value = width == 2 ? value % 100 : value;
                    } else { // day- or month-like, padded to 1-3 digits
                        value = random.nextInt(40);
                        width = new int[] {1, 2, 2, 2, 3}[random.nextInt(5)];
                    }
                    b.append(String.format("%0" + width + "d", value));
                    if (part < 2 && sep != 0 && random.nextInt(10) > 0) {
                        b.append(random.nextInt(8) > 0 ? sep : seps[random.nextInt(3)]);
                    }
                }
                String text = b.toString();
                long mine = reader.parse(text);
                Long theirs = javaParse(java, text);
                if (theirs != null) {
                    accepted++;
                    assertThat(mine).as(pattern + ": " + text).isEqualTo(theirs);
                } else if (mine != DateReader.NOT_A_DATE) {
                    Long again = sep == 0 ? null : javaParse(java, padded(text, sep));
                    boolean iso = DateReader.parseIso(text) == mine;
                    assertThat(again != null && again == mine || iso).as(pattern + ": " + text).isTrue();
                }
            }
            assertThat(accepted).as(pattern).isGreaterThan(10);
        }
    }

    private static Long javaParse(DateTimeFormatter f, String text) {
        try {
            return f.parse(text, LocalDate::from).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Pads one-digit parts between separators with a zero. */
    private static String padded(String text, char sep) {
        String[] parts = text.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            b.append(i > 0 ? String.valueOf(sep) : "").append(parts[i].length() == 1 ? "0" + parts[i] : parts[i]);
        }
        return b.toString();
    }

    @Test
    void twoDigitYearsFallInAHundredYearWindow() {
        DateReader reader = DateReader.of("dd/MM/yy", START);
        // window 1945–2044: 45 is 1945, 44 is 2044, 00 is 2000, 99 is 1999
        assertThat(reader.parse("01/01/45")).isEqualTo(day(1945, 1, 1));
        assertThat(reader.parse("31/12/44")).isEqualTo(day(2044, 12, 31));
        assertThat(reader.parse("29/02/00")).isEqualTo(day(2000, 2, 29));
        assertThat(reader.parse("01/01/99")).isEqualTo(day(1999, 1, 1));
        // the default window starts 80 years before the current year
        assertThat(DateReader.defaultTwoDigitYearStart()).isEqualTo(Year.now().getValue() - 80);
        int start = DateReader.defaultTwoDigitYearStart();
        assertThat(DateReader.of("dd/MM/yy").parse(String.format("01/01/%02d", start % 100)))
                .isEqualTo(day(start, 1, 1));
        assertThat(DateReader.of("dd/MM/yy").parse(String.format("01/01/%02d", (start + 99) % 100)))
                .isEqualTo(day(start + 99, 1, 1));
        // a four-digit year where two are expected is not read
        assertThat(reader.parse("01/01/2017")).isEqualTo(DateReader.NOT_A_DATE);
    }

    @Test
    void monthNamesInAnyCase() {
        DateReader reader = DateReader.of("dd-MMM-yyyy", START);
        // 3 March 2017
        for (String s : List.of("03-mar-2017", "03-MAR-2017", "03-Mar-2017", "3-Mar-2017", "03-March-2017",
                "03-MARCH-2017")) {
            assertThat(reader.parse(s)).as(s).isEqualTo(day(2017, 3, 3));
        }
        // September also as Sept
        assertThat(reader.parse("30-Sept-2017")).isEqualTo(day(2017, 9, 30));
        for (String s : List.of("03-Mrz-2017", "03-Ma-2017", "03-Marc-2017", "03-03-2017", "03-Mar-17")) {
            assertThat(reader.parse(s)).as(s).isEqualTo(DateReader.NOT_A_DATE);
        }
        assertThat(DateReader.of("DD-MON-YY", START).parse("28-OCT-90")).isEqualTo(day(1990, 10, 28));
        assertThat(DateReader.of("d MMMM yyyy", START).parse("1 january 2020")).isEqualTo(day(2020, 1, 1));
    }

    @Test
    void leadingZerosAreOptionalOnlyWhereASeparatorFollows() {
        DateReader dmy = DateReader.of("dd/MM/yyyy", START);
        assertThat(dmy.parse("3/4/2017")).isEqualTo(day(2017, 4, 3));
        assertThat(dmy.parse("03/04/2017")).isEqualTo(day(2017, 4, 3));
        assertThat(dmy.parse("003/04/2017")).isEqualTo(DateReader.NOT_A_DATE);
        assertThat(dmy.parse("03/04/17")).isEqualTo(DateReader.NOT_A_DATE);
        DateReader compact = DateReader.of("yyyyMMdd", START);
        assertThat(compact.parse("20170403")).isEqualTo(day(2017, 4, 3));
        assertThat(compact.parse("2017043")).isEqualTo(DateReader.NOT_A_DATE);
        assertThat(compact.parse("201704030")).isEqualTo(DateReader.NOT_A_DATE);
    }

    @Test
    void isoDatesAreAcceptedWhateverThePatternUnlessThePatternIsYearDashFirst() {
        // 2017-04-03 is 3 April 2017 in ISO 8601
        for (String p : List.of("dd/MM/yyyy", "MM/dd/yy", "dd-MMM-yyyy", "yyyyMMdd", "yyyy/MM/dd", "dd.MM.yyyy")) {
            DateReader reader = DateReader.of(p, START);
            assertThat(reader.parse("2017-04-03")).as(p).isEqualTo(day(2017, 4, 3));
            assertThat(reader.parse("2017-04-03T12:00:00")).as(p).isEqualTo(day(2017, 4, 3));
            assertThat(reader.isIso()).isFalse();
            assertThat(reader.expected()).isEqualTo(p);
        }
        // yyyy-dd-MM reads 2017-04-03 as 4 March; 2017-04-13 is not then read as ISO 13 April
        DateReader odd = DateReader.of("yyyy-dd-MM", START);
        assertThat(odd.parse("2017-04-03")).isEqualTo(day(2017, 3, 4));
        assertThat(odd.parse("2017-04-13")).isEqualTo(DateReader.NOT_A_DATE);
        // yyyy-MM-dd is ISO itself
        assertThat(DateReader.of("yyyy-mm-dd").isIso()).isTrue();
        assertThat(DateReader.of("YYYY-MM-DD").expected()).isEqualTo("yyyy-MM-dd (ISO)");
        assertThat(DateReader.of(null).isIso()).isTrue();
    }

    @Test
    void aTimeOfDayAfterTheDateIsIgnored() {
        DateReader reader = DateReader.of("MM/dd/yyyy", START);
        // 4 March 2017, whatever the time
        for (String s : List.of("03/04/2017 10:30", "03/04/2017 9:05:00", "03/04/2017 12:00 am",
                "03/04/2017 11:59:59.999 PM", "03/04/2017T23:59")) {
            assertThat(reader.parse(s)).as(s).isEqualTo(day(2017, 3, 4));
        }
        for (String s : List.of("03/04/2017 24:00", "03/04/2017 10:60", "03/04/2017 13:00 PM", "03/04/2017 ",
                "03/04/2017 10", "03/04/2017 10:30 XM", "03/04/2017x", "03/04/2017 10:30:00.")) {
            assertThat(reader.parse(s)).as(s).isEqualTo(DateReader.NOT_A_DATE);
        }
    }

    @Test
    void javaPatternsOutsideTheHandParserStillWork() {
        // a weekday and hours: read by java.time as before (case-insensitive now)
        DateReader reader = DateReader.of("EEE dd/MM/yyyy HH:mm");
        // 3 April 2017 was a Monday (java.time agrees)
        assertThat(LocalDate.of(2017, 4, 3).getDayOfWeek()).hasToString("MONDAY");
        assertThat(reader.parse("Mon 03/04/2017 10:30")).isEqualTo(day(2017, 4, 3));
        assertThat(reader.parse("MON 03/04/2017 10:30")).isEqualTo(day(2017, 4, 3));
        assertThat(reader.parse("Tue 03/04/2017 10:30")).isEqualTo(DateReader.NOT_A_DATE);
        assertThat(reader.parse("2017-04-03")).isEqualTo(day(2017, 4, 3));
        assertThat(reader.whyNot("03/04/2017")).isEqualTo("is not in the format EEE dd/MM/yyyy HH:mm; it looks "
                + "like dd/MM/yyyy or MM/dd/yyyy");
        // neither java.time nor the user spellings know b
        assertThatThrownBy(() -> DateReader.of("dd/MM/yyyyb")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("The date format \"dd/MM/yyyyb\" is not a valid pattern: the letter b");
    }

    @Test
    void whyNotSaysWhatIsWrong() {
        DateReader dmy = DateReader.of("dd/mm/yyyy", START);
        // 31 April does not exist (April has 30 days); java.time agrees
        assertThatThrownBy(() -> LocalDate.of(2017, 4, 31)).isInstanceOf(DateTimeException.class);
        assertThat(dmy.whyNot("31/04/2017")).isEqualTo("is not a calendar date (April has 30 days)");
        // 2019 is not a leap year (not divisible by 4); java.time agrees
        assertThat(Year.isLeap(2019)).isFalse();
        assertThat(dmy.whyNot("29/02/2019")).isEqualTo("is not a calendar date (2019 is not a leap year)");
        assertThat(dmy.whyNot("30/02/2020")).isEqualTo("is not a calendar date (February 2020 has 29 days)");
        assertThat(dmy.whyNot("29/02/2020")).isNull();
        // 1900 is not a leap year (divisible by 100, not by 400); 2000 is
        assertThat(dmy.whyNot("29/02/1900")).isEqualTo("is not a calendar date (1900 is not a leap year)");
        assertThat(dmy.whyNot("29/02/2000")).isNull();
        assertThat(dmy.whyNot("03/13/2017")).isEqualTo("has month 13, but months run 1–12 (is the format "
                + "day/month or month/day?)");
        assertThat(dmy.whyNot("13/13/2017")).isEqualTo("has month 13, but months run 1–12");
        assertThat(dmy.whyNot("03/00/2017")).isEqualTo("has month 0, but months run 1–12");
        assertThat(dmy.whyNot("32/01/2017")).isEqualTo("has day 32, but days run 1–31");
        assertThat(dmy.whyNot("2017/04/03")).isEqualTo("is not in the format dd/MM/yyyy (day/month/year); it "
                + "looks like yyyy/MM/dd");
        assertThat(dmy.whyNot("03/04/17")).isEqualTo("is not in the format dd/MM/yyyy (day/month/year); it looks "
                + "like dd/MM/yy or MM/dd/yy");
        assertThat(dmy.whyNot("soon")).isEqualTo("is not in the format dd/MM/yyyy (day/month/year)");
        assertThat(dmy.whyNot("03/04/2017 25:00")).isEqualTo("has text after the date (\"25:00\") that is not a "
                + "time of day such as 14:30 or 14:30:00 (a time after the date is accepted and ignored)");
        // an ISO text is accepted under any pattern, so its calendar is checked too
        assertThat(dmy.whyNot("2021-02-30")).isEqualTo("is not a calendar date (February 2021 has 28 days)");
        DateReader mdy = DateReader.of("MM/dd/yyyy", START);
        assertThat(mdy.whyNot("25/03/2017")).isEqualTo("has month 25, but months run 1–12 (is the format "
                + "day/month or month/day?)");
        assertThat(mdy.whyNot("04/31/2017")).isEqualTo("is not a calendar date (April has 30 days)");
        DateReader iso = DateReader.of(null);
        assertThat(iso.whyNot("2020-13-01")).isEqualTo("has month 13, but months run 1–12");
        assertThat(iso.whyNot("2017-04-31")).isEqualTo("is not a calendar date (April has 30 days)");
        assertThat(iso.whyNot("31/12/2020")).isEqualTo("is not in the format yyyy-MM-dd (ISO); it looks like "
                + "dd/MM/yyyy");
        assertThat(iso.whyNot("12/31/2020")).isEqualTo("is not in the format yyyy-MM-dd (ISO); it looks like "
                + "MM/dd/yyyy");
        assertThat(iso.whyNot("2020-01-01")).isNull();
        DateReader named = DateReader.of("dd-MMM-yyyy", START);
        assertThat(named.whyNot("31-Apr-2017")).isEqualTo("is not a calendar date (April has 30 days)");
        assertThat(named.whyNot("31-Apx-2017")).isEqualTo("is not in the format dd-MMM-yyyy (day/month name/year)");
        DateReader yy = DateReader.of("dd/MM/yy", START);
        // 29 February 2019, via the window (19 → 2019)
        assertThat(yy.whyNot("29/02/19")).isEqualTo("is not a calendar date (2019 is not a leap year)");
    }

    @Test
    void guessPatternForMessages() {
        assertThat(DateReader.guessPattern("31.12.2020")).isEqualTo("dd.MM.yyyy");
        assertThat(DateReader.guessPattern("12/31/20")).isEqualTo("MM/dd/yy");
        assertThat(DateReader.guessPattern("03/04/2020")).isEqualTo("dd/MM/yyyy");
        assertThat(DateReader.guessPattern("03-Mar-2020")).isEqualTo("dd-MMM-yyyy");
        assertThat(DateReader.guessPattern("3 March 2020")).isEqualTo("dd MMMM yyyy");
        assertThat(DateReader.guessPattern("2020/03/04")).isEqualTo("yyyy/MM/dd");
        assertThat(DateReader.guessPattern("20200304")).isEqualTo("yyyyMMdd");
        assertThat(DateReader.guessPattern("43831")).isNull();
        assertThat(DateReader.guessPattern("soon")).isNull();
    }

    // ----------------------------------------------------------------------------------------------------------
    // Detector

    private static DateFormats.Detection detect(List<String> column) {
        DateFormats.Detector detector = new DateFormats.Detector();
        for (int i = 0; i < column.size() && !detector.decided(); i++) {
            detector.accept(i + 2, column.get(i));
        }
        return detector.result();
    }

    @Test
    void dayFirstDecidedByADayAboveTwelve() {
        DateFormats.Detection d = detect(List.of("03/04/2017", "05/06/2017", "01/02/2018", "07/08/2019",
                "02/01/2017", "25/03/2017", "01/01/2020"));
        assertThat(d.pattern()).isEqualTo("dd/MM/yyyy");
        assertThat(d.problem()).isNull();
        assertThat(d.how()).isEqualTo("dates read as dd/MM/yyyy (day/month/year): line 7 has 25/03/2017, which can "
                + "only be day-first");
    }

    @Test
    void monthFirstDecidedByASecondNumberAboveTwelve() {
        DateFormats.Detector detector = new DateFormats.Detector("row");
        detector.accept(2, "3.4.17");
        assertThat(detector.decided()).isFalse();
        detector.accept(3, "3.14.17");
        assertThat(detector.decided()).isTrue();
        assertThat(detector.result().pattern()).isEqualTo("MM.dd.yy");
        assertThat(detector.result().how()).startsWith("dates read as MM.dd.yy (month/day/2-digit year): row 3 has "
                + "3.14.17, which can only be month-first (two-digit years read as ");
    }

    @Test
    void ambiguousColumnsAreAProblemNamingALine() {
        DateFormats.Detection d = detect(List.of("NA-like", "03/04/2017", "05/06/2017", "2017-01-01"));
        assertThat(d.pattern()).isNull();
        assertThat(d.how()).isNull();
        // 03/04/2017: 3 April day first, 4 March month first
        assertThat(d.problem()).isEqualTo("column values such as 03/04/2017 (line 3) fit both day/month/year "
                + "(3 April) and month/day/year (4 March), and no date in the column decides it; give the format "
                + "with --date-format dd/MM/yyyy or MM/dd/yyyy");
    }

    @Test
    void equalDayAndMonthEverywhereDoesNotMatter() {
        DateFormats.Detection d = detect(List.of("05/05/2017", "01/01/2018"));
        assertThat(d.pattern()).isEqualTo("dd/MM/yyyy");
        assertThat(d.problem()).isNull();
        assertThat(d.how()).contains("every date has the same day and month number (such as 05/05/2017, line 2)");
    }

    @Test
    void oneReadingLayoutsDecideAtOnce() {
        String[][] cases = {
            {"2017-03-25", "yyyy-MM-dd"}, {"2017-03-25T10:00:00", "yyyy-MM-dd"}, {"2017/03/25", "yyyy/MM/dd"},
            {"2017.3.5", "yyyy.MM.dd"}, {"2017-3-5", "yyyy-M-d"}, {"25-Mar-2017", "dd-MMM-yyyy"},
            {"25-MAR-17", "dd-MMM-yy"}, {"3 march 2017", "dd MMMM yyyy"}, {"20170325", "yyyyMMdd"},
        };
        for (String[] c : cases) {
            DateFormats.Detector detector = new DateFormats.Detector();
            detector.accept(2, "43831"); // an Excel serial: skipped
            detector.accept(3, "unknown"); // fits no layout: does not stop detection
            assertThat(detector.decided()).isFalse();
            detector.accept(4, c[0]);
            assertThat(detector.decided()).as(c[0]).isTrue();
            assertThat(detector.result().pattern()).as(c[0]).isEqualTo(c[1]);
            assertThat(DateReader.of(c[1], START).parse(c[0])).as(c[0]).isNotEqualTo(DateReader.NOT_A_DATE);
        }
        assertThat(detect(List.of("2017-03-25")).how()).isEqualTo("dates read as ISO yyyy-MM-dd");
        assertThat(detect(List.of("25-Mar-2017")).how()).isEqualTo("dates read as dd-MMM-yyyy (day/month "
                + "name/year), as on line 2 (25-Mar-2017)");
    }

    @Test
    void eightDigitNumbersAreDatesOnlyWhenTheyAreCalendarDates() {
        assertThat(detect(List.of("20171325")).pattern()).isNull(); // month 13
        assertThat(detect(List.of("12345678")).pattern()).isNull();
        assertThat(detect(List.of("17000101")).pattern()).isNull(); // before 1800
        assertThat(detect(List.of("20190229")).pattern()).isNull(); // 2019 is not a leap year
        assertThat(detect(List.of("20200229")).pattern()).isEqualTo("yyyyMMdd");
    }

    @Test
    void noLayoutOrNoValues() {
        DateFormats.Detection none = detect(List.of("soon", "later"));
        assertThat(none.pattern()).isNull();
        assertThat(none.problem()).isEqualTo("no known date layout fits the column: \"soon\" (line 2) is not "
                + "written as yyyy-MM-dd, dd/MM/yyyy, MM/dd/yyyy, dd-MMM-yyyy or yyyyMMdd; give the format with "
                + "--date-format, e.g. --date-format dd/MM/yyyy");
        DateFormats.Detection empty = detect(List.of("43831", "44197.0"));
        assertThat(empty.pattern()).isNull();
        assertThat(empty.problem()).isNull();
        assertThat(empty.how()).isEqualTo("no dates written as text in the column; ISO yyyy-MM-dd assumed");
        assertThat(detect(List.of()).how()).isEqualTo(empty.how());
    }

    @Test
    void seededShuffledColumnsDecideTheLayoutTheyWereWrittenIn() {
        Random random = new Random(42L);
        char[] seps = {'/', '.', '-'};
        for (int trial = 0; trial < 1500; trial++) {
            boolean dayFirst = random.nextBoolean();
            char sep = seps[random.nextInt(3)];
            boolean twoDigits = random.nextInt(4) == 0;
            boolean padded = random.nextBoolean();
            String d = padded ? "dd" : "d";
            String m = padded ? "MM" : "M";
            String pattern = (dayFirst ? d + sep + m : m + sep + d) + sep + (twoDigits ? "yy" : "yyyy");
            DateTimeFormatter writer = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
            int size = 1 + random.nextInt(random.nextBoolean() ? 5 : 60);
            // small columns often have no day above 12; then the column is ambiguous
            boolean lowDaysOnly = random.nextInt(3) == 0;
            List<LocalDate> dates = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int year = START + random.nextInt(100);
                int month = 1 + random.nextInt(12);
                int day = 1 + random.nextInt(lowDaysOnly ? 12 : LocalDate.of(year, month, 1).lengthOfMonth());
                dates.add(LocalDate.of(year, month, day));
            }
            Collections.shuffle(dates, random);
            List<String> column = new ArrayList<>();
            int firstDecider = -1;
            int firstAmbiguous = -1;
            for (LocalDate date : dates) {
                int line = column.size() + 2;
                if (firstDecider < 0 && date.getDayOfMonth() > 12) {
                    firstDecider = line;
                }
                if (firstAmbiguous < 0 && date.getDayOfMonth() <= 12 && date.getDayOfMonth() != date.getMonthValue()) {
                    firstAmbiguous = line;
                }
                column.add(writer.format(date));
            }
            DateFormats.Detection result = detect(column);
            String expected = (dayFirst ? "dd" + sep + "MM" : "MM" + sep + "dd") + sep + (twoDigits ? "yy" : "yyyy");
            String context = pattern + " " + column;
            if (firstDecider >= 0) {
                assertThat(result.pattern()).as(context).isEqualTo(expected);
                assertThat(result.how()).as(context).contains("line " + firstDecider + " has ");
                DateReader reader = DateReader.of(result.pattern(), START);
                for (int i = 0; i < dates.size(); i++) {
                    assertThat(reader.parse(column.get(i))).as(context).isEqualTo(dates.get(i).toEpochDay());
                }
            } else if (firstAmbiguous >= 0) {
                assertThat(result.pattern()).as(context).isNull();
                assertThat(result.problem()).as(context).contains("(line " + firstAmbiguous + ") fit both");
            } else {
                // every date has day = month: day first is taken, and the order does not matter
                assertThat(result.pattern()).as(context)
                        .isEqualTo("dd" + sep + "MM" + sep + (twoDigits ? "yy" : "yyyy"));
            }
        }
    }

    @Test
    void detectionCostsLittle() {
        // not a timing assertion (by hand, warm: about 50 ms per million undecided values): values that never
        // decide are taken to the end, and the first ambiguous one is the one named
        DateFormats.Detector detector = new DateFormats.Detector();
        String[] values = {"03/04/2017", "05/06/2018", "11/12/2019", "2017-01-01", "43831"};
        for (int i = 0; i < 200_000; i++) {
            detector.accept(i + 2, values[i % values.length]);
        }
        assertThat(detector.decided()).isFalse();
        assertThat(detector.result().problem()).contains("(line 2)");
    }
}

package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-up time from two date columns: units, formats, Excel serials, errors. */
class DateTimeTest {

    private static final CohortSpec DATES = CohortSpec.builder().startDate("start").endDate("end").event("dead");

    @TempDir
    Path dir;

    private Cohort read(String content, CohortSpec spec) {
        return CohortReader.read(Fixtures.text(dir, "dates.csv", content), spec);
    }

    @Test
    void isoDatesInDaysByDefault() {
        Cohort cohort = read("start,end,dead\n2020-01-01,2021-01-01,1\n2020-03-01,2020-03-01,0\n", DATES);

        // 2020 is a leap year: 366 days
        assertThat(cohort.time()).containsExactly(366.0, 0.0);
    }

    @Test
    void unitsDivideTheDaysByTheUnitLength() {
        String content = "start,end,dead\n2020-01-01,2021-01-01,1\n";

        assertThat(read(content, DATES.timeUnit(TimeUnit.MONTHS)).time()[0]).isEqualTo(366 / 30.4375);
        assertThat(read(content, DATES.timeUnit(TimeUnit.YEARS)).time()[0]).isEqualTo(366 / 365.25);
        assertThat(read(content, DATES.timeUnit(TimeUnit.WEEKS)).time()[0]).isCloseTo(52.2857, within(1e-4));
        assertThat(read(content, DATES.timeUnit(TimeUnit.DAYS)).time()[0]).isEqualTo(366.0);
    }

    @Test
    void isoDateTimesTakeTheDate() {
        Cohort cohort = read("start,end,dead\n2020-01-01T23:59,2020-01-02T00:01:30,1\n"
                + "2020-01-01 08:00:00,2020-01-11,1\n", DATES);

        assertThat(cohort.time()).containsExactly(1.0, 10.0);
    }

    @Test
    void dayMonthYearPattern() {
        Cohort cohort = read("start,end,dead\n31/12/2019,01/01/2020,1\n", DATES.dateFormat("dd/MM/yyyy"));

        assertThat(cohort.time()).containsExactly(1.0);
    }

    @Test
    void monthDayYearPattern() {
        Cohort cohort = read("start,end,dead\n12/31/2019,01/31/2020,1\n", DATES.dateFormat("MM/dd/yyyy"));

        assertThat(cohort.time()).containsExactly(31.0);
    }

    @Test
    void germanPatternWithoutLeadingZeros() {
        Cohort cohort = read("start;end;dead\n1.2.2020;1.3.2020;1\n", DATES.dateFormat("d.M.yyyy"));

        assertThat(cohort.time()).containsExactly(29.0);
    }

    @Test
    void strictParsingRejectsTheThirtiethOfFebruary() {
        assertThatThrownBy(() -> read("start,end,dead\n2021-02-01,2021-02-30,1\n", DATES))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("dates.csv, line 2, column 'end': value \"2021-02-30\" is not a calendar date"
                        + " (February 2021 has 28 days).");
        assertThatThrownBy(() -> read("start,end,dead\n01/02/2021,30/02/2021,1\n", DATES.dateFormat("dd/MM/yyyy")))
                .isInstanceOf(InputException.class).hasMessageContaining("\"30/02/2021\"");
    }

    @Test
    void unparseableIsoDateSaysWhichFormatAndSuggestsDateFormat() {
        assertThatThrownBy(() -> read("start,end,dead\n2020-01-01,2020-02-01,1\n2020-01-01,31/12/2020,1\n", DATES))
                .isInstanceOf(InputException.class)
                .hasMessage("dates.csv, line 3, column 'end': value \"31/12/2020\" is not a date in the expected "
                        + "format yyyy-MM-dd (ISO). Set the format of the dates with --date-format, e.g. "
                        + "--date-format dd/MM/yyyy.");
    }

    @Test
    void detectsMonthFirstWhenTheSecondPartExceedsTwelveAndSaysSo() {
        Cohort c = read("start,end,dead\n12/31/2020,12/31/2021,1\n", DATES);
        assertThat(c.time()).containsExactly(365.0);
        assertThat(c.warnings()).anyMatch(w -> w.contains("MM/dd/yyyy") && w.contains("line 2"));
    }

    @Test
    void daysAndMonthsThatFitBothWaysStopAndAsk() {
        assertThatThrownBy(() -> read("start,end,dead\n03/04/2017,05/06/2018,1\n", DATES))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("03/04/2017").hasMessageContaining("--date-format");
    }

    @Test
    void unparseableDateWithPatternSaysToChangeIt() {
        // (an ISO 2020-01-01 is accepted whatever the pattern, so the value here is year-first with slashes)
        assertThatThrownBy(() -> read("start,end,dead\n2020/01/01,2020-02-01,1\n", DATES.dateFormat("dd/MM/yyyy")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("dates.csv, line 2, column 'start': value \"2020/01/01\" is not a date in "
                        + "the expected format dd/MM/yyyy (from --date-format).")
                .hasMessageContaining("change --date-format");
    }

    @Test
    void isoDatesAreAcceptedWhateverThePattern() {
        // 2019-12-31 to 2020-01-01 is one day, however the other column is written
        Cohort cohort = read("start,end,dead\n31/12/2019,2020-01-01,1\n2019-12-31T10:00,01/01/2020,1\n",
                DATES.dateFormat("dd/MM/yyyy"));

        assertThat(cohort.time()).containsExactly(1.0, 1.0);
    }

    @Test
    void formatsAsUsersWriteThem() {
        // 31 December 2019 to 1 March 2020: 1 + 29 (February 2020) + 31 (January) = 61 days
        String content = "start,end,dead\n31.12.2019,01.03.2020,1\n";
        assertThat(read(content, DATES.dateFormat("DD.MM.YYYY")).time()).containsExactly(61.0);
        assertThat(read(content, DATES.dateFormat("dd.mm.yyyy")).time()).containsExactly(61.0);
        assertThat(read("start,end,dead\n31-dec-2019,01-MAR-2020,1\n", DATES.dateFormat("DD-MON-YYYY")).time())
                .containsExactly(61.0);
    }

    @Test
    void invalidPatternIsAnError() {
        assertThatThrownBy(() -> read("start,end,dead\n1,2,1\n", DATES.dateFormat("dd/MM/yyyyb")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("The date format \"dd/MM/yyyyb\" is not a valid pattern")
                .hasMessageContaining("--date-format");
    }

    @Test
    void endBeforeStartIsAnErrorNamingBothDates() {
        assertThatThrownBy(() -> read("start,end,dead\n2020-05-01,2020-04-01,1\n", DATES))
                .isInstanceOf(InputException.class)
                .hasMessage("dates.csv, line 2, column 'end': value \"2020-04-01\" is before the start date "
                        + "2020-05-01 (\"2020-05-01\", column 'start'): the end date 2020-04-01 gives a negative "
                        + "follow-up time. Correct the dates, or check that --start-date and --end-date are not "
                        + "swapped.");
    }

    @Test
    void missingDatesExcludeTheRowPerColumn() {
        Cohort cohort = read("start,end,dead\n2020-01-01,NA,1\n,2020-01-01,1\n,,1\n2020-01-01,2020-01-05,0\n",
                DATES);

        assertThat(cohort.size()).isEqualTo(1);
        assertThat(cohort.exclusions()).extracting(Exclusion::reason, Exclusion::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("missing start date (column 'start')", 2),
                        org.assertj.core.groups.Tuple.tuple("missing end date (column 'end')", 1));
        assertThat(cohort.exclusions().get(0).firstLines()).containsExactly(3, 4);
    }

    @Test
    void excelSerialNumbersInTextAreReadAsDatesWithAWarning() {
        // Excel 1900 date system: 43831 = 2020-01-01, 44197 = 2021-01-01
        Cohort cohort = read("start,end,dead\n43831,44197,1\n2020-01-01,2020-01-31,0\n", DATES);

        assertThat(cohort.time()).containsExactly(366.0, 30.0);
        assertThat(cohort.warnings()).hasSize(2);
        assertThat(cohort.warnings().get(0)).startsWith("dates.csv, line 2, column 'start': the number 43831 was "
                + "read as an Excel date serial number, 2020-01-01");
    }

    @Test
    void numbersOutsideTheSerialRangeAreNotDates() {
        // yyyyMMdd is detected; small whole numbers are neither dates nor Excel serials
        assertThat(read("start,end,dead\n20200101,20210101,1\n", DATES).time()).containsExactly(366.0);
        assertThatThrownBy(() -> read("start,end,dead\n1234,2345,1\n", DATES))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("value \"1234\" is not a date")
                .hasMessageContaining("Excel date serial");
    }
}

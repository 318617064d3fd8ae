package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit tests of the small package-private helpers. */
class SmallPartsTest {

    @Test
    void snifferPrefersTheConsistentDelimiter() {
        assertThat(DelimiterSniffer.sniff("a,b,c\n1,2,3\n", true, ',')).isEqualTo(',');
        assertThat(DelimiterSniffer.sniff("a;b;c\n1,5;2;3\n4;5,5;6\n", true, ',')).isEqualTo(';');
        assertThat(DelimiterSniffer.sniff("a\tb\n\"x,y\"\t2\n", true, ',')).isEqualTo('\t');
        assertThat(DelimiterSniffer.sniff("a,b\n\"1\n;2\",3\n", true, ',')).isEqualTo(',');
        // one column: the preferred one
        assertThat(DelimiterSniffer.sniff("time\n1\n", true, '\t')).isEqualTo('\t');
        // ragged data: the header decides
        assertThat(DelimiterSniffer.sniff("a;b;c\n1;2\n", true, ',')).isEqualTo(';');
        // a cut-off last record is ignored
        assertThat(DelimiterSniffer.sniff("a,b\n1,2\n3;4;5", false, ',')).isEqualTo(',');
    }

    @Test
    void excelDateFormats() {
        assertThat(ExcelDateFormats.isDate(14, null)).isTrue();
        assertThat(ExcelDateFormats.isDate(22, null)).isTrue();
        assertThat(ExcelDateFormats.isDate(20, null)).isFalse();
        assertThat(ExcelDateFormats.isDate(0, null)).isFalse();
        assertThat(ExcelDateFormats.isDate(2, "0.00")).isFalse();
        assertThat(ExcelDateFormats.isDate(164, "yyyy-mm-dd")).isTrue();
        assertThat(ExcelDateFormats.isDate(165, "[$-407]dd.mm.yyyy;@")).isTrue();
        assertThat(ExcelDateFormats.isDate(166, "mmm yy")).isTrue();
        assertThat(ExcelDateFormats.isDate(167, "hh:mm:ss")).isFalse();
        assertThat(ExcelDateFormats.isDate(168, "[Red]0.00\" days\"")).isFalse();
        assertThat(ExcelDateFormats.isDate(169, "General")).isFalse();
        assertThat(ExcelDateFormats.isDate(null, null)).isFalse();
    }

    @Test
    void excelSerialDates() {
        // Excel (1900 system): 43831 = 2020-01-01, 3654 = 1910-01-01, 109574 = 2199-12-31
        assertThat(LocalDate.ofEpochDay(ExcelSerialDates.parse("43831"))).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(LocalDate.ofEpochDay(ExcelSerialDates.parse("43831.0"))).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(LocalDate.ofEpochDay(ExcelSerialDates.parse("3654"))).isEqualTo(LocalDate.of(1910, 1, 1));
        assertThat(LocalDate.ofEpochDay(ExcelSerialDates.parse("109574"))).isEqualTo(LocalDate.of(2199, 12, 31));
        assertThat(ExcelSerialDates.parse("3653")).isEqualTo(DateReader.NOT_A_DATE);
        assertThat(ExcelSerialDates.parse("43831.5")).isEqualTo(DateReader.NOT_A_DATE);
        assertThat(ExcelSerialDates.parse("x")).isEqualTo(DateReader.NOT_A_DATE);
    }

    @Test
    void isoDates() {
        assertThat(DateReader.parseIso("2020-02-29")).isEqualTo(LocalDate.of(2020, 2, 29).toEpochDay());
        assertThat(DateReader.parseIso("2020-02-29T12:00")).isEqualTo(LocalDate.of(2020, 2, 29).toEpochDay());
        assertThat(DateReader.parseIso("2020-02-29 12:00:01.5")).isEqualTo(LocalDate.of(2020, 2, 29).toEpochDay());
        for (String bad : List.of("2021-02-29", "2020-2-1", "2020/01/01", "2020-01-01T", "2020-01-01T25:00",
                "2020-01-01x", "20200101", "")) {
            assertThat(DateReader.parseIso(bad)).as(bad).isEqualTo(DateReader.NOT_A_DATE);
        }
        assertThat(DateReader.guessPattern("31.12.2020")).isEqualTo("dd.MM.yyyy");
        assertThat(DateReader.guessPattern("12/31/20")).isEqualTo("MM/dd/yy");
        assertThat(DateReader.guessPattern("soon")).isNull();
    }

    @Test
    void editDistanceSuggestions() {
        List<String> names = List.of("time", "status", "ph.ecog", "age");
        assertThat(EditDistance.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.closest("tiem", names)).isEqualTo("time");
        assertThat(EditDistance.closest("STATUS", names)).isEqualTo("status");
        assertThat(EditDistance.closest("ecog", names)).isEqualTo("ph.ecog");
        assertThat(EditDistance.closest("weight", names)).isNull();
    }

    @Test
    void textSampleEncodings() {
        assertThat(TextSample.of("a,b".getBytes(StandardCharsets.UTF_8), true).charset())
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextSample.of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}, true))
                .satisfies(s -> {
                    assertThat(s.bomLength()).isEqualTo(3);
                    assertThat(s.text()).isEqualTo("a");
                });
        // a multi-byte character cut at the end of an incomplete sample is still UTF-8
        byte[] cut = {'a', (byte) 0xC3};
        assertThat(TextSample.of(cut, false).guessed()).isFalse();
        assertThat(TextSample.of(cut, true).guessed()).isTrue();
    }

    @Test
    void timeUnits() {
        assertThat(TimeUnit.parse("Months")).isEqualTo(TimeUnit.MONTHS);
        assertThat(TimeUnit.parse(" year ")).isEqualTo(TimeUnit.YEARS);
        assertThat(TimeUnit.parse("DAY")).isEqualTo(TimeUnit.DAYS);
        assertThat(TimeUnit.parse("weeks").days()).isEqualTo(7.0);
        assertThat(TimeUnit.MONTHS.days()).isEqualTo(365.25 / 12);
        assertThatThrownBy(() -> TimeUnit.parse("fortnights")).isInstanceOf(InputException.class)
                .hasMessage("Unknown time unit \"fortnights\". Use days, weeks, months or years with --time-unit.");
    }

    @Test
    void specIsImmutableAndNormalisesBlanks() {
        CohortSpec base = CohortSpec.builder();
        CohortSpec spec = base.time(" time ").event("status").group("").naCodes(List.of(" -9 ", ""));

        assertThat(base.timeColumn()).isNull();
        assertThat(spec.timeColumn()).isEqualTo("time");
        assertThat(spec.groupColumn()).isNull();
        assertThat(spec.naCodes()).containsExactly("-9");
        assertThat(spec.timeUnit()).isEqualTo(TimeUnit.DAYS);
        assertThat(spec).isEqualTo(CohortSpec.builder().event("status").time("time").naCodes(List.of("-9")));
        assertThat(spec.toString()).isEqualTo("CohortSpec[time=time, timeUnit=DAYS, event=status, naCodes=[-9]]");
    }

    @Test
    void cohortChecksItsInvariants() {
        double[] time = {1, 2};
        boolean[] event = {true, false};
        int[] line = {2, 3};
        Cohort cohort = new Cohort("x.csv", time, event, null, null, line, 3,
                List.of(new Exclusion("missing time (column 't')", "t", 1, List.of(4))), List.of());

        assertThat(cohort.size()).isEqualTo(2);
        assertThat(cohort.rowsExcluded()).isEqualTo(1);
        assertThat(cohort.time()).isSameAs(time);
        assertThat(cohort).isEqualTo(new Cohort("x.csv", time.clone(), event.clone(), null, null, line.clone(), 3,
                cohort.exclusions(), List.of()));
        assertThatThrownBy(() -> new Cohort("x.csv", time, new boolean[1], null, null, line, 2, List.of(),
                List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cohort("x.csv", time, event, null, null, line, 5, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

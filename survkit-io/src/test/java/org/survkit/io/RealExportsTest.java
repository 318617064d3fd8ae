package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exports as hospitals write them (issue 12): decimal commas and thousands separators, statuses in words of seven
 * languages with typos, declared event and censor values, every problem listed at once, and rows with invalid
 * values excluded with a reason on request.
 */
class RealExportsTest {

    @TempDir
    Path dir;

    private static final CohortSpec SPEC = CohortSpec.builder().time("time").event("status");

    private Cohort read(String csv, CohortSpec spec) {
        return CohortReader.read(Fixtures.text(dir, "export.csv", csv), spec);
    }

    // ------------------------------------------------------------------ numbers

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "62,5|COMMA|62.5", "62.5|POINT|62.5", "1.234,5|COMMA|1234.5", "1 234,5|COMMA|1234.5",
        "1,234.5|POINT|1234.5", "1,234,567|POINT|1234567", "1.234.567|COMMA|1234567", "-0,25|COMMA|-0.25",
        "0,125|COMMA|0.125", "1e-3|POINT|0.001", "12|POINT|12", "12|COMMA|12"})
    void numbersAsWrittenLocally(String text, DecimalMark mark, double expected) {
        assertThat(LocalNumbers.parse(text, mark)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"62,5|COMMA", "62.5|DOT", "1,234|AMBIGUOUS_COMMA", "1.234|AMBIGUOUS_DOT",
        "0,125|COMMA", "12|INTEGER", "abc|NOT_A_NUMBER", "1,2,3|NOT_A_NUMBER", "1.234,5|COMMA", "1,234.5|DOT",
        "12,|NOT_A_NUMBER"})
    void kindsDecideTheColumn(String text, LocalNumbers.Kind kind) {
        assertThat(LocalNumbers.kind(text)).isEqualTo(kind);
    }

    @Test
    void wrongReadingsAreNotNumbers() {
        for (String s : new String[] {"1,5", "1,23", "1,2345", "12,34,567"}) {
            assertThat(LocalNumbers.parse(s, DecimalMark.POINT)).as(s).isNaN();
        }
        for (String s : new String[] {"1.5", "1.23", "12.34.567"}) {
            assertThat(LocalNumbers.parse(s, DecimalMark.COMMA)).as(s).isNaN();
        }
    }

    @Test
    void seededNumbersRoundTripInBothMarks() {
        Random random = new Random(20261206);
        for (int i = 0; i < 5000; i++) {
            long whole = random.nextInt(2_000_000);
            int cents = random.nextInt(100);
            double value = whole + cents / 100.0;
            String dot = whole + "." + (cents < 10 ? "0" : "") + cents;
            String comma = dot.replace('.', ',');
            assertThat(LocalNumbers.parse(dot, DecimalMark.POINT)).isEqualTo(Double.parseDouble(dot));
            assertThat(LocalNumbers.parse(comma, DecimalMark.COMMA)).isEqualTo(Double.parseDouble(dot));
            String grouped = String.format(java.util.Locale.GERMANY, "%,.2f", value);
            assertThat(LocalNumbers.parse(grouped, DecimalMark.COMMA)).as(grouped).isEqualTo(Double.parseDouble(dot));
            String us = String.format(java.util.Locale.US, "%,.2f", value);
            assertThat(LocalNumbers.parse(us, DecimalMark.POINT)).as(us).isEqualTo(Double.parseDouble(dot));
        }
    }

    @Test
    void semicolonFileWithDecimalCommasReadsTimesAndCovariates() {
        Cohort c = read("time;status;age;dose\n12,5;1;61,2;1.250\n3;0;70;2.000,5\n", SPEC.covariates(List.of("age",
                "dose")));
        assertThat(c.time()).containsExactly(12.5, 3.0);
        assertThat(c.covariate("age").numeric()).containsExactly(61.2, 70.0);
        // R: as.numeric(gsub(",", ".", gsub(".", "", x, fixed = TRUE))) on "1.250", "2.000,5"
        assertThat(c.covariate("dose").numeric()).containsExactly(1250.0, 2000.5);
    }

    @Test
    void ambiguousThousandsAreReadByTheFileAndNamed() {
        Cohort c = read("time\tstatus\tdose\n1\t1\t1,250\n2\t0\t2,500\n", SPEC.covariates(List.of("dose")));
        assertThat(c.covariate("dose").numeric()).containsExactly(1250.0, 2500.0);
        assertThat(c.warnings()).anyMatch(w -> w.contains("line 2, column 'dose': values such as \"1,250\"")
                && w.contains("read as 1250") && w.contains("--decimal ,"));
        Cohort semi = read("time;status;dose\n1;1;1,250\n2;0;2,500\n", SPEC.covariates(List.of("dose")));
        assertThat(semi.covariate("dose").numeric()).containsExactly(1.25, 2.5);
        Cohort given = read("time\tstatus\tdose\n1\t1\t1,250\n", SPEC.covariates(List.of("dose"))
                .decimal(DecimalMark.COMMA));
        assertThat(given.covariate("dose").numeric()).containsExactly(1.25);
    }

    // ------------------------------------------------------------------ events

    @ParameterizedTest
    @CsvSource({"Décédé,true", "DECEDE,true", "verstorben,true", "Fallecido,true", "deceduto,true", "overleden,true",
        "óbito,true", "Vivant,false", "en vie,false", "lebend,false", "vivo,false", "in vita,false", "levend,false",
        "oui,true", "non,false", "ja,true", "nein,false", "Lost to follow-up,false", "Deceased,true"})
    void statusWordsOfSevenLanguages(String word, boolean event) {
        assertThat(read("time,status\n1," + word + "\n2,0\n", SPEC).event()[0]).isEqualTo(event);
    }

    @Test
    void misspeltDeclaredValueIsNeverCensoredSilently() {
        String csv = "time,status\n1,Deceased\n2,Alive\n3,Decesed\n4,Alive\n5,deceased\n";
        assertThatThrownBy(() -> read(csv, SPEC.eventValue("Deceased")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("export.csv, line 4, column 'status': value \"Decesed\" looks like a "
                        + "misspelling of the event value \"Deceased\".");
        Cohort excluded = read(csv, SPEC.eventValue("Deceased").invalid(InvalidRows.EXCLUDE));
        assertThat(excluded.size()).isEqualTo(4);
        assertThat(excluded.exclusions()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo("misspelt event code (column 'status')");
            assertThat(x.firstLines()).containsExactly(4);
        });
        assertThat(excluded.problems()).singleElement().extracting(Problem::line).isEqualTo(4);
        assertThat(excluded.eventCodes()).extracting(EventCode::value, EventCode::meaning, EventCode::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Deceased", EventCode.Meaning.EVENT, 1),
                        org.assertj.core.groups.Tuple.tuple("Alive", EventCode.Meaning.CENSORED, 2),
                        org.assertj.core.groups.Tuple.tuple("Decesed", EventCode.Meaning.INVALID, 1),
                        org.assertj.core.groups.Tuple.tuple("deceased", EventCode.Meaning.EVENT, 1));
    }

    @Test
    void accentsAndSpacesOfADeclaredValueAreReadAsItAndSaid() {
        Cohort c = read("time,status\n1,Décédé\n2,Vivant\n3,decede \n4, Décédé\n", SPEC.eventValue("Décédé")
                .censorValues(List.of("Vivant")));
        assertThat(c.event()).containsExactly(true, false, true, true);
        assertThat(c.warnings()).anyMatch(w -> w.contains("value \"decede\" (1 row) was read as the event value "
                + "\"Décédé\" (differs only in case, accents or spaces)"));
    }

    @Test
    void withoutDeclaredValuesAMisspeltStatusWordOfAnyLanguageIsNamed() {
        assertThatThrownBy(() -> read("time,statut\n1,Vivant\n2,Décédé\n3,Vivnat\n", CohortSpec.builder().time("time")
                .event("statut")))
                .hasMessageStartingWith("export.csv, line 4, column 'statut': value \"Vivnat\" looks like a misspelling"
                        + " of \"vivant\" (which would be censored).");
        assertThatThrownBy(() -> read("time,status\n1,alive\n2,verstorbn\n", SPEC))
                .hasMessageContaining("value \"verstorbn\" looks like a misspelling of \"verstorben\" (which would be an"
                        + " event)");
    }

    @Test
    void aDeathWordThatIsNotAnEventValueIsAProblem() {
        assertThatThrownBy(() -> read("time,status\n1,relapse\n2,none\n3,dead\n", SPEC.eventValue("relapse")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("value \"dead\" means death (or an event) but is not an event value")
                .hasMessageContaining("--censor-value");
    }

    @Test
    void withBothListsEveryOtherValueIsAProblemAndListsWork() {
        CohortSpec spec = SPEC.eventValues(List.of("DOD", "DOC")).censorValues(List.of("NED", "AWD"));
        Cohort c = read("time,status\n1,DOD\n2,NED\n3,DOC\n4,AWD\n", spec);
        assertThat(c.event()).containsExactly(true, false, true, false);
        assertThatThrownBy(() -> read("time,status\n1,DOD\n2,unknown\n", spec))
                .hasMessageContaining("value \"unknown\" is neither an event value (\"DOD\", \"DOC\") nor a censor "
                        + "value (\"NED\", \"AWD\")");
    }

    @Test
    void aliveAsTheEventValueIsWarnedAndNeverSuggested() {
        Cohort c = read("time,status\n1,Vivant\n2,Autre\n", SPEC.eventValue("Vivant"));
        assertThat(c.warnings()).anyMatch(w -> w.contains("the event value \"Vivant\" means alive or censored"));
        assertThatThrownBy(() -> read("time,statut\n1,Vivant\n2,Parti\n", CohortSpec.builder().time("time")
                .event("statut")))
                .hasMessageContaining("value \"Parti\" is not a known event code")
                .hasMessageContaining("--event-value Parti")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("--event-value Vivant"));
    }

    @Test
    void everyProblemIsListedAtOnceWithItsLine() {
        String csv = "time;status;age\n1;1;60\nabc;1;61\n3;Decesed;62\n4;0;6x\n5;1;63\n6;0;64\n7;1;65\n8;0;66\n";
        assertThatThrownBy(() -> read(csv, SPEC.eventValue("1").censorValues(List.of("0"))
                .covariates(List.of("age")).categorical(List.of())))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("2 invalid values")
                .hasMessageContaining("line 3, column 'time': value \"abc\" is not a number")
                .hasMessageContaining("line 4, column 'status': value \"Decesed\"")
                .hasMessageContaining("--invalid exclude");
    }

    @Test
    void excludedRowsAreCountedPerReasonAndTheRestMatchesTheCleanFile() {
        String messy = "time;status\n1,5;Dead\n2;Alive\nx;Dead\n4;Daed\n5;Alive\n6,25;Dead\n";
        String clean = "time,status\n1.5,Dead\n2,Alive\n5,Alive\n6.25,Dead\n";
        Cohort m = read(messy, SPEC.eventValue("Dead").invalid(InvalidRows.EXCLUDE));
        Cohort c = CohortReader.read(Fixtures.text(dir, "clean.csv", clean), SPEC.eventValue("Dead"));
        assertThat(m.time()).containsExactly(c.time());
        assertThat(m.event()).containsExactly(c.event());
        assertThat(m.rowsRead()).isEqualTo(6);
        assertThat(m.exclusions()).extracting(Exclusion::reason, Exclusion::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("not a number (column 'time')", 1),
                org.assertj.core.groups.Tuple.tuple("misspelt event code (column 'status')", 1));
    }
}

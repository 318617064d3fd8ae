package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The event column: default tokens, {@code --event-value}, unknown codes. */
class EventCodingTest {

    private static final CohortSpec SPEC = CohortSpec.builder().time("time").event("status");

    @TempDir
    Path dir;

    private Cohort read(String statusValues, CohortSpec spec) {
        StringBuilder b = new StringBuilder("time,status\n");
        for (String v : statusValues.split("\\|", -1)) {
            b.append("1,").append(v).append('\n');
        }
        return CohortReader.read(Fixtures.text(dir, "events.csv", b.toString()), spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.0", "+1", "true", "TRUE", "yes", "Yes", "dead", "DEAD", "died", "death",
        "Event", " 1 "})
    void eventTokens(String token) {
        assertThat(read(token, SPEC).event()).containsExactly(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "-0", "false", "False", "no", "NO", "alive", "Alive", "censored",
        "CENSORED"})
    void censoredTokens(String token) {
        assertThat(read(token, SPEC).event()).containsExactly(false);
    }

    @Test
    void eventValueMarksExactlyThatValueAsEvent() {
        Cohort cohort = read("2|1|2.0|3| 2 ", SPEC.eventValue("2"));

        assertThat(cohort.event()).containsExactly(true, false, true, false, true);
    }

    @Test
    void eventValueTextIsCaseInsensitiveAndEveryOtherValueIsCensored() {
        Cohort cohort = read("Relapse|relapse|none|RELAPSE|lost", SPEC.eventValue("relapse"));

        assertThat(cohort.event()).containsExactly(true, true, false, true, false);
        assertThat(cohort.warnings()).isEmpty();
    }

    @Test
    void eventValueThatNeverOccursGivesAWarning() {
        Cohort cohort = read("0|1|1", SPEC.eventValue("2"));

        assertThat(cohort.event()).containsOnly(false);
        assertThat(cohort.warnings()).containsExactly("events.csv: the event value \"2\" never occurs in column "
                + "'status' (values found: 0, 1), so every row is censored. Check --event-value.");
    }

    @Test
    void unknownCodesAreAnErrorListingSortedDistinctValues() {
        assertThatThrownBy(() -> read("1|0|relapse|progression|1|relapse", SPEC))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("events.csv, line 4, column 'status': value \"relapse\" is not a known "
                        + "event code. Values found in this column: 0, 1, progression, relapse.")
                .hasMessageContaining("Give the value that marks an event with --event-value (e.g. --event-value");
    }

    @Test
    void numericCodesAreSortedNumerically() {
        assertThatThrownBy(() -> read("10|2|1|9", SPEC))
                .hasMessageContaining("Values found in this column: 1, 2, 9, 10.")
                .hasMessageContaining("--event-value 10");
    }

    @Test
    void manyDistinctValuesAreShortened() {
        StringBuilder values = new StringBuilder("5");
        for (int i = 6; i < 30; i++) {
            values.append('|').append(i);
        }
        assertThatThrownBy(() -> read(values.toString(), SPEC))
                .hasMessageContaining("Values found in this column: 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 and 15 more.");
    }
}

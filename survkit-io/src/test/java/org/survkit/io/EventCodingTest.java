package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    @Test
    void aValueCodedAgainIsCountedAsByCode() {
        // more than the table's 1000 distinct values: the later ones are counted as other values
        EventCoding byCode = EventCoding.of(List.of(), List.of());
        EventCoding byKnown = EventCoding.of(List.of(), List.of());
        Map<String, EventCoding.Known> known = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 5000; i++) {
            String v = random.nextInt(3) == 0 ? "v" + random.nextInt(1500) : new String[] {"1", "0", "dead", "x"}[
                    random.nextInt(4)];
            EventCoding.Decision d = byCode.code(v);
            EventCoding.Known k = known.get(v);
            if (k == null) {
                k = byKnown.known(v);
                known.put(v, k);
                assertThat(k.decision()).isEqualTo(d);
            } else {
                assertThat(byKnown.again(k)).isEqualTo(d);
            }
        }
        assertThat(byKnown.table()).isEqualTo(byCode.table());
        assertThat(byKnown.moreDistinct()).isTrue();
    }

    @Test
    void repeatedEventAndGroupTextsReadInParallelAreCodedRowByRow() {
        // the assembler codes a cell string it met before from a small cache: every row still counts, and every
        // invalid one is a problem with its own line
        StringBuilder b = new StringBuilder("time,status,arm\n");
        String[] status = {"1", "0", "2", "NA", "", " 1", "dead", "alive"};
        String[] arm = {"A", "B", "", " A", "NA"};
        Map<String, Integer> counts = new HashMap<>();
        List<Integer> invalidLines = new ArrayList<>();
        int[] groups = new int[2];
        Random random = new Random(5);
        for (int line = 2; line < 20_002; line++) {
            String s = status[random.nextInt(status.length)];
            String a = arm[random.nextInt(arm.length)];
            b.append(line % 100).append(',').append(s).append(',').append(a).append('\n');
            counts.merge(s.trim(), 1, Integer::sum);
            boolean missing = s.isBlank() || s.equals("NA") || a.isBlank() || a.equals("NA");
            if (s.equals("2")) {
                invalidLines.add(line);
            } else if (!missing) {
                groups[a.trim().equals("A") ? 0 : 1]++;
            }
        }
        ParallelTextReader.stretchBytes = 20_000;
        try {
            Cohort cohort = CohortReader.read(Fixtures.text(dir, "repeated.csv", b.toString()),
                    SPEC.group("arm").invalid(InvalidRows.EXCLUDE));
            for (EventCode c : cohort.eventCodes()) {
                assertThat(c.count()).as(c.value()).isEqualTo(counts.get(c.value()));
            }
            assertThat(cohort.eventCodes()).hasSize(counts.size());
            assertThat(cohort.problems().stream().map(Problem::line).toList()).isEqualTo(invalidLines.subList(0,
                    Math.min(invalidLines.size(), CohortAssembler.PROBLEMS_KEPT)));
            assertThat(cohort.problems()).allMatch(p -> p.value().equals("2"));
            assertThat(Arrays.stream(cohort.group()).filter("A"::equals).count()).isEqualTo(groups[0]);
            assertThat(Arrays.stream(cohort.group()).filter("B"::equals).count()).isEqualTo(groups[1]);
        } finally {
            ParallelTextReader.stretchBytes = 4 << 20;
        }
    }
}

package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R's {@code survival::lung} (228 patients, status 1 = censored, 2 = dead), as exported to CSV by R. */
class LungDatasetTest {

    private static final Path LUNG = Fixtures.dataset("lung.csv");

    @Test
    void readsAllRowsWithEventValueTwoAndSexGroups() {
        Cohort cohort = CohortReader.read(LUNG,
                CohortSpec.builder().time("time").event("status").eventValue("2").group("sex"));

        assertThat(cohort.rowsRead()).isEqualTo(228);
        assertThat(cohort.size()).isEqualTo(228);
        assertThat(cohort.rowsExcluded()).isZero();
        assertThat(cohort.exclusions()).isEmpty();
        assertThat(cohort.warnings()).isEmpty();
        // R 4.x: table(lung$status) -> 1: 63, 2: 165; table(lung$sex) -> 1: 138, 2: 90
        int events = 0;
        for (boolean e : cohort.event()) {
            events += e ? 1 : 0;
        }
        assertThat(events).isEqualTo(165);
        assertThat(List.of(cohort.group()).stream().filter("1"::equals).count()).isEqualTo(138);
        assertThat(cohort.strata()).isNull();
        // first data row: 3,306,2,74,1,... on line 2
        assertThat(cohort.time()[0]).isEqualTo(306.0);
        assertThat(cohort.event()[0]).isTrue();
        assertThat(cohort.line()[0]).isEqualTo(2);
        assertThat(cohort.line()[227]).isEqualTo(229);
        assertThat(cohort.source()).endsWith("lung.csv");
    }

    @Test
    void excludesTheOneRowWithoutPhEcog() {
        Cohort cohort = CohortReader.read(LUNG,
                CohortSpec.builder().time("time").event("status").eventValue("2").group("ph.ecog"));

        assertThat(cohort.rowsRead()).isEqualTo(228);
        assertThat(cohort.size()).isEqualTo(227);
        // line 15 of lung.csv is "21,71,2,60,1,,60,70,1225,32" (ph.ecog empty)
        assertThat(cohort.exclusions()).containsExactly(
                new Exclusion("missing group (column 'ph.ecog')", "ph.ecog", 1, List.of(15)));
    }

    @Test
    void statusCodedOneTwoWithoutEventValueSuggestsEventValueTwo() {
        assertThatThrownBy(() -> CohortReader.read(LUNG, CohortSpec.builder().time("time").event("status")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("lung.csv, line 2, column 'status'")
                .hasMessageContaining("value \"2\"")
                .hasMessageContaining("Values found in this column: 1, 2.")
                .hasMessageContaining("--event-value 2");
    }

    @Test
    void strataAreKeptAsText() {
        Cohort cohort = CohortReader.read(LUNG,
                CohortSpec.builder().time("time").event("status").eventValue("2").strata("inst"));
        // R: sum(is.na(lung$inst)) == 1
        assertThat(cohort.size()).isEqualTo(227);
        assertThat(cohort.exclusions()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo("missing stratum (column 'inst')");
            assertThat(x.count()).isEqualTo(1);
        });
        assertThat(cohort.strata()[0]).isEqualTo("3");
        assertThat(cohort.group()).isNull();
    }
}

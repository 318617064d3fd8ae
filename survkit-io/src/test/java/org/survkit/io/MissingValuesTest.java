package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing-value codes and the exclusion report. */
class MissingValuesTest {

    private static final CohortSpec SPEC =
            CohortSpec.builder().time("time").event("status").group("arm").strata("site");

    @TempDir
    Path dir;

    private Cohort read(String content, CohortSpec spec) {
        return CohortReader.read(Fixtures.text(dir, "m.csv", content), spec);
    }

    @Test
    void emptyNaAndDotAreMissingAfterTrimming() {
        Cohort cohort = read("time,status,arm,site\n"
                + "1,1,A,s1\n"
                + " ,1,A,s1\n"
                + "NA,1,A,s1\n"
                + " . ,1,A,s1\n"
                + "2, NA ,A,s1\n"
                + "3,1,,s1\n"
                + "4,1,A,.\n", SPEC);

        assertThat(cohort.rowsRead()).isEqualTo(7);
        assertThat(cohort.size()).isEqualTo(1);
        assertThat(cohort.rowsExcluded()).isEqualTo(6);
        assertThat(cohort.exclusions()).extracting(Exclusion::reason, Exclusion::column, Exclusion::count,
                        Exclusion::firstLines)
                .containsExactly(
                        tuple("missing time (column 'time')", "time", 3, List.of(3, 4, 5)),
                        tuple("missing event (column 'status')", "status", 1, List.of(6)),
                        tuple("missing group (column 'arm')", "arm", 1, List.of(7)),
                        tuple("missing stratum (column 'site')", "site", 1, List.of(8)));
    }

    @Test
    void naIsCaseSensitiveLikeRButExtraCodesCanBeAdded() {
        String content = "time,status,arm,site\n1,1,A,s1\n-99,1,A,s1\n7,1,n/a,s1\n";

        Cohort cohort = read(content, SPEC.naCodes(List.of(" -99 ", "n/a")));

        assertThat(cohort.time()).containsExactly(1.0);
        assertThat(cohort.exclusions()).extracting(Exclusion::count).containsExactly(1, 1);
        assertThatThrownBy(() -> read(content, SPEC)).isInstanceOf(InputException.class)
                .hasMessageContaining("value \"-99\" is negative");
    }

    @Test
    void aRowIsCountedOnceUnderItsFirstReason() {
        Cohort cohort = read("time,status,arm,site\n,,,s\n5,1,A,s\n", SPEC);

        assertThat(cohort.rowsRead()).isEqualTo(2);
        assertThat(cohort.exclusions()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo("missing time (column 'time')");
            assertThat(x.firstLines()).containsExactly(2);
        });
    }

    @Test
    void firstLinesKeepsFiveButCountsAll() {
        StringBuilder b = new StringBuilder("time,status,arm,site\n1,1,A,s\n");
        for (int i = 0; i < 8; i++) {
            b.append("NA,1,A,s\n");
        }
        Cohort cohort = read(b.toString(), SPEC);

        assertThat(cohort.exclusions()).singleElement().satisfies(x -> {
            assertThat(x.count()).isEqualTo(8);
            assertThat(x.firstLines()).containsExactly(3, 4, 5, 6, 7);
        });
    }

    @Test
    void invalidValuesAreErrorsEvenInRowsThatWouldBeExcluded() {
        assertThatThrownBy(() -> read("time,status,arm,site\nNA,maybe,A,s\n1,1,A,s\n", SPEC))
                .isInstanceOf(InputException.class).hasMessageContaining("value \"maybe\"");
    }

    @Test
    void allRowsExcludedIsAnError() {
        assertThatThrownBy(() -> read("time,status,arm,site\nNA,1,A,s\n3,,A,s\n", SPEC))
                .isInstanceOf(InputException.class)
                .hasMessage("m.csv: all 2 data rows were excluded for missing values (missing time (column "
                        + "'time'): 1; missing event (column 'status'): 1), so nothing is left to analyse. Check "
                        + "the chosen columns and the missing-value codes (--na).");
    }

    @Test
    void groupAndStrataAreNullWhenNotChosen() {
        Cohort cohort = read("time,status,arm,site\n1,1,A,s\n", CohortSpec.builder().time("time").event("status"));

        assertThat(cohort.group()).isNull();
        assertThat(cohort.strata()).isNull();
        assertThat(cohort.exclusions()).isEmpty();
    }
}

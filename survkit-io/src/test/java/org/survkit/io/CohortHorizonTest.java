package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Cohort#horizon(double)}: administrative censoring, hand-worked. */
class CohortHorizonTest {

    private static Cohort cohort(double[] time, boolean[] event, double[] start) {
        int n = time.length;
        int[] line = new int[n];
        String[] group = new String[n];
        for (int i = 0; i < n; i++) {
            line[i] = i + 2;
            group[i] = i % 2 == 0 ? "a" : "b";
        }
        return new Cohort("f.csv", time, event, group, null, line, n, List.of(), List.of(), List.of(), null, null,
                start);
    }

    @Test
    void timesBeyondTheHorizonAreCensoredThereAndEventsAfterItNotCounted() {
        Cohort c = cohort(new double[] {5, 10, 12, 20}, new boolean[] {true, true, true, false}, null).horizon(10);
        assertThat(c.time()).containsExactly(5, 10, 10, 10);
        assertThat(c.event()).containsExactly(true, true, false, false); // an event at exactly H counts
        assertThat(c.group()).containsExactly("a", "b", "a", "b");
        assertThat(c.rowsExcluded()).isZero();
    }

    @Test
    void noTimeBeyondTheHorizonLeavesTheCohortAsItIs() {
        Cohort c = cohort(new double[] {5, 10}, new boolean[] {true, false}, null);
        assertThat(c.horizon(10)).isSameAs(c);
    }

    @Test
    void countingProcessRowsEnteringAtOrAfterTheHorizonAreExcludedWithTheirReason() {
        Cohort c = cohort(new double[] {5, 15, 30}, new boolean[] {true, true, true}, new double[] {0, 8, 10})
                .horizon(10);
        assertThat(c.time()).containsExactly(5, 10);
        assertThat(c.start()).containsExactly(0, 8);
        assertThat(c.event()).containsExactly(true, false);
        assertThat(c.exclusions()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("entry at or after the horizon 10");
            assertThat(e.count()).isEqualTo(1);
            assertThat(e.firstLines()).containsExactly(4);
        });
    }

    @Test
    void aHorizonMustBePositive() {
        Cohort c = cohort(new double[] {5}, new boolean[] {true}, null);
        assertThatThrownBy(() -> c.horizon(0)).isInstanceOf(InputException.class).hasMessageContaining("> 0");
        assertThatThrownBy(() -> c.horizon(Double.NaN)).isInstanceOf(InputException.class);
    }
}

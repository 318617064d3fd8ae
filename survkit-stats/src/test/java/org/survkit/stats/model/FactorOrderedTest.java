package org.survkit.stats.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A factor in a chosen level order (a study's group order). */
class FactorOrderedTest {
    private static final String[] LABELS = {"1", "2", "3", "2", "1", "10"};

    @Test
    void listedLevelsComeFirstInTheirOrderAndTheOthersFollowInLevelOrder() {
        // R 4.2.2: factor(c(1, 2, 3, 2, 1, 10), levels = c(3, 1, 2, 10)) codes 2 3 1 3 2 4 (1-based)
        Factor f = Factor.ordered(LABELS, List.of("3", "1", "2", "10"));
        assertThat(f.levels()).containsExactly("3", "1", "2", "10");
        assertThat(f.codes()).containsExactly(1, 2, 0, 2, 1, 3);
        // "10" and "2" not listed: after the listed ones, 2 before 10 as numbers
        Factor partly = Factor.ordered(LABELS, List.of("3", "1"));
        assertThat(partly.levels()).containsExactly("3", "1", "2", "10");
        assertThat(partly.codes()).containsExactly(f.codes());
    }

    @Test
    void levelsNoObservationHasAreLeftOutAndAnEmptyOrderIsTheNaturalOne() {
        Factor f = Factor.ordered(LABELS, List.of("unknown", "2", "2"));
        assertThat(f.levels()).containsExactly("2", "1", "3", "10");
        for (int i = 0; i < LABELS.length; i++) {
            assertThat(f.levels().get(f.codes()[i])).isEqualTo(LABELS[i]);
        }
        assertThat(Factor.ordered(LABELS, List.of())).isEqualTo(Factor.of(LABELS));
    }
}

package org.survkit.stats.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Factor#of} codes labels by their text whatever objects hold them: a reader's one object per distinct text
 * (compared by identity first), equal texts in different objects, and more distinct objects than it compares by
 * identity.
 */
class FactorCodesTest {

    @Test
    void equalTextsInDifferentObjectsGetOneCode() {
        Random r = new Random(20261206);
        String[] words = {"B", "A", "C10", "C2", "x", "y", "z", "w", "v", "u", "t"};
        String[] labels = new String[5000];
        for (int i = 0; i < labels.length; i++) {
            // a fresh object for half the rows (as a text parsed per row), the shared one for the others
            String w = words[r.nextInt(words.length)];
            labels[i] = r.nextBoolean() ? new String(w.toCharArray()) : w;
        }
        Factor f = Factor.of(labels);
        // levels in level order (C2 before C10 as numbers), each row's code the position of its text
        assertThat(f.levels()).containsExactly("A", "B", "C2", "C10", "t", "u", "v", "w", "x", "y", "z");
        for (int i = 0; i < labels.length; i++) {
            assertThat(f.levels().get(f.codes()[i])).isEqualTo(labels[i]);
        }
    }

    @Test
    void aMissingLabelAfterKnownOnesIsNamedWithItsRow() {
        String a = "a";
        assertThatThrownBy(() -> Factor.of(new String[] {a, "b", a, null})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("observation 4");
    }
}

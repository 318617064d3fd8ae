package org.survkit.stats.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The level order of factors: the documented rule on clinical labels, and a total order on any labels. */
class LevelOrderTest {

    private static List<String> sorted(String... labels) {
        List<String> l = new ArrayList<>(Arrays.asList(labels));
        l.sort(LevelOrder.NATURAL);
        return l;
    }

    @Test
    void clinicalLabelsReadInOrder() {
        assertThat(sorted(">50", "<=20", "20-50")).containsExactly("<=20", "20-50", ">50");
        assertThat(sorted("≥ 65", "< 65")).containsExactly("< 65", "≥ 65");
        assertThat(sorted("65+", "40-64", "<40")).containsExactly("<40", "40-64", "65+");
        assertThat(sorted("Stage X", "Stage IV", "Stage II", "Stage IIIA", "Stage I", "Stage IIIB", "Stage III"))
                .containsExactly("Stage I", "Stage II", "Stage III", "Stage IIIA", "Stage IIIB", "Stage IV", "Stage X");
        assertThat(sorted("Stage 10", "Stage 2", "Stage 1")).containsExactly("Stage 1", "Stage 2", "Stage 10");
        assertThat(sorted("T1b", "T2", "T1a", "T10")).containsExactly("T1a", "T1b", "T2", "T10");
        assertThat(sorted("grade 3", "grade 1", "grade 2")).containsExactly("grade 1", "grade 2", "grade 3");
        assertThat(sorted("XL", "M", "S", "L")).containsExactly("L", "M", "S", "XL"); // sizes are words, not numerals
    }

    @Test
    void numbersKeepRsNumericOrderAndComeFirst() {
        assertThat(sorted("10", "2", "-1", "0.5", "a")).containsExactly("-1", "0.5", "2", "10", "a");
        assertThat(sorted("triple negative", "ER/PR+ HER2-", "Triple positive"))
                .containsExactly("ER/PR+ HER2-", "Triple positive", "triple negative");
        assertThat(sorted("1", "01")).containsExactly("01", "1");
    }

    @Test
    void theOrderIsTotalOnAnyLabels() {
        // seeded property test: antisymmetry and transitivity on random labels built from the pieces that matter
        String[] parts = {"", " ", "Stage ", "I", "II", "IV", "X", "XL", "A", "b", "<", "<=", ">", "≥", "+", "-", "1",
            "2", "10", "0.5", "20", "T", "grade", "01"};
        Random r = new Random(20261206L);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                sb.append(parts[r.nextInt(parts.length)]);
            }
            labels.add(sb.toString().trim().isEmpty() ? "x" : sb.toString().trim());
        }
        for (String a : labels) {
            assertThat(LevelOrder.compare(a, a)).isZero();
            for (String b : labels) {
                int ab = Integer.signum(LevelOrder.compare(a, b));
                assertThat(ab).as(a + " vs " + b).isEqualTo(-Integer.signum(LevelOrder.compare(b, a)));
                if (ab == 0) {
                    assertThat(a).isEqualTo(b);
                }
            }
        }
        for (int i = 0; i < 20_000; i++) {
            String a = labels.get(r.nextInt(labels.size()));
            String b = labels.get(r.nextInt(labels.size()));
            String c = labels.get(r.nextInt(labels.size()));
            if (LevelOrder.compare(a, b) < 0 && LevelOrder.compare(b, c) < 0) {
                assertThat(LevelOrder.compare(a, c)).as(a + " < " + b + " < " + c).isNegative();
            }
        }
        List<String> copy = new ArrayList<>(labels);
        copy.sort(LevelOrder.NATURAL); // TimSort detects contract violations
        assertThat(copy).hasSameSizeAs(labels);
    }
}

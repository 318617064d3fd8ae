package org.survkit.stats.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.survkit.stats.baseline.Table1Reference.P;
import static org.survkit.stats.baseline.Table1Reference.STAT;
import static org.survkit.stats.baseline.Table1Reference.close;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Pearson's chi-square against R 4.2.2 {@code chisq.test(tab, correct = FALSE)} and the default
 * {@code chisq.test(tab)} (Yates on 2 × 2 only) on reference/table1/chisq_corner.json (Yates
 * correction capped at |O − E|) and the tables of fisher_chisq.json (after zero margins are dropped).
 */
class ChiSquareIndependenceTest {

    @Test
    void matchesR() {
        int checked = 0;
        for (String file : new String[] {"chisq_corner", "fisher_chisq"}) {
            for (JsonNode t : Table1Reference.json(file).get("tables")) {
                if (!t.has("chisq")) {
                    continue; // fewer than 2 non-empty rows or columns
                }
                String w = t.get("name").asText();
                int[][] table = Table1Reference.table(t.get("table"));
                ChiSquareIndependenceResult none = ChiSquareIndependence.withDefaults().with(ContinuityCorrection.NONE)
                        .test(table);
                close(w + " X2", none.statistic(), t.get("chisq").get("statistic"), STAT);
                close(w + " p", none.pValue(), t.get("chisq").get("p_value"), P);
                assertThat((double) none.df()).isEqualTo(t.get("chisq").get("df").asDouble());
                close(w + " min E", none.minExpected(), t.get("min_expected"), STAT);
                ChiSquareIndependenceResult def = ChiSquareIndependence.withDefaults().test(table);
                close(w + " X2 default", def.statistic(), t.get("chisq_default").get("statistic"), STAT);
                close(w + " p default", def.pValue(), t.get("chisq_default").get("p_value"), P);
                assertThat(def.yates()).as(w).isEqualTo(t.get("chisq_default").get("yates").asBoolean());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void yatesByHand() {
        // {{3, 5}, {5, 8}}: E11 = 8 * 8 / 21 = 3.047619, |O - E| = 0.047619 < 0.5, so the correction is
        // 0.047619 and the statistic is exactly 0. R 4.2.2: chisq.test(matrix(c(3, 5, 5, 8), 2)) X-squared = 0, p = 1
        ChiSquareIndependenceResult r = ChiSquareIndependence.withDefaults().test(new int[][] {{3, 5}, {5, 8}});
        assertThat(r.statistic()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(r.yates()).isTrue();
        // no correction when O = E everywhere (R prints no "Yates" either)
        assertThat(ChiSquareIndependence.withDefaults().test(new int[][] {{5, 5}, {5, 5}}).yates()).isFalse();
    }

    @Test
    void rejectsTablesWithoutTwoRowsAndColumns() {
        assertThatThrownBy(() -> ChiSquareIndependence.withDefaults().test(new int[][] {{1, 2}, {0, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 non-empty");
    }
}

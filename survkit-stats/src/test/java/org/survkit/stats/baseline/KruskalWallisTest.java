package org.survkit.stats.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survkit.stats.baseline.Table1Reference.P;
import static org.survkit.stats.baseline.Table1Reference.STAT;
import static org.survkit.stats.baseline.Table1Reference.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.survkit.stats.ChiSquareTest;

/**
 * Kruskal–Wallis against R 4.2.2 {@code kruskal.test(list(...))} (reference/table1/group_tests.json)
 * and its identity with the Wilcoxon normal approximation for two groups.
 */
class KruskalWallisTest {

    @Test
    void matchesR() {
        JsonNode ref = Table1Reference.json("group_tests");
        for (JsonNode s : ref.get("k_sample")) {
            List<double[]> groups = new ArrayList<>();
            s.get("groups").forEach(g -> groups.add(Table1Reference.doubles(g)));
            check(s.get("name").asText(), KruskalWallis.test(groups), s.get("kruskal"));
        }
        for (JsonNode s : ref.get("two_sample")) {
            check(s.get("name").asText(), KruskalWallis.test(Table1Reference.doubles(s.get("x")),
                    Table1Reference.doubles(s.get("y"))), s.get("kruskal"));
        }
    }

    private static void check(String w, ChiSquareTest h, JsonNode r) {
        close(w + " H", h.statistic(), r.get("statistic"), STAT);
        assertThat((double) h.df()).isEqualTo(r.get("df").asDouble());
        close(w + " p", h.pValue(), r.get("p_value"), P);
    }

    /** k = 2: H equals z² of the Wilcoxon normal approximation without continuity correction (ties included). */
    @Test
    void twoGroupsEqualWilcoxonWithoutCorrection() {
        Random rnd = new Random(5);
        for (int rep = 0; rep < 40; rep++) {
            double[] x = rnd.doubles(3 + rnd.nextInt(40)).map(v -> Math.round(v * 10)).toArray();
            double[] y = rnd.doubles(3 + rnd.nextInt(40)).map(v -> Math.round(v * 10 + 1)).toArray();
            WilcoxonResult w = WilcoxonRankSum.withDefaults().with(WilcoxonMethod.NORMAL).withContinuityCorrection(false)
                    .test(x, y);
            close("p", KruskalWallis.test(x, y).pValue(), w.pValue(), 1e-9);
        }
    }

    @Test
    void allEqualIsNaNAsR() {
        // R 4.2.2: kruskal.test(list(c(2, 2), c(2, 2, 2)))$statistic is NaN
        assertThat(KruskalWallis.test(new double[] {2, 2}, new double[] {2, 2, 2}).statistic()).isNaN();
    }
}

package org.survkit.stats.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.survkit.stats.baseline.Table1Reference.P;
import static org.survkit.stats.baseline.Table1Reference.STAT;
import static org.survkit.stats.baseline.Table1Reference.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wilcoxon rank-sum test against R 4.2.2 {@code wilcox.test} (reference/table1/group_tests.json):
 * R's default (exact iff both n &lt; 50 and no ties), {@code exact = FALSE}, {@code exact = FALSE,
 * correct = FALSE} and {@code exact = TRUE} (where there are no ties), on samples built to cross
 * the exact/normal switch (49/49 exact, 50/30 and 49/50 normal), with ties, a statistic at the
 * centre, groups of one and two, and an extreme separation (exact p ~ 1e-11).
 */
class WilcoxonRankSumTest {

    static Stream<JsonNode> samples() {
        List<JsonNode> out = new ArrayList<>();
        Table1Reference.json("group_tests").get("two_sample").forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void matchesR(JsonNode s) {
        String w = s.get("name").asText();
        double[] x = Table1Reference.doubles(s.get("x"));
        double[] y = Table1Reference.doubles(s.get("y"));
        // R 4.2.2: wilcox.test(x, y)
        WilcoxonResult d = WilcoxonRankSum.withDefaults().test(x, y);
        close(w + " W", d.statistic(), s.get("wilcoxon").get("statistic"), STAT);
        close(w + " p", d.pValue(), s.get("wilcoxon").get("p_value"), P);
        assertThat(d.exact()).as(w + " exact").isEqualTo(s.get("wilcoxon").get("exact").asBoolean());
        assertThat(d.continuityCorrected()).isEqualTo(s.get("wilcoxon").get("continuity").asBoolean());
        // R 4.2.2: wilcox.test(x, y, exact = FALSE)
        WilcoxonResult n = WilcoxonRankSum.withDefaults().with(WilcoxonMethod.NORMAL).test(x, y);
        close(w + " normal p", n.pValue(), s.get("wilcoxon_normal").get("p_value"), P);
        // R 4.2.2: wilcox.test(x, y, exact = FALSE, correct = FALSE)
        WilcoxonResult u = WilcoxonRankSum.withDefaults().with(WilcoxonMethod.NORMAL).withContinuityCorrection(false).test(x, y);
        close(w + " uncorrected p", u.pValue(), s.get("wilcoxon_normal_uncorrected").get("p_value"), P);
        if (s.has("wilcoxon_exact")) {
            // R 4.2.2: wilcox.test(x, y, exact = TRUE)
            WilcoxonResult e = WilcoxonRankSum.withDefaults().with(WilcoxonMethod.EXACT).test(x, y);
            assertThat(e.exact()).isTrue();
            close(w + " exact p", e.pValue(), s.get("wilcoxon_exact").get("p_value"), P);
        }
    }

    @Test
    void exactNormalSwitchAtFifty() {
        JsonNode all = Table1Reference.json("group_tests").get("two_sample");
        for (JsonNode s : all) {
            double[] x = Table1Reference.doubles(s.get("x"));
            double[] y = Table1Reference.doubles(s.get("y"));
            boolean ties = Arrays.stream(concat(x, y)).distinct().count() < x.length + y.length;
            boolean expected = x.length < 50 && y.length < 50 && !ties;
            assertThat(WilcoxonRankSum.withDefaults().test(x, y).exact()).as(s.get("name").asText()).isEqualTo(expected);
        }
    }

    @Test
    void exactWithTiesFallsBackToNormalAsR() {
        double[] x = {1, 2, 2, 3};
        double[] y = {2, 4, 5};
        WilcoxonResult e = WilcoxonRankSum.withDefaults().with(WilcoxonMethod.EXACT).test(x, y);
        assertThat(e.exact()).isFalse();
        assertThat(e.ties()).isTrue();
        assertThat(e.pValue()).isEqualTo(WilcoxonRankSum.withDefaults().with(WilcoxonMethod.NORMAL).test(x, y).pValue());
    }

    @Test
    void smallExactByHand() {
        // x = {1, 2}, y = {3, 4}: W = 0; P(U <= 0) = 1 / C(4, 2) = 1/6; two-sided p = 1/3.
        // R 4.2.2: wilcox.test(c(1, 2), c(3, 4))$p.value = 0.3333333
        WilcoxonResult r = WilcoxonRankSum.withDefaults().test(new double[] {1, 2}, new double[] {3, 4});
        assertThat(r.statistic()).isZero();
        close("1,2 vs 3,4", r.pValue(), 1.0 / 3, 1e-15);
    }

    @Test
    void allTiedGivesNaNAsR() {
        // R 4.2.2: wilcox.test(c(1, 1), c(1, 1, 1))$p.value is NaN
        assertThat(WilcoxonRankSum.withDefaults().test(new double[] {1, 1}, new double[] {1, 1, 1}).pValue()).isNaN();
    }

    @Test
    void rejectsEmptyAndNonFinite() {
        assertThatThrownBy(() -> WilcoxonRankSum.withDefaults().test(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WilcoxonRankSum.withDefaults().test(new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    }

    /** Exact distribution: symmetric, sums to 1, and its two-sided p equals a permutation count on small samples. */
    @Test
    void exactDistributionIsAPermutationCount() {
        Random rnd = new Random(42);
        for (int rep = 0; rep < 50; rep++) {
            int nx = 1 + rnd.nextInt(6);
            int ny = 1 + rnd.nextInt(6);
            double[] pooled = rnd.doubles(nx + ny).toArray();
            double[] x = Arrays.copyOf(pooled, nx);
            double[] y = Arrays.copyOfRange(pooled, nx, nx + ny);
            double w = WilcoxonRankSum.withDefaults().test(x, y).statistic();
            // enumerate every split of the ranks
            int n = nx + ny;
            int count = 0;
            int extreme = 0;
            double centre = nx * ny / 2.0;
            for (int mask = 0; mask < (1 << n); mask++) {
                if (Integer.bitCount(mask) != nx) {
                    continue;
                }
                int ranks = 0;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        ranks += i + 1;
                    }
                }
                double u = ranks - nx * (nx + 1) / 2.0;
                count++;
                if (w <= centre ? u <= w : u >= w) {
                    extreme++;
                }
            }
            double expected = Math.min(1, 2.0 * extreme / count);
            close("split " + nx + "/" + ny, WilcoxonRankSum.withDefaults().test(x, y).pValue(), expected, 1e-13);
        }
    }

    /** Swapping the samples gives W' = nx·ny − W and the same two-sided p. */
    @Test
    void swappingSamples() {
        Random rnd = new Random(3);
        for (int rep = 0; rep < 30; rep++) {
            double[] x = rnd.doubles(5 + rnd.nextInt(60)).map(v -> Math.round(v * 20)).toArray();
            double[] y = rnd.doubles(5 + rnd.nextInt(60)).map(v -> Math.round(v * 20)).toArray();
            WilcoxonResult a = WilcoxonRankSum.withDefaults().test(x, y);
            WilcoxonResult b = WilcoxonRankSum.withDefaults().test(y, x);
            assertThat(a.statistic() + b.statistic()).isEqualTo(x.length * (double) y.length);
            close("swap p", b.pValue(), a.pValue(), 1e-12);
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

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
 * Shapiro–Wilk against R 4.2.2 {@code shapiro.test} (reference/table1/shapiro_wilk.json): seeded
 * normal samples for every n from 3 to 60 (both p-value branches and the n = 3 exact formula, the
 * switch at n = 11/12 and the a₂ term from n = 6), exponential samples, ties, n = 100, 1000 and
 * 5000 (normal, lognormal, t₁₀).
 */
class ShapiroWilkTest {

    static Stream<JsonNode> samples() {
        List<JsonNode> out = new ArrayList<>();
        Table1Reference.json("shapiro_wilk").get("samples").forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void matchesR(JsonNode s) {
        String w = s.get("name").asText();
        // R 4.2.2: shapiro.test(x)
        ShapiroWilkResult r = ShapiroWilk.test(Table1Reference.doubles(s.get("x")));
        close(w + " W", r.statistic(), s.get("statistic"), STAT);
        // p-values below 1e-300 would be compared absolutely; none is that small here
        close(w + " p", r.pValue(), s.get("p_value"), P);
    }

    @Test
    void requiredSampleSizes() {
        assertThat(Table1Reference.json("shapiro_wilk").get("samples").findValuesAsText("name"))
                .contains("normal_3", "normal_11", "normal_50", "n5000_normal");
    }

    @Test
    void coefficientsAreNormalizedAndAntisymmetric() {
        for (int n : new int[] {3, 4, 5, 6, 7, 11, 12, 50, 999, 5000}) {
            double[] a = ShapiroWilk.coefficients(n);
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += a[i] * a[i];
                assertThat(a[i]).isEqualTo(-a[n - 1 - i]);
            }
            close("sum a^2, n = " + n, ss, 1, 1e-13);
        }
    }

    @Test
    void invariantToLocationScaleAndOrder() {
        Random rnd = new Random(8);
        for (int rep = 0; rep < 20; rep++) {
            double[] x = rnd.doubles(3 + rnd.nextInt(200)).map(v -> v * v).toArray();
            ShapiroWilkResult r = ShapiroWilk.test(x);
            double[] y = Arrays.stream(x).map(v -> 1000 + 7 * v).toArray();
            for (int i = y.length - 1; i > 0; i--) { // Fisher-Yates shuffle
                int j = rnd.nextInt(i + 1);
                double t = y[i];
                y[i] = y[j];
                y[j] = t;
            }
            close("W affine", ShapiroWilk.test(y).statistic(), r.statistic(), 1e-10);
            close("p affine", ShapiroWilk.test(y).pValue(), r.pValue(), 1e-8);
        }
    }

    @Test
    void limitsAsR() {
        // R 4.2.2: shapiro.test(1:2) "sample size must be between 3 and 5000"; shapiro.test(rep(1, 5)) "all 'x' values are identical"
        assertThatThrownBy(() -> ShapiroWilk.test(new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 3 and 5000");
        assertThatThrownBy(() -> ShapiroWilk.test(new double[5001])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShapiroWilk.test(new double[] {1, 1, 1, 1, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identical");
        // NaN values are dropped, as R's complete.cases
        assertThat(ShapiroWilk.test(new double[] {1, Double.NaN, 2, 4}).n()).isEqualTo(3);
    }

    @Test
    void threeEquallySpacedIsPerfectlyNormal() {
        // n = 3, x = 1, 2, 3: W = 1 and p = (6/pi)(asin 1 - pi/3) = 1. R 4.2.2: shapiro.test(1:3) W = 1, p-value = 1
        ShapiroWilkResult r = ShapiroWilk.test(new double[] {1, 2, 3});
        close("W", r.statistic(), 1, 1e-15);
        close("p", r.pValue(), 1, 1e-12);
    }
}

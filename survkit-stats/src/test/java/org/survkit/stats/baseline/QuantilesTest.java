package org.survkit.stats.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.survkit.stats.baseline.Table1Reference.STAT;
import static org.survkit.stats.baseline.Table1Reference.close;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Type 7 quantiles and {@link ContinuousSummary} against R 4.2.2 {@code quantile(x, probs, type = 7)},
 * {@code mean}, {@code sd}, {@code median}, {@code min}, {@code max} (reference/table1/quantiles.json).
 */
class QuantilesTest {

    @Test
    void matchesR() {
        JsonNode ref = Table1Reference.json("quantiles");
        double[] probs = Table1Reference.doubles(ref.get("probs"));
        for (JsonNode s : ref.get("samples")) {
            String w = s.get("name").asText();
            double[] x = Table1Reference.doubles(s.get("x"));
            double[] q = Quantiles.type7(x, probs);
            double[] expected = Table1Reference.doubles(s.get("quantiles"));
            for (int i = 0; i < probs.length; i++) {
                close(w + " Q(" + probs[i] + ")", q[i], expected[i], STAT);
            }
            ContinuousSummary c = ContinuousSummary.of(x);
            JsonNode r = s.get("summary");
            assertThat(c.n()).isEqualTo(r.get("n").asInt());
            close(w + " mean", c.mean(), r.get("mean"), STAT);
            close(w + " sd", c.sd(), r.get("sd"), STAT);
            close(w + " median", c.median(), r.get("median"), STAT);
            close(w + " q1", c.q1(), r.get("q1"), STAT);
            close(w + " q3", c.q3(), r.get("q3"), STAT);
        }
    }

    @Test
    void byHand() {
        // x = 1..10: h = 1 + 9p; Q(0.25) = x(3.25) = 3.25, Q(0.75) = x(7.75) = 7.75, median 5.5.
        // R 4.2.2: quantile(1:10, c(.25, .5, .75)) = 3.25 5.50 7.75
        assertThat(Quantiles.type7(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 0.25, 0.5, 0.75))
                .containsExactly(3.25, 5.5, 7.75);
        // between tied order statistics the tied value itself (no (1-h)x + hx rounding)
        assertThat(Quantiles.type7(new double[] {0.1, 0.1, 0.1, 0.7}, 0.3)).containsExactly(0.1);
        assertThat(Quantiles.type7Sorted(new double[0], 0.5)).isNaN();
        assertThatThrownBy(() -> Quantiles.type7Sorted(new double[] {1}, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantiles.type7(new double[] {1, Double.NaN}, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryWithMissingValues() {
        // R 4.2.2: x <- c(4, NA, 1, 3, NA); mean(x, na.rm = TRUE) = 2.666667, sd = 1.527525, median 3
        ContinuousSummary s = ContinuousSummary.of(new double[] {4, Double.NaN, 1, 3, Double.NaN});
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.missing()).isEqualTo(2);
        close("mean", s.mean(), 8.0 / 3, 1e-15);
        close("sd", s.sd(), Math.sqrt(7.0 / 3), 1e-15);
        assertThat(s.median()).isEqualTo(3);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(4);
        assertThat(s.iqr()).isEqualTo(3.5 - 2);
        ContinuousSummary one = ContinuousSummary.of(new double[] {5});
        assertThat(one.sd()).isNaN();
        assertThat(one.q1()).isEqualTo(5);
        ContinuousSummary none = ContinuousSummary.of(new double[] {Double.NaN});
        assertThat(none.n()).isZero();
        assertThat(none.mean()).isNaN();
    }

    @Test
    void meanIsAccurateWithALargeOffset() {
        // R 4.2.2: mean(1e9 + c(0.1, 0.2, 0.3)) - 1e9 = 0.2000000477 (the doubles themselves are inexact)
        double[] x = {1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3};
        assertThat(ContinuousSummary.of(x).mean()).isEqualTo(x[1]);
    }
}

package org.survkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.survkit.stats.baseline.CategoricalSummary;

/** Percentages rounded half-up on the exact fraction; numbers half-up on the exact binary value. */
class PercentFormatTest {

    @Test
    void roundsTheExactFraction() {
        // 9/43 = 20.930232...% and 12/43 = 27.906976...%: a hand-made table printed 21.0 and 28.0
        assertThat(PercentFormat.percent(9, 43, 1)).isEqualTo("20.9");
        assertThat(PercentFormat.percent(12, 43, 1)).isEqualTo("27.9");
        assertThat(PercentFormat.countPercent(9, 43, 1)).isEqualTo("9 (20.9)");
        // exact halves go up: 1/8 = 12.5%, 1/16 = 6.25%, 1/40 = 2.5%
        assertThat(PercentFormat.percent(1, 8, 0)).isEqualTo("13");
        assertThat(PercentFormat.percent(1, 16, 1)).isEqualTo("6.3");
        assertThat(PercentFormat.percent(1, 40, 0)).isEqualTo("3");
        // 1/3 at two decimals, 2/3, 0 and 100
        assertThat(PercentFormat.percent(1, 3, 2)).isEqualTo("33.33");
        assertThat(PercentFormat.percent(2, 3, 1)).isEqualTo("66.7");
        assertThat(PercentFormat.percent(0, 7, 1)).isEqualTo("0.0");
        assertThat(PercentFormat.percent(7, 7, 1)).isEqualTo("100.0");
        assertThat(PercentFormat.percent(0, 0, 1)).isEqualTo("NA");
        assertThatThrownBy(() -> PercentFormat.percent(-1, 3, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentOfACategoricalSummaryUsesTheNonMissingDenominator() {
        CategoricalSummary s = CategoricalSummary.of(new String[] {"a", "b", null, "a"}, java.util.List.of("a", "b"));
        assertThat(s.nonMissing()).isEqualTo(3);
        assertThat(s.missing()).isEqualTo(1);
        assertThat(PercentFormat.percent(s.count("a"), s.nonMissing(), 1)).isEqualTo("66.7");
        assertThat(s.percent("b")).isEqualTo(100.0 / 3);
    }

    @Test
    void decimalsOfDoubles() {
        assertThat(PercentFormat.decimal(0.125, 2)).isEqualTo("0.13"); // exactly representable half: up
        assertThat(PercentFormat.decimal(2.675, 2)).isEqualTo("2.67"); // stored as 2.67499999...
        assertThat(PercentFormat.decimal(-1.25, 1)).isEqualTo("-1.3");
        assertThat(PercentFormat.decimal(-0.04, 1)).isEqualTo("0.0");
        assertThat(PercentFormat.decimal(57.0, 1)).isEqualTo("57.0");
        assertThat(PercentFormat.decimal(Double.NaN, 1)).isEqualTo("NA");
        assertThat(PercentFormat.decimal(Double.NEGATIVE_INFINITY, 1)).isEqualTo("-Inf");
    }
}

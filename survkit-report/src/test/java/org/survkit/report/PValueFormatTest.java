package org.survkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PValueFormatTest {

    @Test
    void threeSignificantDigitsInPlainDecimals() {
        // R 4.2.2 survival 3.5-3: survdiff(Surv(time, status) ~ sex, lung) gives p = 0.0013112
        assertThat(PValueFormat.format(0.0013112)).isEqualTo("0.00131");
        assertThat(PValueFormat.format(0.054499)).isEqualTo("0.0545");
        assertThat(PValueFormat.format(0.5)).isEqualTo("0.500");
        assertThat(PValueFormat.format(0.12345)).isEqualTo("0.123");
        assertThat(PValueFormat.format(0.001)).isEqualTo("0.00100");
        assertThat(PValueFormat.format(0.0049999)).isEqualTo("0.00500");
        assertThat(PValueFormat.format(1.0)).isEqualTo("1.00");
        assertThat(PValueFormat.format(0.99996)).isEqualTo("1.00");
    }

    @Test
    void belowOneThousandthIsCensoredAtTheFloor() {
        assertThat(PValueFormat.format(0.00099)).isEqualTo("< 0.001");
        assertThat(PValueFormat.format(0.0009996)).as("rounds to 0.00100 but is below it").isEqualTo("< 0.001");
        assertThat(PValueFormat.format(1e-20)).isEqualTo("< 0.001");
        assertThat(PValueFormat.format(0)).isEqualTo("< 0.001");
    }

    @Test
    void symbolFormAndMissing() {
        assertThat(PValueFormat.withSymbol(0.0013112)).isEqualTo("p = 0.00131");
        assertThat(PValueFormat.withSymbol(1e-5)).isEqualTo("p < 0.001");
        assertThat(PValueFormat.format(Double.NaN)).isEqualTo("NA");
        assertThat(PValueFormat.format(0.2)).doesNotContain("E").doesNotContain("e");
        assertThat(PValueFormat.format(0.000123456 * 10)).isEqualTo("0.00123");
    }

    @Test
    void rejectsValuesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> PValueFormat.format(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PValueFormat.format(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}

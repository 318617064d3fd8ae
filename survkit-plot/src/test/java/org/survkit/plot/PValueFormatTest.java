package org.survkit.plot;

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

    @Test
    void otherSignificantDigitsForAJournalsOrAPapersStyle() {
        // the mission's paper prints the pairwise log-rank P values 0.00612, 0.0317 and 0.299 as 0.006, 0.03, 0.3
        PValueFormat one = PValueFormat.withDigits(1);
        assertThat(one.text(0.006119)).isEqualTo("0.006");
        assertThat(one.text(0.03166)).isEqualTo("0.03");
        assertThat(one.text(0.2994)).isEqualTo("0.3");
        assertThat(one.text(0.96)).isEqualTo("1");
        assertThat(one.text(0.0004)).isEqualTo("< 0.001");
        PValueFormat two = PValueFormat.withDigits(2);
        assertThat(two.text(0.0013112)).isEqualTo("0.0013");
        assertThat(two.text(0.5)).isEqualTo("0.50");
        assertThat(two.textWithSymbol(0.0449)).isEqualTo("p = 0.045");
        assertThat(PValueFormat.withDigits(4).text(0.0013112)).isEqualTo("0.001311");
        assertThat(PValueFormat.withDigits(3)).isSameAs(PValueFormat.DEFAULT);
        assertThatThrownBy(() -> PValueFormat.withDigits(0)).hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> PValueFormat.withDigits(5)).hasMessageContaining("1 to 4");
    }
}

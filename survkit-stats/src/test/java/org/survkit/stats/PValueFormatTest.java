package org.survkit.stats;

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

    // The journal styles: examples from each journal's guidance (cited in PValueFormat's Javadoc) and the boundaries
    // 0.001, 0.0499, 0.05 and 0.9999. Expected texts are the rules applied by hand, not another program's output.

    @Test
    void nejmTwoDecimalsAboveOneHundredthThreeBelowAndLessThanOneThousandth() {
        PValueFormat nejm = PValueFormat.of(PValueFormat.Style.NEJM, 3);
        assertThat(nejm.text(0.0312)).isEqualTo("0.03");
        assertThat(nejm.text(0.4567)).isEqualTo("0.46");
        assertThat(nejm.text(0.00412)).isEqualTo("0.004");
        assertThat(nejm.text(0.001)).as("0.001 itself is not below 0.001").isEqualTo("0.001");
        assertThat(nejm.text(0.000999)).isEqualTo("<0.001");
        assertThat(nejm.text(0.0499)).as("never rounded up to the 0.05 threshold").isEqualTo("0.0499");
        assertThat(nejm.text(0.0496)).isEqualTo("0.0496");
        assertThat(nejm.text(0.05)).isEqualTo("0.05");
        assertThat(nejm.text(0.0504)).isEqualTo("0.05");
        assertThat(nejm.text(0.046)).as("the AMA's example: .046, not .05").isEqualTo("0.046");
        assertThat(nejm.text(0.9999)).isEqualTo(">0.99");
        assertThat(nejm.text(1.0)).isEqualTo(">0.99");
        assertThat(nejm.text(0.994)).isEqualTo("0.99");
        assertThat(nejm.textWithSymbol(0.0312)).isEqualTo("P=0.03");
        assertThat(nejm.textWithSymbol(0.0001)).isEqualTo("P<0.001");
        assertThat(nejm.text(Double.NaN)).isEqualTo("NA");
    }

    @Test
    void amaDropsTheLeadingZero() {
        PValueFormat ama = PValueFormat.of(PValueFormat.Style.AMA, 3);
        assertThat(ama.text(0.16)).as("AMA's example P=.16").isEqualTo(".16");
        assertThat(ama.textWithSymbol(0.16)).isEqualTo("P=.16");
        assertThat(ama.text(0.00412)).isEqualTo(".004");
        assertThat(ama.text(0.001)).isEqualTo(".001");
        assertThat(ama.text(0.0009)).isEqualTo("<.001");
        assertThat(ama.textWithSymbol(0.0009)).isEqualTo("P<.001");
        assertThat(ama.text(0.049)).as("AMA's example P=.049 instead of .05").isEqualTo(".049");
        assertThat(ama.text(0.0499)).isEqualTo(".0499");
        assertThat(ama.text(0.05)).isEqualTo(".05");
        assertThat(ama.text(0.9999)).isEqualTo(">.99");
    }

    @Test
    void lancetTwoSignificantFiguresMidlinePointAndLessThanOneTenThousandth() {
        PValueFormat lancet = PValueFormat.of(PValueFormat.Style.LANCET, 3);
        assertThat(lancet.text(0.0351)).isEqualTo("0\u00B7035");
        assertThat(lancet.text(0.5)).isEqualTo("0\u00B750");
        assertThat(lancet.text(0.00123)).isEqualTo("0\u00B70012");
        assertThat(lancet.text(0.000123)).as("capped at four decimals").isEqualTo("0\u00B70001");
        assertThat(lancet.text(0.00009)).isEqualTo("<0\u00B70001");
        assertThat(lancet.textWithSymbol(0.00009)).isEqualTo("p<0\u00B70001");
        assertThat(lancet.text(0.001)).isEqualTo("0\u00B70010");
        assertThat(lancet.text(0.0499)).isEqualTo("0\u00B70499");
        assertThat(lancet.text(0.05)).isEqualTo("0\u00B7050");
        assertThat(lancet.text(0.9999)).isEqualTo(">0\u00B799");
        assertThat(lancet.textWithSymbol(0.0351)).isEqualTo("p=0\u00B7035");
    }

    @Test
    void digitsStyleAtTheBoundaries() {
        assertThat(PValueFormat.DEFAULT.text(0.001)).isEqualTo("0.00100");
        assertThat(PValueFormat.DEFAULT.text(0.0499)).isEqualTo("0.0499");
        assertThat(PValueFormat.DEFAULT.text(0.05)).isEqualTo("0.0500");
        assertThat(PValueFormat.DEFAULT.text(0.9999)).isEqualTo("1.00");
        assertThat(PValueFormat.DEFAULT.afterSymbol(0.0001)).isEqualTo(" < 0.001");
        assertThat(PValueFormat.of(PValueFormat.Style.DIGITS, 3)).isSameAs(PValueFormat.DEFAULT);
        assertThat(PValueFormat.of(PValueFormat.Style.NEJM, 3).floor()).isEqualTo(0.001);
        assertThat(PValueFormat.of(PValueFormat.Style.LANCET, 3).floor()).isEqualTo(0.0001);
    }

    @Test
    void rStyleIsFormatPvalWithThreeDigits() {
        // R 4.2.2: for (p in c(0.0013112, 0.5, 1, 1.234e-5, 1e-20, 0.054499)) format.pval(p, digits = 3)
        // gives 0.00131, 0.5, 1, 1.23e-05, <2e-16, 0.0545 (each alone, as print.survdiff formats one P)
        assertThat(PValueFormat.R.text(0.0013112)).isEqualTo("0.00131");
        assertThat(PValueFormat.R.text(0.5)).isEqualTo("0.5");
        assertThat(PValueFormat.R.text(1)).isEqualTo("1");
        assertThat(PValueFormat.R.text(1.234e-5)).isEqualTo("1.23e-05");
        assertThat(PValueFormat.R.text(1e-20)).isEqualTo("<2e-16");
        assertThat(PValueFormat.R.text(0.054499)).isEqualTo("0.0545");
        assertThat(PValueFormat.R.textWithSymbol(1e-20)).isEqualTo("p <2e-16");
        assertThat(PValueFormat.Style.CHOICES).doesNotContain(PValueFormat.Style.R);
    }
}

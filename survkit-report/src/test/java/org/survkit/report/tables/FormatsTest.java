package org.survkit.report.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.survkit.study.Percent;

/**
 * How the report prints hazard ratios and Table 1 counts (issue 14, items 5 and 6). Inputs are chosen numbers, the
 * expected texts the documented rules applied by hand.
 */
class FormatsTest {

    @Test
    void hazardRatioIntervalsGetTheDecimalsThatTellThemApart() {
        assertThat(Formats.hrCi(0.45, 0.21, 0.98)).isEqualTo("0.45 (0.21\u20130.98)");
        // a Cox HR per year of age: two decimals would print 1.03 (1.00-1.07), hiding that the interval includes 1
        assertThat(Formats.hrCi(1.03, 0.998, 1.066)).isEqualTo("1.030 (0.998\u20131.066)");
        // estimate and limits that only four decimals tell apart
        assertThat(Formats.hrCi(1.0001, 0.9998, 1.0004)).isEqualTo("1.0001 (0.9998\u20131.0004)");
        // a limit of exactly 1 may print as 1.00
        assertThat(Formats.hrCi(1.5, 1.0, 2.25)).isEqualTo("1.50 (1.00\u20132.25)");
        assertThat(Formats.hrCi(0.05, 0.012, 0.2)).isEqualTo("0.050 (0.012\u20130.20)");
        assertThat(Formats.hrCi(Double.NaN, 0.1, 2)).isEqualTo("not estimable");
        assertThat(Formats.ratioDigits(11.09, 1.31, 93.62)).isEqualTo(Formats.RATIO_DIGITS);
    }

    @Test
    void tableOneCountsInBothStyles() {
        // 9 of 43 = 20.93 %
        assertThat(Formats.count(9, 43, Percent.N_OF_N)).isEqualTo("9/43 (20.9)");
        assertThat(Formats.count(9, 43, Percent.N)).isEqualTo("9 (20.9)");
    }
}

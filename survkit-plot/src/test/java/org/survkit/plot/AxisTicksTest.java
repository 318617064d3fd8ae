package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AxisTicksTest {

    @Test
    void daysGetOneTwoFiveSteps() {
        // lung: last observation 1022 days
        AxisTicks t = AxisTicks.time(1022, "days");
        assertThat(t.values()).containsExactly(0, 200, 400, 600, 800, 1000);
        assertThat(t.axisMax()).isEqualTo(1022);
        assertThat(t.labels()).containsExactly("0", "200", "400", "600", "800", "1000");
    }

    @Test
    void anAxisEndJustShortOfATickIsExtendedToIt() {
        // veteran: last observation 999 days
        AxisTicks t = AxisTicks.time(999, null);
        assertThat(t.values()).endsWith(1000);
        assertThat(t.axisMax()).isEqualTo(1000);
    }

    @Test
    void monthsGetMultiplesOfTwelve() {
        AxisTicks t = AxisTicks.time(87.4, "months");
        assertThat(t.values()).containsExactly(0, 12, 24, 36, 48, 60, 72, 84);
        AxisTicks five = AxisTicks.time(60, "months");
        assertThat(five.values()).containsExactly(0, 12, 24, 36, 48, 60);
    }

    @Test
    void givenIntervalAndBreaks() {
        assertThat(AxisTicks.time(30, 2.5).labels()).startsWith("0.0", "2.5", "5.0");
        AxisTicks b = AxisTicks.explicit(new double[] {365, 0, 730, 2000}, 1022);
        assertThat(b.values()).containsExactly(0, 365, 730);
        assertThat(b.axisMax()).isEqualTo(1022);
        assertThat(AxisTicks.explicit(new double[] {0, 182.5, 365}, 400).labels()).containsExactly("0", "182.5", "365");
    }

    @Test
    void coveringPutsTicksAtBothEnds() {
        AxisTicks t = AxisTicks.covering(-4.52, 1.21, 5);
        assertThat(t.values()[0]).isLessThanOrEqualTo(-4.52);
        assertThat(t.values()[t.values().length - 1]).isGreaterThanOrEqualTo(1.21);
        assertThat(t.labels()).allMatch(l -> !l.startsWith("-"), "typographic minus");
        assertThat(t.labels()).contains("0");
    }

    @Test
    void logTicksByRange() {
        // lung Cox HRs span 0.41 to 1.99: powers of two
        assertThat(LogTicks.covering(0.41, 1.99).values()).containsExactly(0.25, 0.5, 1, 2);
        // a wider span: 1-2-5
        assertThat(LogTicks.covering(0.05, 20).labels()).containsExactly("0.05", "0.1", "0.2", "0.5", "1", "2", "5",
                "10", "20");
        // very wide: decades
        assertThat(LogTicks.covering(0.001, 1000).values()).containsExactly(0.001, 0.01, 0.1, 1, 10, 100, 1000);
        assertThat(LogTicks.covering(3, 1022).values()[0]).isCloseTo(2, within(1e-12));
    }
}

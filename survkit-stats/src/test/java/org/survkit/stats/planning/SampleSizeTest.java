package org.survkit.stats.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Planning formulas against their closed forms (z values: R qnorm(0.975) = 1.959964, qnorm(0.8) = 0.8416212). */
class SampleSizeTest {
    static final double Z = 1.959963984540054 + 0.8416212335729143;

    @Test
    void schoenfeldEvents() {
        // HR 0.5, 1:1: D = 4 Z^2 / log(0.5)^2 = 65.35 events (Schoenfeld 1983)
        assertThat(SampleSize.withDefaults().events(0.5)).isCloseTo(4 * Z * Z / Math.pow(Math.log(0.5), 2), within(1e-9))
                .isCloseTo(65.345, within(1e-3));
        // 2:1 allocation: p(1-p) = 2/9
        assertThat(SampleSize.withDefaults().withAllocation(2.0 / 3).events(0.5))
                .isCloseTo(Z * Z / (2.0 / 9 * Math.pow(Math.log(0.5), 2)), within(1e-9));
    }

    @Test
    void freedmanEvents() {
        // HR 0.5, 1:1: D = Z^2 (1 + 0.5)^2 / (1 - 0.5)^2 = 9 Z^2 = 70.64 (Freedman 1982)
        assertThat(SampleSize.withDefaults().with(SampleSize.Method.FREEDMAN).events(0.5)).isCloseTo(9 * Z * Z,
                within(1e-9)).isCloseTo(70.64, within(1e-2));
    }

    @Test
    void powerInvertsEvents() {
        for (SampleSize.Method m : SampleSize.Method.values()) {
            SampleSize s = SampleSize.withDefaults().with(m).withPower(0.9).withAllocation(0.4);
            double d = s.events(0.7);
            assertThat(s.power(0.7, d)).isCloseTo(0.9, within(1e-12));
            assertThat(s.power(0.7, d / 2)).isLessThan(0.9);
        }
    }

    @Test
    void patientsFromEventProbability() {
        // no accrual period, follow-up F: P(event) = 1 - exp(-lambda F)
        double lambda = SampleSize.hazardFromMedian(12);
        assertThat(SampleSize.eventProbability(lambda, 0, 24, 0)).isCloseTo(0.75, within(1e-12));
        // uniform accrual A, follow-up F: 1 - (exp(-lF) - exp(-l(A+F))) / (l A)
        double p = SampleSize.eventProbability(lambda, 12, 12, 0);
        assertThat(p).isCloseTo(1 - (Math.exp(-lambda * 12) - Math.exp(-lambda * 24)) / (lambda * 12), within(1e-12));
        // dropout lowers the event probability
        assertThat(SampleSize.eventProbability(lambda, 12, 12, 0.02)).isLessThan(p);
        assertThat(SampleSize.hazardFromSurvival(60, 0.5)).isCloseTo(SampleSize.hazardFromMedian(60), within(1e-15));
        SampleSize s = SampleSize.withDefaults();
        double n = s.patients(0.5, lambda, 12, 12, 0);
        double pe = 0.5 * p + 0.5 * SampleSize.eventProbability(lambda * 0.5, 12, 12, 0);
        assertThat(n).isCloseTo(s.events(0.5) / pe, within(1e-9));
        assertThatThrownBy(() -> s.events(1)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.survkit.stats.planning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Simulated power agrees with Schoenfeld's formula within Monte-Carlo error, and is reproducible by seed. */
class SimulatedPowerTest {

    @Test
    void agreesWithSchoenfeldWithinMonteCarloError() {
        SampleSize plan = SampleSize.withDefaults();
        double lambda = SampleSize.hazardFromMedian(12);
        // design: HR 0.6, accrual 24, follow-up 24; patients for 80% power by the formula
        int n = (int) Math.ceil(plan.patients(0.6, lambda, 24, 24, 0));
        SimulatedPower sim = SimulatedPower.run(n, 0.5, 0.6, lambda, 24, 24, 0, 0.05, 2000, 20261127L, t -> { });
        double formula = plan.power(0.6, sim.meanEvents());
        // Schoenfeld's approximation is close to the simulated power: within 3 Monte-Carlo SEs + 2%
        assertThat(Math.abs(sim.power() - formula)).isLessThan(3 * sim.stdErr() + 0.02);
        assertThat(sim.power()).isBetween(0.75, 0.86);
        SimulatedPower again = SimulatedPower.run(n, 0.5, 0.6, lambda, 24, 24, 0, 0.05, 2000, 20261127L, t -> { });
        assertThat(again).isEqualTo(sim);
    }

    @Test
    void noEffectGivesTheSignificanceLevel() {
        double lambda = SampleSize.hazardFromMedian(12);
        SimulatedPower sim = SimulatedPower.run(100, 0.5, 1.0, lambda, 12, 24, 0.01, 0.05, 2000, 7L, t -> { });
        assertThat(Math.abs(sim.power() - 0.05)).isLessThan(4 * Math.sqrt(0.05 * 0.95 / 2000));
    }
}

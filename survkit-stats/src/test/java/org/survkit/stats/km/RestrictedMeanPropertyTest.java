package org.survkit.stats.km;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.survkit.stats.RandomCohortPropertyTest.EXAMPLES;
import static org.survkit.stats.RandomCohortPropertyTest.SEED;
import static org.survkit.stats.RandomCohortPropertyTest.assertClose;
import static org.survkit.stats.RandomCohortPropertyTest.cohorts;
import static org.survkit.stats.RandomCohortPropertyTest.draw;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.survkit.stats.RandomCohortPropertyTest.Cohort;

/**
 * Invariants of the restricted mean survival time: with complete data and τ at or beyond the last
 * time it is the sample mean (the area under 1 − ECDF); it grows with τ and never exceeds τ.
 */
class RestrictedMeanPropertyTest {

    @Test
    void withoutCensoringAndTauBeyondTheDataRmstIsTheMean() {
        Gen<Pair<Cohort, Integer>> gen = rs -> Pair.of(cohorts(80, 1, false, false).generate(rs), draw(rs, 0, 3));
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(gen.describedAs(p -> p._1 + " extra " + p._2))
                .checkAssert(p -> {
                    Cohort c = p._1;
                    double max = Arrays.stream(c.time()).max().orElseThrow();
                    // tau = max exactly, or 0.5, 1 or 1.5 beyond it; tau must be > 0
                    double tau = max + p._2 * 0.5;
                    if (!(tau > 0)) {
                        tau = 1;
                    }
                    RestrictedMean r = KaplanMeier.withDefaults().fit(c.time(), c.event()).restrictedMean(tau);
                    double mean = Arrays.stream(c.time()).sum() / c.n();
                    assertThat(r.tau()).isEqualTo(tau);
                    assertClose("RMST vs mean of times", r.estimate(), mean);
                    assertThat(r.stdErr()).isGreaterThanOrEqualTo(0);
                });
    }

    @Test
    void rmstIsNonDecreasingInTauAndAtMostTau() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(cohorts()).checkAssert(c -> {
            SurvivalCurve s = KaplanMeier.withDefaults().fit(c.time(), c.event());
            double last = s.time()[s.size() - 1];
            double firstEvent = c.firstEventTime();
            double previous = 0;
            // taus on a fine grid that hits the row times and the points between them
            for (int i = 1; i <= 60; i++) {
                double tau = (last + 1) * i / 50.0;
                RestrictedMean r = s.restrictedMean(tau);
                assertThat(r.estimate()).as("RMST(" + tau + ") >= RMST of a smaller tau").isGreaterThanOrEqualTo(previous);
                // up to rounding: with S = 1 the rectangles t_1 + (t_2 - t_1) + ... + (tau - t_k) add up to tau
                assertThat(r.estimate()).as("RMST(" + tau + ") <= tau").isLessThanOrEqualTo(tau * (1 + 1e-12));
                assertThat(r.stdErr()).isGreaterThanOrEqualTo(0);
                if (!(tau > firstEvent)) {
                    // S = 1 on [0, tau] (also when there is no event at all)
                    assertClose("RMST before the first event", r.estimate(), tau);
                    assertThat(r.stdErr()).isZero();
                }
                previous = r.estimate();
            }
        });
    }
}

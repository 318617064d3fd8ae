package org.survkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.survkit.stats.RandomCohortPropertyTest.EXAMPLES;
import static org.survkit.stats.RandomCohortPropertyTest.SEED;
import static org.survkit.stats.RandomCohortPropertyTest.assertClose;
import static org.survkit.stats.RandomCohortPropertyTest.cohorts;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the median read off a Kaplan–Meier curve ({@link MedianRule}): R's rule gives a
 * row time, the midpoint of two row times, or NaN ("not reached") exactly when the curve stays
 * above one half; the three rules differ only where a curve sits at 0.5.
 */
class MedianPropertyTest {
    /** Below every real gap between S and 0.5 for n ≤ 80, above rounding noise (R uses 1.5e-8). */
    private static final double NEAR = 1e-9;

    @Test
    void rMedianIsARowTimeOrAMidpointOrNotReached() {
        AtomicInteger reached = new AtomicInteger();
        AtomicInteger midpoints = new AtomicInteger();
        AtomicInteger notReached = new AtomicInteger();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(cohorts()).checkAssert(c -> {
            SurvivalCurve s = KaplanMeier.withDefaults().fit(c.time(), c.event());
            double[] t = s.time();
            double[] surv = s.survival();
            double minS = 1;
            for (double v : surv) {
                minS = Math.min(minS, v);
            }
            SurvivalQuantile m = s.median();
            assertThat(m.probability()).isEqualTo(0.5);
            assertThat(m.reached()).as("reached iff min S <= 0.5 (min S = " + minS + ")").isEqualTo(minS < 0.5 + NEAR);
            if (!m.reached()) {
                notReached.incrementAndGet();
                return;
            }
            reached.incrementAndGet();
            boolean rowTime = false;
            boolean midpoint = false;
            for (int i = 0; i < t.length; i++) {
                rowTime |= m.estimate() == t[i];
                for (int j = i + 1; j < t.length; j++) {
                    midpoint |= m.estimate() == (t[i] + t[j]) / 2;
                }
            }
            assertThat(rowTime || midpoint).as("median " + m.estimate() + " is a row time or a midpoint").isTrue();
            if (!rowTime) {
                midpoints.incrementAndGet();
            }
            // and it is where the curve first reaches one half
            int first = 0;
            while (!(surv[first] < 0.5 + NEAR)) {
                first++;
            }
            if (Math.abs(surv[first] - 0.5) > NEAR) {
                assertThat(m.estimate()).isEqualTo(t[first]);
            } else {
                assertThat(m.estimate()).isBetween(t[first], t[t.length - 1]);
            }
        });
        assertThat(reached.get()).isGreaterThan(EXAMPLES / 10);
        assertThat(notReached.get()).isGreaterThan(EXAMPLES / 10);
        assertThat(midpoints.get()).as("cohorts with S = 0.5 over a stretch").isPositive();
    }

    /**
     * Where no value of a curve (estimate, lower or upper limit) is within 1e-9 of 0.5, all rules
     * pick the first time it is below one half.
     */
    @Test
    void theRulesAgreeAwayFromOneHalf() {
        AtomicInteger compared = new AtomicInteger();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(cohorts()).checkAssert(c -> {
            for (ConfidenceType type : ConfidenceType.values()) {
                SurvivalCurve s = KaplanMeier.withDefaults().with(type).fit(c.time(), c.event());
                SurvivalQuantile r = s.median(MedianRule.R);
                assertThat(r).isEqualTo(s.median());
                for (MedianRule rule : MedianRule.values()) {
                    SurvivalQuantile q = s.median(rule);
                    String w = type + " " + rule;
                    if (awayFromHalf(s.survival())) {
                        compared.incrementAndGet();
                        assertClose(w + " estimate", q.estimate(), r.estimate(), 0);
                    }
                    if (awayFromHalf(s.lower())) {
                        assertClose(w + " lower", q.lower(), r.lower(), 0);
                    }
                    if (awayFromHalf(s.upper())) {
                        assertClose(w + " upper", q.upper(), r.upper(), 0);
                    }
                }
            }
        });
        assertThat(compared.get()).isGreaterThan(EXAMPLES);
    }

    private static boolean awayFromHalf(double[] y) {
        for (double v : y) {
            if (Math.abs(v - 0.5) <= NEAR) {
                return false;
            }
        }
        return true;
    }
}

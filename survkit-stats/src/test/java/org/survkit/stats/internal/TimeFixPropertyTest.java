package org.survkit.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.survkit.stats.RandomCohortPropertyTest.EXAMPLES;
import static org.survkit.stats.RandomCohortPropertyTest.SEED;
import static org.survkit.stats.RandomCohortPropertyTest.assertClose;
import static org.survkit.stats.RandomCohortPropertyTest.draw;

import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.survkit.stats.RandomCohortPropertyTest.Cohort;
import org.survkit.stats.RandomCohortPropertyTest;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;

/**
 * {@link TimeFix}, R's {@code aeqSurv}: relative noise of 1e-12 is merged into the smaller value,
 * real differences of 1e-3 (on times up to 1000) are kept, and fixing fixed times changes nothing.
 */
class TimeFixPropertyTest {

    /** Times k/1000 for k in 0..10^6 (gaps ≥ 1e-3, ≤ 1000), each maybe doubled by a copy t·(1 + 1e-12). */
    record Noisy(double[] clean, double[] noisy) {
    }

    static Gen<Noisy> noisyTimes() {
        Gen<Noisy> gen = rs -> {
            int n = draw(rs, 1, 60);
            double[] clean = new double[2 * n];
            double[] noisy = new double[2 * n];
            for (int i = 0; i < n; i++) {
                // a few base values on a coarse grid (ties), or anywhere on the 1e-3 grid
                double t = (draw(rs, 0, 1) == 0 ? draw(rs, 0, 20) * 50 : draw(rs, 0, 1_000_000)) / 1000.0;
                clean[2 * i] = t;
                noisy[2 * i] = t;
                clean[2 * i + 1] = t;
                noisy[2 * i + 1] = draw(rs, 0, 1) == 0 ? t : t * (1 + 1e-12);
            }
            return new Noisy(clean, noisy);
        };
        return gen.describedAs(x -> java.util.Arrays.toString(x.noisy));
    }

    @Test
    void relativeNoiseIsMergedAndRealDifferencesAreKept() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(noisyTimes()).checkAssert(x -> {
            // each t(1 + 1e-12) becomes its partner t; the clean values (gaps >= 1e-3) stay apart
            assertThat(TimeFix.apply(x.noisy())).isEqualTo(x.clean());
            assertThat(TimeFix.apply(x.clean())).isEqualTo(x.clean());
        });
    }

    @Test
    void fixingIsIdempotent() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(noisyTimes()).checkAssert(x -> {
            double[] once = TimeFix.apply(x.noisy());
            assertThat(TimeFix.apply(once)).isEqualTo(once);
        });
    }

    /**
     * Not idempotent in general, exactly like R: aeqSurv's relative criterion divides by the mean
     * of the distinct values, which changes when a run is merged. 101 values 0, 1e-9, …, 1e-7
     * (gaps 1e-9: merged into 0) and 1000, 1000 + 1e-6: the first pass sees mean|y| = 2000/103 ≈
     * 19.4 and 1e-6/19.4 = 5.2e-8 > 1.49e-8 (kept apart); the second sees {0, 1000, 1000 + 1e-6},
     * mean 666.7, and 1e-6/666.7 = 1.5e-9 ≤ 1.49e-8 (merged). Derived by hand from aeqSurv in R
     * survival 3.5-3 ({@code dy <= tol | dy/mean(abs(y)) <= tol}).
     */
    @Test
    void likeRsAeqSurvASecondPassCanMergeMore() {
        double[] y = new double[103];
        for (int i = 0; i <= 100; i++) {
            y[i] = i * 1e-9;
        }
        y[101] = 1000;
        y[102] = 1000 + 1e-6;
        double[] once = TimeFix.apply(y);
        assertThat(once[100]).isZero();
        assertThat(once[102]).as("kept apart in the first pass").isEqualTo(1000 + 1e-6);
        double[] twice = TimeFix.apply(once);
        assertThat(twice[102]).as("merged in the second pass").isEqualTo(1000);
    }

    /** The estimators see the merged times: noise changes no curve and no test. */
    @Test
    void noiseChangesNoCurveAndNoTest() {
        Gen<Pair<Cohort, double[]>> gen = rs -> {
            Cohort c = RandomCohortPropertyTest.cohortsWithGroups(2, 4, true).generate(rs);
            double[] t = c.time().clone();
            for (int i = 0; i < t.length; i++) {
                if (draw(rs, 0, 1) == 1) {
                    t[i] *= 1 + draw(rs, 1, 100) * 1e-12;
                }
            }
            return Pair.of(c, t);
        };
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(gen.describedAs(p -> p._1.toString()))
                .checkAssert(p -> {
                    Cohort c = p._1;
                    double[] noisy = p._2;
                    var a = KaplanMeier.withDefaults().fit(noisy, c.event(), c.group());
                    var b = KaplanMeier.withDefaults().fit(c.time(), c.event(), c.group());
                    for (int g = 0; g < b.size(); g++) {
                        SurvivalCurve x = a.get(g).curve();
                        SurvivalCurve y = b.get(g).curve();
                        assertThat(x.nRisk()).isEqualTo(y.nRisk());
                        assertThat(x.nEvent()).isEqualTo(y.nEvent());
                        assertThat(x.survival()).isEqualTo(y.survival());
                        // a row's time is the smallest member of its merged run
                        for (int i = 0; i < y.size(); i++) {
                            assertThat(x.time()[i]).isBetween(y.time()[i], y.time()[i] * (1 + 1e-9));
                        }
                    }
                    LogRankResult r = LogRankTest.withDefaults().test(noisy, c.event(), c.group(), c.strata());
                    LogRankResult s = LogRankTest.withDefaults().test(c.time(), c.event(), c.group(), c.strata());
                    assertClose("statistic", r.statistic(), s.statistic());
                    assertThat(r.groups()).isEqualTo(s.groups());
                });
    }
}

package org.survkit.stats.km;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.survkit.stats.RandomCohortPropertyTest.EXAMPLES;
import static org.survkit.stats.RandomCohortPropertyTest.SEED;
import static org.survkit.stats.RandomCohortPropertyTest.assertClose;
import static org.survkit.stats.RandomCohortPropertyTest.cohorts;
import static org.survkit.stats.RandomCohortPropertyTest.permutation;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.survkit.stats.RandomCohortPropertyTest.Cohort;

/**
 * Invariants of the Kaplan–Meier fit that hold for every sample: the estimate does not depend on
 * the order of the subjects; the table is internally consistent; S is a non-increasing
 * probability inside its confidence limits; with complete data S is one minus the empirical
 * distribution function; Nelson–Aalen is Σ d/n and exp(−Λ) ≥ S (Fleming–Harrington ≥ KM, since
 * 1 − x ≤ e<sup>−x</sup>). Expected values are derived from the raw data in the test, never read
 * back from the table under test.
 */
class KaplanMeierPropertyTest {
    private static final KaplanMeier KM = KaplanMeier.withDefaults();

    @Test
    void permutingSubjectsChangesNoCurve() {
        Gen<Pair<Cohort, int[]>> gen = rs -> {
            Cohort c = cohorts().generate(rs);
            return Pair.of(c, permutation(rs, c.n()));
        };
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(gen.describedAs(p -> p._1.toString()))
                .checkAssert(p -> {
                    Cohort c = p._1;
                    Cohort shuffled = c.permute(p._2);
                    for (ConfidenceType type : ConfidenceType.values()) {
                        KaplanMeier km = KM.with(type);
                        // exact: the same counts enter the same products in the same (time) order
                        assertThat(km.fit(shuffled.time(), shuffled.event(), shuffled.group()))
                                .isEqualTo(km.fit(c.time(), c.event(), c.group()));
                    }
                });
    }

    @Test
    void tableIsConsistentWithTheData() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(cohorts()).checkAssert(c -> {
            List<GroupCurve> curves = KM.fit(c.time(), c.event(), c.group());
            for (GroupCurve gc : curves) {
                SurvivalCurve s = gc.curve();
                double[] t = s.time();
                double[] risk = s.nRisk();
                double[] dead = s.nEvent();
                double[] cens = s.nCensor();
                int n = 0;
                int events = 0;
                for (int i = 0; i < c.n(); i++) {
                    if (c.group()[i].equals(gc.group())) {
                        n++;
                        events += c.event()[i] ? 1 : 0;
                    }
                }
                assertThat(s.n()).isEqualTo(n);
                assertThat(s.events()).isEqualTo(events);
                assertThat(risk[0]).as("n = nRisk[0]").isEqualTo(n);
                double sumEvents = 0;
                double sumCens = 0;
                for (int i = 0; i < t.length; i++) {
                    if (i > 0) {
                        assertThat(t[i]).as("times strictly increasing").isGreaterThan(t[i - 1]);
                        assertThat(risk[i]).as("nRisk[i] = nRisk[i-1] - nEvent[i-1] - nCensor[i-1]")
                                .isEqualTo(risk[i - 1] - dead[i - 1] - cens[i - 1]);
                    }
                    assertThat(dead[i] + cens[i]).as("a row has an event or a censoring").isPositive();
                    // the counts at t[i], recomputed from the raw data
                    int atRisk = 0;
                    int d = 0;
                    int cc = 0;
                    for (int j = 0; j < c.n(); j++) {
                        if (!c.group()[j].equals(gc.group())) {
                            continue;
                        }
                        atRisk += c.time()[j] >= t[i] ? 1 : 0;
                        if (c.time()[j] == t[i]) {
                            d += c.event()[j] ? 1 : 0;
                            cc += c.event()[j] ? 0 : 1;
                        }
                    }
                    assertThat(new double[] {risk[i], dead[i], cens[i]}).as("n.risk, n.event, n.censor at " + t[i])
                            .containsExactly(atRisk, d, cc);
                    sumEvents += dead[i];
                    sumCens += cens[i];
                }
                assertThat(sumEvents).as("sum of nEvent = events").isEqualTo(events);
                assertThat(sumEvents + sumCens).isEqualTo(n);
                int last = t.length - 1;
                assertThat(risk[last] - dead[last] - cens[last]).as("nobody left after the last row").isZero();
            }
        });
    }

    @Test
    void survivalIsAMonotoneProbabilityInsideItsLimits() {
        AtomicInteger reachedZero = new AtomicInteger();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(cohorts()).checkAssert(c -> {
            for (ConfidenceType type : ConfidenceType.values()) {
                for (GroupCurve gc : KM.with(type).fit(c.time(), c.event(), c.group())) {
                    SurvivalCurve s = gc.curve();
                    assertThat(s.confType()).isEqualTo(type);
                    double[] surv = s.survival();
                    double[] se = s.stdErr();
                    double[] lo = s.lower();
                    double[] hi = s.upper();
                    double[] haz = s.cumHaz();
                    for (int i = 0; i < surv.length; i++) {
                        String at = type + " " + gc.group() + " row " + i;
                        assertThat(surv[i]).as(at).isBetween(0.0, 1.0);
                        if (i > 0) {
                            assertThat(surv[i]).as(at + " non-increasing").isLessThanOrEqualTo(surv[i - 1]);
                            assertThat(haz[i]).as(at + " cumHaz non-decreasing").isGreaterThanOrEqualTo(haz[i - 1]);
                        }
                        if (surv[i] == 0) {
                            reachedZero.incrementAndGet();
                            // R: NA from the row where S reaches 0
                            assertThat(se[i]).as(at + " se where S = 0").isNaN();
                            assertThat(lo[i]).as(at + " lower where S = 0").isNaN();
                            assertThat(hi[i]).as(at + " upper where S = 0").isNaN();
                            continue;
                        }
                        assertThat(se[i]).as(at + " se").isGreaterThanOrEqualTo(0);
                        boolean defined = !(type == ConfidenceType.LOG_LOG && surv[i] == 1);
                        assertThat(Double.isNaN(lo[i]) || Double.isNaN(hi[i])).as(at + " limits defined")
                                .isEqualTo(!defined);
                        if (defined) {
                            // 1e-15: exp(log S) may differ from S in the last bit
                            assertThat(lo[i]).as(at + " lower").isBetween(0.0, surv[i] + 1e-15);
                            assertThat(hi[i]).as(at + " upper").isBetween(surv[i] - 1e-15, 1.0);
                        }
                    }
                }
            }
        });
        assertThat(reachedZero.get()).as("curves that reach 0 were checked").isPositive();
    }

    /** Product-limit and Nelson–Aalen from the raw data, against every row; censoring allowed. */
    @Test
    void survivalIsTheProductLimitAndCumHazIsNelsonAalen() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(cohorts()).checkAssert(c -> {
            SurvivalCurve s = KM.fit(c.time(), c.event());
            double[] t = s.time();
            double product = 1;
            double nelson = 0;
            for (int i = 0; i < t.length; i++) {
                int atRisk = 0;
                int d = 0;
                for (int j = 0; j < c.n(); j++) {
                    atRisk += c.time()[j] >= t[i] ? 1 : 0;
                    d += c.time()[j] == t[i] && c.event()[j] ? 1 : 0;
                }
                product *= 1 - (double) d / atRisk;
                if (d > 0) {
                    nelson += (double) d / atRisk;
                }
                assertClose("S at " + t[i], s.survival()[i], product);
                // Σ d/n over the same event times in the same order: exact
                assertThat(s.cumHaz()[i]).as("cumHaz at " + t[i]).isEqualTo(nelson);
                // Fleming–Harrington/Breslow estimate exp(-Λ) ≥ KM: Π(1 - d/n) ≤ Π exp(-d/n)
                assertThat(Math.exp(-s.cumHaz()[i])).as("exp(-cumHaz) >= S at " + t[i])
                        .isGreaterThanOrEqualTo(s.survival()[i]);
            }
        });
    }

    @Test
    void withoutCensoringSurvivalIsOneMinusTheEcdf() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(cohorts(80, 4, false, false)).checkAssert(c -> {
            for (GroupCurve gc : KM.fit(c.time(), c.event(), c.group())) {
                SurvivalCurve s = gc.curve();
                assertThat(s.nCensor()).containsOnly(0);
                for (int i = 0; i < s.size(); i++) {
                    double ti = s.time()[i];
                    int n = 0;
                    int later = 0;
                    for (int j = 0; j < c.n(); j++) {
                        if (c.group()[j].equals(gc.group())) {
                            n++;
                            later += c.time()[j] > ti ? 1 : 0;
                        }
                    }
                    // 1 - F_n(t) = #{T > t}/n
                    assertClose(gc.group() + " S at " + ti, s.survival()[i], (double) later / n);
                }
            }
        });
    }

    /** {@link SurvivalCurve#at}: the right-continuous step function, R summary(fit, times =, extend = TRUE). */
    @Test
    void atReadsTheStepFunction() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(cohorts()).checkAssert(c -> {
            SurvivalCurve s = KM.fit(c.time(), c.event());
            double[] t = s.time();
            for (int i = 0; i < t.length; i++) {
                SurvivalAtTime on = s.at(t[i]).get(0);
                assertThat(on.survival()).isEqualTo(s.survival()[i]);
                assertThat(on.nRisk()).isEqualTo(s.nRisk()[i]);
                double between = i + 1 < t.length ? (t[i] + t[i + 1]) / 2 : t[i] + 1;
                SurvivalAtTime after = s.at(between).get(0);
                assertThat(after.survival()).as("S between rows").isEqualTo(s.survival()[i]);
                assertThat(after.nRisk()).as("at risk between rows")
                        .isEqualTo(i + 1 < t.length ? s.nRisk()[i + 1] : 0);
            }
            if (t[0] > 0) {
                SurvivalAtTime before = s.at(t[0] / 2).get(0);
                assertThat(before.survival()).isEqualTo(1.0);
                assertThat(before.nRisk()).isEqualTo(c.n());
            }
        });
    }
}

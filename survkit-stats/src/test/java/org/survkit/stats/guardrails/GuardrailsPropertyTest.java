package org.survkit.stats.guardrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.survkit.stats.RandomCohortPropertyTest.EXAMPLES;
import static org.survkit.stats.RandomCohortPropertyTest.SEED;
import static org.survkit.stats.RandomCohortPropertyTest.cohorts;
import static org.survkit.stats.RandomCohortPropertyTest.cohortsWithGroups;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;

/**
 * {@link Guardrails} raise each caveat exactly when its documented condition holds, counted from
 * the curves and the test result.
 */
class GuardrailsPropertyTest {

    private static long count(List<Diagnostic> d, String code) {
        return d.stream().filter(x -> x.code().equals(code)).count();
    }

    @Test
    void curveCaveatsFollowTheirDefinitions() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(cohorts()).checkAssert(c -> {
            List<GroupCurve> curves = KaplanMeier.withDefaults().fit(c.time(), c.event(), c.group());
            double[] at = {0, 1.5, 50, 1000};
            double tau = 100;
            List<Diagnostic> d = Guardrails.forCurves(curves, at, tau);
            long small = 0;
            long noEvents = 0;
            long fewEvents = 0;
            long beyond = 0;
            long fewAtRisk = 0;
            long tauBeyond = 0;
            for (GroupCurve gc : curves) {
                SurvivalCurve s = gc.curve();
                small += s.n() < Guardrails.SMALL_GROUP ? 1 : 0;
                noEvents += s.events() == 0 ? 1 : 0;
                fewEvents += s.events() > 0 && s.events() < Guardrails.FEW_EVENTS ? 1 : 0;
                double last = s.time()[s.size() - 1];
                for (double t : at) {
                    int risk = 0;
                    for (int i = 0; i < c.n(); i++) {
                        risk += c.group()[i].equals(gc.group()) && c.time()[i] >= t ? 1 : 0;
                    }
                    if (t > last) {
                        beyond++;
                    } else if (risk < Guardrails.FEW_AT_RISK) {
                        fewAtRisk++;
                    }
                }
                tauBeyond += tau > last ? 1 : 0;
            }
            assertThat(count(d, "small-group")).isEqualTo(small);
            assertThat(count(d, "no-events")).isEqualTo(noEvents);
            assertThat(count(d, "few-events")).isEqualTo(fewEvents);
            assertThat(count(d, "beyond-follow-up")).isEqualTo(beyond);
            assertThat(count(d, "few-at-risk")).isEqualTo(fewAtRisk);
            assertThat(count(d, "tau-beyond-follow-up")).isEqualTo(tauBeyond);
            assertThat(d).hasSize((int) (small + noEvents + fewEvents + beyond + fewAtRisk + tauBeyond));
            assertThat(Guardrails.forCurves(curves, at, Double.NaN)).hasSize(d.size() - (int) tauBeyond);
        });
    }

    @Test
    void comparisonCaveatsFollowTheirDefinitions() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(cohortsWithGroups(2, 4, true)).checkAssert(c -> {
            LogRankResult r = LogRankTest.withDefaults().test(c.time(), c.event(), c.group(), c.strata());
            long fewExpected = r.groups().stream().filter(g -> g.expected() > 0 && g.expected() < 5).count();
            int k = r.groups().size();
            int pairs = k * (k - 1) / 2;
            for (PValueAdjustment adj : PValueAdjustment.values()) {
                List<Diagnostic> d = Guardrails.forComparison(r, List.of(), pairs, adj);
                assertThat(count(d, "few-expected")).isEqualTo(fewExpected);
                assertThat(count(d, "unadjusted-multiple-comparisons"))
                        .isEqualTo(pairs > 1 && adj == PValueAdjustment.NONE ? 1 : 0);
                assertThat(count(d, "crossing-curves")).as("no curves given").isZero();
            }
        });
    }
}

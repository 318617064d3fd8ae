package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proportional-hazards test's sums taken from the fit's last evaluation ({@link ProportionalHazardsTest.AlongFit}):
 * the Newton–Raphson iterations are the same with and without them (bit for bit), the fit keeps them exactly when its
 * last evaluation was the one it foresaw, and the test from them equals the test's own walk at β̂ to rounding. On
 * every R case of {@code reference/cox-zph-concordance} (strata, weights, delayed entry, aliased columns, Breslow,
 * Efron and exact ties; the expected values are the test's own walk, whose R agreement ProportionalHazardsTestTest
 * checks).
 */
class PhTestAlongFitTest {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return ProportionalHazardsTestTest.cases();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theFitsLastEvaluationGivesTheTestsSums(ZphConcordanceCase c, String label, int k) {
        JsonNode ref = c.json.get("zph").get(k);
        ZphTransform transform = ZphTransform.parse(ref.get("transform").asText());
        boolean byTerm = ref.get("terms").asBoolean();
        PreparedCoxData prepared = PreparedCoxData.of(c.data);
        Ties ties = c.ties();
        CoxRiskSets plain = prepared.riskSets(ties, null);
        CoxRegression.Fit alone = CoxRegression.newtonRaphson(plain, new double[plain.p], CoxControl.DEFAULT);

        CoxRiskSets rs = prepared.riskSets(ties, null);
        ProportionalHazardsTest.AlongFit along = ProportionalHazardsTest.AlongFit.of(prepared, rs, transform);
        if (ties == Ties.EXACT) {
            assertThat(along).as("exact ties: the test's sums are Breslow's, walked on their own").isNull();
            return;
        }
        assertThat(along).isNotNull();
        AtomicInteger foreseen = new AtomicInteger();
        CoxRegression.LastEvaluation counting = (beta, last) -> {
            foreseen.incrementAndGet();
            return along.evaluate(beta, last);
        };
        CoxRegression.Fit f = CoxRegression.newtonRaphson(rs, new double[rs.p], CoxControl.DEFAULT, counting);
        // the same iterations, bit for bit
        assertThat(f.beta()).as(label).isEqualTo(alone.beta());
        assertThat(f.loglik()).isEqualTo(alone.loglik());
        assertThat(f.iterations()).isEqualTo(alone.iterations());
        assertThat(f.var()).isDeepEqualTo(alone.var());

        ProportionalHazardsTest.Sums sums = along.at(f.beta(), f.singular());
        boolean aliased = false;
        for (boolean s : f.singular()) {
            aliased |= s;
        }
        if (f.converged() && !aliased) {
            // every converged case here reaches its last evaluation by a foreseen step
            assertThat(foreseen.get()).as(label + ": evaluations foreseen as the last").isPositive();
            assertThat(sums).as(label + ": sums kept at β̂").isNotNull();
        } else {
            assertThat(sums).as(label + ": no sums unless every coefficient is estimable at a converged β̂").isNull();
        }
        CoxModel model = CoxRegression.withDefaults().with(ties).fit(prepared, null);
        ZphResult own = ProportionalHazardsTest.tests(prepared, model, transform, byTerm);
        ZphResult fromFit = ProportionalHazardsTest.run(prepared, rs, model.coef(), ties, model.linearPredictors(),
                transform, byTerm, false, sums);
        ProportionalHazardsTestTest.sameToRounding(label, fromFit, own);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void sumsOfAnEvaluationThatIsNotTheLastAreNotKept(ZphConcordanceCase c, String label, int k) {
        if (c.ties() == Ties.EXACT) {
            return;
        }
        PreparedCoxData prepared = PreparedCoxData.of(c.data);
        CoxRiskSets rs = prepared.riskSets(c.ties(), null);
        ProportionalHazardsTest.AlongFit along = ProportionalHazardsTest.AlongFit.of(prepared, rs,
                ZphTransform.parse(c.json.get("zph").get(k).get("transform").asText()));
        double[] zero = new double[rs.p];
        CoxRiskSets.Evaluation kept = along.evaluate(zero, lk -> true);
        assertThat(kept.loglik).isEqualTo(rs.evaluate(zero, true).loglik);
        assertThat(along.at(zero, new boolean[rs.p])).isNotNull();
        along.evaluate(zero, lk -> false);
        assertThat(along.at(zero, new boolean[rs.p])).as(label).isNull();
    }
}

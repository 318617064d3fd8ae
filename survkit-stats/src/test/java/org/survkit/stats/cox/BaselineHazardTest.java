package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Baseline cumulative hazard against R {@code basehaz} (R 4.2.2, survival 3.5-3,
 * {@code reference/cox-residuals/refgen_cox_residuals.R}): Breslow increments for breslow fits,
 * Efron-adjusted ones for efron fits (survfit.coxph's ctype default), per stratum.
 */
class BaselineHazardTest {

    static Stream<CoxResidualCase> cases() {
        return CoxResidualCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesBasehaz(CoxResidualCase c) {
        for (boolean centered : new boolean[] {true, false}) {
            // R 4.2.2, survival 3.5-3: basehaz(fit, centered = TRUE / FALSE)
            JsonNode ref = c.json.get("basehaz").get(centered ? "centered" : "uncentered");
            // R centres on fit$means; survkit's means differ for weighted (start, stop] fits (see CoxResidualCase)
            BaselineHazard b = CoxPrediction.baseline(c.data, c.meansDifferFromR() ? c.modelWithRMeans() : c.model,
                    centered);
            String w = c.name + (centered ? " centered" : " uncentered");
            assertThat(b.centered()).isEqualTo(centered);
            CoxResidualCase.closeVector(w + " time", b.time(), ref.get("time"), 1e-12);
            CoxResidualCase.closeVector(w + " hazard", b.cumHaz(), ref.get("hazard"), 1e-6);
            if (ref.get("strata").isNull()) {
                assertThat(b.stratum()).containsOnly(0);
            } else {
                int[] s = new int[ref.get("strata").size()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = ref.get("strata").get(i).asInt();
                }
                assertThat(b.stratum()).containsExactly(s);
            }
        }
    }

    @Test
    void breslowWithoutTiesNeedsNoAdjustmentAndEfronDiffersOnlyAtTies() {
        // lung has tied death times: Efron's increments are larger than Breslow's exactly there
        CoxResidualCase c = CoxResidualCase.named("lung_efron");
        BaselineHazard efron = CoxPrediction.baseline(c.data, c.model, true);
        // the same β and data with Breslow increments
        CoxModel m = new CoxModel(Ties.BRESLOW, c.model.control(), c.model.n(), c.model.events(),
                c.model.coefficients(), c.model.variance(), c.model.naiveVariance(), c.model.loglikNull(),
                c.model.loglik(), c.model.lrTest(), c.model.waldTest(), c.model.scoreTest(), null, null,
                c.model.iterations(), true, c.model.means(), c.model.linearPredictors(), c.model.diagnostics(),
                c.model.confLevel());
        BaselineHazard breslow = CoxPrediction.baseline(c.data, m, true);
        double[] e = efron.cumHaz();
        double[] b = breslow.cumHaz();
        assertThat(e[e.length - 1]).isGreaterThan(b[b.length - 1]);
        // before the first tied death time the two agree
        double[] time = c.data.stop();
        boolean[] ev = c.data.event();
        double firstTie = Double.POSITIVE_INFINITY;
        for (int i = 0; i < time.length; i++) {
            for (int j = i + 1; j < time.length; j++) {
                if (ev[i] && ev[j] && time[i] == time[j]) {
                    firstTie = Math.min(firstTie, time[i]);
                }
            }
        }
        for (int r = 0; r < e.length && efron.time()[r] < firstTie; r++) {
            assertThat(e[r]).isCloseTo(b[r], org.assertj.core.data.Offset.offset(1e-15));
        }
    }
}

package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.stats.km.ConfidenceType;

/**
 * Predicted survival curves against R {@code survfit(fit, newdata = profile, conf.type = ...)}
 * (R 4.2.2, survival 3.5-3, {@code reference/cox-residuals/refgen_cox_residuals.R}). The standard
 * errors include the variance of β̂; R uses {@code fit$var}, which is the robust variance for the
 * clustered and fractionally weighted fits, so those are compared with the robust model.
 */
class CoxPredictionTest {
    private static final double TOL = 1e-6;

    static Stream<CoxResidualCase> cases() {
        return CoxResidualCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesSurvfit(CoxResidualCase c) {
        CoxModel model = c.modelAsR();
        double seTol = c.json.get("robust").asBoolean() ? 1e-5 : TOL;
        for (JsonNode profile : c.json.get("survfit")) {
            double[] z = new double[profile.get("profile").size()];
            for (int j = 0; j < z.length; j++) {
                z[j] = profile.get("profile").get(j).asDouble();
            }
            int stratum = profile.get("stratum").isNull() ? 0 : profile.get("stratum").asInt();
            for (ConfidenceType type : ConfidenceType.values()) {
                // R 4.2.2, survival 3.5-3: survfit(fit, newdata = profile, conf.type = type)
                JsonNode ref = profile.get(type.rName());
                CoxSurvivalCurve s = c.data.strata() == null
                        ? CoxPrediction.predict(c.data, model, z, type)
                        : CoxPrediction.predict(c.data, model, z, stratum, type, 0.95);
                String w = c.name + " " + profile.get("newdata") + " " + type.rName();
                assertThat(s.stratum()).isEqualTo(stratum);
                CoxResidualCase.closeVector(w + " time", s.time(), ref.get("time"), 1e-12);
                CoxResidualCase.closeVector(w + " n.risk", s.nRisk(), ref.get("n_risk"), 1e-12);
                CoxResidualCase.closeVector(w + " n.event", s.nEvent(), ref.get("n_event"), 1e-12);
                CoxResidualCase.closeVector(w + " n.censor", s.nCensor(), ref.get("n_censor"), 1e-12);
                CoxResidualCase.closeVector(w + " surv", s.survival(), ref.get("surv"), TOL);
                CoxResidualCase.closeVector(w + " cumhaz", s.cumHaz(), ref.get("cumhaz"), TOL);
                CoxResidualCase.closeVector(w + " std.err", s.stdErrCumHaz(), ref.get("std_err"), seTol);
                CoxResidualCase.closeVector(w + " lower", s.lower(), ref.get("lower"), seTol);
                CoxResidualCase.closeVector(w + " upper", s.upper(), ref.get("upper"), seTol);
                double[] se = s.stdErr();
                double[] sv = s.survival();
                double[] sc = s.stdErrCumHaz();
                for (int i = 0; i < se.length; i++) {
                    assertThat(se[i]).isEqualTo(sv[i] * sc[i]);
                }
            }
        }
    }

    @Test
    void meanProfileGivesTheCentredBaseline() {
        CoxResidualCase c = CoxResidualCase.named("veteran_celltype");
        CoxSurvivalCurve s = CoxPrediction.predict(c.data, c.model, c.model.means(), ConfidenceType.LOG);
        BaselineHazard b = CoxPrediction.baseline(c.data, c.model, true);
        assertThat(s.linearPredictor()).isEqualTo(0.0);
        assertThat(s.cumHaz()).containsExactly(b.cumHaz());
    }

    @Test
    void stratifiedModelNeedsAStratum() {
        CoxResidualCase c = CoxResidualCase.named("lung_strata");
        assertThatThrownBy(() -> CoxPrediction.predict(c.data, c.model, new double[] {60, 1}, ConfidenceType.LOG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stratum");
        assertThatThrownBy(() -> CoxPrediction.predict(c.data, c.model, new double[] {60}, 0, ConfidenceType.LOG, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one value per column");
    }
}

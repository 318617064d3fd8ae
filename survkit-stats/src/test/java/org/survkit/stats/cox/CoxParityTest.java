package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.stats.Tolerance;

/**
 * Cox regression parity with R on every case of {@code reference/cox} (R 4.2.2, survival 3.5-3,
 * {@code reference/cox/refgen_cox.R}): the fit (coefficients, SEs and HR limits to 1e-5,
 * log-likelihoods to 1e-7, tests to 1e-4, iterations), and the log-likelihood, score and
 * information at fixed β ({@code coxph(init = b, iter.max = 0)}), which for the Therneau &amp;
 * Grambsch test sets equal the book's closed forms.
 */
class CoxParityTest {

    static Stream<CoxCase> cases() {
        return CoxCase.all();
    }

    static boolean robust(CoxCase c) {
        return c.json.get("cluster") != null && !c.json.get("cluster").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fit(CoxCase c) {
        JsonNode f = c.json.get("fit");
        CoxModel m = CoxRegression.withDefaults().with(c.ties).fit(c.data);
        String w = c.name;
        assertThat(m.n()).as(w + " n").isEqualTo(f.get("n").asInt());
        assertThat(m.events()).as(w + " events").isEqualTo(f.get("events").asInt());
        Tolerance.close(w + " loglik null", m.loglikNull(), f.get("loglik").get(0), 1e-7);
        Tolerance.close(w + " loglik", m.loglik(), f.get("loglik").get(1), 1e-7);
        assertThat(m.iterations()).as(w + " iterations").isEqualTo(f.get("iterations").asInt());
        Tolerance.close(w + " LR", m.lrTest().statistic(), f.get("lr_test").get("statistic"), 1e-4);
        assertThat(m.lrTest().df()).as(w + " LR df").isEqualTo(f.get("lr_test").get("df").asInt());
        Tolerance.close(w + " score", m.scoreTest().statistic(), f.get("score_test").get("statistic"), 1e-4);
        boolean monotone = f.get("warnings").size() > 0;
        assertThat(m.diagnostics().stream().anyMatch(d -> d.code().equals("monotone-likelihood")))
                .as(w + " monotone-likelihood warning").isEqualTo(monotone);
        JsonNode coefs = f.get("coefficients");
        assertThat(m.coefficients()).hasSize(coefs.size());
        for (int j = 0; j < coefs.size(); j++) {
            JsonNode x = coefs.get(j);
            CoxCoefficient k = m.coefficients().get(j);
            String v = w + " " + x.get("term").asText();
            assertThat(k.aliased()).as(v + " aliased").isEqualTo(x.get("aliased").asBoolean());
            if (k.aliased()) {
                assertThat(k.coef()).isNaN();
                continue;
            }
            if (monotone && Math.abs(x.get("coef").asDouble()) > 5) {
                continue; // a coefficient running to infinity: its value depends on the iteration path only
            }
            Tolerance.close(v + " coef", k.coef(), x.get("coef"), 1e-5);
            Tolerance.close(v + " se", k.se(), x.get("se"), 1e-5);
            Tolerance.close(v + " robust se", k.robustSe(), x.get("robust_se"), 1e-5);
            Tolerance.close(v + " z", k.z(), x.get("z"), 1e-5);
            Tolerance.close(v + " p", k.pValue(), x.get("p_value"), 1e-4);
            Tolerance.close(v + " hr lower", k.hrLower(), x.get("hr_lower"), 1e-5);
            Tolerance.close(v + " hr upper", k.hrUpper(), x.get("hr_upper"), 1e-5);
            Tolerance.close(v + " hr", k.hr(), x.get("hr"), 1e-5);
        }
        Tolerance.close(w + " Wald", m.waldTest().statistic(), f.get("wald_test").get("statistic"), 1e-4);
        assertThat(m.robust()).as(w + " robust").isEqualTo(robust(c));
        Tolerance.close(w + " concordance", m.concordance().estimate(), f.get("concordance").get("estimate"), 1e-6);
        Tolerance.close(w + " concordance se", m.concordance().stdErr(), f.get("concordance").get("se"), 1e-5);
        if (robust(c)) {
            Tolerance.close(w + " robust score", m.robustScoreTest().statistic(),
                    f.get("robust_score_test").get("statistic"), 1e-4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void likelihoodAtFixedBeta(CoxCase c) {
        JsonNode at = c.json.get("loglik_at");
        if (at == null || !at.isArray()) {
            return;
        }
        CoxRegression cox = CoxRegression.withDefaults().with(c.ties);
        for (JsonNode r : at) {
            double[] beta = new double[r.get("beta").size()];
            for (int j = 0; j < beta.length; j++) {
                beta[j] = r.get("beta").get(j).asDouble();
            }
            CoxLikelihood l = cox.likelihoodAt(c.data, beta);
            String w = c.name + " beta=" + java.util.Arrays.toString(beta);
            Tolerance.close(w + " loglik", l.loglik(), r.get("loglik"), 1e-9);
            for (int j = 0; j < beta.length; j++) {
                Tolerance.close(w + " score " + j, l.score()[j], r.get("score").get(j), 1e-7);
                for (int k = 0; k < beta.length; k++) {
                    Tolerance.close(w + " info " + j + "," + k, l.information()[j][k],
                            r.get("information").get(j).get(k), 1e-7);
                }
            }
        }
        JsonNode cf = c.json.get("closed_form");
        if (cf != null && cf.isArray()) {
            for (JsonNode r : cf) {
                double[] beta = {r.get("beta").get(0).asDouble()};
                CoxLikelihood l = cox.likelihoodAt(c.data, beta);
                // Therneau & Grambsch (2000), closed forms of tests/book*.R
                Tolerance.close(c.name + " closed-form loglik", l.loglik(), r.get("loglik"), 1e-10);
                Tolerance.close(c.name + " closed-form score", l.score()[0], r.get("score").get(0), 1e-10);
                Tolerance.close(c.name + " closed-form info", l.information()[0][0], r.get("information").get(0).get(0),
                        1e-10);
            }
        }
    }
}

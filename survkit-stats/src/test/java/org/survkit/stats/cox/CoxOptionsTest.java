package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.ReferenceCase;
import org.survkit.stats.Tolerance;
import org.survkit.stats.logrank.OneSampleLogRank;
import org.survkit.stats.model.DesignMatrixBuilder;

/**
 * Offsets, starting values, Uno's concordance, the one-sample log-rank test and the degenerate fits against
 * reference/cox-options/refgen_cox_options.R (R 4.2.2, survival 3.5-3; copies in test resources).
 */
class CoxOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path resource(String name) throws URISyntaxException {
        return Paths.get(CoxOptionsTest.class.getClassLoader().getResource("reference/cox-options/" + name).toURI());
    }

    private static JsonNode ref(String name) throws Exception {
        return JSON.readTree(resource(name).toFile());
    }

    /** Complete rows of lung_options.csv for the columns, as R's na.omit. */
    private static final class Lung {
        final List<double[]> rows = new ArrayList<>();
        final String[] header;

        Lung(String... needed) throws Exception {
            List<String[]> all = ReferenceCase.readCsv(resource("lung_options.csv"));
            header = all.get(0);
            for (String[] r : all.subList(1, all.size())) {
                double[] v = new double[header.length];
                boolean ok = true;
                for (int j = 0; j < header.length; j++) {
                    String s = j < r.length ? r[j].replace("\"", "") : "";
                    v[j] = s.isEmpty() || s.equals("NA") ? Double.NaN : Double.parseDouble(s);
                }
                for (String c : needed) {
                    ok &= !Double.isNaN(v[col(c)]);
                }
                if (ok) {
                    rows.add(v);
                }
            }
        }

        int col(String name) {
            for (int j = 0; j < header.length; j++) {
                if (header[j].replace("\"", "").equals(name)) {
                    return j;
                }
            }
            throw new IllegalArgumentException(name);
        }

        double[] get(String name) {
            int j = col(name);
            return rows.stream().mapToDouble(r -> r[j]).toArray();
        }

        boolean[] died() {
            double[] s = get("status");
            boolean[] e = new boolean[s.length];
            for (int i = 0; i < s.length; i++) {
                e[i] = s[i] == 2;
            }
            return e;
        }

        CoxData data(String... covariates) {
            DesignMatrixBuilder b = DesignMatrixBuilder.of(rows.size());
            for (String c : covariates) {
                b.numeric(c, get(c));
            }
            return CoxData.of(get("time"), died(), b.build(List.of(covariates)));
        }
    }

    @Test
    void offsetMatchesCoxph() throws Exception {
        // R 4.2.2, survival 3.5-3: coxph(Surv(time, status) ~ sex + ph.ecog + offset(log(age)), lung)
        JsonNode fit = ref("offset_lung.json").get("fit");
        Lung lung = new Lung("time", "status", "sex", "ph.ecog", "age");
        CoxModel m = CoxRegression.withDefaults().fit(lung.data("sex", "ph.ecog").withOffset(lung.get("log_age")));
        for (int j = 0; j < 2; j++) {
            JsonNode e = fit.get("coefficients").get(j);
            Tolerance.close("coef", m.coefficients().get(j).coef(), e.get("coef"), 1e-7);
            Tolerance.close("se", m.coefficients().get(j).se(), e.get("se"), 1e-7);
        }
        Tolerance.close("loglik0", m.loglikNull(), fit.get("loglik").get(0), 1e-9);
        Tolerance.close("loglik", m.loglik(), fit.get("loglik").get(1), 1e-9);
        Tolerance.close("score", m.scoreTest().statistic(), fit.get("score_test").get("statistic"), 1e-7);
        Tolerance.close("C", m.concordance().estimate(), fit.get("concordance").get("estimate"), 1e-9);
        Tolerance.close("lp", m.linearPredictors()[0], fit.get("linear_predictors_head").get(0), 1e-9);
    }

    @Test
    void oneStepFromStartingValuesIsR() throws Exception {
        // R: coxph(Surv(time, status) ~ age + sex, lung, init = c(0.01, -0.3), control = coxph.control(iter.max = 1))
        JsonNode fit = ref("init_iter1_lung.json").get("fit");
        Lung lung = new Lung("time", "status", "age", "sex");
        CoxControl one = new CoxControl(1e-9, CoxControl.DEFAULT.tolerChol(), 1, CoxControl.DEFAULT.tolerInf());
        CoxModel m = CoxRegression.withDefaults().with(one).fit(lung.data("age", "sex"), new double[] {0.01, -0.3});
        for (int j = 0; j < 2; j++) {
            Tolerance.close("coef", m.coefficients().get(j).coef(), fit.get("coefficients").get(j).get("coef"), 1e-9);
            Tolerance.close("se", m.coefficients().get(j).se(), fit.get("coefficients").get(j).get("se"), 1e-9);
        }
        Tolerance.close("loglik at init", m.loglikNull(), fit.get("loglik").get(0), 1e-10);
        Tolerance.close("loglik", m.loglik(), fit.get("loglik").get(1), 1e-10);
        Tolerance.close("score at init", m.scoreTest().statistic(), fit.get("score_test").get("statistic"), 1e-8);
        assertThatThrownBy(() -> CoxRegression.withDefaults().fit(lung.data("age", "sex"), new double[] {0.1}))
                .hasMessageContaining("2 coefficients (age, sex) but 1 starting value was given");
    }

    @Test
    void unoConcordanceMatchesTimewtNG2() throws Exception {
        // R: concordance(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung), timewt = "n/G2"), $var
        JsonNode uno = ref("uno.json");
        Lung lung = new Lung("time", "status", "age", "sex", "ph.ecog");
        CoxData data = lung.data("age", "sex", "ph.ecog");
        CoxModel m = CoxRegression.withDefaults().with(ConcordanceWeighting.UNO).fit(data);
        assertThat(m.concordance().weighting()).isEqualTo(ConcordanceWeighting.UNO);
        Tolerance.close("Uno C", m.concordance().estimate(), uno.get("lung").get("estimate"), 1e-10);
        Tolerance.close("Uno se", m.concordance().stdErr(), uno.get("lung").get("se"), 1e-9);
        ConcordanceIndex.Detail d = ConcordanceIndex.detail(null, data.stop(), data.event(), m.linearPredictors(), null,
                null, null, ConcordanceWeighting.UNO);
        Tolerance.close("concordant", d.concordant(), uno.get("lung").get("count").get("concordant"), 1e-10);
        Tolerance.close("discordant", d.discordant(), uno.get("lung").get("count").get("discordant"), 1e-10);
        Tolerance.close("tied.x", d.tiedRisk(), uno.get("lung").get("count").get("tied.x"), 1e-10);
        Tolerance.close("tied.y", d.tiedTime(), uno.get("lung").get("count").get("tied.y"), 1e-10);
        // stratified: R: coxph(Surv(time, status) ~ age + ph.ecog + strata(sex), lung), each stratum its own G
        double[] sex = lung.get("sex");
        int[] strata = new int[sex.length];
        for (int i = 0; i < sex.length; i++) {
            strata[i] = (int) sex[i] - 1;
        }
        CoxModel s = CoxRegression.withDefaults().with(ConcordanceWeighting.UNO)
                .fit(lung.data("age", "ph.ecog").withStrata(strata));
        Tolerance.close("Uno C strata", s.concordance().estimate(), uno.get("strata").get("estimate"), 1e-10);
        Tolerance.close("Uno se strata", s.concordance().stdErr(), uno.get("strata").get("se"), 1e-9);
        // Harrell's is unchanged by the new code path
        Tolerance.close("Harrell C", CoxRegression.withDefaults().fit(data).concordance().estimate(),
                uno.get("harrell_lung").get("estimate"), 1e-10);
        assertThatThrownBy(() -> ConcordanceIndex.detail(new double[] {0, 0}, new double[] {1, 2},
                new boolean[] {true, true}, new double[] {1, 2}, null, null, null, ConcordanceWeighting.UNO))
                .hasMessageContaining("not defined for (start, stop] data");
    }

    @Test
    void oneSampleLogRankMatchesSurvdiffOffset() throws Exception {
        // R: survdiff(Surv(time, status) ~ offset(exp(-expected)), lung)  (survival 3.5-3 takes exp(-Λ))
        JsonNode ref = ref("one_sample.json").get("lung");
        Lung lung = new Lung("time", "status");
        OneSampleLogRank.Result r = OneSampleLogRank.test(lung.died(), lung.get("expected"));
        assertThat(r.n()).isEqualTo(ref.get("n").asInt());
        Tolerance.close("O", r.observed(), ref.get("observed"), 0);
        Tolerance.close("E", r.expected(), ref.get("expected"), 1e-12);
        Tolerance.close("chisq", r.test().statistic(), ref.get("statistic"), 1e-12);
        Tolerance.close("p", r.test().pValue(), ref.get("p_value"), 1e-9);
        assertThatThrownBy(() -> OneSampleLogRank.test(new boolean[] {true}, new double[] {-1}))
                .hasMessageContaining("finite number >= 0");
    }

    @Test
    void noEventsGiveRsNaFitWithOneDiagnostic() throws Exception {
        // R: coxph(Surv(time, status == 3) ~ age + sex, lung): coef NA, var 0, loglik 0 0, no warning
        JsonNode ref = ref("no_events.json");
        Lung lung = new Lung("time", "status", "age", "sex");
        CoxData d = lung.data("age", "sex");
        CoxModel m = CoxRegression.withDefaults().fit(CoxData.of(d.stop(), new boolean[d.size()], d.design()));
        assertThat(m.n()).isEqualTo(ref.get("n").asInt());
        assertThat(m.events()).isZero();
        assertThat(m.coefficients()).allSatisfy(c -> assertThat(c.coef()).isNaN());
        assertThat(m.coefficients()).noneMatch(CoxCoefficient::aliased);
        assertThat(m.loglik()).isEqualTo(ref.get("loglik").get(1).asDouble());
        assertThat(m.lrTest().df()).isZero();
        assertThat(m.variance()[0][0]).isZero();
        assertThat(m.diagnostics()).extracting(Diagnostic::code).containsExactly("no-events");
        assertThat(m.diagnostics().get(0).message()).isEqualTo("There are no events (every row is censored), so the"
                + " Cox model cannot be estimated: every coefficient is NA, as in R.");
    }

    @Test
    void jointlyDivergingCoefficientsAreNamedTogether() throws Exception {
        // R: coxph(Surv(time, status) ~ x1 + x2 + age, joint): "Loglik converged before variable 1,2; coefficient
        // may be infinite"
        JsonNode ref = ref("joint.json");
        assertThat(ref.get("warning").asText()).contains("variable  1,2 ");
        List<String[]> rows = ReferenceCase.readCsv(resource("joint.csv"));
        int n = rows.size() - 1;
        double[][] v = new double[5][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) {
                v[j][i] = Double.parseDouble(rows.get(i + 1)[j]);
            }
        }
        boolean[] event = new boolean[n];
        for (int i = 0; i < n; i++) {
            event[i] = v[3][i] == 1;
        }
        CoxModel m = CoxRegression.withDefaults().fit(CoxData.of(v[2], event, DesignMatrixBuilder.of(n)
                .numeric("x1", v[0]).numeric("x2", v[1]).numeric("age", v[4]).build(List.of("x1", "x2", "age"))));
        Tolerance.close("loglik", m.loglik(), ref.get("fit").get("loglik").get(1), 1e-8);
        List<Diagnostic> mono = m.diagnostics().stream().filter(d -> d.code().equals("monotone-likelihood")).toList();
        assertThat(mono).hasSize(1);
        assertThat(mono.get(0).message()).startsWith("The log-likelihood converged while 2 coefficients kept growing"
                + " together: 'x1' towards +infinity (").contains("and 'x2' towards +infinity (")
                .contains("Firth's penalized likelihood (--firth) gives finite estimates").doesNotContain("'age'");
    }
}

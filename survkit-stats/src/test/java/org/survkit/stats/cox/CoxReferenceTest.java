package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.stats.ReferenceCase;
import org.survkit.stats.Tolerance;
import org.survkit.stats.model.DesignMatrixBuilder;
import org.survkit.stats.model.Factor;

/**
 * Cox regression parity with R on the {@code cox} blocks of the shared reference cases. Expected
 * values: R 4.2.2, survival 3.5-3, {@code summary(coxph(Surv(t, s) ~ formula, ties = ...))}
 * (reference/shared-tools/refgen.R). Factors: R's level order, first level the reference.
 */
public class CoxReferenceTest {

    static Stream<ReferenceCase> cases() {
        return ReferenceCase.all().filter(c -> !c.name.startsWith("extra_") && c.json.has("cox")
                && c.json.get("cox").isObject() && c.json.get("cox").has("efron"));
    }

    /** Design matrix and survival data for the formula, complete cases only (R's na.omit). */
    public static CoxData data(ReferenceCase rc, List<String> terms) {
        List<String[]> rows = rc.rows();
        String[] header = rows.get(0);
        int[] idx = terms.stream().mapToInt(t -> Arrays.asList(header).indexOf(t)).toArray();
        List<Integer> keep = new ArrayList<>();
        for (int r = 0; r < rc.time.length; r++) {
            String[] row = rows.get(rc.sourceRow[r]);
            boolean ok = true;
            for (int i : idx) {
                ok &= !row[i].isEmpty();
            }
            if (ok) {
                keep.add(r);
            }
        }
        int n = keep.size();
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        for (int k = 0; k < n; k++) {
            time[k] = rc.time[keep.get(k)];
            event[k] = rc.event[keep.get(k)];
        }
        DesignMatrixBuilder b = DesignMatrixBuilder.of(n);
        for (int t = 0; t < terms.size(); t++) {
            String[] text = new String[n];
            for (int k = 0; k < n; k++) {
                text[k] = rows.get(rc.sourceRow[keep.get(k)])[idx[t]];
            }
            if (Factor.of(text).numericLevels() != null) { // every label a number, by Factor's rule
                b.numeric(terms.get(t), Arrays.stream(text).mapToDouble(Double::parseDouble).toArray());
            } else {
                b.categorical(terms.get(t), text);
            }
        }
        return CoxData.of(time, event, b.build(terms));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesR(ReferenceCase rc) {
        for (String tiesName : List.of("efron", "breslow")) {
            JsonNode ref = rc.json.get("cox").get(tiesName);
            List<String> terms = Arrays.stream(ref.get("formula").asText().split("\\+")).map(String::trim).toList();
            CoxData data = data(rc, terms);
            CoxModel m = CoxRegression.withDefaults().with(Ties.parse(tiesName)).fit(data);
            String w = rc.name + " " + tiesName;
            assertThat(m.n()).as(w + " n").isEqualTo(ref.get("n").asInt());
            assertThat(m.events()).as(w + " events").isEqualTo(ref.get("events").asInt());
            Tolerance.close(w + " loglik null", m.loglikNull(), ref.get("loglik").get(0), 1e-7);
            Tolerance.close(w + " loglik", m.loglik(), ref.get("loglik").get(1), 1e-7);
            JsonNode coefs = ref.get("coefficients");
            assertThat(m.coefficients()).hasSize(coefs.size());
            for (int j = 0; j < coefs.size(); j++) {
                JsonNode c = coefs.get(j);
                CoxCoefficient x = m.coefficients().get(j);
                String v = w + " " + c.get("term").asText();
                Tolerance.close(v + " coef", x.coef(), c.get("coef"), 1e-5);
                Tolerance.close(v + " se", x.se(), c.get("se"), 1e-5);
                Tolerance.close(v + " z", x.z(), c.get("z"), 1e-5);
                Tolerance.close(v + " p", x.pValue(), c.get("p_value"), 1e-4);
                Tolerance.close(v + " hr", x.hr(), c.get("hr"), 1e-5);
                Tolerance.close(v + " hr lower", x.hrLower(), c.get("hr_lower"), 1e-5);
                Tolerance.close(v + " hr upper", x.hrUpper(), c.get("hr_upper"), 1e-5);
            }
            Tolerance.close(w + " LR", m.lrTest().statistic(), ref.get("lr_test").get("statistic"), 1e-4);
            assertThat(m.lrTest().df()).isEqualTo(ref.get("lr_test").get("df").asInt());
            Tolerance.close(w + " LR p", m.lrTest().pValue(), ref.get("lr_test").get("p_value"), 1e-4);
            // summary.coxph rounds the Wald statistic to 2 decimals: compare at that precision
            assertThat(Math.abs(m.waldTest().statistic() - ref.get("wald_test").get("statistic").asDouble()))
                    .as(w + " Wald " + m.waldTest().statistic()).isLessThanOrEqualTo(0.005 + 1e-9);
            Tolerance.close(w + " score", m.scoreTest().statistic(), ref.get("score_test").get("statistic"), 1e-4);
            Tolerance.close(w + " score p", m.scoreTest().pValue(), ref.get("score_test").get("p_value"), 1e-4);
            Tolerance.close(w + " concordance", m.concordance().estimate(), ref.get("concordance").get("estimate"), 1e-6);
            Tolerance.close(w + " concordance se", m.concordance().stdErr(), ref.get("concordance").get("se"), 1e-5);
            JsonNode zph = ref.get("ph_test");
            if (zph != null && zph.isArray()) {
                ZphResult z = ProportionalHazardsTest.of(data, m);
                for (JsonNode row : zph) {
                    String term = row.get("term").asText();
                    ZphTerm t = term.equals("GLOBAL") ? z.global() : z.terms().stream()
                            .filter(x -> x.term().equals(term)).findFirst().orElseThrow();
                    Tolerance.close(w + " zph " + term, t.statistic(), row.get("statistic"), 1e-4);
                    assertThat(t.df()).as(w + " zph df " + term).isEqualTo(row.get("df").asInt());
                    Tolerance.close(w + " zph p " + term, t.pValue(), row.get("p_value"), 1e-4);
                }
            }
        }
    }
}

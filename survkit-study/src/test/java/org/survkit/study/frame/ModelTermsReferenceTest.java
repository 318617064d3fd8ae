package org.survkit.study.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.io.Cohort;
import org.survkit.io.CohortReader;
import org.survkit.io.CohortSpec;
import org.survkit.stats.competing.FineGrayCoefficient;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.FineGrayRegression;
import org.survkit.stats.cox.CoxCoefficient;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;

/**
 * R's model-matrix rule for terms whose main effects are absent (issue 13, item 1), end to end through the model
 * frame and the fits, against R 4.2.2, survival 3.5-3 and cmprsk 2.2-11
 * ({@code reference/model-terms/refgen_terms.R}; the JSON names each case's R formula):
 * <ul>
 * <li>{@code coxph(Surv(time, status) ~ age:factor(sex), lung)}: 2 columns (sex by indicators), not 1;</li>
 * <li>{@code ~ age + age:factor(sex)}, {@code ~ factor(sex) + age:factor(sex)} (R relabels the term sex:age),
 *     {@code ~ age:factor(sex) + factor(sex)} (R sorts the terms by order);</li>
 * <li>factor × factor: {@code ~ factor(sex):factor(ph.ecog)} (8 columns, 2 aliased: 6 estimated),
 *     {@code ~ factor(sex) + factor(sex):factor(ph.ecog)}, {@code ~ factor(ph.ecog) + factor(sex):factor(ph.ecog)};</li>
 * <li>three-way: {@code ~ age + factor(sex) + age:factor(sex):factor(ph.ecog)},
 *     {@code ~ age:factor(sex) + age:factor(sex):factor(ph.ecog)}, and R's subset test
 *     {@code ~ age:factor(sex) + age:factor(ph.ecog)} (ph.ecog by contrasts);</li>
 * <li>Fine–Gray on mgus2 (progression against death): {@code crr(etime, event, model.matrix(~ age:sex, mgus2)[, -1])}
 *     and {@code ~ age + age:sex}.</li>
 * </ul>
 * Column names: R's {@code factor(v)L} (or {@code vL} for a text column) is survkit's {@code v=L}, the variables in
 * the same order ({@code age:factor(sex)1} ↔ {@code age:sex=1}, {@code factor(sex)1:factor(ph.ecog)0} ↔
 * {@code sex=1:ph.ecog=0}); the JSON holds both ({@code r_names}, {@code names}). Coefficients, standard errors and
 * log-likelihoods agree to 1e-6 relative; an aliased column (R's NA) is NaN and flagged.
 */
class ModelTermsReferenceTest {
    private static final double TOL = 1e-6;
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> coxCases() {
        return Stream.of("lung_age_by_sex", "lung_age_plus_age_by_sex", "lung_sex_plus_age_by_sex", "lung_sex_by_ecog",
                "lung_sex_plus_sex_by_ecog", "lung_ecog_plus_sex_by_ecog", "lung_age_sex_by_age_sex_ecog",
                "lung_age_by_sex_plus_three_way", "lung_age_by_sex_plus_age_by_ecog", "lung_age_by_sex_then_sex");
    }

    @ParameterizedTest
    @MethodSource("coxCases")
    void coxMatchesR(String name) throws IOException {
        JsonNode ref = load(name);
        List<String> terms = strings(ref.get("terms"));
        List<String> categorical = strings(ref.get("categorical"));
        Cohort c = CohortReader.read(resource(ref.get("file").asText()), CohortSpec.builder().time("time")
                .event("status").eventValue("2").covariates(variables(terms)).categorical(categorical));
        DesignMatrix d = ModelFrame.of(c, terms, Map.of(), Map.of(), Where.COMMAND_LINE, StudyKeys.REFERENCE).design();
        assertThat(d.columnNames()).as(name).containsExactlyElementsOf(strings(ref.get("names")));
        assertThat(d.termLabels()).as(name).containsExactlyElementsOf(strings(ref.get("term_labels")).stream()
                .map(t -> t.replaceAll("factor\\(([^)]+)\\)", "$1")).toList());
        CoxModel m = CoxRegression.withDefaults().fit(CoxData.of(c.time(), c.event(), d));
        assertThat(m.n()).isEqualTo(ref.get("n").asInt());
        assertThat(m.events()).isEqualTo(ref.get("nevent").asInt());
        for (int j = 0; j < d.width(); j++) {
            CoxCoefficient k = m.coefficients().get(j);
            JsonNode coef = ref.get("coef").get(j);
            if (coef.isNull()) {
                assertThat(k.aliased()).as(name + " " + k.term() + " aliased").isTrue();
                assertThat(k.coef()).isNaN();
                continue;
            }
            assertThat(k.aliased()).as(name + " " + k.term()).isFalse();
            close(name + " coef " + k.term(), k.coef(), coef.asDouble());
            close(name + " se " + k.term(), k.se(), ref.get("se").get(j).asDouble());
        }
        close(name + " loglik null", m.loglikNull(), ref.get("loglik").get(0).asDouble());
        close(name + " loglik", m.loglik(), ref.get("loglik").get(1).asDouble());
    }

    @ParameterizedTest
    @MethodSource("fineGrayCases")
    void fineGrayMatchesCrr(String name) throws IOException {
        JsonNode ref = load(name);
        List<String> terms = strings(ref.get("terms"));
        List<String> vars = new ArrayList<>(variables(terms));
        vars.add("event"); // the cause code, read as a number beside the covariates
        Cohort c = CohortReader.read(resource(ref.get("file").asText()), CohortSpec.builder().time("etime")
                .event("event").eventValue("1").covariates(vars));
        DesignMatrix d = ModelFrame.of(c, terms, Map.of(), Map.of(), Where.COMMAND_LINE, StudyKeys.REFERENCE).design();
        assertThat(d.columnNames()).as(name).containsExactlyElementsOf(strings(ref.get("names")));
        FineGrayModel m = FineGrayRegression.withDefaults().fit(c.time(), c.covariate("event").numeric(), 0, 1, d);
        assertThat(m.converged()).isTrue();
        assertThat(m.n()).isEqualTo(ref.get("n").asInt());
        for (int j = 0; j < d.width(); j++) {
            FineGrayCoefficient k = m.coefficients().get(j);
            close(name + " coef " + j, k.coef(), ref.get("coef").get(j).asDouble());
            close(name + " se " + j, k.se(), ref.get("se").get(j).asDouble());
        }
        close(name + " loglik", m.loglik(), ref.get("loglik").asDouble());
        close(name + " loglik null", m.loglikNull(), ref.get("loglik_null").asDouble());
    }

    static Stream<String> fineGrayCases() {
        return Stream.of("mgus2_fg_age_by_sex", "mgus2_fg_age_plus_age_by_sex");
    }

    @Test
    void theBugOfIssue13IsGone() throws IOException {
        // R 4.2.2, survival 3.5-3: coxph(Surv(time, status) ~ age:factor(sex), lung)$loglik[2] = -742.727146;
        // survkit gave one column age:sex=2 and -745.11 before
        JsonNode ref = load("lung_age_by_sex");
        assertThat(ref.get("loglik").get(1).asDouble()).isCloseTo(-742.727146, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(strings(ref.get("r_names"))).containsExactly("age:factor(sex)1", "age:factor(sex)2");
    }

    private static List<String> variables(List<String> terms) {
        List<String> out = new ArrayList<>();
        for (String t : terms) {
            for (String p : t.split(":")) {
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static void close(String what, double actual, double expected) {
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs R " + expected)
                .isLessThanOrEqualTo(TOL * Math.max(1, Math.abs(expected)));
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static JsonNode load(String name) throws IOException {
        try (InputStream in = ModelTermsReferenceTest.class.getResourceAsStream("/reference/model-terms/" + name + ".json")) {
            return JSON.readTree(in);
        }
    }

    private static Path resource(String file) {
        try {
            return Path.of(ModelTermsReferenceTest.class.getResource("/reference/model-terms/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

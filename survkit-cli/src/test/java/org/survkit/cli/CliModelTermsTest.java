package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 1, through the command line: an interaction whose main effects are absent is coded as R codes it,
 * with every coefficient named by survkit's convention in R's order. References: copies of
 * {@code reference/model-terms/refgen_terms.R}'s output (R 4.2.2, survival 3.5-3, cmprsk 2.2-11) in test resources.
 * R's names map to survkit's with {@code factor(v)L} → {@code v=L} ({@code age:factor(sex)1} ↔ {@code age:sex=1}).
 */
class CliModelTermsTest {

    static List<String> terms(JsonNode out) {
        List<String> t = new ArrayList<>();
        out.get("coefficients").forEach(c -> t.add(c.get("term").asText()));
        return t;
    }

    @Test
    void coxAgeBySexWithoutMainEffectsIsRsModelAndRunsWithoutWarnings() {
        // R 4.2.2, survival 3.5-3: coxph(Surv(time, status) ~ age:factor(sex), lung)
        //   age:factor(sex)1 0.0198213, age:factor(sex)2 0.0116243, loglik -742.727146 (survkit gave -745.11 before)
        JsonNode ref = Cli.reference("model-terms/lung_age_by_sex.json");
        Cli r = CliCompetingRisksTest.ok("cox", Cli.resource("lung.csv"), "--time", "time", "--event", "status",
                "--event-value", "2", "--covariates", "age:sex", "--categorical", "sex", "--format", "json");
        JsonNode out = r.json();
        assertThat(terms(out)).containsExactly("age:sex=1", "age:sex=2");
        for (int j = 0; j < 2; j++) {
            JsonNode a = out.get("coefficients").get(j);
            CliCompetingRisksTest.rel("coef " + j, a.get("coef"), ref.get("coef").get(j), 1e-6);
            CliCompetingRisksTest.rel("se " + j, a.get("se"), ref.get("se").get(j), 1e-6);
        }
        CliCompetingRisksTest.rel("loglik", out.get("loglik").get("model"), ref.get("loglik").get(1), 1e-6);
        CliCompetingRisksTest.rel("loglik null", out.get("loglik").get("null"), ref.get("loglik").get(0), 1e-6);
        assertThat(out.get("warnings")).as(out.get("warnings").toString()).isEmpty();
        assertThat(r.err()).isEmpty();

        Cli text = CliCompetingRisksTest.ok("cox", Cli.resource("lung.csv"), "--time", "time", "--event", "status",
                "--event-value", "2", "--covariates", "age:sex", "--categorical", "sex");
        assertThat(text.out()).contains("age:sex=1").contains("age:sex=2");
    }

    @Test
    void coxFactorByFactorWithoutMainsHasRsEightColumnsTwoAliased() {
        // R 4.2.2, survival 3.5-3: coxph(Surv(time, status) ~ factor(sex):factor(ph.ecog), lung): 8 coefficients,
        // sex 1 and 2 with ph.ecog 3 NA (the cells sum to the intercept; no woman has ph.ecog 3)
        JsonNode ref = Cli.reference("model-terms/lung_sex_by_ecog.json");
        JsonNode out = CliCompetingRisksTest.ok("cox", Cli.resource("lung.csv"), "--time", "time", "--event", "status",
                "--event-value", "2", "--covariates", "sex:ph.ecog", "--categorical", "sex,ph.ecog", "--format", "json")
                .json();
        List<String> names = new ArrayList<>();
        ref.get("names").forEach(n -> names.add(n.asText()));
        assertThat(terms(out)).containsExactlyElementsOf(names);
        for (int j = 0; j < names.size(); j++) {
            JsonNode a = out.get("coefficients").get(j);
            CliCompetingRisksTest.rel(names.get(j) + " coef", a.get("coef"), ref.get("coef").get(j), 1e-6);
            assertThat(a.get("aliased").asBoolean()).as(names.get(j)).isEqualTo(ref.get("coef").get(j).isNull());
        }
        CliCompetingRisksTest.rel("loglik", out.get("loglik").get("model"), ref.get("loglik").get(1), 1e-6);
    }

    @Test
    void fineGrayAgeBySexOnMgus2MatchesCrrWithModelMatrixColumns() {
        // R 4.2.2, cmprsk 2.2-11: crr(etime, event, model.matrix(~ age:sex, mgus2)[, -1], failcode = 1, cencode = 0)
        //   age:sexF -0.0154611, age:sexM -0.0189789
        JsonNode ref = Cli.reference("model-terms/mgus2_fg_age_by_sex.json");
        Cli r = CliCompetingRisksTest.ok("finegray", Cli.resource("model-terms/mgus2.csv"), "--time", "etime", "--event",
                "event", "--censor-value", "0", "--cause", "1", "--covariates", "age:sex", "--format", "json");
        JsonNode out = r.json();
        assertThat(terms(out)).containsExactly("age:sex=F", "age:sex=M");
        for (int j = 0; j < 2; j++) {
            JsonNode a = out.get("coefficients").get(j);
            CliCompetingRisksTest.rel("coef " + j, a.get("coef"), ref.get("coef").get(j), 1e-6);
            CliCompetingRisksTest.rel("se " + j, a.get("se"), ref.get("se").get(j), 1e-6);
        }
        CliCompetingRisksTest.rel("loglik", out.get("loglik").get("model"), ref.get("loglik"), 1e-6);
        assertThat(out.get("warnings")).as(out.get("warnings").toString()).isEmpty();
    }
}

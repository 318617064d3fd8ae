package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code survkit cox} end to end against R 4.2.2, survival 3.5-3 {@code coxph} (reference/cox/refgen_cox.R;
 * copies of its JSON in test resources).
 */
class CliCoxTest {

    static void sameFit(JsonNode out, JsonNode ref, int[] order) {
        JsonNode fit = ref.get("fit");
        assertThat(out.get("n").asInt()).isEqualTo(fit.get("n").asInt());
        assertThat(out.get("events").asInt()).isEqualTo(fit.get("events").asInt());
        CliParityTest.close("loglik", out.get("loglik").get("model"), fit.get("loglik").get(1), 1e-7);
        CliParityTest.close("loglik null", out.get("loglik").get("null"), fit.get("loglik").get(0), 1e-7);
        CliParityTest.close("LR", out.get("lr_test").get("statistic"), fit.get("lr_test").get("statistic"), 1e-4);
        CliParityTest.close("Wald", out.get("wald_test").get("statistic"), fit.get("wald_test").get("statistic"), 1e-4);
        CliParityTest.close("score", out.get("score_test").get("statistic"), fit.get("score_test").get("statistic"),
                1e-4);
        for (int j = 0; j < order.length; j++) {
            JsonNode a = out.get("coefficients").get(j);
            JsonNode e = fit.get("coefficients").get(order[j]);
            for (String f : new String[] {"coef", "se", "z", "hr", "hr_lower", "hr_upper"}) {
                CliParityTest.close(a.get("term").asText() + " " + f, a.get(f), e.get(f), 1e-5);
            }
            CliParityTest.close(a.get("term").asText() + " p", a.get("p_value"), e.get("p_value"), 1e-4);
        }
    }

    @Test
    void lungMatchesR() {
        Cli r = Cli.run("cox", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value", "2",
                "--covariates", "age,sex,ph.ecog", "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("ties").asText()).isEqualTo("efron");
        assertThat(j.get("excluded").get("rows_excluded").asInt()).isEqualTo(1);
        assertThat(j.get("coefficients").get(0).get("term").asText()).isEqualTo("age");
        assertThat(j.get("coefficients").get(0).get("robust_se").isNull()).isTrue();
        assertThat(j.get("coefficients").get(0).get("aliased").asBoolean()).isFalse();
        sameFit(j, Cli.reference("cox_lung_efron.json"), new int[] {0, 1, 2});
        // R: cox.zph(fit) (transform "km", terms = TRUE), including GLOBAL
        JsonNode zph = Cli.reference("cox_lung_efron.json").get("zph").get("table");
        assertThat(j.get("ph_test").size()).isEqualTo(zph.size());
        for (int k = 0; k < zph.size(); k++) {
            assertThat(j.get("ph_test").get(k).get("term").asText()).isEqualTo(zph.get(k).get("term").asText());
            CliParityTest.close("zph", j.get("ph_test").get(k).get("statistic"), zph.get(k).get("statistic"), 1e-4);
            CliParityTest.close("zph p", j.get("ph_test").get(k).get("p_value"), zph.get(k).get("p_value"), 1e-4);
        }
        JsonNode conc = Cli.reference("cox_lung_efron.json").get("fit").get("concordance");
        CliParityTest.close("concordance", j.get("concordance").get("estimate"), conc.get("estimate"), 1e-6);
        CliParityTest.close("concordance se", j.get("concordance").get("se"), conc.get("se"), 1e-5);
    }

    @Test
    void factorWithChosenReferenceAndBreslow() {
        Cli r = Cli.run("cox", Cli.resource("veteran.csv"), "--time", "time", "--event", "status", "--covariates",
                "trt,karno,diagtime,age,prior,celltype", "--reference", "celltype=squamous", "--ties", "breslow",
                "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("coefficients").get(5).get("term").asText()).isEqualTo("celltype=adeno");
        // R: celltypeadeno, celltypelarge, celltypesmallcell after the five numeric terms
        sameFit(j, Cli.reference("cox_veteran_squamous_breslow.json"), new int[] {0, 1, 2, 3, 4, 5, 6, 7});
    }

    @Test
    void countingProcessAndStrata() {
        Cli h = Cli.run("cox", Cli.resource("heart.csv"), "--start", "start", "--time", "stop", "--event", "event",
                "--covariates", "transplant,age,year", "--format", "json");
        assertThat(h.status()).as(h.err()).isZero();
        sameFit(h.json(), Cli.reference("cox_heart_efron.json"), new int[] {0, 1, 2});
        Cli s = Cli.run("cox", Cli.resource("ties200.csv"), "--time", "time", "--event", "status", "--covariates",
                "x1,x2,grp", "--strata", "site", "--format", "json");
        assertThat(s.status()).as(s.err()).isZero();
        assertThat(s.json().get("strata").asText()).isEqualTo("site");
        sameFit(s.json(), Cli.reference("cox_ties200_strata_efron.json"), new int[] {0, 1, 2, 3});
    }

    @Test
    void zeroEventGroupIsExplainedInPlainWords() {
        Cli r = Cli.run("cox", Cli.resource("zero_event.csv"), "--time", "time", "--event", "status", "--covariates",
                "receptor,age", "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode ref = Cli.reference("cox_zero_event_efron.json").get("fit");
        CliParityTest.close("loglik", r.json().get("loglik").get("model"), ref.get("loglik").get(1), 1e-7);
        String warnings = r.json().get("warnings").toString();
        assertThat(warnings).contains("monotone likelihood").contains("receptor=TNBC").contains("no events")
                .contains("--firth");
        Cli t = Cli.run("cox", Cli.resource("zero_event.csv"), "--time", "time", "--event", "status", "--covariates",
                "receptor,age");
        assertThat(t.out()).contains("Warnings").contains("receptor=TNBC");
    }

    @Test
    void firthGivesFiniteEstimatesWhereCoxDiverges() {
        // reference/cox-firth/refgen_cox_firth.R: independent maximization of the penalized likelihood in R
        // (R 4.2.2, survival 3.5-3), agreeing with coxphf 1.13.4 to 4e-7
        JsonNode ref = Cli.reference("firth_receptor43.json");
        Cli r = Cli.run("cox", Cli.resource("receptor43.csv"), "--time", "time", "--event", "status", "--covariates",
                "receptor", "--firth", "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("method").asText()).isEqualTo("firth");
        assertThat(j.get("ties").asText()).isEqualTo("breslow");
        for (int k = 0; k < 2; k++) {
            JsonNode a = j.get("coefficients").get(k);
            JsonNode e = ref.get("coefficients").get(k);
            assertThat(a.get("term").asText()).isEqualTo(e.get("term").asText());
            CliParityTest.close("coef", a.get("coef"), e.get("coef"), 1e-5);
            CliParityTest.close("hr lower", a.get("hr_lower"), e.get("hr_lower"), 1e-4);
            CliParityTest.close("hr upper", a.get("hr_upper"), e.get("hr_upper"), 1e-4);
            CliParityTest.close("p", a.get("p_value"), e.get("p_value"), 1e-4);
        }
        CliParityTest.close("LR", j.get("lr_test").get("statistic"), ref.get("lr_test").get("statistic"), 1e-5);
        Cli plain = Cli.run("cox", Cli.resource("receptor43.csv"), "--time", "time", "--event", "status",
                "--covariates", "receptor", "--format", "json");
        assertThat(plain.json().get("warnings").toString()).contains("receptor=C").contains("--firth");
        CliErrorTest.userError("cox", Cli.resource("receptor43.csv"), "--time", "time", "--event", "status",
                "--covariates", "receptor", "--firth", "--cluster", "id");
    }

    @Test
    void userErrors() {
        Cli a = CliErrorTest.userError("cox", Cli.resource("lung.csv"), "--time", "time", "--event", "status",
                "--event-value", "2", "--covariates", "agee,sex");
        assertThat(a.err()).contains("'agee'").contains("Did you mean 'age'");
        Cli b = CliErrorTest.userError("cox", Cli.resource("veteran.csv"), "--time", "time", "--event", "status",
                "--covariates", "celltype", "--reference", "celltype=big");
        assertThat(b.err()).contains("'big'").contains("squamous");
        Cli c = CliErrorTest.userError("cox", Cli.resource("veteran.csv"), "--time", "time", "--event", "status",
                "--covariates", "karno", "--reference", "karno=60");
        assertThat(c.err()).contains("numeric").contains("--categorical");
        Cli d = CliErrorTest.userError("cox", Cli.resource("veteran.csv"), "--time", "time", "--event", "status",
                "--covariates", "karno", "--ties", "exakt");
        assertThat(d.err()).contains("efron, breslow or exact");
        Cli e = CliErrorTest.userError("cox", Cli.resource("veteran.csv"), "--time", "time", "--event", "status",
                "--covariates", "karno", "--ties", "exact", "--firth");
        assertThat(e.err()).contains("--ties: cannot be combined with --firth: the exact partial likelihood");
    }

    // R 4.2.2 survival 3.5-3: coxph(Surv(time, status == 2) ~ age + sex + ph.ecog, lung, ties = "exact")
    // (reference/cox-exact/refgen_exact.R, exact_lung_days.json)
    @Test
    void exactTiesMatchR() {
        Cli r = Cli.run("cox", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value", "2",
                "--covariates", "age,sex,ph.ecog", "--ties", "exact", "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        JsonNode ref = Cli.reference("exact_lung_days.json");
        assertThat(j.get("ties").asText()).isEqualTo("exact");
        CliParityTest.close("loglik", j.get("loglik").get("model"), ref.get("loglik").get(1), 1e-7);
        for (int k = 0; k < 3; k++) {
            CliParityTest.close("coef", j.get("coefficients").get(k).get("coef"), ref.get("coef").get(k), 1e-6);
            CliParityTest.close("se", j.get("coefficients").get(k).get("se"), ref.get("se").get(k), 1e-6);
        }
        CliParityTest.close("score", j.get("score_test").get("statistic"), ref.get("score"), 1e-6);
    }
}

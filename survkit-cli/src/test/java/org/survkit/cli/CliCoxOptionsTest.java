package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code cox --offset/--init/--iter-max/--zph-transform/--concordance}, {@code compare --expected}, the degenerate
 * fits and the option hints, end to end against R 4.2.2, survival 3.5-3 (reference/cox-options/refgen_cox_options.R;
 * copies of its JSON and data in test resources, reference/cox-options/).
 */
class CliCoxOptionsTest {
    private static final String LUNG = "cox-options/lung_options.csv";

    private static Cli cox(String... extra) {
        List<String> args = new ArrayList<>(List.of("cox", Cli.resource(LUNG), "--time", "time", "--event", "status",
                "--event-value", "2", "--format", "json"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    private static JsonNode ok(Cli r) {
        assertThat(r.status()).as(r.err()).isZero();
        return r.json();
    }

    private static void samePhTest(JsonNode out, JsonNode table) {
        assertThat(out.get("ph_test").size()).isEqualTo(table.size());
        for (int k = 0; k < table.size(); k++) {
            JsonNode a = out.get("ph_test").get(k);
            JsonNode e = table.get(k);
            assertThat(a.get("term").asText()).isEqualTo(e.get("term").asText());
            CliParityTest.close(e.get("term").asText() + " chisq", a.get("statistic"), e.get("chisq"), 1e-6);
            CliParityTest.close(e.get("term").asText() + " p", a.get("p_value"), e.get("p"), 1e-6);
        }
    }

    @Test
    void offsetMatchesCoxph() {
        // R: coxph(Surv(time, status) ~ sex + ph.ecog + offset(log(age)), lung), cox.zph(fit)
        JsonNode ref = Cli.reference("cox-options/offset_lung.json");
        JsonNode j = ok(cox("--covariates", "sex,ph.ecog", "--offset", "log_age"));
        assertThat(j.get("offset").asText()).isEqualTo("log_age");
        assertThat(j.get("coefficients").size()).isEqualTo(2);
        CliCoxTest.sameFit(j, ref, new int[] {0, 1});
        CliParityTest.close("C", j.get("concordance").get("estimate"), ref.get("fit").get("concordance").get("estimate"),
                1e-9);
        CliParityTest.close("C se", j.get("concordance").get("se"), ref.get("fit").get("concordance").get("se"), 1e-7);
        samePhTest(j, ref.get("zph").get("table"));
        // R: coxph(Surv(time, status) ~ age + ph.ecog + offset(log(age)) + strata(sex), lung)
        JsonNode s = ok(cox("--covariates", "age,ph.ecog", "--offset", "log_age", "--strata", "sex"));
        CliCoxTest.sameFit(s, Cli.reference("cox-options/offset_lung_strata.json"), new int[] {0, 1});
        Cli text = Cli.run("cox", Cli.resource(LUNG), "--time", "time", "--event", "status", "--event-value", "2",
                "--covariates", "sex", "--offset", "log_age");
        assertThat(text.out()).contains("  offset: log_age (coefficient fixed at 1)\n");
    }

    @Test
    void initAndIterMaxGiveRsOneStepEstimates() {
        // R: coxph(Surv(time, status) ~ age + sex, lung, init = c(0.01, -0.3), control = coxph.control(iter.max = 1))
        JsonNode one = ok(cox("--covariates", "age,sex", "--init", "0.01,-0.3", "--iter-max", "1"));
        CliCoxTest.sameFit(one, Cli.reference("cox-options/init_iter1_lung.json"), new int[] {0, 1});
        assertThat(one.get("converged").asBoolean()).isFalse();
        assertThat(one.get("warnings").get(0).asText()).isEqualTo("The Cox fit did not converge in 1 iteration;"
                + " estimates may be unreliable.");
        assertThat(one.get("control").get("iter_max").asInt()).isEqualTo(1);
        // R: the same from init with 20 iterations: R's estimates, loglik[1] and the tests at init
        CliCoxTest.sameFit(ok(cox("--covariates", "age,sex", "--init", "0.01,-0.3")),
                Cli.reference("cox-options/init_lung.json"), new int[] {0, 1});
        // R: coxph(Surv(time, status) ~ age + sex + ph.ecog, lung, control = coxph.control(iter.max = 2)): the
        // estimates and log-likelihood after two steps. (R's variance after running out of more than one iteration
        // is not the inverse information at those estimates, coxfit6's chinv2 of a matrix it recomputed without
        // factorizing; ours is, so the standard errors differ in the third digit and are not compared.)
        JsonNode two = ok(cox("--covariates", "age,sex,ph.ecog", "--iter-max", "2"));
        JsonNode twoRef = Cli.reference("cox-options/iter2_lung.json").get("fit");
        CliParityTest.close("loglik", two.get("loglik").get("model"), twoRef.get("loglik").get(1), 1e-10);
        for (int k = 0; k < 3; k++) {
            CliParityTest.close("coef", two.get("coefficients").get(k).get("coef"),
                    twoRef.get("coefficients").get(k).get("coef"), 1e-9);
        }
        Cli wrong = cox("--covariates", "age,sex", "--init", "0.01");
        assertThat(wrong.status()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(wrong.err()).contains("the model has 2 coefficients (age, sex) but 1 starting value was given");
        Cli bad = cox("--covariates", "age,sex", "--iter-max", "0");
        assertThat(bad.status()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(bad.err()).contains("--iter-max: 0 is not allowed; give the maximum number of iterations");
    }

    @ParameterizedTest
    @ValueSource(strings = {"km", "rank", "identity", "log"})
    void eachZphTransformMatchesCoxZph(String transform) {
        // R: cox.zph(fit, transform) on coxph(Surv(time, status) ~ age + sex + ph.ecog, lung) and
        // coxph(Surv(time, status) ~ age + ph.ecog + strata(sex), lung): chisq and p per term and GLOBAL
        JsonNode ref = Cli.reference("cox-options/zph_" + transform + ".json");
        JsonNode j = ok(cox("--covariates", "age,sex,ph.ecog", "--zph-transform", transform));
        assertThat(j.get("ph_transform").asText()).isEqualTo(transform);
        samePhTest(j, ref.get("lung").get("table"));
        samePhTest(ok(cox("--covariates", "age,ph.ecog", "--strata", "sex", "--zph-transform", transform)),
                ref.get("strata").get("table"));
    }

    @Test
    void unoConcordanceMatchesTimewtNG2() {
        // R: concordance(fit, timewt = "n/G2"); se = sqrt($var) (infinitesimal jackknife)
        JsonNode ref = Cli.reference("cox-options/uno.json");
        JsonNode j = ok(cox("--covariates", "age,sex,ph.ecog", "--concordance", "uno"));
        assertThat(j.get("concordance").get("weighting").asText()).isEqualTo("uno");
        CliParityTest.close("Uno C", j.get("concordance").get("estimate"), ref.get("lung").get("estimate"), 1e-9);
        CliParityTest.close("Uno se", j.get("concordance").get("se"), ref.get("lung").get("se"), 1e-8);
        JsonNode s = ok(cox("--covariates", "age,ph.ecog", "--strata", "sex", "--concordance", "uno"));
        CliParityTest.close("Uno C strata", s.get("concordance").get("estimate"), ref.get("strata").get("estimate"),
                1e-9);
        CliParityTest.close("Uno se strata", s.get("concordance").get("se"), ref.get("strata").get("se"), 1e-8);
        Cli v = Cli.run("cox", Cli.resource("veteran.csv"), "--time", "time", "--event", "status", "--covariates",
                "trt,karno,age", "--concordance", "uno", "--format", "json");
        JsonNode vj = ok(v);
        CliParityTest.close("Uno C veteran", vj.get("concordance").get("estimate"), ref.get("veteran").get("estimate"),
                1e-9);
        CliParityTest.close("Uno se veteran", vj.get("concordance").get("se"), ref.get("veteran").get("se"), 1e-8);
        Cli text = Cli.run("cox", Cli.resource(LUNG), "--time", "time", "--event", "status", "--event-value", "2",
                "--covariates", "age", "--concordance", "uno");
        assertThat(text.out()).contains("Concordance (Uno) = ");
        Cli heart = Cli.run("cox", Cli.resource("heart.csv"), "--start", "start", "--time", "stop", "--event", "event",
                "--covariates", "age", "--concordance", "uno");
        assertThat(heart.status()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(heart.err()).contains("--concordance: cannot be combined with --start: Uno's concordance is not"
                + " defined for (entry, time] rows");
    }

    @Test
    void oneSampleLogRankMatchesSurvdiffOffset() {
        // R: survdiff(Surv(time, status) ~ offset(exp(-expected)), lung) (survival 3.5-3 takes exp(-Λ))
        JsonNode ref = Cli.reference("cox-options/one_sample.json").get("lung");
        Cli r = Cli.run("compare", Cli.resource(LUNG), "--time", "time", "--event", "status", "--event-value", "2",
                "--expected", "expected", "--format", "json");
        JsonNode j = ok(r);
        assertThat(j.get("n").asInt()).isEqualTo(ref.get("n").asInt());
        CliParityTest.close("O", j.get("observed"), ref.get("observed"), 0);
        CliParityTest.close("E", j.get("expected"), ref.get("expected"), 1e-12);
        CliParityTest.close("chisq", j.get("statistic"), ref.get("statistic"), 1e-12);
        CliParityTest.close("p", j.get("p_value"), ref.get("p_value"), 1e-9);
        Cli text = Cli.run("compare", Cli.resource(LUNG), "--time", "time", "--event", "status", "--event-value", "2",
                "--expected", "expected");
        assertThat(text.out()).contains("One-sample log-rank test").contains("Chisq = 19.3  on 1 degrees of freedom");
        Cli both = Cli.run("compare", Cli.resource(LUNG), "--time", "time", "--event", "status", "--group", "sex",
                "--expected", "expected");
        assertThat(both.status()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(both.err()).contains("drop --group");
        Cli none = Cli.run("compare", Cli.resource(LUNG), "--time", "time", "--event", "status");
        assertThat(none.status()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(none.err()).contains("--group COL (or --expected COL");
    }

    @Test
    void noEventsGiveOneMessageAndRsNaFit() {
        // R: coxph(Surv(time, status == 3) ~ age + sex, lung): coef NA, loglik 0 0, "Likelihood ratio test=0 on 0
        // df, p=1"
        Cli r = Cli.run("cox", Cli.resource(LUNG), "--time", "time", "--event", "status", "--event-value", "3",
                "--covariates", "age,sex", "--format", "json");
        JsonNode j = ok(r);
        assertThat(j.get("events").asInt()).isZero();
        assertThat(j.get("coefficients").get(0).get("coef").isNull()).isTrue();
        assertThat(j.get("coefficients").get(0).get("aliased").asBoolean()).isFalse();
        assertThat(j.get("lr_test").get("df").asInt()).isZero();
        assertThat(j.get("lr_test").get("p_value").asDouble()).isEqualTo(1.0);
        assertThat(j.get("converged").asBoolean()).isTrue();
        assertThat(j.get("warnings").size()).isEqualTo(1);
        assertThat(j.get("warnings").get(0).asText()).isEqualTo("lung_options.csv: the event value \"3\" never occurs"
                + " in column 'status' (values found: 1, 2), so every row is censored. Check --event-value.");
        Cli text = Cli.run("cox", Cli.resource(LUNG), "--time", "time", "--event", "status", "--event-value", "3",
                "--covariates", "age,sex");
        assertThat(text.out()).doesNotContain("linear combination").doesNotContain("did not converge");
        // the engine's own message when the reader had nothing to say (an all-censored status column)
        Cli censored = Cli.run("cox", Cli.resource("cox-options/joint.csv"), "--time", "time", "--event", "x1",
                "--event-value", "5", "--covariates", "age", "--format", "json");
        assertThat(censored.status()).as(censored.err()).isZero();
        assertThat(censored.json().get("warnings").toString()).contains("never occurs")
                .doesNotContain("There are no events");
    }

    @Test
    void jointlyDivergingTermsAreNamedTogether() {
        // R: coxph(Surv(time, status) ~ x1 + x2 + age, joint): "Loglik converged before variable 1,2; coefficient
        // may be infinite"
        JsonNode ref = Cli.reference("cox-options/joint.json");
        Cli r = Cli.run("cox", Cli.resource("cox-options/joint.csv"), "--time", "time", "--event", "status",
                "--covariates", "x1,x2,age", "--format", "json");
        JsonNode j = ok(r);
        CliParityTest.close("loglik", j.get("loglik").get("model"), ref.get("fit").get("loglik").get(1), 1e-8);
        assertThat(j.get("warnings").get(0).asText()).isEqualTo("The log-likelihood converged while 2 coefficients"
                + " kept growing together: 'x1' towards +infinity (22.69) and 'x2' towards +infinity (22.03). Together"
                + " these terms separate the subjects with events from those without (a monotone likelihood of a"
                + " combination of terms, although no single group lacks events), so their hazard ratios, standard"
                + " errors and p-values are meaningless. Firth's penalized likelihood (--firth) gives finite"
                + " estimates; or drop or merge one of these terms.");
        assertThat(j.get("warnings").toString()).doesNotContain("'age'");
        JsonNode firth = ok(Cli.run("cox", Cli.resource("cox-options/joint.csv"), "--time", "time", "--event",
                "status", "--covariates", "x1,x2,age", "--firth", "--format", "json"));
        assertThat(Math.abs(firth.get("coefficients").get(0).get("coef").asDouble())).isLessThan(10);
    }

    @Test
    void anotherCommandsOptionIsNamedWithItsCommand() {
        Cli r = Cli.run("compare", Cli.resource(LUNG), "--time", "time", "--event", "status", "--group", "sex",
                "--ties", "efron");
        assertThat(r.status()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).isEqualTo("survkit: '--ties' is not an option of compare: this option belongs to cox."
                + System.lineSeparator() + "Run 'survkit compare --help' for the options." + System.lineSeparator());
        Cli km = Cli.run("km", Cli.resource(LUNG), "--time", "time", "--event", "status", "--offset", "log_age");
        assertThat(km.err()).contains("'--offset' is not an option of km: this option belongs to cox.");
        Cli unknown = Cli.run("km", Cli.resource(LUNG), "--time", "time", "--event", "status", "--bogus");
        assertThat(unknown.err()).contains("Unknown option: '--bogus'").doesNotContain("belongs to");
    }
}

package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end: file → survkit-io → survkit-stats → JSON, compared with R. Expected values:
 * R 4.2.2, survival 3.5-3 (reference/shared-tools/refgen.R; copies of its JSON in test resources).
 */
class CliParityTest {

    static void close(String what, JsonNode actual, JsonNode expected, double tol) {
        if (expected == null || expected.isNull()) {
            assertThat(actual == null || actual.isNull()).as(what + " should be null (R NA), was " + actual).isTrue();
            return;
        }
        if (actual == null || actual.isNull()) {
            fail(what + ": expected " + expected + ", got null");
        }
        double a = actual.asDouble();
        double e = expected.asDouble();
        if (Math.abs(a - e) > tol * Math.max(1, Math.abs(e))) {
            fail(what + ": expected " + e + " (R), got " + a);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"log-log", "log", "plain"})
    void kmJsonMatchesR(String confType) {
        JsonNode ref = Cli.reference("lung_sex.json").get("km").get(confType);
        Cli r = Cli.run("km", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value", "2",
                "--group", "sex", "--conf-type", confType, "--at", "180,365,730", "--tau", "730", "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("conf_type").asText()).isEqualTo(confType);
        assertThat(j.get("conf_level").asDouble()).isEqualTo(0.95);
        assertThat(j.get("excluded").get("rows_read").asInt()).isEqualTo(228);
        assertThat(j.get("warnings").isArray()).isTrue();
        JsonNode groups = j.get("groups");
        assertThat(groups.size()).isEqualTo(2);
        for (int k = 0; k < 2; k++) {
            JsonNode g = groups.get(k);
            JsonNode e = ref.get("groups").get(k);
            assertThat(g.get("group").isTextual()).isTrue();
            assertThat(g.get("group").asText()).isEqualTo(e.get("group").asText());
            assertThat(g.get("n").asInt()).isEqualTo(e.get("n").asInt());
            assertThat(g.get("events").asInt()).isEqualTo(e.get("events").asInt());
            for (String f : List.of("estimate", "lower", "upper")) {
                close("median " + f, g.get("median").get(f), e.get("median").get(f), 1e-9);
            }
            close("rmst", g.get("rmst").get("estimate"), e.get("rmst").get("estimate"), 1e-6);
            close("rmst se", g.get("rmst").get("se"), e.get("rmst").get("se"), 1e-6);
            assertThat(g.get("table").size()).isEqualTo(e.get("table").size());
            for (int i = 0; i < e.get("table").size(); i++) {
                for (String f : List.of("time", "n_risk", "n_event", "n_censor", "survival", "std_err", "lower",
                        "upper")) {
                    close("table " + i + " " + f, g.get("table").get(i).get(f), e.get("table").get(i).get(f), 1e-6);
                }
            }
            for (int i = 0; i < e.get("at").size(); i++) {
                for (String f : List.of("time", "n_risk", "survival", "std_err", "lower", "upper")) {
                    close("at " + i + " " + f, g.get("at").get(i).get(f), e.get("at").get(i).get(f), 1e-6);
                }
            }
        }
    }

    @Test
    void kmWithoutGroupIsOneGroupNamedAll() {
        JsonNode ref = Cli.reference("lung_all.json").get("km").get("log").get("groups").get(0);
        Cli r = Cli.run("km", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value", "2",
                "--preset", "r", "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode g = r.json().get("groups");
        assertThat(g.size()).isEqualTo(1);
        assertThat(g.get(0).get("group").asText()).isEqualTo("all");
        assertThat(r.json().get("conf_type").asText()).isEqualTo("log");
        close("median", g.get(0).get("median").get("estimate"), ref.get("median").get("estimate"), 1e-9);
        close("median lower", g.get(0).get("median").get("lower"), ref.get("median").get("lower"), 1e-9);
        assertThat(g.get(0).has("rmst")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"logrank", "gehan", "tarone", "peto"})
    void compareJsonMatchesR(String test) {
        JsonNode ref = Cli.reference("lung_sex.json").get("compare").get(test);
        Cli r = Cli.run("compare", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value",
                "2", "--group", "sex", "--test", test, "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("test").asText()).isEqualTo(test);
        close("statistic", j.get("statistic"), ref.get("statistic"), 1e-6);
        close("p", j.get("p_value"), ref.get("p_value"), 1e-5);
        assertThat(j.get("df").asInt()).isEqualTo(1);
        assertThat(j.get("strata").isNull()).isTrue();
        for (int k = 0; k < 2; k++) {
            close("observed", j.get("groups").get(k).get("observed"), ref.get("groups").get(k).get("observed"), 1e-9);
            close("expected", j.get("groups").get(k).get("expected"), ref.get("groups").get(k).get("expected"), 1e-6);
        }
        assertThat(j.get("hazard_ratio").get("reference").asText()).isEqualTo("1");
        assertThat(j.get("hazard_ratio").get("mantel_haenszel").get("hr").asDouble()).isBetween(0.4, 0.8);
    }

    @Test
    void fhWithRhoGammaMatchesR() {
        JsonNode ref = Cli.reference("lung_sex.json").get("compare").get("fh11");
        Cli r = Cli.run("compare", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value",
                "2", "--group", "sex", "--test", "fh", "--rho", "1", "--gamma", "1", "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        close("statistic", r.json().get("statistic"), ref.get("statistic"), 1e-6);
        assertThat(r.json().get("rho").asDouble()).isEqualTo(1.0);
    }

    @Test
    void pairwiseHolmAndStratifiedMatchR() {
        JsonNode ref = Cli.reference("aml_x.json");
        Cli r = Cli.run("compare", Cli.resource("aml.csv"), "--time", "time", "--event", "status", "--group", "x",
                "--pairwise", "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode pw = r.json().get("pairwise");
        assertThat(pw.size()).isEqualTo(ref.get("pairwise_logrank").size());
        close("p", pw.get(0).get("p_value"), ref.get("pairwise_logrank").get(0).get("p_value"), 1e-5);
        close("p holm", pw.get(0).get("p_adjusted"), ref.get("pairwise_logrank").get(0).get("p_holm"), 1e-5);

        JsonNode st = Cli.reference("gbsg_hormon.json").get("stratified_logrank");
        Cli s = Cli.run("compare", Cli.resource("gbsg.csv"), "--time", "rfstime", "--event", "status", "--group",
                "hormon", "--strata", "meno", "--format", "json");
        assertThat(s.status()).as(s.err()).isZero();
        assertThat(s.json().get("strata").asText()).isEqualTo("meno");
        close("stratified statistic", s.json().get("statistic"), st.get("statistic"), 1e-6);
        close("stratified p", s.json().get("p_value"), st.get("p_value"), 1e-5);
    }

    @Test
    void textLooksLikeR() {
        Cli r = Cli.run("compare", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value",
                "2", "--group", "sex");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Log-rank test (Mantel–Cox)").contains("sex=1").contains("Observed")
                .contains("Chisq = 10.33  on 1 degrees of freedom, p = 0.00131");
        Cli k = Cli.run("km", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value", "2",
                "--group", "sex", "--preset", "r");
        assertThat(k.out()).contains("median").contains("0.95LCL").containsPattern("sex=1\\s+138\\s+112\\s+270\\s+212\\s+310");
    }

    @Test
    void csvOutputs() {
        Cli k = Cli.run("km", Cli.resource("aml.csv"), "--time", "time", "--event", "status", "--group", "x",
                "--format", "csv");
        assertThat(k.status()).isZero();
        String[] lines = k.out().split("\n");
        assertThat(lines[0]).isEqualTo("group,time,n_risk,n_event,n_censor,survival,std_err,lower,upper,cumhaz");
        assertThat(lines[1]).startsWith("Maintained,9,11,1,0,0.9090909090909091,");
        Cli c = Cli.run("compare", Cli.resource("aml.csv"), "--time", "time", "--event", "status", "--group", "x",
                "--pairwise", "--format", "csv");
        assertThat(c.out()).startsWith("test,group1,group2,statistic,df,p_value,p_adjusted\nlogrank,all,,3.39");
    }

    @Test
    void outputFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("sub/out.json");
        Cli r = Cli.run("km", Cli.resource("aml.csv"), "--time", "time", "--event", "status", "--format", "json",
                "-o", f.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(java.nio.file.Files.readString(f)).contains("\"groups\"");
    }

    @Test
    void rmstComparisonUsesRsRestrictedMeans() {
        // R 4.2.2, survival 3.5-3: print(survfit(Surv(time, status == 2) ~ sex, lung), rmean = 730) (lung_sex.json);
        // difference and its CI by survRM2's formula: m2 - m1 +- 1.96 sqrt(se1^2 + se2^2)
        JsonNode g = Cli.reference("lung_sex.json").get("km").get("log").get("groups");
        double m1 = g.get(0).get("rmst").get("estimate").asDouble();
        double s1 = g.get(0).get("rmst").get("se").asDouble();
        double m2 = g.get(1).get("rmst").get("estimate").asDouble();
        double s2 = g.get(1).get("rmst").get("se").asDouble();
        Cli r = Cli.run("compare", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value", "2",
                "--group", "sex", "--rmst", "730", "--format", "json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode x = r.json().get("rmst").get(0);
        assertThat(x.get("reference").asText()).isEqualTo("1");
        close("rmst 1", x.get("rmst_reference"), g.get(0).get("rmst").get("estimate"), 1e-9);
        close("rmst 2", x.get("rmst_comparison"), g.get(1).get("rmst").get("estimate"), 1e-9);
        double se = Math.sqrt(s1 * s1 + s2 * s2);
        assertThat(x.get("difference").get("estimate").asDouble()).isCloseTo(m2 - m1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(x.get("difference").get("lower").asDouble())
                .isCloseTo(m2 - m1 - 1.959963984540054 * se, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(x.get("ratio").get("estimate").asDouble()).isCloseTo(m2 / m1, org.assertj.core.data.Offset.offset(1e-9));
    }
}

package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code survkit km --weights COL} and {@code --start COL} against R. Expected values: R 4.2.2, survival 3.5-3,
 * {@code reference/km-weights/km_weights.R} (subset: {@code cli_subset.py}):
 * {@code survfit(Surv(time, status) ~ sex, lung, weights = wf)} (non-integer weights: R's robust standard errors),
 * {@code survfit(Surv(entry, exit, status) ~ group, weights = wi)} on a simulated left-truncated cohort and
 * {@code survfit(Surv(start, stop, event) ~ transplant, heart)}; medians, quartiles, survival at times and RMST with
 * R's {@code summary(fit, rmean = tau)$table} counts (records, n.max, n.start, events), to 1e-6.
 */
class KmWeightsCliTest {
    private static final JsonNode R = Cli.reference("km-weights/km_weights_cli.json");

    private static JsonNode reference(String name) {
        for (JsonNode c : R) {
            if (c.get("case").asText().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"lung_wfrac, log, 500", "lung_wfrac, log-log, 500", "trunc_wint, plain, 6", "trunc_wint, log-log, 6",
        "heart_tx, log, 600"})
    void matchesR(String name, String confType, String tau) {
        JsonNode c = reference(name);
        List<String> args = new ArrayList<>(List.of("km", Cli.resource("km-weights/" + c.get("file").asText()),
                "--time", c.get("stop").asText(), "--event", c.get("event").asText(), "--group",
                c.get("group").asText(), "--conf-type", confType, "--tau", tau, "--format", "json"));
        JsonNode groups = c.get("km").get(confType).get("groups");
        StringBuilder at = new StringBuilder();
        for (JsonNode a : groups.get(0).get("at")) {
            at.append(at.length() == 0 ? "" : ",").append(a.get("time").asDouble());
        }
        args.addAll(List.of("--at", at.toString()));
        if (!c.get("weights").isNull()) {
            args.addAll(List.of("--weights", c.get("weights").asText()));
        }
        if (!c.get("start").isNull()) {
            args.addAll(List.of("--start", c.get("start").asText()));
        }
        Cli run = Cli.run(args.toArray(new String[0]));
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode out = run.json();
        for (int g = 0; g < groups.size(); g++) {
            JsonNode e = groups.get(g);
            JsonNode x = out.get("groups").get(g);
            String w = name + " " + confType + " group " + e.get("group").asText();
            assertThat(x.get("group").asText()).isEqualTo(e.get("group").asText());
            assertThat(x.get("n").asInt()).as(w + " records").isEqualTo(e.get("records").asInt());
            close(w + " events", x.get("events"), e.get("events"));
            close(w + " n.max", x.get("n_max"), e.get("n_max"));
            close(w + " n.start", x.get("n_start"), e.get("n_start"));
            for (String k : List.of("estimate", "lower", "upper")) {
                close(w + " median " + k, x.get("median").get(k), e.get("median").get(k));
            }
            for (int q = 0; q < 3; q++) {
                for (String k : List.of("estimate", "lower", "upper")) {
                    close(w + " quantile " + q + " " + k, x.get("quantiles").get(q).get(k),
                            e.get("quantiles").get(q).get(k));
                }
            }
            close(w + " rmst", x.get("rmst").get("estimate"), e.get("rmst").get("estimate"));
            close(w + " se(rmst)", x.get("rmst").get("se"), e.get("rmst").get("se"));
            for (int i = 0; i < e.get("at").size(); i++) {
                JsonNode ea = e.get("at").get(i);
                JsonNode xa = x.get("at").get(i);
                close(w + " at n.risk " + i, xa.get("n_risk"), ea.get("n_risk"));
                close(w + " at surv " + i, xa.get("survival"), ea.get("surv"));
                if (xa.get("survival").asDouble() > 0) {
                    close(w + " at std.err " + i, xa.get("std_err"), ea.get("std_err"));
                }
                close(w + " at lower " + i, xa.get("lower"), ea.get("lower"));
                close(w + " at upper " + i, xa.get("upper"), ea.get("upper"));
            }
        }
    }

    @Test
    void textShowsRecordsNmaxAndNstartAsR() {
        // R: print(survfit(Surv(entry, exit, status) ~ group, d, weights = wf)) prints records, n.max, n.start, events
        Cli run = Cli.run("km", Cli.resource("km-weights/data_trunc.csv"), "--time", "exit", "--event", "status",
                "--group", "group", "--start", "entry", "--weights", "wf");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("records").contains("n.max").contains("n.start").contains("7.485");
    }

    @Test
    void testsAndCompareRefuseWeightsAndStartWithTheReason() {
        String file = Cli.resource("km-weights/data_lung_w.csv");
        Cli km = Cli.run("km", file, "--time", "time", "--event", "status", "--group", "sex", "--weights", "wf",
                "--test", "logrank");
        assertThat(km.status()).isNotZero();
        assertThat(km.err()).contains("survdiff").contains("case weights");
        Cli compare = Cli.run("compare", file, "--time", "time", "--event", "status", "--group", "sex", "--weights",
                "wf");
        assertThat(compare.status()).isNotZero();
        assertThat(compare.err()).contains("compare does not take --weights").contains("survdiff")
                .contains("survkit cox");
    }

    private static void close(String what, JsonNode actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(actual == null || actual.isNull()).as(what + ": expected NA, got " + actual).isTrue();
            return;
        }
        double e = expected.asDouble();
        assertThat(actual).as(what + " missing").isNotNull();
        assertThat(actual.isNull()).as(what + ": expected " + e + ", got NA").isFalse();
        assertThat(Math.abs(actual.asDouble() - e)).as(what + ": " + actual + " vs R " + e)
                .isLessThanOrEqualTo(1e-6 * Math.max(1, Math.abs(e)));
    }
}

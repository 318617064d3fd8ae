package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The worked time-dependent-treatment example (examples/heart-transplant/README.md): the three
 * commands of its README reproduce R's fits of the Stanford heart transplant data. Expected values:
 * R 4.2.2, survival 3.5-3, examples/heart-transplant/make_heart.R → reference.json (naive "ever
 * transplanted" Cox model, time-dependent (start, stop] model, landmark at 30 days). Tolerances:
 * 1e-5 relative on coefficients, SEs and HR limits, 1e-7 on log-likelihoods (the Cox issue's).
 */
class CliTimeDependentExampleTest {

    static final Path DIR = Path.of("../examples/heart-transplant");
    static final JsonNode REF = read();

    private static JsonNode read() {
        try {
            return Cli.JSON.readTree(DIR.resolve("reference.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void matches(JsonNode fit, JsonNode ref, String what) {
        JsonNode coefs = fit.get("coefficients");
        assertThat(coefs.size()).as(what).isEqualTo(ref.get("coef").size());
        for (int j = 0; j < coefs.size(); j++) {
            JsonNode c = coefs.get(j);
            assertThat(c.get("term").asText()).isEqualTo(ref.get("names").get(j).asText());
            close(what + " coef " + j, c.get("coef").asDouble(), ref.get("coef").get(j).asDouble(), 1e-5);
            close(what + " se " + j, c.get("se").asDouble(), ref.get("se").get(j).asDouble(), 1e-5);
            close(what + " lower " + j, c.get("hr_lower").asDouble(), ref.get("hr_lower").get(j).asDouble(), 1e-5);
            close(what + " upper " + j, c.get("hr_upper").asDouble(), ref.get("hr_upper").get(j).asDouble(), 1e-5);
        }
        close(what + " loglik null", fit.get("loglik").get("null").asDouble(), ref.get("loglik").get(0).asDouble(), 1e-7);
        close(what + " loglik", fit.get("loglik").get("model").asDouble(), ref.get("loglik").get(1).asDouble(), 1e-7);
        assertThat(fit.get("n").asInt()).as(what + " n").isEqualTo(ref.get("n").asInt());
        assertThat(fit.get("events").asInt()).as(what + " events").isEqualTo(ref.get("nevent").asInt());
    }

    private static void close(String what, double got, double expected, double rel) {
        assertThat(got).as(what).isCloseTo(expected, within(rel * Math.max(1e-3, Math.abs(expected))));
    }

    private static JsonNode cox(String file, String... more) {
        String[] base = {"cox", DIR.resolve(file).toString(), "--format", "json"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        Cli r = Cli.run(args);
        assertThat(r.status()).as(r.err()).isZero();
        return r.json();
    }

    @Test
    void naiveEverTransplantedModelShowsTheImmortalTimeBias() {
        JsonNode fit = cox("heart_patients.csv", "--time", "days", "--event", "dead", "--covariates",
                "transplanted,age,surgery");
        matches(fit, REF.get("naive"), "naive");
        // the bias: a large spurious benefit of transplantation (HR 0.18)
        assertThat(fit.get("coefficients").get(0).get("hr").asDouble()).isLessThan(0.25);
    }

    @Test
    void timeDependentTreatmentRemovesIt() {
        JsonNode fit = cox("heart.csv", "--start", "start", "--time", "stop", "--event", "event", "--covariates",
                "transplant,age,surgery");
        matches(fit, REF.get("time_dependent"), "time-dependent");
        assertThat(fit.get("coefficients").get(0).get("hr").asDouble()).isBetween(0.9, 1.1);
    }

    @Test
    void landmarkAt30DaysAgrees() {
        JsonNode fit = cox("heart_patients.csv", "--time", "days", "--event", "dead", "--covariates",
                "transplanted_by_30,age,surgery", "--landmark", "30");
        matches(fit, REF.get("landmark_30"), "landmark");
        assertThat(fit.get("excluded").toString()).contains("24");
    }
}

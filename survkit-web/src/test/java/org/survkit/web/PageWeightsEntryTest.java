package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.stats.PValueFormat;

/**
 * The page's entry-time and case-weight fields (the study keys {@code time.entry} and {@code weights}) and its Cox
 * starting values and iteration limit ({@code cox[].init}, {@code cox[].iter_max}): sent to the analyses, drawn in
 * the figure, saved in the study and used by the report made from it, against R 4.x, survival 3.5-3
 * (reference/report-weights/refgen_report_weights.R, case entry_wfrac).
 */
class PageWeightsEntryTest {
    @TempDir
    Path dir;
    @TempDir
    Path user;

    private static final String READING = "\"time\":\"time\",\"event\":\"status\",\"event_value\":\"1\","
            + "\"time_unit\":\"days\"";

    private static JsonNode rCase(String name) throws IOException {
        try (InputStream in = PageWeightsEntryTest.class.getResourceAsStream(
                "/reference/report-weights/report_weights.json")) {
            for (JsonNode c : TestServer.JSON.readTree(in).get("cases")) {
                if (c.get("case").asText().equals(name)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException(name);
    }

    private Path cohort() throws IOException {
        Path p = dir.resolve("cohort.csv");
        try (InputStream in = getClass().getResourceAsStream("/reference/report-weights/cohort.csv")) {
            Files.copy(in, p);
        }
        return p;
    }

    /** Uploads, runs an analysis through the API (equal to the flags), saves the settings, runs the saved study. */
    private record Saved(JsonNode api, String legend, String yaml, Path tables) {
    }

    private Saved run(TestServer s, Path data, String analysis, String options, String figureOptions, String settings)
            throws IOException {
        String id = s.upload(data).json().get("id").asText();
        JsonNode flags = TestServer.JSON.readTree(TestServer.cli(FrontEndParityTest.flags(analysis, data, options)
                .toArray(new String[0])));
        TestServer.Reply api = s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\"" + analysis
                + "\",\"options\":" + options + "}");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(FrontEndParityTest.withoutSource(api.json())).isEqualTo(FrontEndParityTest.withoutSource(flags));
        String legend = null;
        if (analysis.equals("km")) {
            TestServer.Reply svg = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":"
                    + figureOptions + ",\"figure\":{}}");
            assertThat(svg.status()).as(svg.body()).isEqualTo(200);
            legend = svg.body().replaceAll("<[^>]+>", " ");
        }
        String study = s.postJson("/api/studies", "{\"name\":\"Weights\",\"dataset\":\"" + id + "\",\"settings\":"
                + settings + "}").json().get("id").asText();
        TestServer.Reply yaml = s.get("/api/studies/" + study + "/study.yaml");
        assertThat(yaml.status()).as(yaml.body()).isEqualTo(200);
        Files.writeString(user.resolve("study.yaml"), yaml.body(), StandardCharsets.UTF_8);
        Files.copy(data, user.resolve(data.getFileName()));
        TestServer.cli("report", user.resolve("study.yaml").toString(), "--no-png");
        return new Saved(api.json(), legend, yaml.body(), user.resolve("report").resolve("tables"));
    }

    @Test
    void entryTimesAndWeightsReachTheAnalysesTheFigureAndTheSavedStudy() throws IOException {
        JsonNode r = rCase("entry_wfrac");
        String options = "{" + READING + ",\"group\":\"ecog\",\"start\":\"entry\",\"weights\":\"wf\","
                + "\"at\":[180,365]}";
        // the page sends km the options it has; the figure and the saved study also get the strata
        String stratified = options.replace("}", ",\"strata\":\"sex\"}");
        String settings = "{\"options\":" + stratified + ",\"figure\":{},\"table1\":[],\"cox\":{},\"title\":\"W\"}";
        try (TestServer s = new TestServer(dir)) {
            Saved a = run(s, cohort(), "km", options, stratified, settings);
            // R: survfit(Surv(entry, time, status) ~ ecog, weights = wf): survival at 180 and 365 days
            for (int g = 0; g < 3; g++) {
                JsonNode at = a.api().get("groups").get(g).get("at");
                for (int k = 0; k < 2; k++) {
                    assertThat(at.get(k).get("survival").asDouble()).isCloseTo(r.get("curves").get(g).get("surv")
                            .get(k).asDouble(), within(1e-9));
                }
            }
            // R: summary(coxph(Surv(entry, time, status) ~ ecog + strata(sex), weights = wf))$robscore
            double p = r.get("overall").get("p").asDouble();
            assertThat(a.legend()).contains("Robust score").contains(PValueFormat.DEFAULT.text(p));
            assertThat(a.yaml()).contains("entry: \"entry\"").contains("weights: \"wf\"");
            JsonNode cmp = TestServer.JSON.readTree(a.tables().resolve("comparisons.json").toFile());
            assertThat(cmp.get("test").asText()).isEqualTo("cox_robust_score");
            assertThat(cmp.get("p_value").asDouble()).isCloseTo(p, within(1e-9));
        }
    }

    @Test
    void coxStartingValuesAndIterationLimitAreSentAndSaved() throws IOException {
        String choices = "\"init\":\"0.01,0.2\",\"iter_max\":1";
        String options = "{" + READING + ",\"covariates\":[\"age\",\"wf\"]," + choices + "}";
        String settings = "{\"options\":{" + READING + "},\"figure\":{},\"table1\":[],\"cox\":{\"covariates\":"
                + "[\"age\",\"wf\"]," + choices + "},\"title\":\"One step\"}";
        try (TestServer s = new TestServer(dir)) {
            Saved a = run(s, cohort(), "cox", options, null, settings);
            assertThat(a.yaml()).contains("init: [0.01, 0.2]").contains("iter_max: 1");
            JsonNode k = a.api().get("coefficients");
            JsonNode report = TestServer.JSON.readTree(a.tables().resolve("cox_1.json").toFile()).get("coefficients");
            JsonNode converged = TestServer.JSON.readTree(TestServer.cli("cox", dir.resolve("cohort.csv").toString(),
                    "--time", "time", "--event", "status", "--event-value", "1", "--covariates", "age,wf",
                    "--format", "json")).get("coefficients");
            for (int i = 0; i < 2; i++) {
                // the page's one-step fit (the command line's) and the report's fit of the saved study are one fit
                assertThat(report.get(i).get("coef").asDouble()).isCloseTo(k.get(i).get("coef").asDouble(),
                        within(1e-12));
                // and not the converged one: the options were not dropped on the way
                assertThat(Math.abs(k.get(i).get("coef").asDouble() - converged.get(i).get("coef").asDouble()))
                        .isGreaterThan(1e-6);
            }
        }
    }

    /** The page's cluster and offset fields (cox[].cluster, cox[].offset): sent to the analysis and saved in the study. */
    @Test
    void coxClusterAndOffsetAreSentAndSaved() throws IOException {
        String choices = "\"cluster\":\"ecog\",\"offset\":\"wf\"";
        String options = "{" + READING + ",\"covariates\":[\"age\",\"sex\"]," + choices + "}";
        String settings = "{\"options\":{" + READING + "},\"figure\":{},\"table1\":[],\"cox\":{\"covariates\":"
                + "[\"age\",\"sex\"]," + choices + "},\"title\":\"Clustered\"}";
        try (TestServer s = new TestServer(dir)) {
            Saved a = run(s, cohort(), "cox", options, null, settings);
            assertThat(a.yaml()).contains("cluster: \"ecog\"").contains("offset: \"wf\"");
            JsonNode k = a.api().get("coefficients");
            JsonNode report = TestServer.JSON.readTree(a.tables().resolve("cox_1.json").toFile());
            assertThat(report.get("cluster").asText()).isEqualTo("ecog");
            for (int i = 0; i < 2; i++) {
                // the page's fit (the command line's) and the report's fit of the saved study are one fit
                JsonNode r = report.get("coefficients").get(i);
                assertThat(r.get("coef").asDouble()).isCloseTo(k.get(i).get("coef").asDouble(), within(1e-12));
                assertThat(r.get("robust_se").asDouble()).isCloseTo(k.get(i).get("robust_se").asDouble(),
                        within(1e-12));
                assertThat(r.get("robust_se").asDouble()).isNotCloseTo(r.get("se").asDouble(), within(1e-6));
            }
        }
    }
}

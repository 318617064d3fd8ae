package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.stats.PValueFormat;

/**
 * The study options the page sets beyond the columns — missing-value codes, landmark, group order and a Cox
 * reference level — give one answer through the command line's flags, the web API, the web figure's legend and
 * the study the page saves (downloaded as study.yaml and run as {@code survkit report}). Expected numbers are R's:
 * {@code reference/web/page_options.R} (R 4.2.2, survival 3.5-3), in {@code reference/page_options.json}.
 */
class PageStudyOptionsTest {
    @TempDir
    Path dir;
    @TempDir
    Path user;

    static JsonNode r;

    private static final String READING = "\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\","
            + "\"time_unit\":\"days\"";

    @BeforeAll
    static void reference() throws IOException {
        try (InputStream in = PageStudyOptionsTest.class.getResourceAsStream("/reference/page_options.json")) {
            r = TestServer.JSON.readTree(in);
        }
    }

    private static double r(String key) {
        return r.get(key).get(0).asDouble();
    }

    /** lung.csv with "unknown" for a missing ph.ecog and -99 for a missing wt.loss (as page_options.R writes it). */
    static Path codedLung(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(TestServer.LUNG, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[5].isEmpty()) {
                f[5] = "unknown";
            }
            if (f[9].isEmpty()) {
                f[9] = "-99";
            }
            out.add(String.join(",", f));
        }
        Path p = folder.resolve("lung-coded.csv");
        Files.write(p, out, StandardCharsets.UTF_8);
        return p;
    }

    /** What one set of page options answers through each front end. */
    record Answers(JsonNode flags, String legend, String yaml, Path tables) {
        JsonNode table(String name) throws IOException {
            return TestServer.JSON.readTree(tables.resolve(name + ".json").toFile());
        }
    }

    /**
     * Runs an analysis with the options as flags and through the web API (asserting the same JSON but the source),
     * draws the web figure with the options and the page's groups, saves the page's settings as a study, downloads
     * its study.yaml and runs it as a report next to the data.
     */
    private Answers answers(TestServer s, Path data, String analysis, String options, String groups, String settings)
            throws IOException {
        String id = s.upload(data).json().get("id").asText();
        JsonNode flags = TestServer.JSON.readTree(TestServer.cli(FrontEndParityTest.flags(analysis, data, options)
                .toArray(new String[0])));
        TestServer.Reply api = s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\"" + analysis
                + "\",\"options\":" + options + "}");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(FrontEndParityTest.withoutSource(api.json())).as(analysis)
                .isEqualTo(FrontEndParityTest.withoutSource(flags));
        String legend = null;
        if (!analysis.equals("cox")) {
            TestServer.Reply svg = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + options
                    + ",\"groups\":" + groups + ",\"figure\":{\"colors\":[\"#112233\",\"#AA5500\"]}}");
            assertThat(svg.status()).as(svg.body()).isEqualTo(200);
            legend = svg.body().replaceAll("<[^>]+>", " ");
        }
        String study = s.postJson("/api/studies", "{\"name\":\"Options\",\"dataset\":\"" + id + "\",\"settings\":"
                + settings + "}").json().get("id").asText();
        TestServer.Reply yaml = s.get("/api/studies/" + study + "/study.yaml");
        assertThat(yaml.status()).as(yaml.body()).isEqualTo(200);
        Files.writeString(user.resolve("study.yaml"), yaml.body(), StandardCharsets.UTF_8);
        Files.copy(data, user.resolve(data.getFileName()));
        TestServer.cli("report", user.resolve("study.yaml").toString(), "--no-png");
        return new Answers(flags, legend, yaml.body(), user.resolve("report").resolve("tables"));
    }

    @Test
    void missingValueCodesAreMissingEverywhere() throws IOException {
        Path data = codedLung(dir);
        String options = "{" + READING + ",\"group\":\"sex\",\"strata\":\"ph.ecog\",\"na\":[\"unknown\",\"-99\"]}";
        String settings = "{\"options\":" + options + ",\"figure\":{},\"table1\":[\"wt.loss\"],\"cox\":{},"
                + "\"title\":\"Codes\"}";
        try (TestServer s = new TestServer(dir.resolve("server"))) {
            Answers a = answers(s, data, "compare", options, "{}", settings);
            // R: survdiff(Surv(time, status == 2) ~ sex + strata(ph.ecog), lung), "unknown" read as NA
            assertThat(a.flags().get("p_value").asDouble()).isCloseTo(r("na_strata_p"), within(1e-12));
            assertThat(a.flags().get("excluded").get("rows_analysed").asInt()).isEqualTo((int) r("na_rows_analysed"));
            assertThat(a.legend()).contains(PValueFormat.DEFAULT.text(a.flags().get("p_value").asDouble()))
                    .contains("1 (n = 137, 111 events)").contains("2 (n = 90, 53 events)");
            assertThat(a.yaml()).contains("na: [\"unknown\", \"-99\"]");
            assertThat(a.table("comparisons").get("p_value").asDouble())
                    .isCloseTo(a.flags().get("p_value").asDouble(), within(1e-9));
            // Table 1: -99 is a missing weight loss, not a loss of -99 kg (R: sum(is.na(lung$wt.loss)) = 14,
            // min(lung$wt.loss, na.rm = TRUE) = -24)
            JsonNode wt = a.table("table1").get("rows").get(0).get("overall");
            assertThat(wt.get("missing").asInt()).isEqualTo(14);
            assertThat(wt.get("min").asDouble()).isEqualTo(-24.0);

            // without the codes, "unknown" is a stratum of its own and the answer changes
            String plain = "{" + READING + ",\"group\":\"sex\",\"strata\":\"ph.ecog\"}";
            JsonNode without = TestServer.JSON.readTree(TestServer.cli(FrontEndParityTest.flags("compare", data, plain)
                    .toArray(new String[0])));
            assertThat(without.get("excluded").get("rows_analysed").asInt()).isEqualTo(228);
        }
    }

    @Test
    void landmarkAppliesToTheAnalysesTheFigureAndTheReport() throws IOException {
        String options = "{" + READING + ",\"group\":\"sex\",\"landmark\":90}";
        String settings = "{\"options\":" + options + ",\"figure\":{},\"table1\":[],\"cox\":{},\"title\":\"Landmark\"}";
        try (TestServer s = new TestServer(dir)) {
            Answers a = answers(s, TestServer.LUNG, "compare", options, "{}", settings);
            // R: survdiff(Surv(time - 90, status == 2) ~ sex, subset(lung, time > 90))
            assertThat(a.flags().get("p_value").asDouble()).isCloseTo(r("landmark_p"), within(1e-12));
            JsonNode groups = a.flags().get("groups");
            for (int g = 0; g < 2; g++) {
                assertThat(groups.get(g).get("n").asInt()).isEqualTo(r.get("landmark_n").get(g).asInt());
                assertThat(groups.get(g).get("observed").asInt()).isEqualTo(r.get("landmark_observed").get(g).asInt());
                assertThat(a.legend()).contains(groups.get(g).get("group").asText() + " (n = "
                        + groups.get(g).get("n").asInt() + ", " + groups.get(g).get("observed").asInt() + " events)");
            }
            assertThat(a.legend()).contains(PValueFormat.DEFAULT.text(r("landmark_p")));
            assertThat(a.yaml()).contains("landmark: 90");
            assertThat(a.table("comparisons").get("p_value").asDouble()).isCloseTo(r("landmark_p"), within(1e-9));
            JsonNode survival = a.table("survival").get("groups");
            assertThat(survival.get(0).get("n").asInt()).isEqualTo(r.get("landmark_n").get(0).asInt());
        }
    }

    @Test
    void groupOrderIsTheLegendOrderTheReportOrderAndTheReference() throws IOException {
        String options = "{" + READING + ",\"group\":\"sex\"}";
        String groups = "{\"order\":[\"2\",\"1\"]}";
        String settings = "{\"options\":" + options + ",\"groups\":" + groups + ",\"figure\":{\"colors\":[\"#112233\","
                + "\"#AA5500\"]},\"table1\":[],\"cox\":{\"covariates\":[\"sex\",\"age\"],\"categorical\":[\"sex\"]},"
                + "\"title\":\"Order\"}";
        try (TestServer s = new TestServer(dir)) {
            Answers a = answers(s, TestServer.LUNG, "compare", options, groups, settings);
            // the legend lists 2 first, in the first colour
            assertThat(a.legend().indexOf("2 (n = 90")).isPositive().isLessThan(a.legend().indexOf("1 (n = 138"));
            assertThat(a.yaml()).contains("order: [\"2\", \"1\"]");
            JsonNode survival = a.table("survival").get("groups");
            assertThat(survival.get(0).get("group").asText()).isEqualTo("2");
            // the report's hazard ratio has 2 as reference: the page shows the analysis' ratio inverted
            JsonNode pair = a.table("pairwise").get("pairs").get(0);
            assertThat(pair.get("reference").asText()).isEqualTo("2");
            JsonNode mh = a.flags().get("hazard_ratio").get("mantel_haenszel");
            assertThat(a.flags().get("hazard_ratio").get("reference").asText()).isEqualTo("1");
            assertThat(pair.get("hr_mantel_haenszel").get("hr").asDouble()).isCloseTo(1 / mh.get("hr").asDouble(),
                    within(1e-12));
            assertThat(pair.get("hr_mantel_haenszel").get("lower").asDouble())
                    .isCloseTo(1 / mh.get("upper").asDouble(), within(1e-12));
            // R: coxph(Surv(time, status == 2) ~ factor(sex, levels = c(2, 1)), lung)
            assertThat(pair.get("hr_cox").get("hr").asDouble()).isCloseTo(r("order_cox_hr"), within(1e-9));
            assertThat(pair.get("hr_cox").get("lower").asDouble()).isCloseTo(r("order_cox_lower"), within(1e-9));
            // a Cox model with the group as a factor: the page sends the first group as its reference
            JsonNode cox = TestServer.JSON.readTree(TestServer.cli(FrontEndParityTest.flags("cox", TestServer.LUNG,
                    "{" + READING + ",\"covariates\":[\"sex\",\"age\"],\"categorical\":[\"sex\"],"
                            + "\"reference\":{\"sex\":\"2\"}}").toArray(new String[0])));
            JsonNode report = a.table("cox_1").get("coefficients");
            assertThat(report.get(0).get("term").asText()).isEqualTo("sex=1");
            assertThat(report.get(0).get("coef").asDouble()).isCloseTo(
                    cox.get("coefficients").get(0).get("coef").asDouble(), within(1e-9));
        }
    }

    @Test
    void referenceLevelOfACoxFactorIsSentAndSaved() throws IOException {
        String options = "{" + READING + ",\"covariates\":[\"ph.ecog\",\"age\"],\"categorical\":[\"ph.ecog\"],"
                + "\"reference\":{\"ph.ecog\":\"1\"}}";
        String settings = "{\"options\":{" + READING + "},\"figure\":{},\"table1\":[],\"cox\":{\"covariates\":"
                + "[\"ph.ecog\",\"age\"],\"categorical\":[\"ph.ecog\"],\"reference\":{\"ph.ecog\":\"1\"}},"
                + "\"title\":\"Reference\"}";
        try (TestServer s = new TestServer(dir)) {
            Answers a = answers(s, TestServer.LUNG, "cox", options, "{}", settings);
            // R: coxph(Surv(time, status == 2) ~ relevel(factor(ph.ecog), ref = "1") + age, lung)
            JsonNode k = a.flags().get("coefficients");
            List<String> terms = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                terms.add(k.get(i).get("term").asText());
                assertThat(k.get(i).get("coef").asDouble()).isCloseTo(r.get("reference_coef").get(i).asDouble(),
                        within(1e-7));
                assertThat(k.get(i).get("se").asDouble()).isCloseTo(r.get("reference_se").get(i).asDouble(),
                        within(1e-7));
            }
            assertThat(terms).containsExactly("ph.ecog=0", "ph.ecog=2", "ph.ecog=3", "age");
            assertThat(a.yaml()).contains("categorical: [\"ph.ecog\"]").contains("reference:")
                    .contains("\"ph.ecog\": \"1\"");
            JsonNode report = a.table("cox_1").get("coefficients");
            for (int i = 0; i < 4; i++) {
                assertThat(report.get(i).get("term").asText()).isEqualTo(terms.get(i));
                assertThat(report.get(i).get("coef").asDouble()).isCloseTo(k.get(i).get("coef").asDouble(),
                        within(1e-9));
            }
        }
    }

    /** The page's Cox fitting choices (issue 13: exact ties, the PH test's time scale, Uno's C) reach the saved study. */
    @Test
    void coxFittingChoicesAreSentAndSaved() throws IOException {
        String choices = "\"ties\":\"exact\",\"zph_transform\":\"rank\",\"concordance\":\"uno\"";
        String options = "{" + READING + ",\"covariates\":[\"age\",\"sex\"]," + choices + "}";
        String settings = "{\"options\":{" + READING + "},\"figure\":{},\"table1\":[],\"cox\":{\"covariates\":"
                + "[\"age\",\"sex\"]," + choices + "},\"title\":\"Choices\"}";
        try (TestServer s = new TestServer(dir)) {
            Answers a = answers(s, TestServer.LUNG, "cox", options, "{}", settings);
            assertThat(a.yaml()).contains("ties: exact").contains("zph_transform: rank").contains("concordance: uno");
            JsonNode k = a.flags().get("coefficients");
            JsonNode report = a.table("cox_1").get("coefficients");
            for (int i = 0; i < 2; i++) {
                // the page's fit (the command line's) and the report's fit of the saved study are one fit
                assertThat(report.get(i).get("coef").asDouble()).isCloseTo(k.get(i).get("coef").asDouble(),
                        within(1e-9));
            }
        }
    }
}

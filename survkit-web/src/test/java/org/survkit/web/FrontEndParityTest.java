package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.stats.PValueFormat;

/**
 * One study, one answer (issue 11): the same options through the command line's flags, the web API, the web
 * figure's legend and the study file saved by the web app give the same numbers. The matrix covers km (preset,
 * median rule, horizon, times, RMST), compare (test, strata, horizon, adjustment) and cox (covariates, strata,
 * ties, horizon) on R's lung data; expected numbers are R's where the horizon applies
 * ({@code reference/horizon/horizon.R}: stratified log-rank P 0.00151079299250416).
 */
class FrontEndParityTest {
    @TempDir
    Path dir;
    @TempDir
    Path user;

    private static final String READING = "\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\","
            + "\"time_unit\":\"days\"";

    /**
     * The command line's arguments for web options (snake_case names → --kebab-case flags; a list as a,b,c; an
     * object {"COL": "LEVEL"} as a repeated --flag COL=LEVEL).
     */
    static List<String> flags(String analysis, Path data, String json) throws IOException {
        List<String> a = new ArrayList<>(List.of(analysis, data.toString(), "--format", "json"));
        Iterator<Map.Entry<String, JsonNode>> it = TestServer.JSON.readTree(json).fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String flag = "--" + e.getKey().replace('_', '-');
            JsonNode v = e.getValue();
            if (v.isBoolean()) {
                if (v.asBoolean()) {
                    a.add(flag);
                }
            } else if (v.isObject()) {
                v.fields().forEachRemaining(f -> a.addAll(List.of(flag, f.getKey() + "=" + f.getValue().asText())));
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(x -> items.add(x.asText()));
                a.addAll(List.of(flag, String.join(",", items)));
            } else {
                a.addAll(List.of(flag, v.asText()));
            }
        }
        return a;
    }

    /** The command line's JSON for web options on a file outside the examples (its folder left out). */
    static JsonNode cliJson(Path data, String analysis, String json) throws IOException {
        List<String> a = flags(analysis, data, json);
        a.remove(1); // cliIn puts the file back
        return TestServer.JSON.readTree(TestServer.cliIn(data, a.toArray(new String[0])));
    }

    static JsonNode withoutSource(JsonNode j) {
        ObjectNode o = j.deepCopy();
        o.remove("source");
        return o;
    }

    @Test
    void flagsWebApiFigureAndSavedStudyGiveOneAnswer() throws IOException {
        String km = "{" + READING + ",\"group\":\"sex\",\"preset\":\"r\",\"median_rule\":\"midpoint\",\"horizon\":365,"
                + "\"at\":[180,365],\"tau\":365}";
        String compare = "{" + READING + ",\"group\":\"sex\",\"strata\":\"ph.ecog\",\"horizon\":365,"
                + "\"adjust\":\"bonferroni\"}";
        String cox = "{" + READING + ",\"covariates\":[\"sex\",\"age\"],\"strata\":\"ph.ecog\",\"ties\":\"breslow\","
                + "\"horizon\":365}";
        try (TestServer s = new TestServer(dir)) {
            String id = s.upload(TestServer.LUNG).json().get("id").asText();
            Map<String, JsonNode> cli = new java.util.LinkedHashMap<>();
            for (String[] c : new String[][] {{"km", km}, {"compare", compare}, {"cox", cox}}) {
                // 1. flags
                JsonNode flagsJson = TestServer.JSON.readTree(TestServer.cli(flags(c[0], TestServer.LUNG, c[1])
                        .toArray(new String[0])));
                cli.put(c[0], flagsJson);
                // 2. the web API: exactly the command line's JSON but the source
                TestServer.Reply api = s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\""
                        + c[0] + "\",\"options\":" + c[1] + "}");
                assertThat(api.status()).as(api.body()).isEqualTo(200);
                assertThat(withoutSource(api.json())).as(c[0]).isEqualTo(withoutSource(flagsJson));
            }
            JsonNode cmp = cli.get("compare");
            // R 4.2.2, survival 3.5-3: survdiff(Surv(pmin(time, 365), status == 2 & time <= 365) ~ sex
            //   + strata(ph.ecog), lung)
            assertThat(cmp.get("p_value").asDouble()).isCloseTo(0.00151079299250416, within(1e-12));
            assertThat(cmp.get("excluded").get("rows_analysed").asInt()).isEqualTo(227);

            // 3. the web figure: its legend's P is the stratified test within the horizon
            TestServer.Reply svg = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + compare
                    + "}");
            assertThat(svg.status()).as(svg.body()).isEqualTo(200);
            Files.writeString(Path.of("target", "parity-figure.svg"), svg.body());
            String legend = svg.body().replaceAll("<[^>]+>", " ");
            assertThat(legend).contains("Stratified log-rank")
                    .contains(PValueFormat.DEFAULT.text(cmp.get("p_value").asDouble()));
            for (JsonNode g : cmp.get("groups")) { // events inside the horizon, as the test counts them
                assertThat(legend).contains(g.get("group").asText() + " (n = " + g.get("n").asInt() + ", "
                        + g.get("observed").asInt() + " events)");
            }

            // 4. the study the web app saves, downloaded and run as a report: the same numbers
            String settings = "{\"options\":{" + READING + ",\"group\":\"sex\",\"strata\":\"ph.ecog\","
                    + "\"horizon\":365,\"tau\":365,\"preset\":\"r\",\"median_rule\":\"midpoint\",\"at\":[180,365],"
                    + "\"adjust\":\"bonferroni\"},\"figure\":{},\"table1\":[\"age\"],"
                    + "\"cox\":{\"covariates\":[\"sex\",\"age\"],\"ties\":\"breslow\"},\"title\":\"Parity\"}";
            String study = s.postJson("/api/studies", "{\"name\":\"Parity\",\"dataset\":\"" + id + "\",\"settings\":"
                    + settings + "}").json().get("id").asText();
            TestServer.Reply yaml = s.get("/api/studies/" + study + "/study.yaml");
            assertThat(yaml.status()).isEqualTo(200);
            assertThat(yaml.body()).contains("strata: \"ph.ecog\"").contains("horizon: 365").contains("tau: 365")
                    .contains("median_rule: midpoint").contains("preset: r");
            Files.writeString(user.resolve("study.yaml"), yaml.body(), StandardCharsets.UTF_8);
            Files.copy(TestServer.LUNG, user.resolve("lung.csv"));
            TestServer.cli("report", user.resolve("study.yaml").toString(), "--no-png");
            Path tables = user.resolve("report").resolve("tables");
            JsonNode comparisons = TestServer.JSON.readTree(tables.resolve("comparisons.json").toFile());
            assertThat(comparisons.get("p_value").asDouble()).isCloseTo(cmp.get("p_value").asDouble(), within(1e-9));
            assertThat(comparisons.get("strata").asText()).isEqualTo("ph.ecog");
            JsonNode survival = TestServer.JSON.readTree(tables.resolve("survival.json").toFile());
            JsonNode kmJson = cli.get("km");
            for (int g = 0; g < 2; g++) {
                JsonNode a = survival.get("groups").get(g);
                JsonNode b = kmJson.get("groups").get(g);
                assertThat(a.get("events").asInt()).as("events within the horizon").isEqualTo(b.get("events").asInt()
                        - (g == 0 ? 1 : 0)); // the report drops the row without ph.ecog (strata), as compare does
            }
            assertThat(survival.get("conf_type").asText()).isEqualTo("log");
            assertThat(survival.get("median_rule").asText()).isEqualTo("midpoint");
        }
    }

    /**
     * Issue 12: a hospital export ({@code ;}-separated, decimal commas, status words, two planted problems) read with
     * a decimal mark, invalid rows excluded, a list of event values and censored values gives, through the flags, the
     * web API, the figure's legend and the report of the study the page saves, the answer of the same patients in a
     * clean file (dot decimals, status 1/2) read with the standard options.
     */
    @Test
    void aHospitalExportGivesTheCleanFilesAnswerThroughEveryFrontEnd() throws IOException {
        Path export = HospitalExports.lungExport(user);
        Path clean = HospitalExports.lungClean(dir);
        String reading = "\"time\":\"time_months\",\"event\":\"status\",\"event_value\":[\"Deceased\",\"DOD\"],"
                + "\"censor_value\":[\"Alive\",\"Lost\"],\"decimal\":\",\",\"invalid\":\"exclude\",\"time_unit\":\"months\"";
        String km = "{" + reading + ",\"group\":\"sex\",\"at\":[6,12]}";
        String compare = "{" + reading + ",\"group\":\"sex\"}";
        String cox = "{" + reading + ",\"covariates\":[\"sex\",\"age\"]}";
        String cleanReading = "\"time\":\"time_months\",\"event\":\"status\",\"event_value\":\"2\",\"time_unit\":\"months\"";
        try (TestServer s = new TestServer(dir.resolve("server"))) {
            String id = s.upload(export).json().get("id").asText();
            Map<String, JsonNode> flagsJson = new java.util.LinkedHashMap<>();
            for (String[] c : new String[][] {{"km", km}, {"compare", compare}, {"cox", cox}}) {
                JsonNode flags = cliJson(export, c[0], c[1]);
                flagsJson.put(c[0], flags);
                TestServer.Reply api = s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\""
                        + c[0] + "\",\"options\":" + c[1] + "}");
                assertThat(api.status()).as(api.body()).isEqualTo(200);
                assertThat(withoutSource(api.json())).as(c[0]).isEqualTo(withoutSource(flags));
                // the clean file with the standard options: the same patients, the same numbers
                String cleanOptions = c[1].replace(reading, cleanReading);
                JsonNode plain = cliJson(clean, c[0], cleanOptions);
                for (String same : List.of("groups", "p_value", "statistic", "coefficients", "n", "events")) {
                    assertThat(flags.get(same)).as(c[0] + " " + same).isEqualTo(plain.get(same));
                }
            }
            JsonNode cmp = flagsJson.get("compare");
            JsonNode excluded = cmp.get("excluded");
            assertThat(excluded.get("rows_read").asInt()).isEqualTo(228);
            assertThat(excluded.get("rows_excluded").asInt()).isEqualTo(2);
            List<Integer> lines = new ArrayList<>();
            excluded.get("reasons").forEach(r -> lines.add(r.get("first_lines").get(0).asInt()));
            assertThat(lines).containsExactlyInAnyOrder(HospitalExports.MISSPELT_LINE, HospitalExports.DOT_LINE);
            List<String> coding = new ArrayList<>();
            cmp.get("event_coding").forEach(e -> coding.add(e.get("value").asText() + "=" + e.get("meaning").asText()));
            assertThat(coding).contains("Deceased=event", "DOD=event", "Alive=censored", "Lost=censored",
                    "Decesed=invalid");

            // the figure: read with the same options, its legend's P is the test's
            TestServer.Reply svg = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + compare
                    + "}");
            assertThat(svg.status()).as(svg.body()).isEqualTo(200);
            String legend = svg.body().replaceAll("<[^>]+>", " ");
            assertThat(legend).contains(PValueFormat.DEFAULT.text(cmp.get("p_value").asDouble()));
            for (JsonNode g : cmp.get("groups")) {
                assertThat(legend).contains(g.get("group").asText() + " (n = " + g.get("n").asInt() + ", "
                        + g.get("observed").asInt() + " events)");
            }

            // ... and the figure does read them: with Lost not among the censored values, its rows are problems,
            // excluded; with a decimal dot, only the time written with a dot is a number
            String alive = compare.replace("[\"Alive\",\"Lost\"]", "[\"Alive\"]");
            TestServer.Reply fewer = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + alive
                    + "}");
            JsonNode aliveOnly = cliJson(export, "compare", alive);
            assertThat(aliveOnly.get("excluded").get("rows_excluded").asInt()).isGreaterThan(2);
            JsonNode firstGroup = aliveOnly.get("groups").get(0);
            String fewerLegend = firstGroup.get("group").asText() + " (n = " + firstGroup.get("n").asInt() + ", ";
            assertThat(legend).doesNotContain(fewerLegend);
            assertThat(fewer.body().replaceAll("<[^>]+>", " ")).contains(fewerLegend);
            TestServer.Reply dot = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":"
                    + compare.replace("\"decimal\":\",\"", "\"decimal\":\".\"") + "}");
            assertThat(dot.status()).as(dot.body()).isEqualTo(200);
            assertThat(dot.body().replaceAll("<[^>]+>", " ")).contains("(n = 1, ") // only line 31's time is read
                    .doesNotContain("Female (n");

            // groups from rules: derived from the export read with its options, as from the clean file
            String rules = "{\"name\":\"older\",\"rules\":[{\"label\":\"65 or older\",\"when\":\"age >= 65\"}],"
                    + "\"otherwise\":\"under 65\"}";
            String cleanId = s.upload(clean).json().get("id").asText();
            JsonNode[] derived = new JsonNode[2];
            String[][] runs = {{id, compare}, {cleanId, compare.replace(reading, cleanReading)}};
            for (int k = 0; k < 2; k++) {
                TestServer.Reply r = s.postJson("/api/analyses", "{\"dataset\":\"" + runs[k][0] + "\",\"analysis\":"
                        + "\"compare\",\"options\":" + runs[k][1] + ",\"groups\":" + rules + "}");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                derived[k] = r.json();
            }
            assertThat(derived[0].get("p_value")).isEqualTo(derived[1].get("p_value"));
            assertThat(derived[0].get("groups")).isEqualTo(derived[1].get("groups"));

            // the study the page saves keeps the reading options and reproduces the numbers as a report
            String settings = "{\"options\":{" + reading + ",\"group\":\"sex\",\"at\":[6,12]},\"figure\":{},"
                    + "\"table1\":[\"age\"],\"cox\":{\"covariates\":[\"sex\",\"age\"]},\"title\":\"Export\"}";
            String study = s.postJson("/api/studies", "{\"name\":\"Export\",\"dataset\":\"" + id + "\","
                    + "\"settings\":" + settings + "}").json().get("id").asText();
            String yaml = s.get("/api/studies/" + study + "/study.yaml").body();
            assertThat(yaml).contains("decimal: \",\"").contains("invalid: exclude")
                    .contains("value: [\"Deceased\", \"DOD\"]").contains("censor_value: [\"Alive\", \"Lost\"]");
            Path folder = Files.createDirectories(user.resolve("study"));
            Files.writeString(folder.resolve("study.yaml"), yaml, StandardCharsets.UTF_8);
            Files.copy(export, folder.resolve(export.getFileName()));
            TestServer.cli("report", folder.resolve("study.yaml").toString(), "--no-png");
            Path tables = folder.resolve("report").resolve("tables");
            JsonNode comparisons = TestServer.JSON.readTree(tables.resolve("comparisons.json").toFile());
            assertThat(comparisons.get("p_value").asDouble()).isCloseTo(cmp.get("p_value").asDouble(), within(1e-9));
            JsonNode survival = TestServer.JSON.readTree(tables.resolve("survival.json").toFile()).get("groups");
            JsonNode kmGroups = flagsJson.get("km").get("groups");
            for (int g = 0; g < kmGroups.size(); g++) {
                assertThat(survival.get(g).get("n").asInt()).isEqualTo(kmGroups.get(g).get("n").asInt());
                assertThat(survival.get(g).get("events").asInt()).isEqualTo(kmGroups.get(g).get("events").asInt());
            }
            JsonNode reportCox = TestServer.JSON.readTree(tables.resolve("cox_1.json").toFile()).get("coefficients");
            JsonNode cliCox = flagsJson.get("cox").get("coefficients");
            for (int k = 0; k < cliCox.size(); k++) {
                assertThat(reportCox.get(k).get("coef").asDouble()).isCloseTo(cliCox.get(k).get("coef").asDouble(),
                        within(1e-9));
            }
        }
    }
}

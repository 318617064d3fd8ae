package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 5: the report and the web page use the same tables. {@code POST /api/tables} computes the report's
 * survival, comparisons and pairwise tables of the page's unsaved settings in memory; their cells are the cells of
 * the report that the downloaded study file makes from the command line.
 */
class ReportTablesApiTest {
    @TempDir
    Path dir;
    @TempDir
    Path user;

    static final String SETTINGS = "{\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\","
            + "\"time_unit\":\"days\",\"group\":\"sex\",\"strata\":\"ph.ecog\",\"horizon\":365,\"at\":[180,365]},"
            + "\"figure\":{},\"title\":\"Tables\"}";

    @Test
    void tablesAreTheReportTablesOfTheDownloadedStudy() throws IOException {
        try (TestServer s = new TestServer(dir)) {
            String id = s.upload(TestServer.LUNG).json().get("id").asText();
            TestServer.Reply r = s.postJson("/api/tables", "{\"dataset\":\"" + id + "\",\"settings\":" + SETTINGS
                    + ",\"tables\":[\"survival\",\"comparisons\",\"pairwise\"]}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode tables = r.json().get("tables");
            List<String> ids = new ArrayList<>();
            tables.forEach(t -> ids.add(t.get("id").asText()));
            assertThat(ids).containsExactly("survival", "comparisons", "pairwise");

            String study = s.postJson("/api/studies", "{\"name\":\"Tables\",\"dataset\":\"" + id + "\",\"settings\":"
                    + SETTINGS + "}").json().get("id").asText();
            TestServer.Reply yaml = s.get("/api/studies/" + study + "/study.yaml");
            assertThat(yaml.status()).isEqualTo(200);
            Files.writeString(user.resolve("study.yaml"), yaml.body(), StandardCharsets.UTF_8);
            Files.copy(TestServer.LUNG, user.resolve("lung.csv"));
            TestServer.cli("report", user.resolve("study.yaml").toString(), "--no-png");
            Path dirTables = user.resolve("report").resolve("tables");
            for (JsonNode t : tables) {
                String tid = t.get("id").asText();
                List<List<String>> csv = csv(dirTables.resolve(tid + ".csv"));
                List<List<String>> api = new ArrayList<>();
                api.add(cells(t.get("header")).stream().map(h -> h.replace('\n', ' ')).toList());
                t.get("rows").forEach(row -> api.add(cells(row)));
                assertThat(api).as(tid).isEqualTo(csv);
                JsonNode json = TestServer.JSON.readTree(dirTables.resolve(tid + ".json").toFile());
                assertThat(t.get("row_kinds").size()).as(tid).isEqualTo(t.get("rows").size());
                if (json.has("notes")) {
                    assertThat(t.get("notes")).as(tid).isEqualTo(json.get("notes"));
                }
            }
            // a table the report has not is not answered: one group, no comparisons
            TestServer.Reply one = s.postJson("/api/tables", "{\"dataset\":\"" + id + "\",\"settings\":"
                    + SETTINGS.replace("\"group\":\"sex\",", "") + "}");
            assertThat(one.status()).as(one.body()).isEqualTo(200);
            assertThat(one.json().get("tables")).hasSize(1);
            assertThat(one.json().get("tables").get(0).get("id").asText()).isEqualTo("survival");
            TestServer.Reply bad = s.postJson("/api/tables", "{\"dataset\":\"" + id + "\",\"settings\":" + SETTINGS
                    + ",\"tables\":[\"cox\"]}");
            assertThat(bad.status()).isEqualTo(400);
        }
    }

    /** Issue 14, items 4-6: the page's P style, hazard ratios and Table 1 choices reach its tables and its study. */
    @Test
    void thePagesPresentationChoicesReachTheTablesAndTheSavedStudy() throws IOException {
        String settings = SETTINGS.replace("\"at\":[180,365]}", "\"at\":[180,365],\"p_style\":\"nejm\","
                + "\"hazard_ratios\":\"cox\",\"table1_p_values\":\"no\",\"table1_percent\":\"n (%)\","
                + "\"table1_continuous\":\"median_iqr\"},\"table1\":[\"age\",\"pat.karno\"]")
                .replace(",\"figure\":{}", ",\"figure\":{}");
        try (TestServer s = new TestServer(dir)) {
            String id = s.upload(TestServer.LUNG).json().get("id").asText();
            TestServer.Reply r = s.postJson("/api/tables", "{\"dataset\":\"" + id + "\",\"settings\":" + settings
                    + ",\"tables\":[\"comparisons\",\"pairwise\"]}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode cmp = r.json().get("tables").get(0);
            // R 4.2.2, survival 3.5-3: survdiff(Surv(pmin(time, 365), status == 2 & time <= 365) ~ sex
            //   + strata(ph.ecog), lung) p = 0.00151 (FrontEndParityTest's reference), in NEJM's style 0.002
            assertThat(cmp.get("rows").get(0).get(3).asText()).isEqualTo("0.002");
            JsonNode pairwise = r.json().get("tables").get(1);
            assertThat(cells(pairwise.get("header"))).anyMatch(h -> h.startsWith("HR Cox"))
                    .noneMatch(h -> h.contains("Mantel"));
            TestServer.Reply t1 = s.postJson("/api/table1", "{\"dataset\":\"" + id + "\",\"settings\":" + settings
                    + "}");
            assertThat(t1.status()).as(t1.body()).isEqualTo(200);
            assertThat(cells(t1.json().get("header"))).doesNotContain("P").contains("SMD");
            assertThat(cells(t1.json().get("rows").get(0)).get(0)).isEqualTo("age, median [IQR]");
            String study = s.postJson("/api/studies", "{\"name\":\"Styled\",\"dataset\":\"" + id
                    + "\",\"settings\":" + settings + "}").json().get("id").asText();
            String yaml = s.get("/api/studies/" + study + "/study.yaml").body();
            assertThat(yaml).contains("p_style: nejm").contains("hazard_ratios: [cox]").contains("  p_values: no\n"
                    + "  percent: \"n (%)\"\n  continuous: median_iqr\n");
        }
    }

    /**
     * The page's P-digits field (study key {@code p_digits}, the command line's {@code --p-digits}) reaches its tables,
     * its figure (with the P style too) and its study; {@code /api/config} gives the page the digits style's rules for each number of digits.
     */
    @Test
    void thePagesPDigitsReachTheTablesAndTheSavedStudy() throws IOException {
        String settings = SETTINGS.replace("\"at\":[180,365]}", "\"at\":[180,365],\"p_digits\":2}");
        try (TestServer s = new TestServer(dir)) {
            JsonNode digits = s.get("/api/config").json().get("p_digits");
            assertThat(digits.size()).isEqualTo(4);
            assertThat(digits.get("2").get("significant").asInt()).isEqualTo(2);
            String id = s.upload(TestServer.LUNG).json().get("id").asText();
            TestServer.Reply r = s.postJson("/api/tables", "{\"dataset\":\"" + id + "\",\"settings\":" + settings
                    + ",\"tables\":[\"comparisons\"]}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            // R 4.2.2, survival 3.5-3: survdiff(Surv(pmin(time, 365), status == 2 & time <= 365) ~ sex
            //   + strata(ph.ecog), lung) p = 0.00151 (FrontEndParityTest's reference), with 2 digits 0.0015
            assertThat(r.json().get("tables").get(0).get("rows").get(0).get(3).asText()).isEqualTo("0.0015");
            // the figure's P as the tables print it (the page sends its P style and digits with the options)
            JsonNode options = TestServer.JSON.readTree(settings).get("options");
            TestServer.Reply figure = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + options
                    + "}");
            assertThat(figure.status()).as(figure.body()).isEqualTo(200);
            assertThat(figure.body()).contains("0.0015").doesNotContain("0.00151");
            TestServer.Reply nejm = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":"
                    + options.toString().replace("\"p_digits\":2", "\"p_style\":\"nejm\"") + "}");
            assertThat(nejm.status()).as(nejm.body()).isEqualTo(200);
            assertThat(nejm.body()).contains("<tspan font-style=\"italic\">P</tspan>=0.002")
                    .doesNotContain("0.0015");
            String study = s.postJson("/api/studies", "{\"name\":\"Digits\",\"dataset\":\"" + id
                    + "\",\"settings\":" + settings + "}").json().get("id").asText();
            assertThat(s.get("/api/studies/" + study + "/study.yaml").body()).contains("\np_digits: 2\n");
            TestServer.Reply bad = s.postJson("/api/tables", "{\"dataset\":\"" + id + "\",\"settings\":"
                    + settings.replace("\"p_digits\":2", "\"p_digits\":5") + ",\"tables\":[\"comparisons\"]}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("error").asText()).contains("P-value digits: 5 is not allowed");
        }
    }

    private static List<String> cells(JsonNode row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.asText()));
        return out;
    }

    private static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord rec : r) {
                out.add(rec.getFields().stream().map(f -> f.startsWith("'") ? f.substring(1) : f).toList());
            }
        }
        return out;
    }
}

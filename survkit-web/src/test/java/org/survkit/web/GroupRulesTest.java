package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.stats.PValueFormat;

/**
 * Groups derived by rules from the page (issue 11, item 3): the page's rules give the same groups, counts, log-rank
 * P and figure legend as {@code survkit report} run on the study file the page saves; a bad rule is refused with
 * the rule and the position.
 */
class GroupRulesTest {
    @TempDir
    Path dir;
    @TempDir
    Path user;

    static final Path COHORT = Path.of("..", "examples", "rapamycin-mbc", "cohort.csv").toAbsolutePath().normalize();

    static final String OPTIONS = "{\"start_date\":\"rapamycin_start\",\"end_date\":\"last_contact\","
            + "\"time_unit\":\"months\",\"event\":\"vital_status\",\"event_value\":\"dead\",\"horizon\":60}";

    private static String groups(String firstRule) {
        return "{\"name\":\"subgroup\",\"rules\":["
                + "{\"label\":\"ER/PR+ HER2−\",\"when\":" + TestServer.JSON.valueToTree(firstRule) + "},"
                + "{\"label\":\"Triple positive\",\"when\":"
                + "\"er == \\\"positive\\\" and pr == \\\"positive\\\" and her2 == \\\"positive\\\"\"},"
                + "{\"label\":\"Triple negative\",\"when\":"
                + "\"er == \\\"negative\\\" and pr == \\\"negative\\\" and her2 == \\\"negative\\\"\"}],"
                + "\"otherwise\":\"Other/unknown\"}";
    }

    static final String GROUPS = groups(
            "(er == \"positive\" or pr == \"positive\") and her2 == \"negative\"");

    @Test
    void rulesFromThePageGiveTheReportsNumbers() throws IOException {
        try (TestServer s = new TestServer(dir)) {
            String id = s.upload(COHORT).json().get("id").asText();
            String ds = "{\"dataset\":\"" + id + "\",";

            // the preview: the groups the report derives, with their rows
            TestServer.Reply preview = s.postJson("/api/groups/preview", ds + "\"options\":" + OPTIONS
                    + ",\"groups\":" + GROUPS + "}");
            assertThat(preview.status()).as(preview.body()).isEqualTo(200);
            JsonNode p = preview.json();
            assertThat(p.get("name").asText()).isEqualTo("subgroup");
            assertThat(p.get("groups").findValuesAsText("label")).containsExactly("ER/PR+ HER2−", "Triple positive",
                    "Triple negative", "Other/unknown");
            int rows = 0;
            for (JsonNode g : p.get("groups")) {
                rows += g.get("rows").asInt();
            }
            assertThat(rows + p.get("unassigned").asInt()).isEqualTo(Files.readAllLines(COHORT).size() - 1);

            // the compare analysis of the page
            TestServer.Reply cmp = s.postJson("/api/analyses", ds + "\"analysis\":\"compare\",\"options\":" + OPTIONS
                    + ",\"groups\":" + GROUPS + "}");
            assertThat(cmp.status()).as(cmp.body()).isEqualTo(200);
            JsonNode compare = cmp.json();

            // the figure of the page: legend in the rules' order, with the events inside the horizon and the P
            TestServer.Reply svg = s.postJson("/api/figures", ds + "\"options\":" + OPTIONS + ",\"groups\":" + GROUPS
                    + "}");
            assertThat(svg.status()).as(svg.body()).isEqualTo(200);
            String legend = svg.body().replaceAll("<[^>]+>", " ");
            assertThat(legend).contains(PValueFormat.DEFAULT.text(compare.get("p_value").asDouble()));
            int previous = -1;
            for (JsonNode g : compare.get("groups")) {
                assertThat(legend).contains(entry(g.get("group").asText(), g.get("n").asInt(),
                        g.get("observed").asInt()));
            }
            for (JsonNode g : p.get("groups")) { // the rules' order (groups without rows are not drawn)
                if (g.get("rows").asInt() == 0) {
                    continue;
                }
                int at = legend.indexOf(g.get("label").asText() + " (n = ");
                assertThat(at).as("legend order").isGreaterThan(previous);
                previous = at;
            }

            // the study the page saves: rules in study.yaml, and the report answers the same
            // the page's Cox model of the derived group (its reference: the first group, the report's rule)
            TestServer.Reply coxReply = s.postJson("/api/analyses", ds + "\"analysis\":\"cox\",\"options\":"
                    + OPTIONS.replace("}", ",\"covariates\":[\"subgroup\",\"age\"],"
                            + "\"reference\":{\"subgroup\":\"ER/PR+ HER2−\"}}") + ",\"groups\":" + GROUPS + "}");
            assertThat(coxReply.status()).as(coxReply.body()).isEqualTo(200);
            JsonNode cox = coxReply.json();

            ObjectNode settings = (ObjectNode) TestServer.JSON.readTree("{\"options\":" + OPTIONS + ",\"groups\":"
                    + GROUPS + ",\"figure\":{},\"title\":\"Rules\",\"cox\":{\"covariates\":[\"subgroup\",\"age\"]}}");
            String study = s.postJson("/api/studies", "{\"name\":\"Rules\",\"dataset\":\"" + id + "\",\"settings\":"
                    + settings + "}").json().get("id").asText();
            TestServer.Reply yaml = s.get("/api/studies/" + study + "/study.yaml");
            assertThat(yaml.status()).isEqualTo(200);
            assertThat(yaml.body()).contains("rules:").contains("otherwise:").contains("Triple negative");
            Files.writeString(user.resolve("study.yaml"), yaml.body(), StandardCharsets.UTF_8);
            Files.copy(COHORT, user.resolve("cohort.csv"));
            TestServer.cli("report", user.resolve("study.yaml").toString(), "--no-png");
            Path tables = user.resolve("report").resolve("tables");
            JsonNode report = TestServer.JSON.readTree(tables.resolve("comparisons.json").toFile());
            assertThat(report.get("p_value").asDouble()).isCloseTo(compare.get("p_value").asDouble(), within(1e-9));
            JsonNode reportCox = TestServer.JSON.readTree(tables.resolve("cox_1.json").toFile());
            assertThat(reportCox.get("coefficients")).hasSize(cox.get("coefficients").size());
            for (JsonNode r : reportCox.get("coefficients")) {
                JsonNode same = null;
                for (JsonNode c : cox.get("coefficients")) {
                    if (c.get("term").asText().equals(r.get("term").asText())) {
                        same = c;
                    }
                }
                assertThat(same).as(r.toString()).isNotNull();
                assertThat(r.get("hr").asDouble()).as(r.toString()).isCloseTo(same.get("hr").asDouble(), within(1e-9));
                assertThat(r.get("p_value").asDouble()).isCloseTo(same.get("p_value").asDouble(), within(1e-9));
            }
            JsonNode survival = TestServer.JSON.readTree(tables.resolve("survival.json").toFile());
            assertThat(survival.get("groups")).hasSize(compare.get("groups").size() + 1); // and "All patients"
            for (JsonNode g : survival.get("groups")) {
                if (g.get("group").asText().equals("All patients")) {
                    continue;
                }
                JsonNode same = null;
                for (JsonNode c : compare.get("groups")) {
                    if (c.get("group").asText().equals(g.get("group").asText())) {
                        same = c;
                    }
                }
                assertThat(same).as(g.toString()).isNotNull();
                assertThat(g.get("n").asInt()).as(g.toString()).isEqualTo(same.get("n").asInt());
                assertThat(g.get("events").asInt()).as(g.toString()).isEqualTo(same.get("observed").asInt());
                assertThat(legend).contains(entry(g.get("group").asText(), g.get("n").asInt(),
                        g.get("events").asInt()));
            }
        }
    }

    private static String entry(String group, int n, int events) {
        return group + " (n = " + n + ", " + events + (events == 1 ? " event)" : " events)");
    }

    @Test
    void aBadRuleIsRefusedWithTheRuleAndThePosition() throws IOException {
        try (TestServer s = new TestServer(dir)) {
            String id = s.upload(COHORT).json().get("id").asText();
            String bad = groups("(er == \"positive\" or pr == ) and her2 == \"negative\"");
            for (String path : new String[] {"/api/groups/preview", "/api/figures"}) {
                TestServer.Reply r = s.postJson(path, "{\"dataset\":\"" + id + "\",\"options\":" + OPTIONS
                        + ",\"groups\":" + bad + "}");
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.json().get("error").asText()).contains("group rule 1").contains("ER/PR+ HER2−")
                        .contains("position 28");
            }
            TestServer.Reply r = s.postJson("/api/groups/preview", "{\"dataset\":\"" + id + "\",\"options\":"
                    + OPTIONS + ",\"groups\":" + groups("erx == \"positive\"") + "}");
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).contains("erx");
        }
    }
}

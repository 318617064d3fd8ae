package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eligibility criteria from the page (issue 12, item 5): the page's analyses and figure leave out the rows the
 * criteria exclude, the study it saves has them (a reason with quotes and ':' included), and {@code survkit report}
 * on that study gives the same numbers; a bad criterion is refused with its place.
 */
class EligibilityWebTest {
    @TempDir
    Path dir;
    @TempDir
    Path user;

    static final Path COHORT = GroupRulesTest.COHORT;
    static final String OPTIONS = GroupRulesTest.OPTIONS.replace("}", ",\"group\":\"er\"}");
    static final String YOUNG = "younger than 40: not the \"adult\" cohort";
    static final String CRITERIA = "\"include\":[{\"when\":\"age >= 40\",\"reason\":"
            + TestServer.JSON.valueToTree(YOUNG) + "}],"
            + "\"exclude\":[{\"when\":\"metastasis_site == \\\"brain\\\"\",\"reason\":\"brain metastases\"}]";

    /** The eligible rows, counted from the file here: age at least 40 and no brain metastases. */
    private static int eligible() throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(COHORT).subList(1, Files.readAllLines(COHORT).size())) {
            String[] f = line.split(",", -1);
            n += Double.parseDouble(f[1]) >= 40 && !f[6].equals("brain") ? 1 : 0;
        }
        return n;
    }

    @Test
    void thePageAnalysesTheEligibleRowsAndTheSavedStudyGivesTheSameReport() throws IOException {
        int eligible = eligible();
        assertThat(eligible).isEqualTo(20);
        try (TestServer s = new TestServer(dir)) {
            String id = s.upload(COHORT).json().get("id").asText();
            String ds = "{\"dataset\":\"" + id + "\",";
            TestServer.Reply cmp = s.postJson("/api/analyses", ds + "\"analysis\":\"compare\",\"options\":" + OPTIONS
                    + "," + CRITERIA + "}");
            assertThat(cmp.status()).as(cmp.body()).isEqualTo(200);
            JsonNode compare = cmp.json();
            int n = 0;
            for (JsonNode g : compare.get("groups")) {
                n += g.get("n").asInt();
            }
            assertThat(n).isEqualTo(eligible);
            // without the criteria: every row
            JsonNode all = s.postJson("/api/analyses", ds + "\"analysis\":\"compare\",\"options\":" + OPTIONS + "}")
                    .json();
            int every = 0;
            for (JsonNode g : all.get("groups")) {
                every += g.get("n").asInt();
            }
            assertThat(every).isEqualTo(43);

            // the figure's legend counts the same patients
            TestServer.Reply svg = s.postJson("/api/figures", ds + "\"options\":" + OPTIONS + "," + CRITERIA + "}");
            assertThat(svg.status()).as(svg.body()).isEqualTo(200);
            String legend = svg.body().replaceAll("<[^>]+>", " ");
            for (JsonNode g : compare.get("groups")) {
                assertThat(legend).contains(g.get("group").asText() + " (n = " + g.get("n").asInt() + ",");
            }

            // the saved study has the criteria, and the report of it the same numbers
            ObjectNode settings = (ObjectNode) TestServer.JSON.readTree("{\"options\":" + OPTIONS + ",\"figure\":{},"
                    + "\"title\":\"Eligible\"," + CRITERIA + "}");
            String study = s.postJson("/api/studies", "{\"name\":\"Eligible\",\"dataset\":\"" + id + "\",\"settings\":"
                    + settings + "}").json().get("id").asText();
            TestServer.Reply yaml = s.get("/api/studies/" + study + "/study.yaml");
            assertThat(yaml.status()).isEqualTo(200);
            assertThat(yaml.body()).contains("include:\n  - when: \"age >= 40\"\n    reason: \"younger than 40: not the"
                    + " \\\"adult\\\" cohort\"\n").contains("exclude:\n  - when: \"metastasis_site == \\\"brain\\\"\"");
            Files.writeString(user.resolve("study.yaml"), yaml.body(), StandardCharsets.UTF_8);
            Files.copy(COHORT, user.resolve("cohort.csv"));
            TestServer.cli("report", user.resolve("study.yaml").toString(), "--no-png");
            Path tables = user.resolve("report").resolve("tables");
            JsonNode report = TestServer.JSON.readTree(tables.resolve("comparisons.json").toFile());
            assertThat(report.get("p_value").asDouble()).isCloseTo(compare.get("p_value").asDouble(), within(1e-9));
            JsonNode flow = TestServer.JSON.readTree(tables.resolve("flow.json").toFile());
            assertThat(flow.get("eligible").asInt()).isEqualTo(eligible);
            assertThat(flow.get("not_eligible").findValuesAsText("reason")).containsExactly(YOUNG, "brain metastases");
            assertThat(Files.readString(user.resolve("report").resolve("figures").resolve("flow.svg")))
                    .contains("brain metastases");

            // the page's report tables: computed in memory from the same study
            TestServer.Reply t = s.postJson("/api/tables", ds + "\"settings\":" + settings
                    + ",\"tables\":[\"survival\"]}");
            assertThat(t.status()).as(t.body()).isEqualTo(200);
            JsonNode rows = t.json().get("tables").get(0).get("rows");
            JsonNode last = rows.get(rows.size() - 1);
            assertThat(last.get(0).asText()).isEqualTo("All patients");
            assertThat(last.get(1).asInt()).isEqualTo(eligible);
        }
    }

    @Test
    void aBadCriterionIsRefusedWithItsPlace() throws IOException {
        try (TestServer s = new TestServer(dir)) {
            String id = s.upload(COHORT).json().get("id").asText();
            String ds = "{\"dataset\":\"" + id + "\",\"analysis\":\"km\",\"options\":" + OPTIONS + ",";
            for (List<String> c : List.of(
                    List.of("\"include\":[{\"when\":\"age >= 40\"}]", "Inclusion rule 1 needs a reason"),
                    List.of("\"exclude\":[{\"when\":\"age = 40\",\"reason\":\"x\"}]", "Exclusion rule 1 ('x'), position 5:"
                            + " '=' is not a comparison"),
                    List.of("\"exclude\":[{\"when\":\"agee > 90\",\"reason\":\"old\"}]", "unknown column 'agee'. Did you"
                            + " mean 'age'?"),
                    List.of("\"include\":[{\"when\":\"age > 1\",\"reason\":\"x\"}],\"exclude\":[{\"when\":\"age > 90\","
                            + "\"reason\":\"x\"}]", "the reason 'x' is used by another criterion"))) {
                TestServer.Reply r = s.postJson("/api/analyses", ds + c.get(0) + "}");
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.json().get("error").asText()).contains(c.get(1));
            }
        }
    }
}

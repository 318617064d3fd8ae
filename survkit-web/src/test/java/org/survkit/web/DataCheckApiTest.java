package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/check} (issue 12): {@code survkit check} on an uploaded file with the page's options — every
 * planted problem of a hospital export with its line, the columns as read, the event coding — in the page's words,
 * and otherwise exactly what the command line answers.
 */
class DataCheckApiTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static String messy;
    static String lung;

    /** The page's options for the messy export: dates, status words, and options only the analyses read. */
    static final String MESSY_OPTIONS = "{\"start_date\":\"start\",\"end_date\":\"last_contact\",\"time_unit\":\"months\","
            + "\"event\":\"status\",\"event_value\":[\"Deceased\"],\"censor_value\":[\"Alive\"],\"group\":\"er\","
            + "\"preset\":\"r\",\"at\":[12,24],\"pairwise\":true,\"invalid\":\"stop\"}";

    @BeforeAll
    static void start() throws Exception {
        s = new TestServer(dir.resolve("server"));
        messy = s.upload(HospitalExports.messy(dir)).json().get("id").asText();
        lung = s.upload(TestServer.LUNG).json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static TestServer.Reply check(String dataset, String options) {
        return s.postJson("/api/check", "{\"dataset\":\"" + dataset + "\",\"options\":" + options + "}");
    }

    private static List<String> problems(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : report.get("problems")) {
            out.add(p.get("line").asInt() + " " + p.get("column").asText() + " " + p.get("value").asText() + " "
                    + p.get("kind").asText());
        }
        return out;
    }

    @Test
    void everyPlantedProblemOfAHospitalExportWithItsLine() {
        TestServer.Reply r = check(messy, MESSY_OPTIONS);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("file").asText()).isEqualTo("export.csv");
        assertThat(j.get("rows").asInt()).isEqualTo(12);
        assertThat(j.get("clean").asBoolean()).isFalse();
        assertThat(j.get("problem_count").asInt()).isEqualTo(5);
        assertThat(problems(j)).containsExactlyInAnyOrder(
                "4 status Decesed near-miss",
                "7 last_contact 31/04/2019 not-a-calendar-date",
                "8 os_months 25.2 decimal-mark",
                "5 er pos variant-spelling",
                "8 age x odd-value");
        // what to do names the page's fields, not the command line's flags
        for (JsonNode p : j.get("problems")) {
            assertThat(p.get("fix").asText() + p.get("what").asText() + p.get("message").asText()).doesNotContain("--");
        }
        JsonNode status = find(j.get("problems"), "column", "status");
        assertThat(status.get("what").asText()).isEqualTo("looks like a misspelling of the event value \"Deceased\"");
        assertThat(status.get("fix").asText()).contains("'Event values'").contains("'Censored values'");
        assertThat(find(j.get("problems"), "column", "age").get("fix").asText()).contains("'Missing-value codes'");
        assertThat(status.get("message").asText()).startsWith("export.csv, line 4, column 'status': value \"Decesed\"");

        // the columns as read: decimal commas, day-first dates, the two spellings of Pos
        JsonNode os = find(j.get("columns"), "name", "os_months");
        assertThat(os.get("type").asText()).isEqualTo("number");
        assertThat(os.get("decimal_mark").asText()).isEqualTo(",");
        assertThat(find(j.get("columns"), "name", "start").get("date_format").asText()).isEqualTo("dd/MM/yyyy");
        JsonNode er = find(j.get("columns"), "name", "er");
        assertThat(er.get("type").asText()).isEqualTo("coded");
        assertThat(er.get("values").toString()).isEqualTo("{\"Pos\":6,\"neg\":5,\"pos\":1}");

        // the event coding table: how each status is read
        List<String> coding = new ArrayList<>();
        j.get("event_coding").forEach(c -> coding.add(c.get("value").asText() + " " + c.get("meaning").asText() + " "
                + c.get("count").asInt()));
        assertThat(coding).containsExactly("Deceased event 5", "Alive censored 6", "Decesed invalid 1");
        assertThat(j.get("warnings").toString()).contains("dd/MM/yyyy").contains("'Date format'").doesNotContain("--");
    }

    @Test
    void theCommandLinesCheckBarTheWordsForThePage() throws Exception {
        Path file = dir.resolve("cli").resolve("export.csv");
        java.nio.file.Files.createDirectories(file.getParent());
        HospitalExports.messy(file.getParent());
        List<String> args = new ArrayList<>(List.of("check", file.toString(), "--start-date", "start", "--end-date",
                "last_contact", "--event", "status", "--event-value", "Deceased", "--censor-value", "Alive",
                "--format", "json"));
        CliRun cli = CliRun.run(args);
        assertThat(cli.status()).as("exit 2: problems").isEqualTo(2);
        JsonNode expected = TestServer.JSON.readTree(cli.out());
        JsonNode api = check(messy, MESSY_OPTIONS).json();
        assertThat(api.get("columns")).isEqualTo(expected.get("columns"));
        assertThat(problems(api)).isEqualTo(problems(expected));
        assertThat(api.get("problem_count")).isEqualTo(expected.get("problem_count"));
        assertThat(api.get("event_coding")).isEqualTo(expected.get("event_coding"));
        for (int i = 0; i < api.get("problems").size(); i++) {
            assertThat(api.get("problems").get(i).get("fix").asText()).isEqualTo(Messages.pageWords(
                    expected.get("problems").get(i).get("fix").asText()));
        }
    }

    @Test
    void theReadingOptionsReachTheCheck() {
        // a decimal dot given for a decimal-comma file: every comma number is a problem
        JsonNode dot = check(messy, "{\"decimal\":\".\"}").json();
        assertThat(dot.get("problem_count").asInt()).isGreaterThan(20);
        assertThat(find(dot.get("columns"), "name", "os_months").get("decimal_mark").asText()).isEqualTo(".");
        // "x" as a missing-value code: age has one missing value and no odd one
        JsonNode na = check(messy, "{\"na\":[\"x\"]}").json();
        assertThat(find(na.get("columns"), "name", "age").get("missing").asInt()).isEqualTo(1);
        assertThat(problems(na)).noneMatch(p -> p.contains(" age "));
        // without the follow-up and event columns only the columns are checked: no event coding table
        assertThat(na.get("event_coding").size()).isZero();
    }

    @Test
    void lungIsClean() {
        TestServer.Reply r = check(lung, "{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("clean").asBoolean()).isTrue();
        assertThat(j.get("problem_count").asInt()).isZero();
        assertThat(j.get("problems").size()).isZero();
        assertThat(j.get("rows").asInt()).isEqualTo(228);
        // R: table(lung$status): 1 = 63, 2 = 165
        assertThat(find(j.get("event_coding"), "value", "2").get("count").asInt()).isEqualTo(165);
        assertThat(find(j.get("event_coding"), "value", "1").get("meaning").asText()).isEqualTo("censored");
        assertThat(find(j.get("columns"), "name", "wt.loss").get("missing").asInt()).isEqualTo(14);
    }

    @Test
    void mistakesAreRefusedWithAMessage() {
        assertThat(check(messy, "{\"bogus\":1}").status()).isEqualTo(400);
        assertThat(check(messy, "{\"decimal\":\"semicolon\"}").json().get("error").asText())
                .contains("'Decimal mark'").contains("semicolon").doesNotContain("--decimal");
        assertThat(check("0123456789abcdef0123456789abcdef", "{}").status()).isEqualTo(404);
        assertThat(s.postJson("/api/check", "{\"dataset\":\"" + messy + "\",\"analysis\":\"km\"}").status())
                .isEqualTo(400);
        // a column that is not there: a problem of the check, named as the page names the field
        JsonNode j = check(messy, "{\"time\":\"os\",\"event\":\"status\"}").json();
        assertThat(j.get("clean").asBoolean()).isFalse();
        assertThat(j.get("problems").get(0).get("what").asText()).contains("os").doesNotContain("--");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode x : array) {
            if (x.get(field).asText().equals(value)) {
                return x;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + array);
    }
}

package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;

/**
 * Property test (seeded): study names, titles and endpoints made of every YAML line break (CR, LF, U+0085, U+2028,
 * U+2029), control characters, quotes, {@code #}, {@code : } and YAML syntax go through save → study.yaml →
 * report without adding or changing a key: the study file has exactly the keys of a plainly named study, reads
 * back to the texts given, and makes the same report.
 */
class StudyNamesTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static String dataset;
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static final String[] PIECES = {"\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\t", "\u0001", "\u001b",
        "\u007f", "\u0080", "\u009f", "\ufeff", "\ufffe", "#", "# ", ": ", "- ", "\"", "'", "\\", "{", "}", "[", "]",
        ",", "&a ", "*a", "!!int ", "|", ">", "%", "@", "`", "horizon: 90", "\nhorizon: 90 #", "\u2028horizon: 90 #",
        "\u2029at: [1] #", "\u0085landmark: 30 #", "---", "...", "Lung OS", "é", "日本", "\ud83d\ude00", " "};

    @BeforeAll
    static void start() {
        s = new TestServer(dir);
        dataset = s.upload(TestServer.LUNG).json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String randomText(Random r) {
        StringBuilder sb = new StringBuilder("x");
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.append('x').toString();
    }

    static String save(String name, String title, String endpoint) {
        com.fasterxml.jackson.databind.node.ObjectNode body = TestServer.JSON.createObjectNode();
        body.put("name", name);
        body.put("dataset", dataset);
        com.fasterxml.jackson.databind.node.ObjectNode settings = body.putObject("settings");
        settings.putObject("options").put("time", "time").put("event", "status").put("event_value", "2")
                .put("group", "sex");
        settings.put("title", title);
        settings.put("endpoint", endpoint);
        TestServer.Reply r = s.postJson("/api/studies", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** {@return every key path of a YAML document: "time.column", "figures.scale", ...} */
    static Set<String> keys(String yaml) throws IOException {
        Set<String> keys = new TreeSet<>();
        collect(YAML.readTree(yaml), "", keys);
        return keys;
    }

    private static void collect(JsonNode n, String prefix, Set<String> keys) {
        if (n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String k = it.next();
                keys.add(prefix + k);
                collect(n.get(k), prefix + k + ".", keys);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), prefix + i + ".", keys);
            }
        }
    }

    @Test
    void hostileNamesTitlesAndEndpointsAddNoKeyToTheStudyFile() throws IOException {
        Set<String> plain = keys(s.get("/api/studies/" + save("Lung OS", "Title", "OS") + "/study.yaml").body());
        assertThat(plain).contains("title", "endpoint", "time.column", "at").doesNotContain("horizon", "landmark");
        Random r = new Random(20261011L);
        for (int i = 0; i < 150; i++) {
            String name = randomText(r);
            String title = randomText(r);
            String endpoint = randomText(r);
            String id = save(name, title, endpoint);
            TestServer.Reply yaml = s.get("/api/studies/" + id + "/study.yaml");
            assertThat(yaml.status()).as(yaml.body()).isEqualTo(200);
            assertThat(keys(yaml.body())).as("name %s:%n%s", TestServer.JSON.writeValueAsString(name), yaml.body())
                    .isEqualTo(plain);
            Study back = StudyReader.parse(yaml.body(), dir.resolve("study.yaml"));
            assertThat(back.title()).isEqualTo(title);
            assertThat(back.endpoint()).isEqualTo(endpoint);
            assertThat(back.at()).isEmpty();
            assertThat(back.horizon()).isNaN();
        }
    }

    @Test
    void theIssuesNameIsKeptAndMakesTheSameReport() throws IOException {
        String hostile = "Lung OS\u2028horizon: 90 #";
        String id = save(hostile, "Lung cancer", "Overall survival");
        assertThat(s.get("/api/studies/" + id).json().get("name").asText()).isEqualTo(hostile);
        String yaml = s.get("/api/studies/" + id + "/study.yaml").body();
        assertThat(yaml).doesNotContain("\u2028").contains("study 'Lung OS horizon: 90 #'");
        assertThat(keys(yaml)).doesNotContain("horizon");
        String plainReport = s.get("/api/studies/" + save("Lung OS", "Lung cancer", "Overall survival") + "/report")
                .body();
        for (String name : new String[] {hostile, "A\u2029at: [1, 2] #", "B\u0085landmark: 30 #", "C\rhorizon: 9"}) {
            TestServer.Reply report = s.get("/api/studies/" + save(name, "Lung cancer", "Overall survival")
                    + "/report");
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            assertThat(report.body()).as(name).isEqualTo(plainReport);
        }
    }
}

package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's Line types and Legend position fields (study keys {@code figures.line_types}, {@code figures.legend}):
 * the figure draws them, a wrong word is named by the field's label, and the study saved keeps them.
 */
class FigureLinesWebTest {
    @TempDir
    Path dir;

    @Test
    void lineTypesAndLegendReachTheFigureAndTheSavedStudy() throws Exception {
        try (TestServer s = new TestServer(dir)) {
            String id = s.upload(TestServer.LUNG).json().get("id").asText();
            String opts = "{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\",\"group\":\"ph.ecog\"}";
            String plain = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + opts + "}").body();
            assertThat(plain).as("Okabe–Ito prints as close greys: line types by default")
                    .contains("stroke-dasharray=\"4.5 2.5\"").contains("class=\"legend-label\"");
            TestServer.Reply solid = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + opts
                    + ",\"figure\":{\"line_types\":\"solid\",\"legend\":\"none\"}}");
            assertThat(solid.status()).as(solid.body()).isEqualTo(200);
            assertThat(solid.body()).doesNotContain("stroke-dasharray=\"4.5 2.5\"").contains("class=\"direct-label\"")
                    .doesNotContain("class=\"legend-label\"");
            TestServer.Reply bad = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + opts
                    + ",\"figure\":{\"line_types\":\"dotted\"}}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("error").asText()).contains("Line types: \"dotted\" is not allowed; use auto,"
                    + " solid or dashed.");

            String settings = "{\"options\":" + opts + ",\"figure\":{\"line_types\":\"dashed\",\"legend\":\"right\"}}";
            String study = s.postJson("/api/studies", "{\"name\":\"Lines\",\"dataset\":\"" + id + "\",\"settings\":"
                    + settings + "}").json().get("id").asText();
            TestServer.Reply yaml = s.get("/api/studies/" + study + "/study.yaml");
            assertThat(yaml.body()).contains("  line_types: dashed\n  legend: right\n");
        }
    }
}

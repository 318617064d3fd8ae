package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.report.tables.Formats;
import org.survkit.stats.PValueFormat;

/**
 * Issue 14, items 5 and 6: the web page prints P values and hazard-ratio intervals as the report does. The page's
 * formatting block of app.js (between {@code p-format:begin} and {@code p-format:end}) is run in node on the rules
 * {@code /api/config} sends (survkit-stats {@link PValueFormat#rules()}, survkit-report {@link Formats}) and must
 * give the Java formatter's text for every style, at the guidance's examples and the boundaries 0.001, 0.0499,
 * 0.05, 0.9999. Skipped when node is not installed.
 */
class PValueFormatParityTest {

    static final double[] P = {0, 1e-5, 0.00009, 0.0001, 0.000123, 0.0009, 0.000999, 0.001, 0.00123, 0.0013112,
        0.00412, 0.0049999, 0.00999, 0.01, 0.0312, 0.0351, 0.046, 0.049, 0.0496, 0.0499, 0.05, 0.0504, 0.0545, 0.16,
        0.2994, 0.4567, 0.5, 0.994, 0.996, 0.9999, 1};

    static final double[][] HR = {{1.03, 0.998, 1.066}, {0.45, 0.21, 0.98}, {11.0934693064797, 1.31450453769147,
        93.6208721423923}, {1.0001, 0.9998, 1.0004}, {0.05, 0.012, 0.2}, {2000, 3, Double.POSITIVE_INFINITY}};

    @TempDir
    Path dir;

    @Test
    void thePagesFormattingFollowsTheJavaRules() throws IOException, InterruptedException {
        String node = List.of("/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs").stream()
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        assumeTrue(node != null, "node not installed: the page's formatter parity test is skipped");
        String app;
        try (InputStream in = WebServer.class.getResourceAsStream("/web/app.js")) {
            app = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String block = app.substring(app.indexOf("/* p-format:begin"), app.indexOf("/* p-format:end */"));
        ObjectMapper m = new ObjectMapper();
        ObjectNode config = m.createObjectNode();
        WebServer.displayFacts(config);
        ArrayNode ps = m.createArrayNode();
        for (double p : P) {
            ps.add(p);
        }
        ArrayNode hrs = m.createArrayNode();
        for (double[] h : HR) {
            ArrayNode a = hrs.addArray();
            for (double x : h) {
                a.add(Double.isInfinite(x) ? "Infinity" : Double.toString(x));
            }
        }
        String script = block + "\nconst config = " + config + ";\nconst ps = " + ps + ";\nconst hrs = " + hrs
                + ".map((h) => h.map(Number));\nconst out = {};\n"
                + "for (const [id, r] of Object.entries(config.p_styles)) {\n"
                + "  out[id] = ps.map((p) => [pText(r, p), pTextWithSymbol(r, p)]);\n}\n"
                + "const n = config.numbers;\n"
                + "out.hr = hrs.map(([e, l, u]) => { const d = ratioDigits(n, e, l, u);"
                + " return ratioText(n, e, d) + ' (' + ratioText(n, l, d) + n.dash + ratioText(n, u, d) + ')'; });\n"
                + "process.stdout.write(JSON.stringify(out));\n";
        Path js = dir.resolve("parity.js");
        Files.writeString(js, script, StandardCharsets.UTF_8);
        Process pr = new ProcessBuilder(node, js.toString()).redirectErrorStream(true).start();
        String text = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(pr.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(pr.exitValue()).as(text).isZero();
        JsonNode out = m.readTree(text);
        for (PValueFormat.Style st : PValueFormat.Style.CHOICES) {
            PValueFormat f = PValueFormat.of(st, 3);
            for (int i = 0; i < P.length; i++) {
                JsonNode got = out.get(st.id()).get(i);
                assertThat(got.get(0).asText()).as(st.id() + " " + P[i]).isEqualTo(f.text(P[i]));
                assertThat(got.get(1).asText()).as(st.id() + " " + P[i]).isEqualTo(f.textWithSymbol(P[i]));
            }
        }
        for (int i = 0; i < HR.length; i++) {
            assertThat(out.get("hr").get(i).asText()).as(java.util.Arrays.toString(HR[i]))
                    .isEqualTo(Formats.hrCi(HR[i][0], HR[i][1], HR[i][2]));
        }
        assertThat(out.get("hr").get(0).asText()).isEqualTo("1.030 (0.998\u20131.066)");
    }
}

package org.survkit.report;

import org.survkit.study.file.StudyReader;
import org.survkit.study.rules.RuleExpression;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile column names, values, labels and titles: everything from the data or the study file is
 * escaped in the HTML and the SVG, and exported CSV cells cannot run as spreadsheet formulas.
 */
class ReportSafetyTest {

    @TempDir
    static Path dir;

    static Path out;
    static String html;

    static final String XSS = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";
    static final String AMP = "A & B \"quoted\" 'single'";

    @BeforeAll
    static void run() throws IOException {
        StringBuilder csv = new StringBuilder("id,months,dead,\"" + XSS.replace("\"", "\"\"") + "\",\"@grade\",age\n");
        String[] groups = {IMG, FORMULA, AMP};
        Random r = new Random(20261127);
        for (int i = 0; i < 90; i++) {
            String g = groups[i % 3];
            double t = Math.round(r.nextDouble() * 600) / 10.0;
            csv.append(i + 1).append(',').append(t).append(',').append(r.nextDouble() < 0.6 ? 1 : 0).append(",\"")
                    .append(g.replace("\"", "\"\"")).append("\",").append(i % 2 == 0 ? "-1" : "+cmd|' /C calc'!A0")
                    .append(',').append(40 + r.nextInt(30)).append('\n');
        }
        Files.writeString(dir.resolve("cohort.csv"), csv.toString());
        Files.writeString(dir.resolve("study.yaml"), """
                title: "</title><script>alert(1)</script>"
                data: cohort.csv
                time: {column: months, unit: months}
                event: dead
                groups: {column: "<script>alert(1)</script>"}
                endpoint: "Survival <i>&</i>"
                at: [12]
                table1:
                  - {column: age, label: "<b>Age</b>", type: continuous}
                  - {column: "@grade", label: "=SUM(A1:A9)"}
                cox:
                  - name: "<svg onload=alert(1)>"
                    covariates: ["<script>alert(1)</script>", age]
                output: out
                """);
        out = ReportEngine.withDefaults().withPng(false).run(StudyReader.read(dir.resolve("study.yaml"))).outputDir();
        html = Files.readString(out.resolve("report.html"));
    }

    @Test
    void noMarkupFromTheDataReachesTheHtml() {
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>Age")
                .doesNotContain("<i>&</i>").doesNotContain("<svg onload");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("A &amp; B &quot;quoted&quot; &#39;single&#39;").contains("&lt;b&gt;Age&lt;/b&gt;")
                .contains("<title>&lt;/title&gt;&lt;script&gt;");
        // every element in the document is one the report writes itself
        Matcher m = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)").matcher(html);
        List<String> allowed = List.of("html", "head", "meta", "title", "style", "body", "main", "header", "p", "a",
                "h1", "h2", "h3", "nav", "ol", "ul", "li", "section", "span", "div", "b", "i", "figure", "figcaption",
                "table", "thead", "tbody", "tr", "th", "td", "sup", "code", "dl", "dt", "dd", "br", "svg", "rect", "g",
                "path", "text", "tspan", "line", "polyline", "polygon", "circle");
        while (m.find()) {
            assertThat(allowed).as("element <%s>", m.group(1)).contains(m.group(1));
        }
    }

    @Test
    void inlineSvgFiguresAreWellFormedXml() throws Exception {
        Matcher m = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        int n = 0;
        while (m.find()) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
            assertThat(m.group()).doesNotContain("<script").doesNotContain("<img");
            n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(5);
        try (var files = Files.list(out.resolve("figures"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".svg")).toList()) {
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
            }
        }
    }

    @Test
    void exportedCsvCellsCannotRunAsFormulas() throws IOException {
        int cells = 0;
        try (var files = Files.list(out.resolve("tables"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                for (List<String> row : parse(Files.readString(f))) {
                    for (String cell : row) {
                        cells++;
                        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
                            assertThat(RuleExpression.isNumber(cell)).as(f.getFileName() + ": " + cell).isTrue();
                        }
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(100);
        String t1 = Files.readString(out.resolve("tables/table1.csv"));
        assertThat(t1).contains("'=SUM(A1:A9)").contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")");
        assertThat(t1).contains("'+cmd|' /C calc'!A0").contains("\n-1,");
    }

    @Test
    void jsonKeepsTheTextsAsTheyAre() throws IOException {
        JsonNode t1 = new ObjectMapper().readTree(out.resolve("tables/table1.json").toFile());
        assertThat(t1.get("groups").get(1).asText()).isEqualTo(FORMULA);
        assertThat(t1.get("rows").get(0).get("variable").asText()).isEqualTo("<b>Age</b>");
    }

    /** RFC 4180. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}

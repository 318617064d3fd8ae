package org.survkit.report;

import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled example study files: they parse, and the rapamycin example reproduces the published
 * numbers it was simulated to match (examples/rapamycin-mbc/README.md): Table 1 counts, 5-year
 * overall survival per receptor subgroup and the three pairwise log-rank P values as the paper
 * prints them.
 */
class ExampleStudiesTest {

    static final Path EXAMPLES = Path.of("../examples");

    @TempDir
    Path out;

    @Test
    void everyExampleStudyFileParses() throws IOException {
        try (var dirs = Files.list(EXAMPLES)) {
            List<Path> studies = dirs.map(d -> d.resolve("study.yaml")).filter(Files::isRegularFile).toList();
            assertThat(studies).hasSizeGreaterThanOrEqualTo(2);
            for (Path s : studies) {
                Study study = StudyReader.read(s);
                assertThat(study.table1()).as(s.toString()).isNotEmpty();
            }
        }
    }

    @Test
    void lungExampleRuns() {
        ReportEngine.Result r = ReportEngine.withDefaults().withPng(false).run(
                StudyReader.read(EXAMPLES.resolve("lung/study.yaml")).withOutput(out));
        assertThat(r.analysed()).isEqualTo(227);
    }

    /**
     * The PBC example's competing-risks section against R (examples/pbc/check_report.R: R 4.2.2, survival 3.5-3,
     * cmprsk 2.2-11 cuminc + timepoints, crr, survfit), values in examples/pbc/expected.json.
     */
    @Test
    void pbcExampleMatchesCmprsk() throws IOException {
        ReportEngine.Result r = ReportEngine.withDefaults().withPng(false).run(
                StudyReader.read(EXAMPLES.resolve("pbc/study.yaml")).withOutput(out));
        assertThat(r.analysed()).isEqualTo(418);
        ObjectMapper m = new ObjectMapper();
        JsonNode e = m.readTree(EXAMPLES.resolve("pbc/expected.json").toFile());
        JsonNode cif = m.readTree(out.resolve("tables/cif.json").toFile());
        for (JsonNode c : e.get("curves")) {
            JsonNode mine = null;
            for (JsonNode x : cif.get("curves")) {
                if (x.get("group").asText().equals(c.get("group").asText()) && x.get("cause").asInt() == c.get("cause")
                        .asInt()) {
                    mine = x;
                }
            }
            assertThat(mine).as(c.toString()).isNotNull();
            for (int k = 0; k < 2; k++) {
                JsonNode ref = c.get("cif").get(k);
                JsonNode got = mine.get("at").get(k);
                if (ref.isNull()) {
                    assertThat(got.get("cif").isNull()).as("NA beyond follow-up").isTrue();
                } else {
                    assertThat(got.get("cif").asDouble()).isCloseTo(ref.asDouble(), within(1e-12));
                    assertThat(got.get("variance").asDouble()).isCloseTo(c.get("variance").get(k).asDouble(),
                            org.assertj.core.api.Assertions.withinPercentage(1e-9));
                }
            }
        }
        JsonNode gray = m.readTree(out.resolve("tables/gray.json").toFile()).get("tests");
        // the table lists death (2) first, as the study file does
        assertThat(gray.get(0).get("cause").asInt()).isEqualTo(2);
        assertThat(gray.get(0).get("statistic").asDouble()).isCloseTo(e.get("gray").get(1).get("statistic").asDouble(),
                org.assertj.core.api.Assertions.withinPercentage(1e-9));
        assertThat(gray.get(1).get("statistic").asDouble()).isCloseTo(e.get("gray").get(0).get("statistic").asDouble(),
                org.assertj.core.api.Assertions.withinPercentage(1e-9));
        assertThat(gray.get(1).get("p_value").asDouble()).isCloseTo(e.get("gray").get(0).get("p_value").asDouble(),
                within(1e-12));
        JsonNode fg = m.readTree(out.resolve("tables/finegray.json").toFile());
        assertThat(fg.get("n").asInt()).isEqualTo(e.get("finegray").get("n").asInt());
        for (int k = 0; k < 5; k++) {
            JsonNode ref = e.get("finegray").get("coefficients").get(k);
            JsonNode got = fg.get("coefficients").get(k);
            assertThat(got.get("coef").asDouble()).as(ref.get("term").asText()).isCloseTo(ref.get("coef").asDouble(),
                    org.assertj.core.api.Assertions.withinPercentage(1e-5));
            assertThat(got.get("se").asDouble()).isCloseTo(ref.get("se").asDouble(),
                    org.assertj.core.api.Assertions.withinPercentage(1e-5));
        }
        for (JsonNode ref : e.get("naive")) {
            boolean found = false;
            for (JsonNode got : cif.get("one_minus_km")) {
                if (got.get("group").asText().equals(ref.get("group").asText()) && got.get("cause").asInt() == ref.get(
                        "cause").asInt()) {
                    assertThat(got.get("time").asDouble()).isEqualTo(ref.get("time").asDouble());
                    assertThat(got.get("one_minus_km").asDouble()).isCloseTo(ref.get("one_minus_km").asDouble(),
                            within(1e-12));
                    found = true;
                }
            }
            assertThat(found).as(ref.toString()).isTrue();
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("Competing risks");
    }

    @Test
    void rapamycinExampleReproducesThePaper() throws IOException {
        Path study = EXAMPLES.resolve("rapamycin-mbc/study.yaml");
        assumeTrue(Files.isRegularFile(EXAMPLES.resolve("rapamycin-mbc/cohort.csv")),
                "examples/rapamycin-mbc/cohort.csv not generated yet");
        ReportEngine.Result r = ReportEngine.withDefaults().withPng(false).run(StudyReader.read(study).withOutput(out));
        assertThat(r.rowsRead()).isEqualTo(43);
        assertThat(r.analysed()).isEqualTo(43);
        ObjectMapper m = new ObjectMapper();
        JsonNode t1 = m.readTree(out.resolve("tables/table1.json").toFile());
        assertThat(count(t1, "Histological grade", "III")).isEqualTo("9/43 20.9");
        assertThat(count(t1, "Trastuzumab", "yes")).isEqualTo("12/43 27.9");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("9/43 (20.9)").contains("12/43 (27.9)");
        // 5-year overall survival, percent with one decimal
        JsonNode s = m.readTree(out.resolve("tables/survival.json").toFile());
        assertThat(survivalAt60(s, "ER/PR+ HER2\u2212")).isEqualTo("93.3");
        assertThat(survivalAt60(s, "Triple positive")).isEqualTo("42.8");
        assertThat(survivalAt60(s, "Triple negative")).isEqualTo("72.7");
        // pairwise log-rank P values as printed in the paper (unadjusted)
        JsonNode pw = m.readTree(out.resolve("tables/pairwise.json").toFile()).get("pairs");
        assertThat(pw).hasSize(3);
        assertThat(decimals(pw.get(0).get("p_value").asDouble(), 3)).isEqualTo("0.006");
        assertThat(decimals(pw.get(1).get("p_value").asDouble(), 2)).isEqualTo("0.03");
        assertThat(decimals(pw.get(2).get("p_value").asDouble(), 1)).isEqualTo("0.3");
        // and the report prints them so (the study file asks for the paper's p_digits: 1), in the pairwise
        // table and in the legends of Figures 2-4
        assertThat(html).contains("<td>0.006</td>").contains("<td>0.03</td>").contains("<td>0.3</td>");
        for (int k = 1; k <= 3; k++) {
            String svg = Files.readString(out.resolve("figures/km_pair_" + k + ".svg"));
            assertThat(svg).contains("</tspan> = " + new String[] {"0.006", "0.03", "0.3"}[k - 1] + "</text>")
                    .contains(">Months since start of rapamycin</text>"); // figures.time_label
        }
        // and to R's values (check_cohort.R, R 4.2.2 survival 3.5-3) in expected.json, where it exists
        Path expectedFile = EXAMPLES.resolve("rapamycin-mbc/expected.json");
        if (Files.isRegularFile(expectedFile)) {
            JsonNode e = m.readTree(expectedFile.toFile());
            List<String> labels = List.of("ER/PR+ HER2\u2212", "Triple positive", "Triple negative");
            for (JsonNode g : e.get("groups")) {
                String label = labels.get(g.get("group").asInt() - 1);
                JsonNode mine = group(s, label);
                assertThat(mine.get("n").asInt()).isEqualTo(g.get("n").asInt());
                assertThat(mine.get("events").asInt()).isEqualTo(g.get("events_by_60").asInt());
                assertThat(at60(mine).get("survival").asDouble()).isCloseTo(g.get("surv_60").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-9));
                assertThat(at60(mine).get("n_risk").asInt()).isEqualTo(g.get("n_risk_60").asInt());
            }
            for (int i = 0; i < 3; i++) {
                JsonNode ref = e.get("pairwise_logrank").get(i);
                assertThat(pw.get(i).get("reference").asText()).isEqualTo(labels.get(ref.get("group1").asInt() - 1));
                assertThat(pw.get(i).get("comparison").asText()).isEqualTo(labels.get(ref.get("group2").asInt() - 1));
                assertThat(pw.get(i).get("p_value").asDouble()).isCloseTo(ref.get("p_value_censored_at_60").asDouble(),
                        org.assertj.core.api.Assertions.withinPercentage(1e-4));
            }
        }
    }

    private static JsonNode group(JsonNode s, String label) {
        for (JsonNode g : s.get("groups")) {
            if (g.get("group").asText().equals(label)) {
                return g;
            }
        }
        throw new AssertionError("no group " + label);
    }

    private static JsonNode at60(JsonNode g) {
        for (JsonNode a : g.get("at")) {
            if (a.get("time").asDouble() == 60) {
                return a;
            }
        }
        throw new AssertionError("no time 60");
    }

    private static String count(JsonNode t1, String variable, String level) {
        for (JsonNode row : t1.get("rows")) {
            if (row.get("variable").asText().equals(variable)) {
                for (JsonNode l : row.get("levels")) {
                    if (l.get("level").asText().equals(level)) {
                        JsonNode o = l.get("overall");
                        return o.get("count").asInt() + "/" + o.get("denominator").asInt() + " "
                                + decimals(o.get("percent").asDouble(), 1);
                    }
                }
            }
        }
        throw new AssertionError("no " + variable + " = " + level);
    }

    private static String survivalAt60(JsonNode s, String group) {
        for (JsonNode g : s.get("groups")) {
            if (g.get("group").asText().equals(group)) {
                for (JsonNode a : g.get("at")) {
                    if (a.get("time").asDouble() == 60) {
                        return decimals(100 * a.get("survival").asDouble(), 1);
                    }
                }
            }
        }
        throw new AssertionError("no survival at 60 for " + group);
    }

    private static String decimals(double x, int digits) {
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }
}

package org.survkit.report;

import org.survkit.report.html.HtmlReport;
import org.survkit.report.tables.Formats;
import org.survkit.study.file.StudyReader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.plot.Datasets;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.baseline.CategoricalSummary;
import org.survkit.stats.baseline.Table1;
import org.survkit.stats.baseline.Table1Result;
import org.survkit.stats.baseline.Table1Row;
import org.survkit.stats.baseline.Table1Variable;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.SurvivalAtTime;
import org.survkit.stats.km.SurvivalQuantile;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.PairwiseComparison;
import org.survkit.stats.logrank.TwoGroupHazardRatios;
import org.survkit.stats.model.Factor;

/**
 * End to end: a study on R's lung data → report.html, tables and figures; the numbers in the HTML
 * are compared with survkit-stats results computed here on the same rows.
 */
class ReportEngineTest {

    @TempDir
    static Path dir;

    static Path out;
    static String html;
    static ReportEngine.Result result;

    static final String STUDY = """
            title: "NCCTG lung cancer: survival by performance status"
            data: lung.csv
            time: {column: time, unit: days}
            event: {column: status, value: 2}
            groups:
              name: ECOG
              rules:
                - label: "ECOG 0"
                  when: ph.ecog == 0
                - label: "ECOG 1"
                  when: ph.ecog == 1
                - label: "ECOG 2-3"
                  when: ph.ecog >= 2
            at: [180, 365]
            table1:
              - {column: age, label: "Age, years", type: continuous, summary: mean_sd}
              - {column: sex, label: "Sex", levels: ["1", "2"]}
              - {column: wt.loss, label: "Weight loss, pounds", type: continuous, summary: median_iqr}
            comparisons: {adjust: holm}
            cox:
              - name: "Adjusted for age and sex"
                covariates: [ECOG, age, sex]
                categorical: [sex]
            output: out
            """;

    @BeforeAll
    static void run() throws IOException {
        try (InputStream in = ReportEngineTest.class.getResourceAsStream("/datasets/lung.csv")) {
            Files.copy(in, dir.resolve("lung.csv"));
        }
        Files.writeString(dir.resolve("study.yaml"), STUDY);
        result = ReportEngine.withDefaults().withPng(false).withSoftware("survkit test").run(
                StudyReader.read(dir.resolve("study.yaml")));
        out = result.outputDir();
        html = Files.readString(out.resolve("report.html"));
    }

    /** The analysed rows, as R would have them: ph.ecog known; groups 0, 1, 2-3. */
    record Lung(double[] time, boolean[] event, String[] group, double[] age, String[] sex) {
        static Lung read() {
            Datasets.Table t = Datasets.read("lung", "time", "status", "ph.ecog");
            double[] e = t.number("ph.ecog");
            String[] g = new String[e.length];
            for (int i = 0; i < e.length; i++) {
                g[i] = e[i] == 0 ? "ECOG 0" : e[i] == 1 ? "ECOG 1" : "ECOG 2-3";
            }
            return new Lung(t.number("time"), t.equalTo("status", "2"), g, t.number("age"), t.text("sex"));
        }
    }

    static final List<String> ORDER = List.of("ECOG 0", "ECOG 1", "ECOG 2-3");

    static Factor factor(String[] g) {
        int[] codes = new int[g.length];
        for (int i = 0; i < g.length; i++) {
            codes[i] = ORDER.indexOf(g[i]);
        }
        return new Factor(ORDER, codes);
    }

    @Test
    void writesEveryFile() {
        assertThat(result.rowsRead()).isEqualTo(228);
        assertThat(result.analysed()).isEqualTo(227);
        for (String f : result.files()) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        assertThat(result.files()).contains("report.html", "analysis.csv", "tables/flow.csv", "tables/table1.csv",
                "tables/table1.json", "tables/survival.csv", "tables/comparisons.json", "tables/pairwise.csv",
                "tables/cox_1.csv", "tables/cox_1_ph.json", "tables/guardrails.json", "figures/flow.svg",
                "figures/km_all.svg", "figures/km_pair_1.svg", "figures/km_pair_2.svg", "figures/km_pair_3.svg",
                "figures/log_minus_log.svg", "figures/forest_1.svg");
        assertThat(result.files()).noneMatch(f -> f.endsWith(".png")); // switched off for speed
    }

    @Test
    void htmlIsOneSelfContainedFileWithTheSections() {
        assertThat(html).startsWith("<!DOCTYPE html>");
        for (String id : List.of("data", "table1", "survival", "comparisons", "cox", "guardrails", "methods",
                "files")) {
            assertThat(html).contains("<section id=\"" + id + "\">");
        }
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=")
                .doesNotContain("url(").doesNotContain("@import");
        // the only URL is the SVG namespace, which is not a request
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:")
                .doesNotContain("https:");
        assertThat(html.split("<svg", -1)).hasSize(1 + 7); // flow, KM all, 3 pairs, log(-log), forest
        assertThat(html).contains("@media print");
    }

    @Test
    void flowCountsTheExcludedRowWithItsDataRow() {
        assertThat(html).contains("Rows in lung.csv (n = 228)").contains("Excluded for missing or invalid data (n = 1)")
                .contains("Analysed (n = 227)")
                .contains("no group rule applies (and no &#39;otherwise&#39; label) (n = 1)")
                .doesNotContain("Eligible (n =");
        assertThat(read("tables/flow.csv")).contains("Excluded: no group rule applies (and no 'otherwise' label),1,"
                + "data row 14");
    }

    @Test
    void survivalNumbersAreThoseOfSurvkitStats() {
        Lung l = Lung.read();
        List<GroupCurve> curves = KaplanMeier.withDefaults().fit(l.time(), l.event(), factor(l.group()));
        for (GroupCurve c : curves) {
            SurvivalQuantile m = c.curve().median();
            String median = Formats.timeCi(m.estimate(), m.lower(), m.upper(), 0);
            List<SurvivalAtTime> at = c.curve().at(180, 365);
            String s180 = Formats.pctCi(at.get(0).survival(), at.get(0).lower(), at.get(0).upper()) + " ["
                    + (long) at.get(0).nRisk() + "]";
            String row = "<tr><th scope=\"row\">" + HtmlReport.esc(c.group()) + "</th><td>" + c.curve().n()
                    + "</td><td>" + (long) c.curve().events() + "</td><td>" + median + "</td><td>" + s180 + "</td>";
            assertThat(html).contains(row);
        }
        // ECOG 0: 63 patients; R: survfit(Surv(time, status == 2) ~ 1, subset = ph.ecog == 0) median 394
        assertThat(html).contains("<th scope=\"row\">ECOG 0</th><td>63</td><td>37</td><td>394 (");
    }

    @Test
    void comparisonNumbersAreThoseOfSurvkitStats() {
        Lung l = Lung.read();
        LogRankResult overall = LogRankTest.withDefaults().test(l.time(), l.event(), factor(l.group()), null);
        assertThat(html).contains("<td>" + Formats.num(overall.statistic(), 2) + "</td><td>2</td><td>"
                + HtmlReport.esc(PValueFormat.format(overall.pValue())) + "</td>");
        List<PairwiseComparison> pw = LogRankTest.withDefaults().pairwise(l.time(), l.event(), l.group(), null,
                PValueAdjustment.HOLM);
        PairwiseComparison p01 = pw.stream().filter(p -> p.group1().equals("ECOG 0") && p.group2().equals("ECOG 1"))
                .findFirst().orElseThrow();
        // hazard ratio of ECOG 1 vs ECOG 0 on the pair's patients
        List<Double> t = new ArrayList<>();
        List<Boolean> e = new ArrayList<>();
        List<String> g = new ArrayList<>();
        for (int i = 0; i < l.time().length; i++) {
            if (!l.group()[i].equals("ECOG 2-3")) {
                t.add(l.time()[i]);
                e.add(l.event()[i]);
                g.add(l.group()[i]);
            }
        }
        boolean[] ev = new boolean[e.size()];
        for (int i = 0; i < ev.length; i++) {
            ev[i] = e.get(i);
        }
        TwoGroupHazardRatios hr = LogRankTest.withDefaults().hazardRatio(t.stream().mapToDouble(Double::doubleValue)
                .toArray(), ev, g.toArray(new String[0]), null, 0.95);
        assertThat(hr.reference()).isEqualTo("ECOG 0"); // text order agrees with display order here
        // the Cox ratio (primary) comes first, then Mantel-Haenszel and log-rank O/E
        String row = "<tr><th scope=\"row\">ECOG 1 vs ECOG 0</th><td>" + Formats.num(p01.statistic(), 2)
                + "</td><td>" + PValueFormat.format(p01.pValue()) + "</td><td>" + PValueFormat.format(p01.pAdjusted())
                + "</td><td>";
        String ratios = "</td><td>" + Formats.hrCi(hr.mantelHaenszel().estimate(), hr.mantelHaenszel().lower(),
                hr.mantelHaenszel().upper()) + "</td><td>" + Formats.hrCi(hr.logrank().estimate(),
                        hr.logrank().lower(), hr.logrank().upper()) + "</td></tr>";
        assertThat(html).contains(HtmlReport.esc(ratios).replace("&lt;/td&gt;", "</td>").replace("&lt;td&gt;", "<td>")
                .replace("&lt;/tr&gt;", "</tr>"));
        assertThat(html).contains(HtmlReport.esc(row).replace("&lt;tr&gt;", "<tr>").replace("&lt;/td&gt;", "</td>")
                .replace("&lt;td&gt;", "<td>").replace("&lt;th scope=&quot;row&quot;&gt;", "<th scope=\"row\">")
                .replace("&lt;/th&gt;", "</th>"));
    }

    @Test
    void table1NumbersAreThoseOfSurvkitStats() {
        Lung l = Lung.read();
        Table1Result t = Table1.withDefaults().summarize(l.group(), ORDER, List.of(
                Table1Variable.continuous("Age, years", l.age()),
                Table1Variable.categorical("Sex", l.sex(), List.of("1", "2"))));
        Table1Row.Continuous age = (Table1Row.Continuous) t.row("Age, years");
        assertThat(html).contains("<th scope=\"row\">Age, years, mean \u00B1 SD</th><td>"
                + Formats.num(age.overall().mean(), 1) + " \u00B1 " + Formats.num(age.overall().sd(), 1) + "</td>");
        Table1Row.Categorical sex = (Table1Row.Categorical) t.row("Sex");
        CategoricalSummary women = sex.groups().get(0);
        String cell = Formats.countOf(women.count("2"), women.nonMissing());
        assertThat(html).contains("<tr class=\"level\"><th scope=\"row\">2</th><td>" + Formats.countOf(
                sex.overall().count("2"), sex.overall().nonMissing()) + "</td><td>" + cell + "</td>");
        assertThat(html).contains(HtmlReport.esc(PValueFormat.format(sex.test().pValue())) + "<sup>");
        assertThat(html).contains("Weight loss, pounds, median [IQR]").contains("Missing, n");
        // footnotes name the tests that ran
        assertThat(html).contains("Pearson&#39;s chi-square test");
    }

    @Test
    void coxModelTablesPhTestAndForestPlot() {
        assertThat(html).contains("Cox model: Adjusted for age and sex").contains("ECOG: ECOG 1 vs ECOG 0")
                .contains("Proportional-hazards test: Adjusted for age and sex").contains("Global");
        JsonNode cox = json("tables/cox_1.json");
        assertThat(cox.get("n").asInt()).isEqualTo(227);
        assertThat(cox.get("coefficients")).hasSize(4); // ECOG=1, ECOG=2-3, age, sex=2
        assertThat(read("figures/forest_1.svg")).contains("Hazard ratio");
    }

    @Test
    void methodsAndGuardrails() {
        assertThat(html).contains("Kaplan\u2013Meier method").contains("log-log").contains("Holm")
                .contains("survkit test").contains("Efron");
        JsonNode g = json("tables/guardrails.json");
        assertThat(g.isArray()).isTrue();
        assertThat(g).isNotEmpty();
        for (JsonNode f : g) {
            assertThat(html).contains(HtmlReport.esc(f.get("message").asText()));
        }
    }

    @Test
    void tablesAreWrittenAsCsvAndJson() throws IOException {
        String csv = read("tables/survival.csv");
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Group,N,Events,\"Median, days (95% CI)\"");
        JsonNode s = json("tables/survival.json");
        assertThat(s.get("groups")).hasSize(4); // three groups and all patients
        assertThat(s.get("groups").get(0).get("median").get("estimate").asDouble()).isEqualTo(394);
        JsonNode t1 = json("tables/table1.json");
        assertThat(t1.get("rows").get(1).get("levels").get(0).get("overall").get("denominator").asInt())
                .isEqualTo(227);
    }

    @Test
    void rerunGivesTheSameReport() throws IOException {
        Path again = dir.resolve("again");
        ReportEngine.withDefaults().withPng(false).withSoftware("survkit test").run(
                StudyReader.read(dir.resolve("study.yaml")).withOutput(again));
        assertThat(Files.readString(again.resolve("report.html"))).isEqualTo(html);
        assertThat(Files.readString(again.resolve("analysis.csv"))).isEqualTo(read("analysis.csv"));
    }

    static String read(String file) {
        try {
            return Files.readString(out.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode json(String file) {
        try {
            return new ObjectMapper().readTree(read(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

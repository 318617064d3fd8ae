package org.survkit.report;

import org.survkit.report.analysis.StudyAnalysis;
import org.survkit.report.tables.Formats;
import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;
import org.survkit.study.file.StudyWriter;
import org.survkit.study.CifPlot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.io.InputException;
import org.survkit.plot.SvgDoc;
import org.survkit.stats.competing.CompetingRisksGuardrails;
import org.survkit.stats.competing.CumulativeIncidence;
import org.survkit.stats.competing.CumulativeIncidenceAtTime;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.FineGrayCoefficient;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.FineGrayRegression;
import org.survkit.stats.competing.GrayTestResult;
import org.survkit.stats.competing.NaiveCumulativeIncidence;
import org.survkit.stats.model.DesignMatrixBuilder;
import org.survkit.stats.model.Factor;

/**
 * The competing-risks section of the report: the study-file block and its errors, the wiring (every number of
 * the section equals survkit-stats' engines called directly on the same rows — horizon and landmark applied as
 * for the other analyses), the figure, the guardrails, and the study file written back.
 */
class ReportCompetingRisksTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row of the seeded cohort. */
    private record Row(double months, int status, String arm, double age) {
    }

    /**
     * 140 seeded patients in arms A and B: status 0 censored, 1 relapse, 2 death without relapse (more in B),
     * times on a 0.5-month grid (ties within and across causes), age in years.
     */
    private List<Row> cohort() throws IOException {
        Random r = new Random(23);
        List<Row> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder("id,months,status,arm,age,outcome,site\n");
        for (int i = 0; i < 140; i++) {
            String arm = i % 2 == 0 ? "A" : "B";
            double t = 0.5 + Math.round(r.nextDouble() * 120) / 2.0;
            double u = r.nextDouble();
            int status = u < 0.30 ? 1 : u < (arm.equals("A") ? 0.45 : 0.65) ? 2 : 0;
            double age = 40 + r.nextInt(40);
            rows.add(new Row(t, status, arm, age));
            csv.append(i + 1).append(',').append(t).append(',').append(status).append(',').append(arm).append(',')
                    .append((int) age).append(',').append(new String[] {"none", "Relapse", "death"}[status]).append(",s")
                    .append(i % 3).append('\n');
        }
        Files.writeString(dir.resolve("cohort.csv"), csv.toString());
        return rows;
    }

    private static final String BASE = """
            data: cohort.csv
            time: {column: months, unit: months}
            event: {column: status, value: 1}
            endpoint: Relapse-free
            groups: arm
            output: out
            """;

    private ReportEngine.Result run(String extra) throws IOException {
        Files.writeString(dir.resolve("study.yaml"), BASE + extra);
        return ReportEngine.withDefaults().withPng(false).run(StudyReader.read(dir.resolve("study.yaml")));
    }

    private JsonNode table(ReportEngine.Result r, String name) throws IOException {
        return JSON.readTree(r.outputDir().resolve("tables/" + name + ".json").toFile());
    }

    static JsonNode curve(JsonNode cif, String group, double cause) {
        for (JsonNode c : cif.get("curves")) {
            if (c.get("group").asText().equals(group) && c.get("cause").asDouble() == cause) {
                return c;
            }
        }
        throw new AssertionError("no curve " + group + " " + cause);
    }

    @Test
    void sectionNumbersAreTheEnginesOnTheSameRows() throws IOException {
        List<Row> rows = cohort();
        ReportEngine.Result r = run("""
                at: [12, 24, 48]
                competing_risks:
                  censor_value: 0
                  causes: {1: "Relapse", 2: "Death without relapse"}
                  finegray: [age]
                """);
        int n = rows.size();
        double[] time = rows.stream().mapToDouble(Row::months).toArray();
        double[] status = rows.stream().mapToDouble(Row::status).toArray();
        String[] arm = rows.stream().map(Row::arm).toArray(String[]::new);
        double[] age = rows.stream().mapToDouble(Row::age).toArray();
        CumulativeIncidenceResult cif = CumulativeIncidence.withDefaults().fit(time, status, 0, arm, null);
        CumulativeIncidenceResult all = CumulativeIncidence.withDefaults().fit(time, status, 0);

        JsonNode t = table(r, "cif");
        assertThat(t.get("n").asInt()).isEqualTo(n);
        assertThat(t.get("causes").get(1).get("label").asText()).isEqualTo("Death without relapse");
        for (double cause : new double[] {1, 2}) {
            for (String g : List.of("A", "B")) {
                JsonNode mine = curve(t, g, cause);
                assertThat(mine.get("n").asInt()).isEqualTo(cif.curve(g, cause).n());
                assertThat(mine.get("events").asInt()).isEqualTo(cif.curve(g, cause).events());
                List<CumulativeIncidenceAtTime> at = cif.curve(g, cause).at(12, 24, 48);
                for (int k = 0; k < 3; k++) {
                    JsonNode x = mine.get("at").get(k);
                    assertThat(x.get("cif").asDouble()).isCloseTo(at.get(k).cif(), within(1e-15));
                    assertThat(x.get("variance").asDouble()).isCloseTo(at.get(k).variance(), within(1e-15));
                    assertThat(x.get("lower").asDouble()).isCloseTo(at.get(k).lower(), within(1e-15));
                    assertThat(x.get("upper").asDouble()).isCloseTo(at.get(k).upper(), within(1e-15));
                }
            }
            JsonNode overall = curve(t, StudyAnalysis.ALL, cause);
            assertThat(overall.get("at").get(2).get("cif").asDouble()).isCloseTo(all.curve("all", cause).at(48).get(0)
                    .cif(), within(1e-15));
        }
        // Gray's tests
        JsonNode gray = table(r, "gray");
        for (int c = 0; c < 2; c++) {
            GrayTestResult g = cif.test(c + 1);
            JsonNode x = gray.get("tests").get(c);
            assertThat(x.get("statistic").asDouble()).isCloseTo(g.statistic(), within(1e-12));
            assertThat(x.get("p_value").asDouble()).isCloseTo(g.pValue(), within(1e-12));
            assertThat(x.get("df").asInt()).isEqualTo(1);
        }
        // Fine–Gray of the first listed cause, arm added as a factor (reference A) before the covariates
        FineGrayModel fg = FineGrayRegression.withDefaults().fit(time, status, 0, 1,
                DesignMatrixBuilder.of(n).categorical("arm", arm, List.of("A", "B"), "A").numeric("age", age)
                        .build(List.of("arm", "age")));
        JsonNode f = table(r, "finegray");
        assertThat(f.get("cause").asDouble()).isEqualTo(1);
        assertThat(f.get("events").asInt()).isEqualTo(fg.events());
        assertThat(f.get("competing_events").asInt()).isEqualTo(fg.competingEvents());
        assertThat(f.get("coefficients")).hasSize(2);
        for (int k = 0; k < 2; k++) {
            FineGrayCoefficient e = fg.coefficients().get(k);
            JsonNode x = f.get("coefficients").get(k);
            assertThat(x.get("term").asText()).isEqualTo(e.term());
            assertThat(x.get("coef").asDouble()).isCloseTo(e.coef(), within(1e-12));
            assertThat(x.get("se").asDouble()).isCloseTo(e.se(), within(1e-12));
            assertThat(x.get("hr_upper").asDouble()).isCloseTo(e.hrUpper(), within(1e-12));
            assertThat(x.get("p_value").asDouble()).isCloseTo(e.pValue(), within(1e-12));
        }
        // 1 − KM against the CIF at the last 'at' time, and the guardrail that reports it
        List<NaiveCumulativeIncidence> naive = NaiveCumulativeIncidence.of(cif, time, status, Factor.of(arm), 48);
        JsonNode jn = t.get("one_minus_km");
        assertThat(jn).hasSize(naive.size());
        for (int k = 0; k < naive.size(); k++) {
            assertThat(jn.get(k).get("one_minus_km").asDouble()).isCloseTo(naive.get(k).naive(), within(1e-15));
            assertThat(jn.get(k).get("difference").asDouble()).isCloseTo(naive.get(k).difference(), within(1e-15));
        }
        String guard = Files.readString(r.outputDir().resolve("tables/guardrails.json"));
        String expected = CompetingRisksGuardrails.forNaiveIncidence(naive.stream().filter(x -> x.cause() == 1)
                .toList(), "months").get(0).message().replace("cause 1", "cause 1 (Relapse)");
        JsonNode findings = JSON.readTree(guard);
        List<String> naiveMessages = new ArrayList<>();
        findings.forEach(x -> {
            if (x.get("code").asText().equals("naive-incidence")) {
                naiveMessages.add(x.get("message").asText());
            }
        });
        assertThat(naiveMessages).hasSize(2);
        // the study's event is cause 1: the note says that its Kaplan–Meier section is the naive estimate
        assertThat(naiveMessages.get(0)).startsWith(expected).contains("section \u201CRelapse-free\u201D");
        assertThat(naiveMessages.get(1)).contains("cause 2 (Death without relapse)").doesNotContain("section");

        // the report: section, figure, tables, methods
        String html = Files.readString(r.html());
        assertThat(html).contains("<section id=\"competing\">").contains("Competing risks</a>")
                .contains("Cumulative incidence of Relapse and Death without relapse by arm")
                .contains("Fine\u2013Gray model: Relapse").contains("Aalen\u2013Johansen method")
                .contains("cmprsk package (version 2.2-11)");
        assertThat(r.files()).contains("figures/cif.svg", "tables/cif.csv", "tables/gray.json", "tables/finegray.csv",
                "figures/forest_finegray.svg");
        // the Fine–Gray forest plot: one row per coefficient at the model's subdistribution hazard ratios
        SvgDoc forest = SvgDoc.parse(Files.readString(r.outputDir().resolve("figures/forest_finegray.svg")));
        assertThat(forest.byClass("forest-row")).hasSize(2);
        assertThat(forest.byClass("hr-text").get(1).getTextContent()).startsWith(Formats.ratio(fg.coefficients().get(1).hr()));
        assertThat(Files.readString(r.outputDir().resolve("figures/forest_finegray.svg")))
                .contains("Subdistribution hazard ratio").contains("SHR (95% CI)");
        assertThat(html).contains("Subdistribution hazard ratios of Relapse (Fine\u2013Gray model).");
        String csv = Files.readString(r.outputDir().resolve("tables/cif.csv"));
        assertThat(csv).startsWith("Cause and arm,N,Events,12 months % (95% CI),24 months % (95% CI)")
                .contains("\nRelapse,,,,,\n");
    }

    @Test
    void stackedFigureHasOnePanelPerGroupAndLinesOnRequest() throws IOException {
        cohort();
        ReportEngine.Result r = run("competing_risks: {censor_value: 0, causes: {2: Death, 1: Relapse}}\n");
        SvgDoc svg = SvgDoc.parse(Files.readString(r.outputDir().resolve("figures/cif.svg")));
        assertThat(svg.byClass("cif-panel")).hasSize(2);
        assertThat(svg.byClass("cif-area")).hasSize(4);
        assertThat(svg.byClass("cif-curve")).isEmpty();
        // the causes in the listed order: death stacked from the axis, first in the legend
        assertThat(svg.byClass("legend-label").get(0).getTextContent()).startsWith("Death (Gray");
        assertThat(svg.byClass("cif-area").get(0).getAttribute("data-cause")).isEqualTo("2");
        assertThat(svg.byClass("panel-title")).extracting(e -> e.getTextContent()).containsExactly("A", "B");
        assertThat(r.files()).doesNotContain("tables/finegray.csv").doesNotContain("figures/forest_finegray.svg");
        // numbers at risk under each panel: everyone at time 0, as the Kaplan–Meier fit of any event counts them
        assertThat(svg.byClass("risk-cell", "A").get(0).getTextContent()).isEqualTo("70");
        assertThat(svg.byClass("risk-cell", "B")).hasSameSizeAs(svg.byClass("risk-cell", "A"));
        assertThat(svg.byClass("risk-title").get(0).getTextContent()).startsWith("Number at risk");

        ReportEngine.Result lines = run("competing_risks: {censor_value: 0, plot: lines}\n");
        SvgDoc l = SvgDoc.parse(Files.readString(lines.outputDir().resolve("figures/cif.svg")));
        assertThat(l.byClass("cif-curve")).hasSize(4);
        assertThat(l.byClass("cif-area")).isEmpty();
        ReportEngine.Result bare = run("figures: {risk_table: no}\ncompeting_risks: {censor_value: 0}\n");
        assertThat(SvgDoc.parse(Files.readString(bare.outputDir().resolve("figures/cif.svg"))).byClass("risk-cell"))
                .isEmpty();
        assertThat(Files.readString(lines.html())).contains("Cause 1").contains("Cause 2");
    }

    @Test
    void horizonAndLandmarkApplyAsForTheOtherAnalyses() throws IOException {
        List<Row> rows = cohort();
        double lm = 6;
        double h = 36;
        ReportEngine.Result r = run("landmark: 6\nhorizon: 36\ncompeting_risks: {censor_value: 0}\n");
        // by hand: patients still followed after the landmark, time from it, censored at the horizon
        List<double[]> kept = new ArrayList<>();
        List<String> arms = new ArrayList<>();
        for (Row x : rows) {
            if (x.months() > lm) {
                double t = x.months() - lm;
                kept.add(new double[] {Math.min(t, h), t > h ? 0 : x.status()});
                arms.add(x.arm());
            }
        }
        double[] time = kept.stream().mapToDouble(k -> k[0]).toArray();
        double[] status = kept.stream().mapToDouble(k -> k[1]).toArray();
        CumulativeIncidenceResult cif = CumulativeIncidence.withDefaults().fit(time, status, 0,
                arms.toArray(new String[0]), null);
        JsonNode t = table(r, "cif");
        assertThat(t.get("n").asInt()).isEqualTo(kept.size());
        for (String g : List.of("A", "B")) {
            for (double cause : new double[] {1, 2}) {
                JsonNode mine = curve(t, g, cause);
                assertThat(mine.get("events").asInt()).isEqualTo(cif.curve(g, cause).events());
                assertThat(mine.get("last_time").asDouble()).isLessThanOrEqualTo(h);
                assertThat(mine.get("at").get(0).get("time").asDouble()).isEqualTo(h);
                assertThat(mine.get("at").get(0).get("cif").asDouble()).isCloseTo(cif.curve(g, cause).at(h).get(0)
                        .cif(), within(1e-15));
            }
        }
        // analysis.csv carries the cause, censored at the horizon
        List<String> csv = Files.readAllLines(r.outputDir().resolve("analysis.csv"));
        assertThat(csv.get(0)).startsWith("source_row,followup_time,followup_event,analysis_time,analysis_event,"
                + "analysis_cause,");
        for (int i = 0; i < rows.size(); i++) {
            String[] f = csv.get(i + 1).split(",");
            Row x = rows.get(i);
            if (x.months() > lm) {
                assertThat(Double.parseDouble(f[5])).as("row " + (i + 1)).isEqualTo(x.months() - lm > h ? 0
                        : x.status());
            }
        }
        assertThat(Files.readString(r.html())).contains("censored at the horizon (<code>analysis_cause</code>)");
    }

    @Test
    void guardrailsOfTheSection() throws IOException {
        Random rnd = new Random(5);
        StringBuilder csv = new StringBuilder("months,dead,cause,arm\n");
        for (int i = 0; i < 60; i++) {
            String arm = i < 50 ? "A" : "B"; // B: 10 patients, never cause 2
            double t = 1 + rnd.nextInt(400) / 10.0;
            int cause = rnd.nextDouble() < 0.5 ? 0 : arm.equals("B") || rnd.nextDouble() < 0.8 ? 1 : 2;
            String cell = i == 7 ? "" : Integer.toString(cause); // row 8: cause unknown, death status known
            csv.append(t).append(',').append(cause == 0 ? 0 : 1).append(',').append(cell).append(',').append(arm)
                    .append('\n');
        }
        Files.writeString(dir.resolve("cohort.csv"), csv.toString());
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: {column: months, unit: months}
                event: dead
                groups: arm
                competing_risks:
                  column: cause
                  censor_value: 0
                  cause: 2
                  finegray: []
                output: out
                """);
        ReportEngine.Result r = ReportEngine.withDefaults().withPng(false).run(StudyReader.read(dir.resolve(
                "study.yaml")));
        JsonNode g = table(r, "guardrails");
        List<String> codes = new ArrayList<>();
        g.forEach(x -> codes.add(x.get("code").asText() + " | " + x.get("scope").asText() + " | "
                + x.get("message").asText()));
        assertThat(codes).anyMatch(c -> c.startsWith("no-events-of-cause | Competing risks | Group B has no events of"
                + " cause 2"));
        assertThat(codes).anyMatch(c -> c.startsWith("few-events-per-coefficient | Fine\u2013Gray model"));
        // the study's event (dead) is not one cause: no pointer to the Kaplan–Meier section
        assertThat(codes).filteredOn(c -> c.startsWith("naive-incidence")).isNotEmpty()
                .allMatch(c -> !c.contains("section"));
        // the row with an unknown cause is left out of this section only, and the table says so
        JsonNode cif = table(r, "cif");
        assertThat(cif.get("n").asInt()).isEqualTo(59);
        assertThat(Files.readString(r.html())).contains("59 patients analysed: 1 of the 60 in the survival analysis"
                + " have no cause in cause (missing).");
        assertThat(table(r, "flow").get("analysed").asInt()).isEqualTo(60);
        // Fine–Gray with the group alone (finegray: []) on cause 2
        JsonNode fg = table(r, "finegray");
        assertThat(fg.get("cause").asDouble()).isEqualTo(2);
        assertThat(fg.get("covariates")).extracting(JsonNode::asText).containsExactly("arm");
    }

    /**
     * Without groups: one panel, no Gray's test; a listed cause that occurs only after the horizon is left out and
     * named, and the Fine–Gray model about it is not fitted (a warning says why).
     */
    @Test
    void ungroupedWithACauseBeyondTheHorizon() throws IOException {
        StringBuilder csv = new StringBuilder("months,status,age\n");
        Random rnd = new Random(3);
        for (int i = 0; i < 40; i++) {
            double t = 1 + i;
            int status = t > 30 ? (i % 2 == 0 ? 2 : 0) : rnd.nextDouble() < 0.4 ? 1 : 0; // cause 2 only after 30
            csv.append(t).append(',').append(status).append(',').append(50 + rnd.nextInt(20)).append('\n');
        }
        Files.writeString(dir.resolve("cohort.csv"), csv.toString());
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: {column: months, unit: months}
                event: {column: status, value: 1}
                horizon: 24
                competing_risks:
                  censor_value: 0
                  causes: {1: Relapse, 2: Death}
                  cause: 2
                  finegray: [age]
                output: out
                """);
        ReportEngine.Result r = ReportEngine.withDefaults().withPng(false).run(StudyReader.read(dir.resolve(
                "study.yaml")));
        JsonNode cif = table(r, "cif");
        assertThat(cif.get("causes")).hasSize(1);
        assertThat(cif.get("curves").get(0).get("group").asText()).isEqualTo("Relapse");
        assertThat(r.files()).doesNotContain("tables/gray.json", "tables/finegray.json").contains("figures/cif.svg");
        SvgDoc svg = SvgDoc.parse(Files.readString(r.outputDir().resolve("figures/cif.svg")));
        assertThat(svg.byClass("cif-panel")).hasSize(1);
        assertThat(svg.byClass("panel-title")).isEmpty();
        String guard = table(r, "guardrails").toString();
        assertThat(guard).contains("Cause 2 (Death), listed under competing_risks.causes, has no event among the 40"
                + " patients analysed up to the horizon").contains("has no event among the 40 complete cases of the"
                + " Fine\u2013Gray model: it was not fitted");
        assertThat(Files.readString(r.html())).contains("The Fine\u2013Gray model was not fitted: Death has no event");
    }

    // ---------------------------------------------------------------- study-file errors

    private String error(String block) {
        try {
            run(block);
        } catch (InputException | IOException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for:\n" + block);
    }

    @Test
    void mistakesInTheBlockNameTheKeyAndLine() throws IOException {
        cohort();
        // BASE has 6 lines: the block starts at line 7
        assertThat(error("competing_risks:\n  censor_value: 0\n  plott: lines\n")).contains("study.yaml, line 9")
                .contains("unknown key 'plott' in 'competing_risks'").contains("Did you mean 'plot'?");
        assertThat(error("competing_risks:\n  causes: {1: A}\n")).contains("study.yaml, line 7")
                .contains("'competing_risks'").contains("censor_value: 0");
        assertThat(error("competing_risks: {censor_value: none}\n")).contains("competing_risks.censor_value")
                .contains("with words in column 'status' (\"none\" marks the censored rows), list the causes");
        assertThat(error("competing_risks:\n  censor_value: 0\n  causes: {relapse: A}\n")).contains("line 9")
                .contains("competing_risks.causes").contains("'relapse' is not a number");
        assertThat(error("competing_risks:\n  censor_value: 0\n  causes: {0: A}\n")).contains("is the censor value");
        assertThat(error("competing_risks:\n  censor_value: 0\n  causes: {1: A, 2: A}\n")).contains("used twice");
        assertThat(error("competing_risks:\n  censor_value: 0\n  cause: 0\n  finegray: [age]\n")).contains("line 9")
                .contains("competing_risks.cause").contains("censor value");
        assertThat(error("competing_risks:\n  censor_value: 0\n  causes: {1: A, 2: B}\n  cause: 3\n"
                + "  finegray: [age]\n")).contains("competing_risks.cause").contains("not among the causes listed (1, 2)");
        assertThat(error("competing_risks:\n  censor_value: 0\n  cause: 1\n")).contains("competing_risks.cause")
                .contains("add 'finegray: [age]'");
        assertThat(error("competing_risks:\n  censor_value: 0\n  plot: pie\n")).contains("competing_risks.plot")
                .contains("use stacked or lines");
        assertThat(error("competing_risks:\n  censor_value: 0\n  finegray: [age, status]\n"))
                .contains("competing_risks.finegray").contains("'status' holds the causes");
        assertThat(error("competing_risks:\n  censor_value: 0\n  finegray: {covariates: [age], reference: {sex: m}}\n"))
                .contains("competing_risks.finegray.reference").contains("'sex' is neither");
        // against the data
        assertThat(error("competing_risks:\n  column: staus\n  censor_value: 0\n")).contains("line 8")
                .contains("competing_risks.column").contains("unknown column 'staus'").contains("Did you mean 'status'?");
        assertThat(error("competing_risks:\n  censor_value: 0\n  finegray: [agee]\n"))
                .contains("competing_risks.finegray").contains("unknown column 'agee'");
        assertThat(error("competing_risks:\n  censor_value: 0\n  causes: {1: Relapse}\n")).contains("cohort.csv")
                .contains("column 'status': value 2 is neither the censor value (0) nor a cause listed")
                .contains("study.yaml, line 9: 1");
        assertThat(error("competing_risks:\n  column: arm\n  censor_value: 0\n")).contains("column 'arm'")
                .contains("value \"A\" is not a number");
        assertThat(error("competing_risks:\n  censor_value: 5\n")).contains("line 8, 'competing_risks.censor_value'")
                .contains("no row of column 'status' has the censor value 5 (values found: 0, 1, 2)");
        assertThat(error("competing_risks:\n  column: id\n  censor_value: 0\n  causes: {}\n"))
                .contains("competing_risks.causes");
    }

    @Test
    void studyFileRoundTrips() {
        Path file = Path.of("../examples/pbc/study.yaml");
        Study s = StudyReader.read(file);
        Study.CompetingRisks cr = s.competingRisks();
        assertThat(cr.column()).isEqualTo("status");
        assertThat(cr.causes()).extracting(Study.Cause::label).containsExactly("Death", "Liver transplant");
        assertThat(cr.cause()).isEqualTo(2);
        assertThat(cr.fineGray().covariates()).containsExactly("age", "bili", "albumin");
        assertThat(cr.plot()).isEqualTo(CifPlot.STACKED);
        String yaml = StudyWriter.write(s, List.of());
        assertThat(yaml).contains("competing_risks:\n  column: \"status\"\n  censor_value: 0\n  causes:\n"
                + "    2: \"Death\"\n    1: \"Liver transplant\"\n  cause: 2\n");
        Study back = StudyReader.parse(yaml, file);
        assertThat(back.competingRisks()).usingRecursiveComparison().withComparatorForType(Double::compare,
                Double.class).ignoringFields("lines", "causes.line", "fineGray.line").isEqualTo(cr);
        // the defaults: the event column, labels by code, no model, stacked
        Study d = StudyReader.parse("""
                data: cohort.csv
                time: months
                event: {column: status, value: 1}
                competing_risks: {censor_value: 0}
                """, file);
        assertThat(d.competingRisks().column()).isEqualTo("status");
        assertThat(d.competingRisks().causes()).isEmpty();
        assertThat(d.competingRisks().label(2)).isEqualTo("Cause 2");
        assertThat(d.competingRisks().fineGray()).isNull();
        Study dBack = StudyReader.parse(StudyWriter.write(d, List.of()), file);
        assertThat(dBack.competingRisks()).usingRecursiveComparison().withComparatorForType(Double::compare,
                Double.class).ignoringFields("lines").isEqualTo(d.competingRisks());
    }

    @Test
    void grayRhoWeightsTheTest() throws IOException {
        List<Row> rows = cohort();
        ReportEngine.Result r = run("""
                competing_risks: {censor_value: 0, rho: 1}
                """);
        double[] time = rows.stream().mapToDouble(Row::months).toArray();
        double[] status = rows.stream().mapToDouble(Row::status).toArray();
        String[] arm = rows.stream().map(Row::arm).toArray(String[]::new);
        CumulativeIncidenceResult rho1 = CumulativeIncidence.withDefaults().withRho(1).fit(time, status, 0, arm, null);
        CumulativeIncidenceResult rho0 = CumulativeIncidence.withDefaults().fit(time, status, 0, arm, null);
        JsonNode gray = table(r, "gray");
        for (int c = 0; c < 2; c++) {
            JsonNode x = gray.get("tests").get(c);
            assertThat(x.get("rho").asDouble()).isEqualTo(1);
            assertThat(x.get("statistic").asDouble()).isCloseTo(rho1.test(c + 1).statistic(), within(1e-12))
                    .isNotCloseTo(rho0.test(c + 1).statistic(), within(1e-9));
        }
        assertThat(Files.readString(r.html())).contains("\u03C1 = 1: differences early in follow-up weigh more");
        // and the study file written back keeps it
        assertThat(StudyWriter.write(StudyReader.read(dir.resolve("study.yaml")), List.of())).contains("  rho: 1\n");
    }

    @Test
    void wordCodesGiveTheSameSectionAsNumbers() throws IOException {
        cohort();
        ReportEngine.Result num = run("""
                competing_risks:
                  censor_value: 0
                  causes: {1: "Relapse", 2: "Death without relapse"}
                  cause: 2
                  finegray: [age]
                """);
        JsonNode cifNum = table(num, "cif");
        JsonNode fgNum = table(num, "finegray");
        ReportEngine.Result words = run("""
                competing_risks:
                  column: outcome
                  censor_value: none
                  causes: {relapse: "Relapse", death: "Death without relapse"}
                  cause: DEATH
                  finegray: [age]
                """);
        assertThat(table(words, "cif").get("curves")).isEqualTo(cifNum.get("curves"));
        assertThat(table(words, "finegray").get("coefficients")).isEqualTo(fgNum.get("coefficients"));
        assertThat(table(words, "cif").get("censor_value").asText()).isEqualTo("none");
        String html = Files.readString(words.html());
        assertThat(html).contains("relapse = Relapse, death = Death without relapse; none = censored");
        String yaml = StudyWriter.write(StudyReader.read(dir.resolve("study.yaml")), List.of());
        assertThat(yaml).contains("  censor_value: \"none\"\n  causes:\n    \"relapse\": \"Relapse\"\n")
                .contains("  cause: \"death\"\n");
        // words need their causes listed; a word the data hold but the list does not is an error naming the row
        assertThatThrownBy(() -> run("competing_risks: {column: outcome, censor_value: none}\n"))
                .hasMessageContaining("'competing_risks.censor_value': with words in column 'outcome'")
                .hasMessageContaining("causes: {relapse: \"Relapse\", death: \"Death\"}");
        assertThatThrownBy(() -> run("competing_risks: {column: outcome, censor_value: none, causes: {relapse: R}}\n"))
                .hasMessageContaining("cohort.csv, line ").hasMessageContaining("column 'outcome': value \"death\" is"
                        + " neither the censor value (none) nor a cause listed");
    }

    @Test
    void grayTestStratified() throws IOException {
        List<Row> rows = cohort();
        ReportEngine.Result r = run("competing_risks: {censor_value: 0, strata: site}\n");
        double[] time = rows.stream().mapToDouble(Row::months).toArray();
        double[] status = rows.stream().mapToDouble(Row::status).toArray();
        String[] arm = rows.stream().map(Row::arm).toArray(String[]::new);
        String[] site = new String[rows.size()];
        for (int i = 0; i < site.length; i++) {
            site[i] = "s" + (i % 3);
        }
        CumulativeIncidenceResult strat = CumulativeIncidence.withDefaults().fit(time, status, 0, arm, site);
        JsonNode gray = table(r, "gray");
        for (int c = 0; c < 2; c++) {
            assertThat(gray.get("tests").get(c).get("statistic").asDouble()).isCloseTo(strat.test(c + 1).statistic(),
                    within(1e-12));
        }
        assertThat(Files.readString(r.html())).contains("competing events, stratified by site (R cmprsk cuminc");
        assertThat(StudyWriter.write(StudyReader.read(dir.resolve("study.yaml")), List.of()))
                .contains("  strata: \"site\"\n");
        assertThatThrownBy(() -> run("competing_risks: {censor_value: 0, strata: nosuch}\n"))
                .hasMessageContaining("competing_risks.strata").hasMessageContaining("nosuch");
    }

    @Test
    void blockIsOptional() throws IOException {
        cohort();
        ReportEngine.Result r = run("");
        assertThat(r.files()).noneMatch(f -> f.contains("cif") || f.contains("gray") || f.contains("finegray"));
        assertThat(Files.readString(r.html())).doesNotContain("id=\"competing\"");
        assertThat(Files.readAllLines(r.outputDir().resolve("analysis.csv")).get(0)).doesNotContain("analysis_cause");
        assertThatThrownBy(() -> run("competing_risks: {censor_value: 0}\ncompeting_risks: {censor_value: 1}\n"))
                .isInstanceOf(InputException.class);
    }
}

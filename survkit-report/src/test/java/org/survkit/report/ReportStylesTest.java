package org.survkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.report.tables.Formats;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.logrank.HazardRatioMethod;
import org.survkit.study.Percent;
import org.survkit.study.Study;
import org.survkit.study.Summary;
import org.survkit.study.Table1Style;
import org.survkit.study.file.StudyReader;

/**
 * The report's styles on the rapamycin example (issue 14, items 4–6): the pairwise table's primary hazard ratio and
 * its footnote, hidden hazard ratios, Table 1 without its P column with n (%) and median [IQR], and a journal's P
 * style in tables. Reference values: reference/report-styles/report_styles.R (R 4.2.2, survival 3.5-3), in
 * src/test/resources/reference/report-styles/report_styles.json.
 */
class ReportStylesTest {

    static final Path STUDY = Path.of("../examples/rapamycin-mbc/study.yaml");

    @TempDir
    Path out;

    private static JsonNode reference() throws IOException {
        try (InputStream in = ReportStylesTest.class.getResourceAsStream(
                "/reference/report-styles/report_styles.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private Study example() {
        assumeTrue(Files.isRegularFile(STUDY.resolveSibling("cohort.csv")), "the example's cohort.csv is missing");
        return StudyReader.read(STUDY).withOutput(out);
    }

    private JsonNode run(Study s) throws IOException {
        ReportEngine.withDefaults().withPng(false).run(s);
        return new ObjectMapper().readTree(out.resolve("tables/pairwise.json").toFile());
    }

    private String table(String id) throws IOException {
        return Files.readString(out.resolve("tables/" + id + ".csv"), StandardCharsets.UTF_8);
    }

    @Test
    void pairwiseTableNamesThePrimaryHazardRatioFirstAndExplainsTheOthers() throws IOException {
        JsonNode pw = run(example());
        JsonNode ref = reference().get("pairs");
        assertThat(pw.get("primary_hazard_ratio").asText()).isEqualTo("cox");
        assertThat(pw.get("hazard_ratios")).extracting(JsonNode::asText).containsExactly("cox", "mantel_haenszel",
                "oe");
        for (int i = 0; i < 3; i++) {
            JsonNode mine = pw.get("pairs").get(i);
            JsonNode r = ref.get(i);
            assertThat(mine.get("comparison").asText()).isEqualTo(r.get("comparison").asText());
            // R 4.2.2, survival 3.5-3: coxph(Surv(months, dead) ~ g, ties = "efron") on the pair, 60-month horizon
            assertThat(mine.get("hr_cox").get("hr").asDouble()).isCloseTo(r.get("cox").get("hr").asDouble(),
                    within(1e-6));
            // R: exp((O2 - E2) / V) and (O2/E2)/(O1/E1) from survdiff on the pair
            assertThat(mine.get("hr_mantel_haenszel").get("hr").asDouble()).isCloseTo(
                    r.get("mantel_haenszel").get("hr").asDouble(), within(1e-9));
            assertThat(mine.get("hr_logrank").get("hr").asDouble()).isCloseTo(r.get("oe").get("hr").asDouble(),
                    within(1e-9));
        }
        List<String> lines = table("pairwise").lines().toList();
        assertThat(lines.get(0)).contains("HR Cox (primary) (95% CI)");
        assertThat(lines.get(0).indexOf("HR Cox")).isLessThan(lines.get(0).indexOf("HR Mantel"));
        // the first pair's row: Cox 11.09 (1.31-93.62) as R's coxph, in the primary column
        JsonNode cox = ref.get(0).get("cox");
        assertThat(lines.get(1)).contains(Formats.hrCi(cox.get("hr").asDouble(), cox.get("lower").asDouble(),
                cox.get("upper").asDouble())).contains("11.09 (1.31\u201393.62)");
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Primary: a Cox model with the group alone (Efron ties), the estimate most papers"
                + " report; report it").contains("are different estimators computed from the same log-rank table")
                .contains("A difference between them is not an error")
                // the methods paragraph names them in the same order
                .contains("Hazard ratios between two groups were estimated by a Cox model with the group alone (Efron"
                        + " ties), the primary estimate, the Mantel\u2013Haenszel method (as GraphPad Prism) and the"
                        + " log-rank observed/expected (O/E) method.");
    }

    @Test
    void prismPresetMakesMantelHaenszelPrimaryAndHiddenRatiosGo() throws IOException {
        Study s = example();
        Study prism = StudyReader.parse(Files.readString(STUDY) + "\npreset: prism\n", STUDY.toAbsolutePath())
                .withOutput(out);
        assertThat(prism.estimates().preset()).isEqualTo(org.survkit.stats.preset.Preset.PRISM);
        JsonNode pw = run(prism);
        assertThat(pw.get("primary_hazard_ratio").asText()).isEqualTo("mantel_haenszel");
        assertThat(table("pairwise").lines().findFirst().orElseThrow()).contains("HR Mantel\u2013Haenszel (primary)");
        assertThat(Files.readString(out.resolve("report.html"))).contains("the estimate GraphPad Prism reports"
                + " (preset prism)");
        // comparisons.hazard_ratios: [cox] hides the other two and their footnote
        run(s.withComparisons(s.comparisons().withHazardRatios(List.of(HazardRatioMethod.COX))));
        String header = table("pairwise").lines().findFirst().orElseThrow();
        assertThat(header).contains("HR Cox (95% CI)").doesNotContain("Mantel").doesNotContain("O/E")
                .doesNotContain("primary");
        assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("different estimators");
    }

    @Test
    void tableOneWithoutPValuesWithCountsAndMediansAndAJournalPStyle() throws IOException {
        Study s = example();
        run(s.withPresentation(s.output().pValueDigits(), PValueFormat.Style.NEJM, new Table1Style(false, Percent.N,
                Summary.MEDIAN_IQR)));
        List<String> t1 = table("table1").lines().toList();
        assertThat(t1.get(0)).doesNotContain(",P,").endsWith(",SMD");
        // the example's age has its own summary (mean_sd), which wins over the table's median_iqr
        assertThat(t1).anyMatch(l -> l.startsWith("\"Age at diagnosis, years, mean \u00B1 SD\""));
        // grade I: 5 of 43 (R: table(cohort$grade)), as n (%): 5 (11.6)
        JsonNode grade = reference().get("grade_counts");
        assertThat(grade.get("counts").get(0).asInt()).isEqualTo(5);
        assertThat(t1).anyMatch(l -> l.startsWith("I,5 (11.6),"));
        assertThat(t1).anyMatch(l -> l.startsWith("\"Histological grade, n (%)\""));
        // the pairwise P values in NEJM's style: 0.006, 0.03, 0.29 (two decimals above 0.01, three below)
        String pw = table("pairwise");
        assertThat(pw).contains(",0.006,").contains(",0.03,");
        // with the study's own summary left to the table-wide default, age prints median [IQR] as R's quantile type 7
        Study auto = StudyReader.parse(Files.readString(STUDY).replace("    summary: mean_sd\n", ""),
                STUDY.toAbsolutePath()).withOutput(out);
        run(auto.withPresentation(3, PValueFormat.Style.DIGITS, new Table1Style(true, Percent.N_OF_N,
                Summary.MEDIAN_IQR)));
        JsonNode age = reference().get("age_by_group").get("overall");
        // R 4.2.2: quantile(age, c(.25, .5, .75), type = 7) = 34.5, 43, 49.5
        String cell = Formats.num(age.get(1).asDouble(), 1) + " [" + Formats.num(age.get(0).asDouble(), 1) + ", "
                + Formats.num(age.get(2).asDouble(), 1) + "]";
        assertThat(cell).isEqualTo("43.0 [34.5, 49.5]");
        List<String> t1b = table("table1").lines().toList();
        assertThat(t1b).anyMatch(l -> l.startsWith("\"Age at diagnosis, years, median [IQR]\",\"" + cell + "\""));
        assertThat(t1b.get(0)).contains(",P,");
        assertThat(t1b).anyMatch(l -> l.startsWith("I,5/43 (11.6),"));
    }
}

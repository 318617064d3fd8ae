package org.survkit.report;

import org.survkit.study.file.StudyReader;
import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The Guardrails section on a small, awkward cohort: a group without events (monotone likelihood →
 * Firth's fit added), a tiny group, everyone followed for at least a year (immortal time),
 * follow-up shorter than the horizon, unadjusted pairwise comparisons.
 */
class ReportGuardrailsTest {

    @TempDir
    Path dir;

    private Path cohort() throws IOException {
        Random r = new Random(7);
        StringBuilder csv = new StringBuilder("id,months,dead,arm,age\n");
        for (int i = 0; i < 60; i++) {
            String arm = i < 25 ? "A" : i < 50 ? "B" : "C"; // C: 10 patients, no death
            double t = 12 + Math.round(r.nextDouble() * 300) / 10.0; // 12 to 42 months: nobody before 12
            int dead = arm.equals("C") ? 0 : r.nextDouble() < (arm.equals("A") ? 0.3 : 0.7) ? 1 : 0;
            csv.append(i + 1).append(',').append(t).append(',').append(dead).append(',').append(arm).append(',')
                    .append(40 + r.nextInt(30)).append('\n');
        }
        Path f = dir.resolve("cohort.csv");
        Files.writeString(f, csv.toString());
        return f;
    }

    @Test
    void awkwardCohortGetsTheReviewersComments() throws IOException {
        cohort();
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: {column: months, unit: months}
                event: dead
                groups: arm
                horizon: 60
                comparisons: {adjust: none}
                table1: [age]
                cox:
                  - {name: Arm, covariates: [arm, age]}
                output: out
                """);
        ReportEngine.Result result = ReportEngine.withDefaults().withPng(false).run(
                StudyReader.read(dir.resolve("study.yaml")));
        String html = Files.readString(result.html());
        JsonNode g = new ObjectMapper().readTree(result.outputDir().resolve("tables/guardrails.json").toFile());
        List<String> codes = new ArrayList<>();
        g.forEach(f -> codes.add(f.get("code").asText()));
        assertThat(codes).contains("no-events", "follow-up-short", "immortal-time", "unadjusted-multiple-comparisons",
                "monotone-likelihood", "few-events-per-coefficient");
        // messages speak study-file language and carry numbers
        assertThat(html).contains("Set &#39;adjust: holm&#39; (or bonferroni, bh) under comparisons.")
                .contains("(firth: yes in the Cox model)").contains("Every patient was followed for at least 12.")
                .doesNotContain("--adjust").doesNotContain("--firth");
        // Firth's fit was added automatically and is shown next to the standard fit
        assertThat(html).contains("HR Firth").contains("Firth&#39;s penalized partial likelihood");
        JsonNode cox = new ObjectMapper().readTree(result.outputDir().resolve("tables/cox_1.json").toFile());
        assertThat(cox.get("firth").get("coefficients").get(1).get("hr").asDouble()).isFinite().isLessThan(1);
        // the pairwise Cox hazard ratio against the group without events is not estimable
        assertThat(html).contains("not estimable*");
        assertThat(result.warnings()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void ungroupedStudyHasNoComparisons() throws IOException {
        cohort();
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: months
                event: dead
                at: [24]
                table1: [age, arm]
                output: out
                """);
        ReportEngine.Result result = ReportEngine.withDefaults().withPng(false).run(
                StudyReader.read(dir.resolve("study.yaml")));
        String html = Files.readString(result.html());
        assertThat(html).contains("<section id=\"survival\">").doesNotContain("<section id=\"comparisons\">")
                .doesNotContain("<section id=\"cox\">").contains("All patients");
        assertThat(html.split("<svg", -1)).hasSize(3); // the flow diagram and Kaplan–Meier
        assertThat(result.files()).doesNotContain("tables/pairwise.csv", "tables/comparisons.csv");
        assertThat(Files.readString(result.outputDir().resolve("tables/table1.csv")).lines().findFirst().orElseThrow())
                .isEqualTo("Characteristic,Overall (N = 60)");
    }
}

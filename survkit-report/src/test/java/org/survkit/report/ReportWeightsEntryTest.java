package org.survkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.io.InputException;
import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;
import org.survkit.study.file.StudyWriter;

/**
 * A study's case weights ({@code weights}) and entry times ({@code time.entry}) reach the report: the Kaplan–Meier
 * table (medians, survival at times, numbers at risk), the comparison of the groups by the Cox score test (robust
 * with non-integer weights), the pairwise score tests with Holm's adjustment and a Cox model, against R 4.x, survival
 * 3.5-3 (reference/report-weights/refgen_report_weights.R; its output in test resources).
 */
class ReportWeightsEntryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode reference;

    @BeforeEach
    void copyCohort() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/reference/report-weights/cohort.csv")) {
            Files.copy(in, dir.resolve("cohort.csv"));
        }
        try (InputStream in = getClass().getResourceAsStream("/reference/report-weights/report_weights.json")) {
            reference = JSON.readTree(in);
        }
    }

    static Stream<String> cases() {
        return Stream.of("wint", "wfrac", "entry", "entry_wfrac");
    }

    private static JsonNode refCase(String name) {
        for (JsonNode c : reference.get("cases")) {
            if (c.get("case").asText().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private String studyText(JsonNode c) {
        StringBuilder s = new StringBuilder("data: cohort.csv\ntime:\n  column: time\n  unit: days\n");
        if (c.get("entry").asBoolean()) {
            s.append("  entry: entry\n");
        }
        s.append("event: {column: status, value: 1}\ngroups: {column: ecog}\nat: [180, 365]\nconf_type: log-log\n");
        if (!c.get("weights").isNull()) {
            s.append("weights: ").append(c.get("weights").asText()).append('\n');
        }
        if (c.get("strata").asBoolean()) {
            s.append("strata: sex\n");
        }
        s.append("comparisons: {pairwise: yes, adjust: holm}\n");
        s.append("cox:\n  - {name: Adjusted, covariates: [ecog, age]}\noutput: out\n");
        return s.toString();
    }

    private JsonNode table(ReportEngine.Result r, String id) throws IOException {
        return JSON.readTree(r.outputDir().resolve("tables/" + id + ".json").toFile());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportEqualsR(String name) throws IOException {
        JsonNode ref = refCase(name);
        Files.writeString(dir.resolve("study.yaml"), studyText(ref));
        Study study = StudyReader.read(dir.resolve("study.yaml"));
        ReportEngine.Result result = ReportEngine.withDefaults().withPng(false).run(study);

        // R: survfit(Surv([entry,] time, status) ~ ecog, weights = w, conf.type = "log-log"); summary(times = ...)
        JsonNode groups = table(result, "survival").get("groups");
        for (int g = 0; g < 3; g++) {
            JsonNode mine = groups.get(g);
            JsonNode r = ref.get("curves").get(g);
            assertThat(mine.get("group").asText()).isEqualTo(r.get("group").asText());
            assertThat(mine.get("median").get("estimate").asDouble()).isCloseTo(r.get("median").asDouble(),
                    within(1e-9));
            if (!r.get("median_lower").isNull()) {
                assertThat(mine.get("median").get("lower").asDouble()).isCloseTo(r.get("median_lower").asDouble(),
                        within(1e-9));
            }
            for (int k = 0; k < 2; k++) {
                JsonNode at = mine.get("at").get(k);
                assertThat(at.get("survival").asDouble()).isCloseTo(r.get("surv").get(k).asDouble(), within(1e-9));
                assertThat(at.get("std_err").asDouble()).isCloseTo(r.get("std_err").get(k).asDouble(), within(1e-9));
                assertThat(at.get("lower").asDouble()).isCloseTo(r.get("lower").get(k).asDouble(), within(1e-9));
                assertThat(at.get("upper").asDouble()).isCloseTo(r.get("upper").get(k).asDouble(), within(1e-9));
                assertThat(at.get("n_risk").asDouble()).isCloseTo(r.get("n_risk").get(k).asDouble(), within(1e-9));
            }
        }

        // R: summary(coxph(y ~ ecog [+ strata(sex)], weights = w))$sctest, or $robscore with non-integer weights
        JsonNode overall = table(result, "comparisons");
        JsonNode ro = ref.get("overall");
        assertThat(overall.get("test").asText()).isEqualTo(ro.get("robust").asBoolean() ? "cox_robust_score"
                : "cox_score");
        assertThat(overall.get("statistic").asDouble()).isCloseTo(ro.get("statistic").asDouble(), within(1e-7));
        assertThat(overall.get("df").asInt()).isEqualTo(ro.get("df").asInt());
        assertThat(overall.get("p_value").asDouble()).isCloseTo(ro.get("p").asDouble(), within(1e-9));

        // the same on each pair of groups, P adjusted by p.adjust(method = "holm"); the pair's hazard ratio
        JsonNode pairs = table(result, "pairwise").get("pairs");
        assertThat(pairs.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            JsonNode mine = pairs.get(i);
            JsonNode r = ref.get("pairs").get(i);
            assertThat(mine.get("reference").asText()).isEqualTo(r.get("reference").asText());
            assertThat(mine.get("comparison").asText()).isEqualTo(r.get("comparison").asText());
            assertThat(mine.get("statistic").asDouble()).isCloseTo(r.get("statistic").asDouble(), within(1e-7));
            assertThat(mine.get("p_adjusted").asDouble()).isCloseTo(r.get("p_holm").asDouble(), within(1e-9));
            assertThat(mine.get("hr_cox").get("hr").asDouble()).isCloseTo(r.get("hr").asDouble(), within(1e-7));
        }

        // R: coxph(y ~ ecog + age [+ strata(sex)], weights = w): coefficients and (robust) standard errors
        JsonNode cox = table(result, "cox_1").get("coefficients");
        JsonNode rc = ref.get("cox");
        for (int k = 0; k < 3; k++) {
            assertThat(cox.get(k).get("coef").asDouble()).isCloseTo(rc.get("coef").get(k).asDouble(), within(1e-7));
            double se = rc.get("robust").asBoolean() ? cox.get(k).get("robust_se").asDouble()
                    : cox.get(k).get("se").asDouble();
            assertThat(se).isCloseTo(rc.get("se").get(k).asDouble(), within(1e-7));
        }

        String html = Files.readString(result.html());
        assertThat(html).contains(ro.get("robust").asBoolean() ? "Robust score test of a Cox model with the group alone"
                : "Score test of a Cox model with the group alone");
        assertThat(html).contains("takes neither case weights nor entry times");
        // the study written back reads to the same study
        Study again = StudyReader.parse(StudyWriter.write(study, java.util.List.of()), dir.resolve("again.yaml"));
        assertThat(again.weights()).isEqualTo(study.weights());
        assertThat(again.time().entry()).isEqualTo(study.time().entry());
    }

    @Test
    void refusesWhatTakesNoWeights() throws IOException {
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: {column: time, entry: entry}
                event: {column: status, value: 1}
                groups: {column: ecog}
                weights: wf
                comparisons: {test: gehan}
                """);
        assertThatThrownBy(() -> StudyReader.read(dir.resolve("study.yaml"))).isInstanceOf(InputException.class)
                .hasMessage("study.yaml, line 6, 'comparisons.test': cannot be combined with 'weights': the"
                        + " Gehan\u2013Breslow\u2013Wilcoxon test takes no case weights (R's survdiff has none); with"
                        + " case weights the groups are compared by the Cox score test, the log-rank test's"
                        + " counterpart. Set 'test: logrank', or leave 'weights' out.");
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: {column: time, entry: entry}
                event: {column: status, value: 1}
                landmark: 30
                """);
        assertThatThrownBy(() -> StudyReader.read(dir.resolve("study.yaml"))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("study.yaml, line 4, 'landmark': cannot be combined with 'entry'");
    }

    @Test
    void rowsEnteringAfterTheHorizonAreCounted() throws IOException {
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: {column: time, entry: entry}
                event: {column: status, value: 1}
                horizon: 100
                output: out
                """);
        ReportEngine.Result result = ReportEngine.withDefaults().withPng(false).run(
                StudyReader.read(dir.resolve("study.yaml")));
        JsonNode flow = JSON.readTree(result.outputDir().resolve("tables/flow.json").toFile());
        assertThat(flow.toString()).contains("entry at or after the horizon (100)");
    }
}

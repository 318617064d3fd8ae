package org.survkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.study.file.StudyReader;

/**
 * A study file's Cox fitting options reach the report: {@code concordance: uno}, {@code zph_transform: rank},
 * {@code init} with {@code iter_max: 1}, against R 4.2.2, survival 3.5-3 (reference/cox-options/refgen_cox_options.R;
 * copies in test resources).
 */
class ReportCoxOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode ref(String name) throws IOException {
        try (InputStream in = ReportCoxOptionsTest.class.getResourceAsStream("/reference/cox-options/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** The report of a study of the lung copy (reference/cox-options/data/lung_options.csv) with these Cox models. */
    private ReportEngine.Result report(String coxModels) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/reference/cox-options/lung_options.csv")) {
            Files.copy(in, dir.resolve("lung.csv"));
        }
        Files.writeString(dir.resolve("study.yaml"), "data: lung.csv\ntime: time\nevent: {column: status, value: 2}\n"
                + "cox:\n" + coxModels + "output: out\n");
        return ReportEngine.withDefaults().withPng(false).run(StudyReader.read(dir.resolve("study.yaml")));
    }

    @Test
    void studyFileCoxOptionsMatchR() throws IOException {
        ReportEngine.Result result = report("""
                  - {name: Uno, covariates: [age, sex, ph.ecog], concordance: uno, zph_transform: rank}
                  - {name: One step, covariates: [age, sex], init: [0.01, -0.3], iter_max: 1}
                """);
        JsonNode uno = JSON.readTree(result.outputDir().resolve("tables/cox_1.json").toFile());
        // R: concordance(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung), timewt = "n/G2")
        assertThat(uno.get("concordance").get("weighting").asText()).isEqualTo("uno");
        assertThat(uno.get("concordance").get("estimate").asDouble())
                .isCloseTo(ref("uno.json").get("lung").get("estimate").asDouble(), within(1e-9));
        // R: cox.zph(fit, transform = "rank")$table
        JsonNode zph = ref("zph_rank.json").get("lung").get("table");
        for (int k = 0; k < zph.size(); k++) {
            assertThat(uno.get("ph_test").get(k).get("statistic").asDouble())
                    .isCloseTo(zph.get(k).get("chisq").asDouble(), within(1e-6));
        }
        assertThat(Files.readString(result.html())).contains("Uno&#39;s concordance");
        // R: coxph(Surv(time, status) ~ age + sex, lung, init = c(0.01, -0.3), control = coxph.control(iter.max = 1))
        JsonNode one = JSON.readTree(result.outputDir().resolve("tables/cox_2.json").toFile());
        JsonNode fit = ref("init_iter1_lung.json").get("fit");
        assertThat(one.toString()).contains("\"hr\"");
        assertThat(one.get("lr_test").get("statistic").asDouble())
                .isCloseTo(fit.get("lr_test").get("statistic").asDouble(), within(1e-7));
    }

    /**
     * A study file's cox[].cluster and cox[].offset reach the report (they were command-line only): robust standard
     * errors, intervals, P values and the robust score test, with the offset in the linear predictor.
     */
    @Test
    void clusterAndOffsetMatchR() throws IOException {
        ReportEngine.Result result = report("""
                  - {name: Clustered, covariates: [age, sex, ph.ecog], cluster: inst, offset: log_age}
                """);
        JsonNode cox = JSON.readTree(result.outputDir().resolve("tables/cox_1.json").toFile());
        // R 4.2.2, survival 3.5-3: coxph(Surv(time, status == 2) ~ age + sex + ph.ecog + offset(log_age), lung,
        // cluster = inst) (reference/cox-options/refgen_cox_cluster.R, cluster_offset_lung.json)
        JsonNode r = ref("cluster_offset_lung.json");
        assertThat(cox.get("n").asInt()).isEqualTo(r.get("n").asInt());
        assertThat(cox.get("cluster").asText()).isEqualTo("inst");
        assertThat(cox.get("offset").asText()).isEqualTo("log_age");
        for (int k = 0; k < 3; k++) {
            JsonNode a = cox.get("coefficients").get(k);
            JsonNode e = r.get("coefficients").get(k);
            assertThat(a.get("term").asText()).isEqualTo(e.get("term").asText());
            assertThat(a.get("coef").asDouble()).isCloseTo(e.get("coef").asDouble(), within(1e-9));
            assertThat(a.get("se").asDouble()).isCloseTo(e.get("se").asDouble(), within(1e-9));
            assertThat(a.get("robust_se").asDouble()).isCloseTo(e.get("robust_se").asDouble(), within(1e-9));
            assertThat(a.get("p_value").asDouble()).isCloseTo(e.get("p_value").asDouble(),
                    within(1e-6 * e.get("p_value").asDouble()));
            assertThat(a.get("hr_lower").asDouble()).isCloseTo(e.get("hr_lower").asDouble(), within(1e-9));
        }
        assertThat(cox.get("robust_score_test").get("statistic").asDouble())
                .isCloseTo(r.get("robust_score_test").get("statistic").asDouble(), within(1e-8));
        String html = Files.readString(result.html());
        assertThat(html).contains("Clusters from column &#39;inst&#39;").contains("Offset: column &#39;log_age&#39;")
                .contains("clustered by &#39;inst&#39;")
                // the rows this model leaves out, counted with their reasons (R's n = 226 of lung's 228)
                .contains("2 of the 228 patients analysed are not in this model: 1 missing covariate (column"
                        + " &#39;ph.ecog&#39;), 1 missing cluster (column &#39;inst&#39;).");
        // the study.yaml the report writes back keeps both keys
        assertThat(org.survkit.study.file.StudyWriter.write(StudyReader.read(dir.resolve("study.yaml")),
                java.util.List.of())).contains("    cluster: \"inst\"\n    offset: \"log_age\"\n");
    }

    @Test
    void firthWithAClusterIsRefusedWithTheModelsLine() throws IOException {
        Files.writeString(dir.resolve("lung.csv"), "time,status,age,inst\n1,2,50,1\n2,1,60,2\n");
        Files.writeString(dir.resolve("study.yaml"), """
                data: lung.csv
                time: time
                event: {column: status, value: 2}
                cox:
                  - {name: A, covariates: [age], firth: yes, cluster: inst}
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StudyReader.read(dir.resolve("study.yaml")))
                .hasMessage("study.yaml, line 5, 'cox.firth': cannot be combined with 'cluster': Firth's method has no"
                        + " robust variance here. Drop one of them.");
    }

    @Test
    void anOffsetColumnWithAWordIsNamedWithItsLine() throws IOException {
        Files.writeString(dir.resolve("d.csv"), "time,status,age,off\n5,1,50,0.1\n7,0,60,n/a\n9,1,70,0.3\n");
        Files.writeString(dir.resolve("study.yaml"), "data: d.csv\ntime: time\nevent: {column: status, value: 1}\n"
                + "cox:\n  - {name: A, covariates: [age], offset: off}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportEngine.withDefaults().withPng(false)
                .run(StudyReader.read(dir.resolve("study.yaml"))))
                .hasMessageContaining("the offset column 'off' holds text, e.g. 'n/a' on line 3 of d.csv")
                .hasMessageContaining("add it to data.na");
    }
}

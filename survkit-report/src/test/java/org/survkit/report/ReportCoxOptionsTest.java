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

    @Test
    void studyFileCoxOptionsMatchR() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/reference/cox-options/lung_options.csv")) {
            Files.copy(in, dir.resolve("lung.csv"));
        }
        Files.writeString(dir.resolve("study.yaml"), """
                data: lung.csv
                time: time
                event: {column: status, value: 2}
                cox:
                  - {name: Uno, covariates: [age, sex, ph.ecog], concordance: uno, zph_transform: rank}
                  - {name: One step, covariates: [age, sex], init: [0.01, -0.3], iter_max: 1}
                output: out
                """);
        ReportEngine.Result result = ReportEngine.withDefaults().withPng(false).run(
                StudyReader.read(dir.resolve("study.yaml")));
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
}

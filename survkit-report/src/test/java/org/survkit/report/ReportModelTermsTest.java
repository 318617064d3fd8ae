package org.survkit.report;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The report codes an interaction without its main effects as R does (issue 13, item 1): the same model frame as
 * {@code survkit cox}. R 4.2.2, survival 3.5-3: {@code coxph(Surv(time, status) ~ age:factor(sex), lung)} gives
 * {@code age:factor(sex)1} 0.0198212817943571 (se 0.00919125982375033), {@code age:factor(sex)2}
 * 0.0116243484522229 (se 0.00953651557138312); to 1e-6 relative ({@code reference/model-terms/}, case {@code lung_age_by_sex}).
 */
class ReportModelTermsTest {
    @TempDir
    Path dir;

    @Test
    void coxAgeBySexHasOneColumnPerSexAsR() throws IOException {
        try (InputStream in = ReportModelTermsTest.class.getResourceAsStream("/datasets/lung.csv")) {
            Files.copy(in, dir.resolve("lung.csv"));
        }
        Files.writeString(dir.resolve("study.yaml"), """
                title: "age by sex"
                data: lung.csv
                time: {column: time, unit: days}
                event: {column: status, value: 2}
                cox:
                  - name: "age within sex"
                    covariates: ["age:sex"]
                    categorical: [sex]
                output: out
                """);
        ReportEngine.Result r = ReportEngine.withDefaults().withPng(false).withSoftware("survkit test")
                .run(StudyReader.read(dir.resolve("study.yaml")));
        JsonNode cox = new ObjectMapper().readTree(r.outputDir().resolve("tables/cox_1.json").toFile());
        JsonNode k = cox.get("coefficients");
        assertThat(k).hasSize(2);
        assertThat(k.get(0).get("term").asText()).isEqualTo("age:sex=1");
        assertThat(k.get(1).get("term").asText()).isEqualTo("age:sex=2");
        double[] coef = {0.0198212817943571, 0.0116243484522229};
        double[] se = {0.00919125982375033, 0.00953651557138312};
        for (int j = 0; j < 2; j++) {
            assertThat(k.get(j).get("coef").asDouble()).isCloseTo(coef[j], org.assertj.core.data.Percentage.withPercentage(1e-4));
            assertThat(k.get(j).get("se").asDouble()).isCloseTo(se[j], org.assertj.core.data.Percentage.withPercentage(1e-4));
        }
    }
}

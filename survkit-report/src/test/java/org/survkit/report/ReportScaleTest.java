package org.survkit.report;

import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-row synthetic cohort (seeded) through the whole report: dates → months, rules, horizon,
 * Table 1, three groups with pairwise tests, a Cox model. The time is measured and printed, not
 * asserted (machines differ); the numbers of rows are checked.
 */
class ReportScaleTest {

    static final int N = 100_000;

    @TempDir
    Path dir;

    @Test
    void hundredThousandRows() throws IOException {
        Random r = new Random(100_000L);
        LocalDate base = LocalDate.of(2010, 1, 1);
        int missing = 0;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("cohort.csv"), StandardCharsets.UTF_8)) {
            w.write("patient_id,start,last_contact,status,er,her2,age,grade,site\n");
            for (int i = 0; i < N; i++) {
                boolean er = r.nextBoolean();
                boolean her2 = r.nextDouble() < 0.25;
                double rate = er ? 0.010 : her2 ? 0.02 : 0.03;
                int days = (int) Math.ceil(-Math.log(r.nextDouble()) / rate * 30.4375);
                int censor = 30 + r.nextInt(3000);
                LocalDate start = base.plusDays(r.nextInt(1800));
                boolean dead = days <= censor;
                String end = i % 997 == 0 ? "" : start.plusDays(Math.min(days, censor)).toString();
                if (end.isEmpty()) {
                    missing++;
                }
                w.write("P" + i + "," + start + "," + end + "," + (dead ? "dead" : "alive") + ","
                        + (er ? "positive" : "negative") + "," + (her2 ? "positive" : "negative") + ","
                        + (30 + r.nextInt(50)) + "," + (1 + r.nextInt(3)) + "," + (r.nextBoolean() ? "bone" : "liver")
                        + "\n");
            }
        }
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: {from: start, to: last_contact, unit: months}
                event: {column: status, value: dead}
                groups:
                  name: subgroup
                  rules:
                    - {label: "ER+", when: er == "positive"}
                    - {label: "ER- HER2+", when: er == "negative" and her2 == "positive"}
                    - {label: "ER- HER2-", when: er == "negative" and her2 == "negative"}
                horizon: 60
                at: [12, 36, 60]
                table1:
                  - {column: age, type: continuous}
                  - {column: grade, levels: ["1", "2", "3"]}
                  - site
                cox:
                  - {name: Adjusted, covariates: [subgroup, age, grade], categorical: [grade]}
                output: out
                """);
        Study study = StudyReader.read(dir.resolve("study.yaml"));
        long t0 = System.nanoTime();
        ReportEngine.Result result = ReportEngine.withDefaults().withPng(false).run(study);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("ReportScaleTest: report of " + N + " rows (3 groups, Table 1 with 3 variables, Cox with"
                + " 4 coefficients, SVG only) in " + ms + " ms");
        assertThat(result.rowsRead()).isEqualTo(N);
        assertThat(result.analysed()).isEqualTo(N - missing);
        assertThat(Files.readString(result.html())).contains("Excluded for missing or invalid data (n = " + missing
                + ")").contains("Rows in cohort.csv (n = " + N + ")");
    }
}

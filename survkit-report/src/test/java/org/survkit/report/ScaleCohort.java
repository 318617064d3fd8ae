package org.survkit.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * The seeded synthetic cohort of {@link ReportScaleTest} and of the report's benchmark ({@code bench/ReportBench.java},
 * which compiles this file on its own: it uses the JDK only), so that the test and the benchmark time the same
 * report: {@code rows} patients with dates of start and last contact (every 997th without one), dead or alive, ER and
 * HER2 status (three subgroups by rules), age, grade and site; and its study file (months from the dates, a 60-month
 * horizon, Table 1 with three variables, a Cox model with 4 coefficients).
 */
public final class ScaleCohort {
    /** The rows of the test and the benchmark. */
    public static final int ROWS = 100_000;

    private ScaleCohort() {
    }

    /**
     * What {@link #write} wrote.
     *
     * @param study   the study file (study.yaml; its data: cohort.csv next to it, its output: out)
     * @param missing the rows without a date of last contact
     */
    public record Written(Path study, int missing) {
    }

    /**
     * Writes cohort.csv and study.yaml into a folder.
     *
     * @param dir  the folder
     * @param rows the number of patients
     * @return the study file and the rows without a date of last contact
     * @throws IOException when a file cannot be written
     */
    public static Written write(Path dir, int rows) throws IOException {
        Random r = new Random(100_000L);
        LocalDate base = LocalDate.of(2010, 1, 1);
        int missing = 0;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("cohort.csv"), StandardCharsets.UTF_8)) {
            w.write("patient_id,start,last_contact,status,er,her2,age,grade,site\n");
            for (int i = 0; i < rows; i++) {
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
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, """
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
                """, StandardCharsets.UTF_8);
        return new Written(study, missing);
    }
}

package org.survkit.report;

import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-row synthetic cohort (seeded, {@link ScaleCohort}: the report benchmark's too) through the whole
 * report: dates → months, rules, horizon, Table 1, three groups with pairwise tests, a Cox model. The time is measured and printed, not
 * asserted (machines differ); the numbers of rows are checked.
 */
class ReportScaleTest {

    static final int N = ScaleCohort.ROWS;

    @TempDir
    Path dir;

    @Test
    void hundredThousandRows() throws IOException {
        ScaleCohort.Written cohort = ScaleCohort.write(dir, N);
        int missing = cohort.missing();
        Study study = StudyReader.read(cohort.study());
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

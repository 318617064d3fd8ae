package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end of a read keeps one copy of each column: the cohort's arrays are the assembler's own, cut to the kept rows.
 * Before, finish() copied every column while the assembler still held the originals, so the read's peak was twice
 * the columns (at 10^8 rows, {@code survkit km} ran out of memory there with -Xmx3g: bench/RESULTS.md, issue 15).
 * From 65,536 rows the columns are cut on two threads: the same columns.
 */
class CohortAssemblerFinishTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {5000, 70_000})
    void theCohortsColumnsAreTheAssemblersOwnCutToTheKeptRows(int rows) throws IOException {
        StringBuilder csv = new StringBuilder("time,status,group,x,c\n");
        int kept = 0;
        for (int i = 0; i < rows; i++) {
            boolean missingGroup = i % 7 == 3;
            csv.append(i % 97 + 0.5).append(',').append(i % 3 == 0 ? 1 : 0).append(',')
                    .append(missingGroup ? "" : "g" + i % 4).append(',').append(i * 0.25).append(',')
                    .append("c" + i % 5).append('\n');
            kept += missingGroup ? 0 : 1;
        }
        Path file = dir.resolve("cohort.csv");
        Files.writeString(file, csv);
        CohortSpec spec = CohortSpec.builder().time("time").event("status").group("group")
                .covariates(java.util.List.of("x", "c"));
        CohortAssembler assembler = new CohortAssembler(spec, file.toString());
        TableSources.read(file, null, assembler);
        Cohort cohort = assembler.finish();

        assertThat(cohort.rowsRead()).isEqualTo(rows);
        assertThat(cohort.size()).isEqualTo(kept);
        assertThat(cohort.time()).hasSize(kept);
        assertThat(cohort.event()).hasSize(kept);
        assertThat(cohort.group()).hasSize(kept);
        assertThat(cohort.line()).hasSize(kept);
        assertThat(cohort.covariates().get(0).numeric()).hasSize(kept);
        // row 5 (i = 4, line 6) is the fourth kept row (i = 3 has no group)
        assertThat(cohort.time()[3]).isEqualTo(4.5);
        assertThat(cohort.line()[3]).isEqualTo(6);
        assertThat(cohort.group()[3]).isEqualTo("g0");
        assertThat(cohort.covariates().get(0).numeric()[3]).isEqualTo(1.0);
        // every kept row's values, in order
        for (int i = 0, k = 0; i < rows; i++) {
            if (i % 7 == 3) {
                continue;
            }
            assertThat(cohort.time()[k]).isEqualTo(i % 97 + 0.5);
            assertThat(cohort.event()[k]).isEqualTo(i % 3 == 0);
            assertThat(cohort.group()[k]).isEqualTo("g" + i % 4);
            assertThat(cohort.line()[k]).isEqualTo(i + 2);
            assertThat(cohort.covariates().get(0).numeric()[k]).isEqualTo(i * 0.25);
            assertThat(cohort.covariates().get(1).text()[k++]).isEqualTo("c" + i % 5);
        }
        assertThat(cohort.covariates().get(1).text()).hasSize(kept);
        // no second, longer copy is left in the assembler
        assertThat(field(assembler, "time")).isSameAs(cohort.time());
        assertThat(field(assembler, "event")).isSameAs(cohort.event());
        assertThat(field(assembler, "group")).isSameAs(cohort.group());
        assertThat(field(assembler, "line")).isSameAs(cohort.line());
        CovariateColumn[] covariates = (CovariateColumn[]) field(assembler, "covariates");
        assertThat(field(covariates[0], "numeric")).isSameAs(cohort.covariates().get(0).numeric());
        assertThat(field(covariates[1], "text")).isSameAs(cohort.covariates().get(1).text());
    }

    private static Object field(Object o, String name) {
        try {
            Field f = o.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}

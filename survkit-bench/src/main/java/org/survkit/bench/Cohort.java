package org.survkit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The three columns a benchmark needs: follow-up time, event indicator and group label.
 *
 * <p>{@link #forRows(int)} generates the cohort in memory with {@link SyntheticCohort}, or reads
 * it from {@code <dir>/big_<label>.csv} (label {@code 1e6} for 1,000,000 rows, otherwise the row
 * count) when the system property {@value #DATA_DIR_PROPERTY} names a directory, e.g. the CSVs
 * that {@code bench/run.sh} writes with {@code make_big.R} into {@code bench-data/}.
 *
 * @param time  follow-up times
 * @param event true for an event
 * @param group group label per row
 */
record Cohort(double[] time, boolean[] event, String[] group) {

    /** System property naming a directory of {@code big_<label>.csv} files to use instead of generated data. */
    static final String DATA_DIR_PROPERTY = "survkit.bench.dataDir";

    /** Seed of the generated cohort (make_big.R uses {@code set.seed(7)}). */
    static final long SEED = 7;

    static Cohort forRows(int rows) {
        String dir = System.getProperty(DATA_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return SyntheticCohort.generate(rows, SEED);
        }
        Path csv = Path.of(dir, "big_" + label(rows) + ".csv");
        if (!Files.isRegularFile(csv)) {
            throw new IllegalStateException(DATA_DIR_PROPERTY + "=" + dir + " but " + csv
                    + " does not exist; generate it with: Rscript reference/shared-tools/make_big.R " + rows + " "
                    + csv);
        }
        try {
            Cohort c = CohortCsvReader.read(csv);
            if (c.time().length != rows) {
                throw new IllegalStateException(csv + " has " + c.time().length + " rows, expected " + rows);
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 1e6} for 1,000,000, {@code 1e7} for 10,000,000; the plain count otherwise. */
    static String label(int rows) {
        int k = 0;
        long v = 1;
        while (v < rows) {
            v *= 10;
            k++;
        }
        return v == rows && k > 0 ? "1e" + k : Integer.toString(rows);
    }
}

package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;

/** The one comparison of a read file with the CSV of what survkit must deliver from it. */
final class SameCells {
    private SameCells() {
    }

    /**
     * Asserts the same column names, the expected number of rows and every cell as the expected file's.
     *
     * @param name     the file's name, for the messages
     * @param file     what survkit read
     * @param expected what it must deliver
     * @param rows     how many rows both hold
     */
    static void assertSameCells(String name, TablePreview file, TablePreview expected, int rows) {
        assertThat(file.columns()).isEqualTo(expected.columns());
        assertThat(file.rows()).hasSize(rows);
        for (int r = 0; r < expected.rows().size(); r++) {
            for (int c = 0; c < expected.columns().size(); c++) {
                assertThat(file.rows().get(r).get(c)).as("%s, row %d, column %s", name, r + 1,
                        expected.columns().get(c)).isEqualTo(expected.rows().get(r).get(c));
            }
        }
    }
}

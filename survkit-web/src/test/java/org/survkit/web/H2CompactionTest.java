package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up compaction of the append-only H2 file: smaller, same data, only when grown, crash leftovers gone. */
class H2CompactionTest {
    @TempDir
    Path dir;

    private void saves(int n) throws Exception {
        try (Connection c = DriverManager.getConnection(StudyStore.defaultUrl(dir), "", "");
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, name VARCHAR(200))");
            for (int i = 0; i < n; i++) {
                st.execute("MERGE INTO t VALUES (" + (i % 20) + ", 'name " + i + "')");
                st.execute("CHECKPOINT SYNC");
            }
            st.execute("SHUTDOWN");
        }
    }

    private String names() throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = DriverManager.getConnection(StudyStore.defaultUrl(dir), "", "");
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, name FROM t ORDER BY id")) {
                while (rs.next()) {
                    b.append(rs.getInt(1)).append('=').append(rs.getString(2)).append(';');
                }
            }
            st.execute("SHUTDOWN");
        }
        return b.toString();
    }

    @Test
    void anAppendOnlyFileThatGrewIsCompactedAndKeepsEveryRow() throws Exception {
        saves(400);
        Path file = dir.resolve("survkit.mv.db");
        long grown = Files.size(file);
        assertThat(grown).as("append-only: each save adds to the file").isGreaterThan(1L << 20);
        String before = names();
        assertThat(before).contains("19=name 399;");

        long after = H2Compaction.compactIfGrown(dir, 1);
        assertThat(after).isEqualTo(Files.size(file)).isLessThan(grown / 4);
        assertThat(names()).isEqualTo(before);
        assertThat(Files.readString(dir.resolve("survkit.compacted")).trim()).isEqualTo(Long.toString(after));
        assertThat(dir.resolve("survkit.mv.db.tempFile")).doesNotExist();

        // not grown to twice its compacted size: left alone; grown past it: compacted again
        long reopened = Files.size(file); // names() opened it once more
        assertThat(reopened).isLessThan(2 * after);
        assertThat(H2Compaction.compactIfGrown(dir, 1)).isEqualTo(reopened);
        assertThat(Files.size(file)).isEqualTo(reopened);
        saves(100);
        assertThat(Files.size(file)).isGreaterThan(2 * after);
        assertThat(H2Compaction.compactIfGrown(dir, 1)).isLessThan(2 * after);
        assertThat(names()).contains("19=name 99;");
    }

    @Test
    void smallFilesAreLeftAloneAndACrashedCompactionsLeftoverIsRemoved() throws Exception {
        saves(10);
        Path file = dir.resolve("survkit.mv.db");
        long size = Files.size(file);
        Files.writeString(dir.resolve("survkit.mv.db.tempFile"), "half-written copy of a crashed compaction");
        assertThat(H2Compaction.compactIfGrown(dir, H2Compaction.DEFAULT_MIN_BYTES)).isEqualTo(size);
        assertThat(dir.resolve("survkit.mv.db.tempFile")).doesNotExist();
        assertThat(dir.resolve("survkit.compacted")).doesNotExist();
        assertThat(names()).contains("9=name 9;");
    }

    @Test
    void noDatabaseYetIsNothingToDo() {
        assertThat(H2Compaction.compactIfGrown(dir, 1)).isZero();
        assertThat(dir.resolve("survkit.mv.db")).doesNotExist();
    }
}

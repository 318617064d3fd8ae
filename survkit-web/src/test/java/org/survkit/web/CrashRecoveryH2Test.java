package org.survkit.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

/**
 * kill -9 with the default embedded H2 database under the data folder. The database is made beforehand with H2's
 * retention time at 0 (a persistent setting), so that H2 would overwrite chunks it no longer needs at once instead
 * of after 45 s: what a server that has run for a minute does on every save. With space reuse on, H2 2.x then lost
 * the acknowledged upload at the first kill in every run; the store's {@code REUSE_SPACE=FALSE} is what this
 * guards.
 */
class CrashRecoveryH2Test extends CrashRecoveryTest {
    @Override
    List<String> serveArgs() {
        return List.of();
    }

    @Override
    void prepare(Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        try (Connection c = DriverManager.getConnection(StudyStore.defaultUrl(dataDir), "", "");
                Statement st = c.createStatement()) {
            st.execute("SET RETENTION_TIME 0");
            st.execute("SHUTDOWN");
        }
    }
}

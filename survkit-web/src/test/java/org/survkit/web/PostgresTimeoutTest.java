package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL server that does not answer never hangs a request: a statement held up by a lock ends at the
 * statement timeout, a frozen server (all its processes stopped with SIGSTOP) at the socket timeout, and either is
 * answered 503 with Retry-After and a sentence; when the server answers again, so does survkit. The timeouts are
 * set short in the URL (survkit's defaults apply when the URL sets none).
 */
class PostgresTimeoutTest {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    @TempDir
    Path dir;

    static void unavailable(TestServer.Reply r, double seconds, double within) {
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("10");
        assertThat(r.json().get("error").asText()).contains("did not answer in time or cannot be reached")
                .contains("Check that it is running and reachable, then try again.").doesNotContain("password");
        assertThat(seconds).isLessThan(within);
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    @Test
    void aLockedTableAndAFrozenServerAre503WithinTheTimeouts() throws Exception {
        String url = PG.url() + "&connectTimeout=2&loginTimeout=2&socketTimeout=2"
                + "&options=-c%20statement_timeout%3D1000";
        try (TestServer s = new TestServer(ServerSettings.loopback(dir, TestServer.TOKEN).withDatabase(url))) {
            String dataset = s.upload(TestServer.LUNG).json().get("id").asText();
            String a = CrashRecoveryTest.create(s, dataset, "Study A");

            try (Connection c = DriverManager.getConnection(PG.url()); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.execute("LOCK TABLE studies IN ACCESS EXCLUSIVE MODE");
                long t0 = System.nanoTime();
                unavailable(s.get("/api/studies"), seconds(t0), 15);
                c.rollback();
            }
            assertThat(CrashRecoveryTest.names(s)).containsEntry(a, "Study A");

            assumeTrue(PG.server().ownCluster(), "frozen-server part skipped: SURVKIT_TEST_PG_URL names a server"
                    + " this test cannot stop");
            try {
                PG.server().signal("STOP");
                long t0 = System.nanoTime();
                unavailable(s.get("/api/studies"), seconds(t0), 20);
                t0 = System.nanoTime();
                unavailable(s.postJson("/api/studies", "{\"name\":\"B\",\"dataset\":\"" + dataset
                        + "\",\"settings\":" + CrashRecoveryTest.SETTINGS + "}"), seconds(t0), 20);
                t0 = System.nanoTime();
                unavailable(s.postJson("/api/analyses", "{\"dataset\":\"" + dataset + CrashRecoveryTest.KM),
                        seconds(t0), 20);
            } finally {
                PG.server().signal("CONT");
            }
            assertThat(CrashRecoveryTest.names(s)).containsEntry(a, "Study A");
            CrashRecoveryTest.create(s, dataset, "Study B");
        }
    }
}

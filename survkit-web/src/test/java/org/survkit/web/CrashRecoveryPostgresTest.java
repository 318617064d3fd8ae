package org.survkit.web;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kill -9 of survkit with a PostgreSQL database ({@link ThrowawayPostgres}; skipped, saying why, without one). The
 * database server runs on; only survkit dies.
 */
class CrashRecoveryPostgresTest extends CrashRecoveryTest {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    @Override
    List<String> serveArgs() {
        return List.of("--db", PG.url());
    }
}

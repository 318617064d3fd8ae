package org.survkit.web;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Studies in a real PostgreSQL server ({@code --db jdbc:postgresql://...}): a throwaway cluster from Debian's
 * packages, or {@code SURVKIT_TEST_PG_URL}. Skipped, saying why, when neither exists.
 */
class StudyPersistencePostgresTest extends StudyPersistenceTest {
    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension();

    @Override
    String jdbcUrl() {
        return PG.url();
    }
}

package org.survkit.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Studies in a real PostgreSQL server ({@code --db jdbc:postgresql://...}): a throwaway cluster from Debian's
 * packages, or {@code SURVKIT_TEST_PG_URL}. Skipped, saying why, when neither exists.
 */
class StudyPersistencePostgresTest extends StudyPersistenceTest {
    static ThrowawayPostgres pg;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = ThrowawayPostgres.start();
        assumeTrue(pg != null, "PostgreSQL test skipped: " + ThrowawayPostgres.whyNot);
    }

    @BeforeEach
    void emptySchema() throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url()); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS studies, datasets, flyway_schema_history CASCADE");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    String jdbcUrl() {
        return pg.url();
    }
}

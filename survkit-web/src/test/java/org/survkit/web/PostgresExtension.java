package org.survkit.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link ThrowawayPostgres} for one test class ({@code @RegisterExtension static PostgresExtension pg = ...}):
 * started before the class, its survkit tables dropped before each test, stopped after the class; the class is
 * skipped, saying why, when no PostgreSQL server can be had.
 */
final class PostgresExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private ThrowawayPostgres pg;

    /** {@return the JDBC URL of the server} */
    String url() {
        return pg.url();
    }

    ThrowawayPostgres server() {
        return pg;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        pg = ThrowawayPostgres.start();
        assumeTrue(pg != null, "PostgreSQL test skipped: " + ThrowawayPostgres.whyNot);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url()); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS studies, datasets, flyway_schema_history CASCADE");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (pg != null) {
            pg.close();
        }
    }
}

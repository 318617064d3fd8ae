package org.survkit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved studies and the datasets they use, in a relational database: an H2 file database under the data folder by
 * default, PostgreSQL (or any JDBC URL Flyway supports) when {@code --db} is given. The schema is created and
 * upgraded by Flyway from {@code db/migration} (one SQL for both). A study row holds its name, its dataset
 * (bytes, so a study reopens on another machine sharing the database), the page's settings and last results as
 * JSON, and the survkit version that made it. Each operation uses its own connection; all methods are
 * thread-safe.
 *
 * <p><b>Durability.</b> Every change is one transaction, and a method returns only once it is on the disk:
 * PostgreSQL commits to its write-ahead log ({@code synchronous_commit} on, its default); H2 runs with
 * {@code WRITE_DELAY=0} (a commit is written at once, not half a second later) and {@code REUSE_SPACE=FALSE}
 * (each commit appended, never written over old chunks; see {@link #defaultUrl}), its writes one at a time, each
 * followed by {@code CHECKPOINT SYNC} ({@code fsync}); {@link H2Compaction} keeps the file's size in check. <b>Faults.</b> A full disk answers 507, a database that
 * cannot be reached or does not answer in time 503 (PostgreSQL gets connect, login, socket and statement
 * timeouts unless the URL sets them); after a failed write H2 is closed and opened again from its last committed
 * state, so it works again once space is freed. <b>Privacy.</b> The H2 files are {@code 0600}.
 */
final class StudyStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StudyStore.class);

    /** PostgreSQL timeouts unless the URL sets them (seconds), and the statement timeout (ms). */
    static final Map<String, String> PG_DEFAULTS = Map.of("connectTimeout", "10", "loginTimeout", "15",
            "socketTimeout", "60", "options", "-c statement_timeout=30000 -c lock_timeout=10000");

    private final String url;
    private final Properties properties;
    private final boolean h2;
    private final Path h2Folder;
    private final ReentrantLock h2Writes = new ReentrantLock();
    private volatile boolean h2NeedsReopen;

    private StudyStore(String url, Properties properties, Path h2Folder) {
        this.url = url;
        this.properties = properties;
        this.h2 = url.startsWith("jdbc:h2:");
        this.h2Folder = h2Folder;
    }

    /**
     * {@return the H2 URL of the default database under the data folder} {@code REUSE_SPACE=FALSE}: every commit
     * is appended at the end of the file instead of over chunks H2 no longer needs; with reuse, H2 2.x lost
     * acknowledged commits after a {@code kill -9} once its chunks were older than its retention time (45 s by
     * default: any server that ran a minute), see {@code CrashRecoveryH2Test}. {@link H2Compaction} gives the
     * space back at start-up.
     */
    static String defaultUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("survkit").toAbsolutePath().toString().replace('\\', '/')
                + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0;TRACE_LEVEL_FILE=0;REUSE_SPACE=FALSE";
    }

    /**
     * Opens the database and brings its schema up to date.
     *
     * @param url      the JDBC URL
     * @param h2Folder for the default H2 database, its folder (its files are made {@code 0600}); else null
     */
    static StudyStore open(String url, Path h2Folder) {
        String u = url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")
                ? url + ";WRITE_DELAY=0" : url;
        StudyStore store = new StudyStore(u, connectionProperties(u, System.getenv("PGPASSWORD")), h2Folder);
        try {
            if (h2Folder != null) {
                H2Compaction.compactIfGrown(h2Folder, H2Compaction.DEFAULT_MIN_BYTES);
                PrivateFiles.touch(h2Folder.resolve("survkit.mv.db"));
            }
            Flyway.configure().dataSource(new SingleUrlDataSource(store)).locations("classpath:db/migration")
                    .loggers("slf4j").load().migrate();
            store.restrictH2Files();
        } catch (FlywayException e) {
            throw new IllegalStateException("cannot open or migrate the database " + redact(url) + ": "
                    + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store;
    }

    /**
     * The connection properties: for PostgreSQL the timeouts of {@link #PG_DEFAULTS} (a URL parameter wins) and
     * the password from {@code PGPASSWORD} when the URL has none (else the driver reads {@code ~/.pgpass}), so
     * that no secret needs to be on the command line, where {@code ps} shows it.
     */
    static Properties connectionProperties(String url, String pgPassword) {
        Properties p = new Properties();
        if (url.startsWith("jdbc:postgresql:")) {
            String query = url.indexOf('?') < 0 ? "" : url.substring(url.indexOf('?') + 1);
            for (Map.Entry<String, String> e : PG_DEFAULTS.entrySet()) {
                if (!hasParameter(query, e.getKey())) {
                    p.setProperty(e.getKey(), e.getValue());
                }
            }
            if (pgPassword != null && !pgPassword.isEmpty() && !hasParameter(query, "password")) {
                p.setProperty("password", pgPassword);
            }
        }
        return p;
    }

    private static boolean hasParameter(String query, String name) {
        for (String kv : query.split("&")) {
            if (kv.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
                return true;
            }
        }
        return false;
    }

    /** {@return the URL without a password} */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    String url() {
        return redact(url);
    }

    boolean isH2() {
        return h2;
    }

    Connection connect() throws SQLException {
        if (h2NeedsReopen) {
            reopenH2();
        }
        return DriverManager.getConnection(url, properties);
    }

    private void restrictH2Files() {
        if (h2Folder != null) {
            PrivateFiles.restrictFiles(h2Folder, "survkit.");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** A transaction's work. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException, IOException;
    }

    /** A read. */
    private <T> T read(String what, Work<T> work) {
        try (Connection c = connect()) {
            return work.run(c);
        } catch (SQLException | IOException e) {
            noteH2StoreProblem(e);
            throw failure(e, what);
        }
    }

    /** H2's codes for a database closed after a storage error, and its storage errors. */
    private static final java.util.Set<Integer> H2_STORE_PROBLEMS = java.util.Set.of(90098, 90121, 90028, 90031,
            90030, 50000);

    /** Marks H2 for reopening when a failure came from its storage (a full disk, a panic), not from a query. */
    private void noteH2StoreProblem(Exception e) {
        if (h2 && (Faults.diskFull(e) || e instanceof SQLException s && H2_STORE_PROBLEMS.contains(s.getErrorCode()))) {
            h2NeedsReopen = true;
        }
    }

    /**
     * A change, in one transaction, returned from only when it is on the disk. H2's changes run one at a time so
     * that each commit's {@code CHECKPOINT SYNC} covers it.
     */
    private <T> T write(String what, Work<T> work) {
        if (h2) {
            h2Writes.lock();
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                if (h2) {
                    try (Statement st = c.createStatement()) {
                        st.execute("CHECKPOINT SYNC");
                    }
                }
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException | IOException e) {
            noteH2StoreProblem(e);
            throw failure(e, what);
        } finally {
            if (h2) {
                h2Writes.unlock();
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is broken: nothing was committed
        }
    }

    /**
     * After a failed write (a full disk), H2 may hold a half-written state in memory or have closed itself: it is
     * closed at once and opened again from the last state on disk, which holds every acknowledged change.
     */
    private synchronized void reopenH2() {
        if (!h2NeedsReopen) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url, properties); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException e) {
            // already closed: the next connection opens it again
        }
        h2NeedsReopen = false;
        LOG.info("reopened the H2 database after a failed write");
    }

    /** A dataset's stored facts. */
    record DatasetInfo(String id, String fileName, long size, String sha256, int columns, int rows) {
    }

    void saveDataset(Datasets.Dataset d, int columns, int rows) {
        String sql = "INSERT INTO datasets (id, file_name, size_bytes, sha256, column_count, row_count, content,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        write("the dataset", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); InputStream in = Files.newInputStream(d.file())) {
                ps.setString(1, d.id());
                ps.setString(2, d.fileName());
                ps.setLong(3, d.size());
                ps.setString(4, d.sha256());
                ps.setInt(5, columns);
                ps.setInt(6, rows);
                ps.setBinaryStream(7, in, d.size());
                ps.setObject(8, now());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** {@return a dataset's name, size, digest and shape, or null if there is none with this id} */
    DatasetInfo dataset(String id) {
        String sql = "SELECT file_name, size_bytes, sha256, column_count, row_count FROM datasets WHERE id = ?";
        return read("the dataset", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new DatasetInfo(id, rs.getString(1), rs.getLong(2), rs.getString(3).trim(),
                            rs.getInt(4), rs.getInt(5)) : null;
                }
            }
        });
    }

    /** {@return the ids of every stored dataset} */
    List<String> datasetIds() {
        return read("the datasets", c -> {
            List<String> ids = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM datasets")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** Writes a dataset's bytes from the database to {@code out}; {@return false if there is no such dataset} */
    boolean copyDataset(String id, OutputStream out) {
        return read("the dataset", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM datasets WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    try (InputStream in = rs.getBinaryStream(1)) {
                        in.transferTo(out);
                    }
                    return true;
                }
            }
        });
    }

    /** {@return every study, most recently changed first, without settings and results} */
    ArrayNode list() {
        String sql = "SELECT s.id, s.name, s.dataset_id, d.file_name, d.row_count, s.survkit_version, s.created_at,"
                + " s.updated_at FROM studies s JOIN datasets d ON d.id = s.dataset_id"
                + " ORDER BY s.updated_at DESC, s.id";
        return read("the studies", c -> {
            ArrayNode a = JsonBodies.MAPPER.createArrayNode();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    ObjectNode o = a.addObject();
                    o.put("id", rs.getString(1));
                    o.put("name", rs.getString(2));
                    o.put("dataset", rs.getString(3));
                    o.put("file_name", rs.getString(4));
                    o.put("rows", rs.getInt(5));
                    o.put("survkit_version", rs.getString(6));
                    o.put("created", rs.getObject(7, OffsetDateTime.class).toString());
                    o.put("updated", rs.getObject(8, OffsetDateTime.class).toString());
                }
            }
            return a;
        });
    }

    /** {@return the study with its settings and results, or throws 404} */
    ObjectNode get(String id) {
        if (!Tokens.isId(id)) {
            throw ApiError.notFound("no study '" + Datasets.clip(id) + "'.");
        }
        String sql = "SELECT s.id, s.name, s.dataset_id, d.file_name, s.settings, s.results, s.survkit_version,"
                + " s.created_at, s.updated_at FROM studies s JOIN datasets d ON d.id = s.dataset_id WHERE s.id = ?";
        ObjectNode study = read("the study", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    ObjectNode o = JsonBodies.MAPPER.createObjectNode();
                    o.put("id", rs.getString(1));
                    o.put("name", rs.getString(2));
                    o.put("dataset", rs.getString(3));
                    o.put("file_name", rs.getString(4));
                    o.set("settings", parse(rs.getString(5)));
                    String results = rs.getString(6);
                    o.set("results", results == null ? null : parse(results));
                    o.put("survkit_version", rs.getString(7));
                    o.put("created", rs.getObject(8, OffsetDateTime.class).toString());
                    o.put("updated", rs.getObject(9, OffsetDateTime.class).toString());
                    return o;
                }
            }
        });
        if (study == null) {
            throw ApiError.notFound("no study '" + id + "' (it may have been deleted).");
        }
        return study;
    }

    /** Creates a study; {@return its id} */
    String create(String name, String datasetId, JsonNode settings, JsonNode results, String version) {
        String id = Tokens.id();
        String sql = "INSERT INTO studies (id, name, dataset_id, settings, results, survkit_version, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        boolean created = write("the study", c -> {
            if (!datasetExists(c, datasetId)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                OffsetDateTime t = now();
                ps.setString(1, id);
                ps.setString(2, name);
                ps.setString(3, datasetId);
                ps.setString(4, settings.toString());
                ps.setString(5, results == null || results.isNull() ? null : results.toString());
                ps.setString(6, version);
                ps.setObject(7, t);
                ps.setObject(8, t);
                ps.executeUpdate();
            }
            return true;
        });
        if (!created) {
            throw ApiError.badRequest("no dataset '" + Datasets.clip(datasetId) + "': upload the file first.");
        }
        return id;
    }

    private static boolean datasetExists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM datasets WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Changes a study's name, settings and/or results (null: unchanged); throws 404 if unknown. */
    void update(String id, String name, JsonNode settings, JsonNode results, String version) {
        if (!Tokens.isId(id)) {
            throw ApiError.notFound("no study '" + Datasets.clip(id) + "'.");
        }
        String sql = "UPDATE studies SET name = COALESCE(?, name), settings = COALESCE(?, settings),"
                + " results = COALESCE(?, results), survkit_version = ?, updated_at = ? WHERE id = ?";
        int changed = write("the study", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, name);
                ps.setString(2, settings == null ? null : settings.toString());
                ps.setString(3, results == null ? null : results.toString());
                ps.setString(4, version);
                ps.setObject(5, now());
                ps.setString(6, id);
                return ps.executeUpdate();
            }
        });
        if (changed == 0) {
            throw ApiError.notFound("no study '" + id + "' (it may have been deleted).");
        }
    }

    /** A copy of a study under a new name; {@return the new id} */
    String duplicate(String id, String name, String version) {
        ObjectNode s = get(id);
        String copyName = name != null ? name : s.get("name").asText() + " (copy)";
        return create(copyName.length() > 200 ? copyName.substring(0, 200) : copyName, s.get("dataset").asText(),
                s.get("settings"), s.get("results"), version);
    }

    /**
     * Deletes an uploaded dataset's stored copy, unless saved studies use it.
     *
     * @return the number of studies that use it (then nothing is deleted)
     */
    int deleteDataset(String id) {
        return write("the deletion", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM studies WHERE dataset_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int used = rs.getInt(1);
                    if (used > 0) {
                        return used;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM datasets WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return 0;
        });
    }

    /** Deletes a study; throws 404 if unknown. The dataset stays (other studies may use it). */
    void delete(String id) {
        if (!Tokens.isId(id)) {
            throw ApiError.notFound("no study '" + Datasets.clip(id) + "'.");
        }
        int deleted = write("the deletion", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM studies WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
        if (deleted == 0) {
            throw ApiError.notFound("no study '" + id + "' (it may have been deleted).");
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JsonBodies.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored study is not valid JSON", e);
        }
    }

    /**
     * The answer to a failed database operation: 507 for a full disk, 503 (retry after 10 s) for a database that
     * cannot be reached or does not answer in time, else an internal error (500) whose details go to the log.
     */
    private RuntimeException failure(Exception e, String what) {
        if (Faults.diskFull(e)) {
            LOG.warn("disk full while saving {}: {}", what, e.getMessage());
            return ApiError.diskFull(what);
        }
        if (Faults.databaseUnavailable(e)) {
            LOG.warn("database {} unavailable: {}", redact(url), e.getMessage());
            return ApiError.unavailable("the database (" + redact(url) + ") did not answer in time or cannot be"
                    + " reached. Check that it is running and reachable, then try again.", 10);
        }
        return new IllegalStateException("database error: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (h2) {
            try (Connection c = DriverManager.getConnection(url, properties); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already closed
            }
            restrictH2Files();
        }
    }

    /** Flyway's view of the store: connections with the same URL and properties. */
    private static final class SingleUrlDataSource implements javax.sql.DataSource {
        private final StudyStore store;

        SingleUrlDataSource(StudyStore store) {
            this.store = store;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return store.connect();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return store.connect();
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}

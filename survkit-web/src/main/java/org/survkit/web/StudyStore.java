package org.survkit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
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
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Saved studies and the datasets they use, in a relational database: an H2 file database under the data folder by
 * default, PostgreSQL (or any JDBC URL Flyway supports) when {@code --db} is given. The schema is created and
 * upgraded by Flyway from {@code db/migration} (one SQL for both). A study row holds its name, its dataset
 * (bytes, so a study reopens on another machine sharing the database), the page's settings and last results as
 * JSON, and the survkit version that made it. Each operation uses its own connection; all methods are
 * thread-safe.
 */
final class StudyStore implements AutoCloseable {
    private final String url;
    private final boolean h2;

    private StudyStore(String url) {
        this.url = url;
        this.h2 = url.startsWith("jdbc:h2:");
    }

    /** {@return the H2 URL of the default database under the data folder} */
    static String defaultUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("survkit").toAbsolutePath().toString().replace('\\', '/')
                + ";DB_CLOSE_DELAY=-1";
    }

    /** Opens the database and brings its schema up to date. */
    static StudyStore open(String url) {
        try {
            Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                    .loggers("slf4j").load().migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("cannot open or migrate the database " + redact(url) + ": "
                    + firstLine(e.getMessage()), e);
        }
        return new StudyStore(url);
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

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    void saveDataset(Datasets.Dataset d, int columns, int rows) {
        String sql = "INSERT INTO datasets (id, file_name, size_bytes, sha256, column_count, row_count, content,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql);
                InputStream in = Files.newInputStream(d.file())) {
            ps.setString(1, d.id());
            ps.setString(2, d.fileName());
            ps.setLong(3, d.size());
            ps.setString(4, d.sha256());
            ps.setInt(5, columns);
            ps.setInt(6, rows);
            ps.setBinaryStream(7, in, d.size());
            ps.setObject(8, now());
            ps.executeUpdate();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot save the dataset in the database: " + e.getMessage(), e);
        }
    }

    /** Writes a dataset's bytes from the database into {@code dir}; {@return the file, or null if unknown} */
    Path restoreDataset(String id, Path dir) {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("SELECT file_name, content FROM datasets WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String name = FileNames.safe(rs.getString(1));
                Files.createDirectories(dir);
                Path file = dir.resolve(name);
                try (InputStream in = rs.getBinaryStream(2)) {
                    Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                return file;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the dataset from the database: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return every study, most recently changed first, without settings and results} */
    ArrayNode list() {
        String sql = "SELECT s.id, s.name, s.dataset_id, d.file_name, d.row_count, s.survkit_version, s.created_at,"
                + " s.updated_at FROM studies s JOIN datasets d ON d.id = s.dataset_id ORDER BY s.updated_at DESC, s.id";
        ArrayNode a = JsonBodies.MAPPER.createArrayNode();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
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
        } catch (SQLException e) {
            throw failure(e);
        }
        return a;
    }

    /** {@return the study with its settings and results, or throws 404} */
    ObjectNode get(String id) {
        if (!Tokens.isId(id)) {
            throw ApiError.notFound("no study '" + Datasets.clip(id) + "'.");
        }
        String sql = "SELECT s.id, s.name, s.dataset_id, d.file_name, s.settings, s.results, s.survkit_version,"
                + " s.created_at, s.updated_at FROM studies s JOIN datasets d ON d.id = s.dataset_id WHERE s.id = ?";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiError.notFound("no study '" + id + "' (it may have been deleted).");
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
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Creates a study; {@return its id} */
    String create(String name, String datasetId, JsonNode settings, JsonNode results, String version) {
        String id = Tokens.id();
        String sql = "INSERT INTO studies (id, name, dataset_id, settings, results, survkit_version, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (!datasetExists(c, datasetId)) {
                throw ApiError.badRequest("no dataset '" + Datasets.clip(datasetId) + "': upload the file first.");
            }
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
        } catch (SQLException e) {
            throw failure(e);
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
        get(id);
        String sql = "UPDATE studies SET name = COALESCE(?, name), settings = COALESCE(?, settings),"
                + " results = COALESCE(?, results), survkit_version = ?, updated_at = ? WHERE id = ?";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            ps.setString(2, settings == null ? null : settings.toString());
            ps.setString(3, results == null ? null : results.toString());
            ps.setString(4, version);
            ps.setObject(5, now());
            ps.setString(6, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
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
        try (Connection c = connect()) {
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
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Deletes a study; throws 404 if unknown. The dataset stays (other studies may use it). */
    void delete(String id) {
        get(id);
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM studies WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JsonBodies.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored study is not valid JSON", e);
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("database error: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (h2) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already closed
            }
        }
    }
}

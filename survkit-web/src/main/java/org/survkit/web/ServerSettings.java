package org.survkit.web;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@code survkit serve} runs.
 *
 * @param host           the address to bind (127.0.0.1 unless the user says otherwise)
 * @param port           the port, 0 for any free port
 * @param dataDir        where datasets, reports and the H2 database live
 * @param jdbcUrl        the database, or null for the H2 file database under {@code dataDir}
 * @param token          the access token
 * @param maxUploadBytes the largest upload accepted
 * @param maxRows        the most data rows a dataset may have
 * @param maxColumns     the most columns a dataset may have
 */
public record ServerSettings(String host, int port, Path dataDir, String jdbcUrl, String token, long maxUploadBytes,
        int maxRows, int maxColumns) {

    /** Default upload limit: 50 MB. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
    /** Default row limit: one million rows. */
    public static final int DEFAULT_MAX_ROWS = 1_000_000;
    /** Default column limit: 5,000 (a wide REDCap export has a few thousand). */
    public static final int DEFAULT_MAX_COLUMNS = 5_000;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(token, "token");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
        if (maxUploadBytes < 1 || maxRows < 1 || maxColumns < 2) {
            throw new IllegalArgumentException("limits must be positive (and at least 2 columns)");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Settings for a loopback server with the defaults (for tests and embedding). */
    public static ServerSettings loopback(Path dataDir, String token) {
        return new ServerSettings("127.0.0.1", 0, dataDir, null, token, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_ROWS,
                DEFAULT_MAX_COLUMNS);
    }

    public ServerSettings withLimits(long uploadBytes, int rows) {
        return new ServerSettings(host, port, dataDir, jdbcUrl, token, uploadBytes, rows, maxColumns);
    }

    public ServerSettings withColumns(int columns) {
        return new ServerSettings(host, port, dataDir, jdbcUrl, token, maxUploadBytes, maxRows, columns);
    }

    public ServerSettings withDatabase(String url) {
        return new ServerSettings(host, port, dataDir, url, token, maxUploadBytes, maxRows, maxColumns);
    }
}

package org.survkit.web;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What kind of failure an exception from the disk or the database is, so that the user gets a sentence that says
 * what to do: a full disk (507), a database that does not answer in time or cannot be reached (503 with
 * Retry-After), or anything else (500, details in the log).
 */
final class Faults {
    private static final String[] DISK_FULL = {"no space left on device", "disk quota exceeded",
        "not enough space on the disk", "there is not enough space"};

    private Faults() {
    }

    /** {@return whether the exception, or one of its causes, says the disk is full} */
    static boolean diskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s && "53100".equals(s.getSQLState())) {
                return true; // PostgreSQL's disk_full
            }
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            for (String d : DISK_FULL) {
                if (m.contains(d)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@return whether the database could not be reached or did not answer in time: a connection failure
     * (SQLState class 08), a statement cancelled by its timeout (57014) or a lock not had in time (55P03), a
     * server shutting down or starting (57P01 to 57P03), or a socket timeout}
     */
    static boolean databaseUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.equals("57014") || state.equals("55P03")
                        || state.startsWith("57P")) {
                    return true;
                }
            }
            if (c instanceof SocketTimeoutException || c instanceof SocketException) {
                return true;
            }
        }
        return false;
    }
}

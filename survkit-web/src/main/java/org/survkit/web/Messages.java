package org.survkit.web;

import java.io.File;
import java.nio.file.Path;

/** Messages for the user, without the server's own paths. */
final class Messages {
    private Messages() {
    }

    /** Removes the server folder from a message (so only the file name shows). */
    static String clean(String message, Path folder) {
        if (message == null) {
            return "the request could not be completed.";
        }
        String m = message;
        if (folder != null) {
            m = m.replace(folder.toAbsolutePath() + File.separator, "").replace(folder.toAbsolutePath().toString(), ".");
        }
        return m;
    }
}

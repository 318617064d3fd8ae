package org.survkit.web;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;

/** Messages for the user of the page: without the server's own paths, and naming options as the page does. */
final class Messages {
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9-]*");
    private static final Map<String, StudyKey<?>> BY_FLAG = StudyKeys.byFlag();

    private Messages() {
    }

    /**
     * An error for the page: {@link #clean} and every study option named by the page's label instead of the
     * command line's flag ("--event-value" → "'Event value'").
     */
    static String forPage(String message, Path folder) {
        return pageWords(clean(message, folder));
    }

    /** Removes the server folder from a message or output (so only the file name shows). */
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

    /** {@return the message with every study flag replaced by its web label} */
    static String pageWords(String message) {
        Matcher mt = FLAG.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (mt.find()) {
            StudyKey<?> k = BY_FLAG.get(mt.group());
            mt.appendReplacement(sb, Matcher.quoteReplacement(k == null ? mt.group() : "'" + k.label() + "'"));
        }
        mt.appendTail(sb);
        return sb.toString();
    }
}

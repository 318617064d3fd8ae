package org.survkit.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;

/**
 * Messages for the user of the page: without the server's own paths, and naming options as the page does — by the
 * page's labels, not the command line's flags or the study file's keys (the page's study file is the server's).
 */
final class Messages {
    /** A flag, with the placeholder of its value when the message shows one ("--time COL", "--reference COL=LEVEL"). */
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9-]*(?:[ =][A-Z][A-Z0-9_]*(?:=[A-Z][A-Z0-9_]*)?"
            + "(?![a-z0-9]))?");
    /** A study-file key with a dot ('groups.order', data.na, 'cox[1].reference'), quoted or not. */
    private static final Pattern KEY = Pattern.compile("'?\\b((?:[a-z][a-z0-9_]*(?:\\[\\d*\\])?\\.)+[a-z][a-z0-9_]*)'?");
    /** Where in the server's study file: "study.yaml, line 12, " or " (study.yaml, line 12)". */
    private static final Pattern PLACE = Pattern.compile(" ?\\(study\\.yaml(?:, line \\d+)?\\)|study\\.yaml(?:, line \\d+)?"
            + "(?:, |: )");
    private static final Map<String, StudyKey<?>> BY_FLAG = StudyKeys.byFlag();

    private Messages() {
    }

    /**
     * An error for the page: {@link #clean} and every study option named by the page's label instead of the
     * command line's flag or the study file's key ("--event-value V" → "'Event value'", "'groups.order'" →
     * "'Group order'"), without the place in the server's study file.
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

    /** {@return the message with every study flag and study-file key replaced by its web label} */
    static String pageWords(String message) {
        Matcher mt = FLAG.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (mt.find()) {
            String flag = mt.group().split("[ =]", 2)[0];
            StudyKey<?> k = BY_FLAG.get(flag);
            mt.appendReplacement(sb, Matcher.quoteReplacement(k == null ? mt.group() : "'" + k.label() + "'"));
        }
        mt.appendTail(sb);
        String m = PLACE.matcher(sb.toString()).replaceAll("");
        Matcher key = KEY.matcher(m);
        sb = new StringBuilder();
        while (key.find()) {
            StudyKey<?> k = byPath(key.group(1).replaceAll("\\[\\d+\\]", "[]"));
            key.appendReplacement(sb, Matcher.quoteReplacement(k == null ? key.group() : "'" + k.label() + "'"));
        }
        key.appendTail(sb);
        return sb.toString();
    }

    private static StudyKey<?> byPath(String path) {
        return StudyKeys.all().stream().filter(k -> k.path().equals(path)).findFirst().orElse(null);
    }

    /**
     * {@return the page's words for the command line's flags: {"--event-value": "Event value", ...}}, for the texts
     * the page shows from an analysis' output (its warnings), which say what the command line says
     */
    static ObjectNode labels() {
        ObjectNode o = JsonBodies.MAPPER.createObjectNode();
        BY_FLAG.forEach((flag, key) -> o.put(flag, key.label()));
        return o;
    }
}

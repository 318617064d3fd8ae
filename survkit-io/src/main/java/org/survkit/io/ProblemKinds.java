package org.survkit.io;

import java.util.Map;

/** The kinds of {@link Problem}, with the short words that name them in the flow of rows ("invalid …"). */
final class ProblemKinds {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("not-a-number", "number"),
            Map.entry("decimal-mark", "number (other decimal mark)"),
            Map.entry("negative", "number (negative)"),
            Map.entry("too-large", "number (too large)"),
            Map.entry("date-not-time", "time (a date)"),
            Map.entry("not-a-date", "date"),
            Map.entry("not-a-calendar-date", "date (not in the calendar)"),
            Map.entry("end-before-start", "dates (end before start)"),
            Map.entry("start-not-before-stop", "interval (start not before stop)"),
            Map.entry("unknown-event-code", "event code"),
            Map.entry("near-miss", "event code (misspelt)"),
            Map.entry("undeclared-death", "event code (death not declared an event)"),
            Map.entry("undeclared-censored", "event code (alive not declared censored)"),
            Map.entry("undeclared-value", "event code (not declared)"));

    private ProblemKinds() {
    }

    /**
     * Names a kind for the flow of rows.
     *
     * @param kind the kind, e.g. {@code not-a-number}
     * @return the words, e.g. {@code number}; the kind itself when unknown
     */
    static String label(String kind) {
        return LABELS.getOrDefault(kind, kind);
    }
}

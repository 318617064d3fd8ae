package org.survkit.io;

import java.util.Map;

/** The kinds of {@link Problem}, with the words that name them in the flow of rows ("misspelt event code"). */
final class ProblemKinds {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("not-a-number", "not a number"),
            Map.entry("decimal-mark", "number with the other decimal mark"),
            Map.entry("negative", "negative number"),
            Map.entry("too-large", "number too large"),
            Map.entry("date-not-time", "a date instead of a time"),
            Map.entry("not-a-date", "not a date"),
            Map.entry("not-a-calendar-date", "impossible date"),
            Map.entry("end-before-start", "end date before start date"),
            Map.entry("start-not-before-stop", "start not before stop"),
            Map.entry("unknown-event-code", "unknown event code"),
            Map.entry("near-miss", "misspelt event code"),
            Map.entry("undeclared-death", "death not declared an event"),
            Map.entry("undeclared-censored", "alive not declared censored"),
            Map.entry("undeclared-value", "undeclared event code"));

    private ProblemKinds() {
    }

    /**
     * Names a kind for the flow of rows.
     *
     * @param kind the kind, e.g. {@code not-a-number}
     * @return the words, e.g. {@code not a number}; the kind itself when unknown
     */
    static String label(String kind) {
        return LABELS.getOrDefault(kind, kind);
    }
}

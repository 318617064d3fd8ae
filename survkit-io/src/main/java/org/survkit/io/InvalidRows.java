package org.survkit.io;

import java.util.Locale;

/**
 * What to do with a row that has an invalid value in a column the analysis uses (a time that is not a number,
 * a date that does not exist, an unknown event code, a misspelt status).
 */
public enum InvalidRows {
    /** Stop and list every problem of the file at once (the default). */
    STOP,
    /** Leave the row out and count it in the flow of rows under the reason (e.g. "invalid value in 'age'"). */
    EXCLUDE;

    /** {@return the option value: {@code stop} or {@code exclude}} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads an option value.
     *
     * @param text {@code stop} or {@code exclude} (any case)
     * @return the choice, or null when the text names none
     */
    public static InvalidRows parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "stop", "error" -> STOP;
            case "exclude", "skip", "drop" -> EXCLUDE;
            default -> null;
        };
    }
}

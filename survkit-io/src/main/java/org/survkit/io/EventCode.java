package org.survkit.io;

import java.util.Locale;
import java.util.Objects;

/**
 * One line of an event column's coding table: a value as written, what it was read as, in how many rows, and why
 * when it is not plain (e.g. {@code "deceased" → event, 3 rows, same as "Deceased" ignoring case}). Every output
 * carries the table so that a reader can check that no status was read wrongly.
 *
 * @param value   the trimmed value as written (the empty text for empty cells)
 * @param meaning what it was read as
 * @param count   how many data rows hold it (rows excluded for other reasons included)
 * @param note    why, when it is not an exact match of a declared value or a default word; empty otherwise
 */
public record EventCode(String value, Meaning meaning, int count, String note) {

    /** What a value of the event column was read as. */
    public enum Meaning {
        /** The event happened. */
        EVENT,
        /** Censored (alive, or event-free at the last contact). */
        CENSORED,
        /** A missing-value code: the row is excluded. */
        MISSING,
        /** Not readable: a problem (the run stops, or with {@code --invalid exclude} the row is excluded). */
        INVALID;

        /** {@return the meaning in lower case, as outputs print it} */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks the parts. */
    public EventCode {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(meaning, "meaning");
        note = note == null ? "" : note;
    }
}

package org.survkit.stats;

import java.util.Objects;

/**
 * A statistical caveat attached to a result: a finding in plain words with the numbers behind
 * it and what to do. Front ends show these; they never change a number.
 *
 * @param severity how much it matters
 * @param code     stable identifier for programs (e.g. {@code small-group})
 * @param message  the finding, for people
 */
public record Diagnostic(Severity severity, String code, String message) {

    /** How much a diagnostic matters. */
    public enum Severity {
        /** Worth knowing; the numbers are fine. */
        NOTE,
        /** The numbers are valid but may mislead without care. */
        WARNING
    }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic warning(String code, String message) {
        return new Diagnostic(Severity.WARNING, code, message);
    }

    public static Diagnostic note(String code, String message) {
        return new Diagnostic(Severity.NOTE, code, message);
    }
}

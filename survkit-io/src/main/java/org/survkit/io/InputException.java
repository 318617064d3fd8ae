package org.survkit.io;

/**
 * A mistake in the user's input file or column choices.
 *
 * <p>{@link #getMessage()} is one complete sentence set, ready to show to the user as it is: it names the file,
 * the line (or Excel row), the column and the offending value where they apply, and says how to fix the problem,
 * for example: {@code lung.csv, line 17, column 'time': value "abc" is not a number. ...}.
 */
public final class InputException extends RuntimeException {

    /**
     * Creates an exception with a user-facing message.
     *
     * @param message the complete message shown to the user
     */
    public InputException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a user-facing message that wraps a technical cause (kept for debugging only).
     *
     * @param message the complete message shown to the user
     * @param cause   the underlying exception
     */
    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.survkit.cli;

/** A wrong combination of options, reported as a user error (exit status 2). */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

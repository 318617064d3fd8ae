package org.survkit.cli;

/** The process exit statuses of survkit, in one place. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** survkit itself failed (a bug): please report it. */
    public static final int INTERNAL_ERROR = 1;
    /** The user's input or options are wrong; the message says what to do. */
    public static final int USER_ERROR = 2;

    private ExitCodes() {
    }
}

package org.survkit.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * Progress of long work on standard error, shown only on a terminal and only once the work has
 * taken more than a second (so small files and pipelines stay quiet).
 */
final class Progress implements IntConsumer {
    private final PrintWriter err;
    private final String what;
    private final String unit;
    private final long start = System.nanoTime();
    private final boolean enabled;
    private boolean shown;
    private long lastShown;

    Progress(PrintWriter err, String what) {
        this(err, what, "rows read");
    }

    Progress(PrintWriter err, String what, String unit) {
        this.err = err;
        this.what = what;
        this.unit = unit;
        Console console = System.console();
        this.enabled = console != null || System.getenv("SURVKIT_PROGRESS") != null;
    }

    @Override
    public void accept(int rows) {
        long now = System.nanoTime();
        if (!enabled || now - start < 1_000_000_000L || now - lastShown < 250_000_000L) {
            return;
        }
        lastShown = now;
        shown = true;
        err.printf("\r%s: %,d %s", what, rows, unit);
        err.flush();
    }

    /** Ends the progress line, if one was shown. */
    void done(int rows) {
        if (shown) {
            err.printf("\r%s: %,d %s%n", what, rows, unit);
            err.flush();
        }
    }
}

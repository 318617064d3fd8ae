package org.survkit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.survkit.report.ReportProgress;

/**
 * The progress of {@code survkit report} on standard error, once the report has taken more than a second (a quick
 * report stays quiet): on a terminal ({@link System#console()}) one line redrawn in place, a bar with the step and
 * its count; otherwise (a log, a pipeline) plain lines, one when a step starts and a count at most every second.
 * Thread-safe: the report's workers call it, and a ticker redraws it while a long step reports nothing.
 */
final class ReportProgressLine implements ReportProgress, AutoCloseable {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final int BAR = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private final ScheduledExecutorService ticker;
    private String step = "starting";
    private int done;
    private int total = 1;
    private String lastStep;
    private String lastShown = "";
    private long lastLine;
    private int drawnWidth;

    /**
     * @param err      standard error
     * @param terminal whether it is a terminal (draw a bar) or not (plain lines)
     * @param clock    nanoseconds, as {@link System#nanoTime()}
     * @param tick     whether to redraw from a timer while nothing is reported
     */
    ReportProgressLine(PrintWriter err, boolean terminal, LongSupplier clock, boolean tick) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.getAsLong();
        if (tick) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "survkit-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::show, 1000, 250, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** {@return the progress of a report on this standard error, a bar when the console is a terminal} */
    static ReportProgressLine on(PrintWriter err) {
        return new ReportProgressLine(err, System.console() != null, System::nanoTime, true);
    }

    @Override
    public synchronized void update(String s, int d, int t) {
        step = s;
        done = d;
        total = t;
        show();
    }

    /** Draws the progress if the report has run for more than a second and something changed. */
    synchronized void show() {
        long now = clock.getAsLong();
        if (now - start < QUIET_NANOS) {
            return;
        }
        String seconds = String.format(java.util.Locale.ROOT, "%.1f s", (now - start) / 1e9);
        if (terminal) {
            int filled = total <= 1 ? 0 : (int) Math.round((double) BAR * done / total);
            String line = "survkit report: [" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + step
                    + (total > 1 ? " " + done + "/" + total : "") + "  " + seconds;
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            drawnWidth = line.length();
            err.flush();
            return;
        }
        boolean newStep = !step.equals(lastStep);
        String shown = step + (total > 1 ? " " + done + "/" + total : "");
        if (newStep || !shown.equals(lastShown) && (done == total || now - lastLine >= QUIET_NANOS)) {
            err.println("survkit report: " + shown + " (" + seconds + ")");
            err.flush();
            lastStep = step;
            lastShown = shown;
            lastLine = now;
        }
    }

    /** Stops the ticker and clears the bar, if one was drawn. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (terminal && drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
        }
    }
}

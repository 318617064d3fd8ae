package org.survkit.stats.internal;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * How the statistics core spreads a pass over rows on two cores: one threshold for every such pass, and the ways of
 * cutting the work. Every helper here runs each part's work as it would run on one thread, so a result that does
 * not depend on which thread adds what (each row alone, each column's sum on one thread) is the same bit for bit.
 */
public final class TwoCores {
    /** From this many rows a pass runs on two threads; below it at once (every R reference case and golden). */
    public static final int ROWS = 65_536;

    private TwoCores() {
    }

    /** A loop over the rows from..to−1 whose every row is computed from that row alone. */
    public interface RowRange {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over rows 0..n−1: in two fixed halves (0..n/2−1 and n/2..n−1) on two threads from
     * {@link #ROWS} rows, else at once.
     */
    public static void inHalves(int n, RowRange body) {
        if (n < ROWS) {
            body.run(0, n);
            return;
        }
        int half = n / 2;
        IntStream.range(0, 2).parallel().forEach(h -> body.run(h == 0 ? 0 : half, h == 0 ? half : n));
    }

    /** {@return where {@link #inHalves} cuts n rows: {0, n} below {@link #ROWS}, else {0, n/2, n}} */
    public static int[] cut(int n) {
        return n < ROWS ? new int[] {0, n} : new int[] {0, n / 2, n};
    }

    /** Runs {@code body} for each part 0..parts−1 of a {@link #cut}: on two threads for two parts, else at once. */
    public static void inParts(int parts, IntConsumer body) {
        if (parts == 1) {
            body.accept(0);
        } else {
            IntStream.range(0, parts).parallel().forEach(body);
        }
    }

    /**
     * Runs {@code body} for each of 0..count−1 (columns, say), one task each on both cores when the pass covers
     * {@link #ROWS} rows or more, else in order on the calling thread.
     */
    public static void each(int count, int rows, IntConsumer body) {
        IntStream tasks = IntStream.range(0, count);
        (rows < ROWS ? tasks : tasks.parallel()).forEach(body);
    }
}

package org.survkit.stats.cox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.survkit.stats.internal.TimeFix;

/**
 * R's timefix (the near-equal-time merge of {@link org.survkit.stats.cox.CoxRegression}'s risk sets, internal
 * {@code TimeFix}) computed from the sorted distinct times in consecutive chunks, e.g. the partitions of a cluster:
 * each chunk is summarised by its first and last value, the runs of tied times inside it and the runs touching its
 * ends ({@link #chunk}); {@link #of} joins the runs across the chunks' boundaries (a run may span many chunks). What
 * is kept are only the runs of two or more distinct times (a time outside every run is its own representative), so
 * the size is the number of merged runs, not of distinct times.
 *
 * <p>Plain values, no serialization here (survkit-stats does no I/O): a cluster sends the chunks' components and
 * the runs ({@link #runStart()}, {@link #runEnd()}, {@link #ofRuns}) in its own carriers.
 *
 * <p>A time is replaced by the smallest member of its run, as in memory. The mean |y| over the distinct times that
 * the relative tolerance uses is given by the caller (summed in another order than in memory: a pair of times exactly
 * at the tolerance could be decided differently — a difference of 1 ulp in the mean).
 */
public final class MergedTimes {
    private final double[] start;
    private final double[] end;

    private MergedTimes(double[] start, double[] end) {
        this.start = start;
        this.end = end;
    }

    /**
     * One chunk of the sorted distinct times.
     *
     * @param count        number of distinct times in the chunk (0: the other fields are NaN and no runs)
     * @param first        its smallest time
     * @param last         its largest time
     * @param firstRunEnd  the largest member of the run (inside the chunk) that holds {@code first}
     * @param lastRunStart the smallest member of the run (inside the chunk) that holds {@code last}
     * @param runStart     the runs of two or more tied times inside the chunk: smallest members
     * @param runEnd       their largest members
     */
    public record Chunk(int count, double first, double last, double firstRunEnd, double lastRunStart,
            double[] runStart, double[] runEnd) {
    }

    /**
     * Summarises a chunk.
     *
     * @param sortedDistinct strictly increasing times, the chunk's
     * @param meanAbs        mean |y| over all the distinct times (every chunk's)
     */
    public static Chunk chunk(double[] sortedDistinct, double meanAbs) {
        int m = sortedDistinct.length;
        if (m == 0) {
            return new Chunk(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new double[0], new double[0]);
        }
        List<double[]> runs = new ArrayList<>();
        int from = 0;
        double firstRunEnd = Double.NaN;
        for (int i = 1; i <= m; i++) {
            if (i == m || !TimeFix.tied(sortedDistinct[i - 1], sortedDistinct[i], meanAbs)) {
                if (from == 0) {
                    firstRunEnd = sortedDistinct[i - 1];
                }
                if (i - 1 > from) {
                    runs.add(new double[] {sortedDistinct[from], sortedDistinct[i - 1]});
                }
                if (i < m) {
                    from = i;
                }
            }
        }
        double[] s = new double[runs.size()];
        double[] e = new double[runs.size()];
        for (int r = 0; r < s.length; r++) {
            s[r] = runs.get(r)[0];
            e[r] = runs.get(r)[1];
        }
        return new Chunk(m, sortedDistinct[0], sortedDistinct[m - 1], firstRunEnd, sortedDistinct[from], s, e);
    }

    /**
     * Joins the chunks' runs: two neighbouring non-empty chunks whose facing times are tied make one run of the run
     * ending the first and the run starting the second (and of any chunk wholly tied in between).
     *
     * @param chunks  the chunks in increasing order of their times (empty ones anywhere)
     * @param meanAbs the mean |y| the chunks were summarised with
     */
    public static MergedTimes of(List<Chunk> chunks, double meanAbs) {
        List<double[]> intervals = new ArrayList<>();
        Chunk previous = null;
        for (Chunk c : chunks) {
            if (c.count() == 0) {
                continue;
            }
            for (int r = 0; r < c.runStart().length; r++) {
                intervals.add(new double[] {c.runStart()[r], c.runEnd()[r]});
            }
            if (previous != null && TimeFix.tied(previous.last(), c.first(), meanAbs)) {
                intervals.add(new double[] {previous.lastRunStart(), c.firstRunEnd()});
            }
            previous = c;
        }
        intervals.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> joined = new ArrayList<>();
        for (double[] iv : intervals) {
            double[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && iv[0] <= last[1]) {
                last[1] = Math.max(last[1], iv[1]);
            } else {
                joined.add(iv.clone());
            }
        }
        double[] s = new double[joined.size()];
        double[] e = new double[joined.size()];
        for (int r = 0; r < s.length; r++) {
            s[r] = joined.get(r)[0];
            e[r] = joined.get(r)[1];
        }
        return new MergedTimes(s, e);
    }

    /**
     * From the runs of another instance ({@link #runStart()}, {@link #runEnd()}).
     *
     * @param start the runs' smallest members, increasing
     * @param end   their largest members
     */
    public static MergedTimes ofRuns(double[] start, double[] end) {
        if (start.length != end.length) {
            throw new IllegalArgumentException(start.length + " run starts and " + end.length + " run ends");
        }
        return new MergedTimes(start.clone(), end.clone());
    }

    /** The runs' smallest members (a copy). */
    public double[] runStart() {
        return start.clone();
    }

    /** The runs' largest members (a copy). */
    public double[] runEnd() {
        return end.clone();
    }

    /** The time a distinct time is merged into: the smallest member of its run, else itself. */
    public double merged(double t) {
        int k = Arrays.binarySearch(start, t);
        if (k >= 0) {
            return t;
        }
        int r = -k - 2; // the last run starting before t
        return r >= 0 && t <= end[r] ? start[r] : t;
    }

    /** Number of runs of two or more distinct times. */
    public int runs() {
        return start.length;
    }
}

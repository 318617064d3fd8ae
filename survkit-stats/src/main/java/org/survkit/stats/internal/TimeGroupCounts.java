package org.survkit.stats.internal;

/**
 * Events and censorings per (group, distinct time), filled in one sequential pass over the
 * observations: the dense tabulation from which Kaplan–Meier curves and log-rank sums are read
 * without visiting the observations in time order (which costs a cache miss per row at registry
 * size). Used when groups × distinct times is small enough; otherwise callers sort observations.
 */
public final class TimeGroupCounts {
    /** Largest number of groups tabulated densely. */
    public static final int MAX_GROUPS = 16;

    final int k;
    public final int d;
    /** events[g * d + r]: events of group g at distinct time r. */
    public final int[] events;
    /** censored[g * d + r]: censorings of group g at distinct time r. */
    public final int[] censored;
    /** Observations per group. */
    public final int[] n;

    private TimeGroupCounts(int k, int d, int[] events, int[] censored, int[] n) {
        this.k = k;
        this.d = d;
        this.events = events;
        this.censored = censored;
        this.n = n;
    }

    /** Whether the dense table is the better choice for k groups over d distinct times. */
    public static boolean fits(int d, int k) {
        return k <= MAX_GROUPS && (long) d * k <= 50_000_000L;
    }

    /**
     * Tabulates.
     *
     * @param count how many identical observations each row stands for (a frequency table), or null for one
     * @param code  group code per observation, or -1 to skip it
     * @param rows  the observations to count (ascending indices), or null for all
     */
    public static TimeGroupCounts of(RankedTimes ranked, boolean[] event, int[] count, int[] code, int k, int[] rows) {
        int d = ranked.distinctCount();
        int[] rank = ranked.rank();
        int[] ev = new int[k * d];
        int[] cens = new int[k * d];
        int[] n = new int[k];
        if (rows == null) {
            for (int i = 0; i < rank.length; i++) {
                int c = code[i];
                if (c < 0) {
                    continue;
                }
                int f = count == null ? 1 : count[i];
                n[c] += f;
                if (event[i]) {
                    ev[c * d + rank[i]] += f;
                } else {
                    cens[c * d + rank[i]] += f;
                }
            }
        } else {
            for (int i : rows) {
                int c = code[i];
                if (c < 0) {
                    continue;
                }
                int f = count == null ? 1 : count[i];
                n[c] += f;
                if (event[i]) {
                    ev[c * d + rank[i]] += f;
                } else {
                    cens[c * d + rank[i]] += f;
                }
            }
        }
        return new TimeGroupCounts(k, d, ev, cens, n);
    }
}

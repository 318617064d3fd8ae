package org.survkit.stats.internal;

/**
 * Merges survival times that differ only by floating-point noise, as R's {@code aeqSurv} does
 * (the default {@code timefix = TRUE} of {@code survfit}, {@code survdiff} and {@code coxph}).
 *
 * <p>Let y<sub>1</sub> &lt; … &lt; y<sub>m</sub> be the distinct finite times. Two neighbours are
 * tied when {@code y[i+1] - y[i] <= tol} or {@code (y[i+1] - y[i]) / mean(|y|) <= tol} with
 * {@code tol = sqrt(machine epsilon)} ≈ 1.49e-8, the tolerance of R's {@code all.equal}. A run of
 * tied values is replaced by its smallest member. Without this, {@code 0.1 + 0.2} and {@code 0.3}
 * would be two distinct death times.
 *
 * <p>Reference: Therneau T, "Roundoff error and tied times", vignette of R package survival.
 */
public final class TimeFix {
    /** R's {@code sqrt(.Machine$double.eps)}. */
    public static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private TimeFix() {
    }

    /**
     * Maps sorted distinct values to the index of the representative they merge into.
     *
     * @param sortedDistinct strictly increasing finite values
     * @return for each position the index of its representative (non-decreasing, {@code map[i] <= i}),
     *         or {@code null} when no two values are tied (the common case)
     */
    static int[] representatives(double[] sortedDistinct) {
        int m = sortedDistinct.length;
        if (m < 2) {
            return null;
        }
        double meanAbs = 0;
        for (double y : sortedDistinct) {
            meanAbs += Math.abs(y);
        }
        meanAbs /= m;
        int[] map = null;
        for (int i = 1; i < m; i++) {
            boolean tied = tied(sortedDistinct[i - 1], sortedDistinct[i], meanAbs);
            if (tied && map == null) {
                map = new int[m];
                for (int j = 0; j < i; j++) {
                    map[j] = j;
                }
            }
            if (map != null) {
                map[i] = tied ? map[i - 1] : i;
            }
        }
        return map;
    }

    /**
     * Whether two neighbouring distinct times are tied: their difference is at most {@link #TOLERANCE}, absolutely or
     * relative to the mean absolute value of all the distinct times.
     *
     * @param previous a distinct time
     * @param next     the next larger distinct time
     * @param meanAbs  mean of |y| over all the distinct times
     */
    public static boolean tied(double previous, double next, double meanAbs) {
        double dy = next - previous;
        return dy <= TOLERANCE || dy / meanAbs <= TOLERANCE;
    }

    /**
     * Returns the times with near-ties merged as R does; the input is not modified.
     *
     * @param time survival times
     * @return a new array, equal to {@code time} where nothing was merged
     */
    public static double[] apply(double[] time) {
        RankedTimes ranked = RankedTimes.of(time, true);
        double[] out = new double[time.length];
        for (int i = 0; i < time.length; i++) {
            out[i] = ranked.times()[ranked.rank()[i]];
        }
        return out;
    }
}

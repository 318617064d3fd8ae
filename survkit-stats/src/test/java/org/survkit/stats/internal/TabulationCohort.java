package org.survkit.stats.internal;

import java.util.SplittableRandom;

/**
 * A small random cohort for the tests that compare the dense (group × distinct time) tabulation
 * with the walk over sorted observations: times on a half-unit grid (many ties, time 0), about 60%
 * events, up to 5 groups and some observations skipped (group code -1).
 *
 * @param k      number of groups
 * @param time   observation times
 * @param event  event indicators
 * @param code   group code per observation, -1 to skip it
 * @param ranked the times ranked with R's time fixing
 */
public record TabulationCohort(int k, double[] time, boolean[] event, int[] code, RankedTimes ranked) {

    /** Draws the next cohort from {@code rnd}. */
    public static TabulationCohort draw(SplittableRandom rnd) {
        int n = 1 + rnd.nextInt(120);
        int k = 1 + rnd.nextInt(5);
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        int[] code = new int[n];
        for (int i = 0; i < n; i++) {
            time[i] = rnd.nextInt(25) / 2.0;
            event[i] = rnd.nextDouble() < 0.6;
            code[i] = rnd.nextInt(k + 1) - (rnd.nextDouble() < 0.1 ? 1 : 0); // some -1 = skipped
            code[i] = Math.min(Math.max(code[i], -1), k - 1);
        }
        return new TabulationCohort(k, time, event, code, RankedTimes.of(time, true));
    }

    /** Number of observations. */
    public int n() {
        return time.length;
    }

    /** The dense table of events and censorings per group and distinct time. */
    public TimeGroupCounts counts() {
        return TimeGroupCounts.of(ranked, event, null, code, k, null);
    }
}

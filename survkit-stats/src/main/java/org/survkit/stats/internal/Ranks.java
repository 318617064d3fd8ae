package org.survkit.stats.internal;

import java.util.Arrays;

/**
 * Mid-ranks of pooled observations (R {@code rank(x, ties.method = "average")}: tied values share
 * the mean of the ranks they occupy; values tie only when exactly equal) and the tie sum
 * Σ(t³ − t) over groups of t tied values that the rank tests' variance corrections use.
 *
 * @param ranks  1-based mid-rank of each observation, in input order
 * @param tieSum Σ(t³ − t) over the groups of tied values (0 without ties)
 */
public record Ranks(double[] ranks, double tieSum) {

    /** Whether any two observations are equal. */
    public boolean hasTies() {
        return tieSum > 0;
    }

    /**
     * Ranks of the values, which must not be NaN.
     */
    public static Ranks of(double[] x) {
        int n = x.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(x[a], x[b]));
        double[] r = new double[n];
        double ties = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[boxed[j + 1]] == x[boxed[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[boxed[k]] = mid;
            }
            double t = j - i + 1;
            ties += t * t * t - t;
            i = j + 1;
        }
        return new Ranks(r, ties);
    }
}

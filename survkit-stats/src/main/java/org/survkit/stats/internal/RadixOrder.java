package org.survkit.stats.internal;

import java.util.Arrays;

/**
 * Sorting and ranking of doubles by least-significant-digit radix sort on their bit patterns:
 * O(n) passes that stream through memory, several times faster than comparison sorting or hashing
 * on a million distinct values (the case of a continuous risk score).
 */
public final class RadixOrder {
    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;
    private static final int PASSES = (64 + BITS - 1) / BITS;

    private RadixOrder() {
    }

    /**
     * Distinct values and ranks.
     *
     * @param order    indices sorted by value, ascending
     * @param rank     for each observation, the index of its (merged) value in {@code distinct}
     * @param distinct the distinct values in increasing order (the smallest member of a merged run)
     */
    public record Ranked(int[] order, int[] rank, double[] distinct) {
    }

    /**
     * The indices 0..n−1 ordered by value, ascending and stable (equal values keep index order).
     * −0.0 equals 0.0; values must not be NaN.
     */
    static int[] ascending(double[] values) {
        int n = values.length;
        long[] key = new long[n];
        int[][] count = new int[PASSES][BUCKETS];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(values[i] + 0.0);
            long k = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE; // unsigned order = numeric order
            key[i] = k;
            for (int pass = 0; pass < PASSES; pass++) {
                count[pass][(int) (k >>> (pass * BITS)) & (BUCKETS - 1)]++;
            }
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        long[] key2 = new long[n];
        int[] idx2 = new int[n];
        for (int pass = 0; pass < PASSES; pass++) {
            int[] c = count[pass];
            int shift = pass * BITS;
            if (n == 0 || c[(int) (key[0] >>> shift) & (BUCKETS - 1)] == n) {
                continue; // every key has this digit
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int v = c[b];
                c[b] = sum;
                sum += v;
            }
            for (int i = 0; i < n; i++) {
                long k = key[i];
                int pos = c[(int) (k >>> shift) & (BUCKETS - 1)]++;
                key2[pos] = k;
                idx2[pos] = idx[i];
            }
            long[] tk = key;
            key = key2;
            key2 = tk;
            int[] ti = idx;
            idx = idx2;
            idx2 = ti;
        }
        return idx;
    }

    /**
     * Ranks of the values among their distinct values; with {@code timefix}, near-equal values are
     * merged first as R's {@code aeqSurv} ({@link TimeFix}).
     */
    public static Ranked ranks(double[] values, boolean timefix) {
        int n = values.length;
        int[] order = ascending(values);
        int[] rank = new int[n];
        double[] distinct = new double[Math.max(1, n)];
        int d = 0;
        double prev = Double.NaN;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double v = values[i] + 0.0;
            if (k == 0 || v != prev) {
                distinct[d++] = v;
                prev = v;
            }
            rank[i] = d - 1;
        }
        distinct = Arrays.copyOf(distinct, d);
        int[] merged = timefix ? TimeFix.representatives(distinct) : null;
        if (merged != null) {
            int[] newIndex = new int[d];
            int m = 0;
            for (int r = 0; r < d; r++) {
                newIndex[r] = merged[r] == r ? m++ : newIndex[merged[r]];
            }
            double[] kept = new double[m];
            for (int r = 0; r < d; r++) {
                kept[newIndex[r]] = distinct[merged[r]];
            }
            for (int i = 0; i < n; i++) {
                rank[i] = newIndex[rank[i]];
            }
            distinct = kept;
        }
        return new Ranked(order, rank, distinct);
    }
}

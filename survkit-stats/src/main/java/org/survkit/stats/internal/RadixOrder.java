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
        return sorted(values).order();
    }

    /** The stable ascending order and the sort keys in that order (unsigned order of the keys = numeric order). */
    private record Sorted(int[] order, long[] keys) {
    }

    /**
     * LSD radix sort on the keys. From {@value TwoCores#ROWS} rows the rows are cut into two halves on two threads:
     * each half counts its own digits, and its scatter offsets start after the other half's keys of smaller digits
     * and, for the second half, after the first half's keys of the same digit — the order of the one-thread sort,
     * stable, bit for bit.
     */
    private static Sorted sorted(double[] values) {
        int n = values.length;
        int[] cut = TwoCores.cut(n);
        int parts = cut.length - 1;
        long[] keys = new long[n];
        int[] order = new int[n];
        int[][][] count = new int[parts][PASSES][BUCKETS];
        TwoCores.inParts(parts, h -> {
            long[] key = keys;
            int[] idx = order;
            int[][] c = count[h];
            for (int i = cut[h], hi = cut[h + 1]; i < hi; i++) {
                long bits = Double.doubleToRawLongBits(values[i] + 0.0);
                long k = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE; // unsigned order = numeric order
                key[i] = k;
                idx[i] = i;
                for (int pass = 0; pass < PASSES; pass++) {
                    c[pass][(int) (k >>> (pass * BITS)) & (BUCKETS - 1)]++;
                }
            }
        });
        long[][] key = {keys, new long[n]};
        int[][] idx = {order, new int[n]};
        boolean moved = false;
        // the high digits first; the keys equal on them are then ordered by their low digits run by run (a continuous
        // score's runs hold a few keys each: about half the passes over all rows)
        for (int pass = LOW_PASSES; pass < PASSES && n > 0; pass++) {
            int p = pass;
            int shift = pass * BITS;
            int first = (int) (key[0][0] >>> shift) & (BUCKETS - 1);
            int all = 0;
            for (int h = 0; h < parts; h++) {
                all += count[h][pass][first];
            }
            if (all == n) {
                continue; // every key has this digit
            }
            long[] src = key[0];
            if (moved && parts > 1) {
                // the halves hold other keys than at the start: count their digits again
                TwoCores.inParts(parts, h -> {
                    int[] c = count[h][p];
                    Arrays.fill(c, 0);
                    long[] k = src;
                    for (int i = cut[h], hi = cut[h + 1]; i < hi; i++) {
                        c[(int) (k[i] >>> shift) & (BUCKETS - 1)]++;
                    }
                });
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                for (int h = 0; h < parts; h++) {
                    int[] c = count[h][pass];
                    int v = c[b];
                    c[b] = sum;
                    sum += v;
                }
            }
            long[] dst = key[1];
            int[] from = idx[0];
            int[] to = idx[1];
            TwoCores.inParts(parts, h -> {
                int[] c = count[h][p];
                long[] k0 = src;
                long[] k1 = dst;
                int[] i0 = from;
                int[] i1 = to;
                for (int i = cut[h], hi = cut[h + 1]; i < hi; i++) {
                    long k = k0[i];
                    int pos = c[(int) (k >>> shift) & (BUCKETS - 1)]++;
                    k1[pos] = k;
                    i1[pos] = i0[i];
                }
            });
            key[1] = src;
            key[0] = dst;
            idx[1] = from;
            idx[0] = to;
            moved = true;
        }
        orderRuns(key[0], idx[0], key[1], idx[1]);
        return new Sorted(idx[0], key[0]);
    }

    /** Passes over the low digits, done within the runs of keys equal on the high ones ({@link #orderRuns}). */
    private static final int LOW_PASSES = 3;
    /** Runs up to this long are ordered by insertion, longer ones by radix passes of their own. */
    private static final int INSERTION_RUN = 32;

    /**
     * Orders each run of keys equal on the digits above the {@value #LOW_PASSES} low ones by the whole key, stably
     * (the runs are in index order, as the stable passes left them): the order of a sort by the whole key, ties by
     * index. {@code spareKey}/{@code spareIdx} are work space of the same length.
     */
    private static void orderRuns(long[] key, int[] idx, long[] spareKey, int[] spareIdx) {
        int n = key.length;
        int shift = LOW_PASSES * BITS;
        int start = 0;
        while (start < n) {
            long high = key[start] >>> shift;
            int end = start + 1;
            while (end < n && key[end] >>> shift == high) {
                end++;
            }
            if (end - start > INSERTION_RUN) {
                lowPasses(key, idx, spareKey, spareIdx, start, end);
            } else if (end - start > 1) {
                for (int i = start + 1; i < end; i++) {
                    long k = key[i];
                    int x = idx[i];
                    int j = i - 1;
                    while (j >= start && Long.compareUnsigned(key[j], k) > 0) {
                        key[j + 1] = key[j];
                        idx[j + 1] = idx[j];
                        j--;
                    }
                    key[j + 1] = k;
                    idx[j + 1] = x;
                }
            }
            start = end;
        }
    }

    /** Stable LSD passes over the low digits of the keys in from..to−1 (in place, through the spare arrays). */
    private static void lowPasses(long[] key, int[] idx, long[] spareKey, int[] spareIdx, int from, int to) {
        int[] count = new int[BUCKETS];
        for (int pass = 0; pass < LOW_PASSES; pass++) {
            int shift = pass * BITS;
            java.util.Arrays.fill(count, 0);
            for (int i = from; i < to; i++) {
                count[(int) (key[i] >>> shift) & (BUCKETS - 1)]++;
            }
            int sum = from;
            for (int b = 0; b < BUCKETS; b++) {
                int v = count[b];
                count[b] = sum;
                sum += v;
            }
            for (int i = from; i < to; i++) {
                int pos = count[(int) (key[i] >>> shift) & (BUCKETS - 1)]++;
                spareKey[pos] = key[i];
                spareIdx[pos] = idx[i];
            }
            System.arraycopy(spareKey, from, key, from, to - from);
            System.arraycopy(spareIdx, from, idx, from, to - from);
        }
    }

    /** The value of a sort key ({@code v + 0.0} of the values it came from). */
    private static double value(long key) {
        return Double.longBitsToDouble(key < 0 ? key ^ Long.MIN_VALUE : ~key);
    }

    /**
     * Ranks of the values among their distinct values; with {@code timefix}, near-equal values are
     * merged first as R's {@code aeqSurv} ({@link TimeFix}). From {@value TwoCores#ROWS} rows the sort and the
     * ranking run on two threads, with the same result.
     */
    public static Ranked ranks(double[] values, boolean timefix) {
        int n = values.length;
        Sorted sorted = sorted(values);
        int[] order = sorted.order();
        long[] keys = sorted.keys();
        int[] cut = TwoCores.cut(n);
        int parts = cut.length - 1;
        // distinct values that start in each part, then each part ranks from the count before it
        int[] base = new int[parts + 1];
        TwoCores.inParts(parts, h -> {
            long[] key = keys;
            int c = 0;
            for (int k = cut[h], hi = cut[h + 1]; k < hi; k++) {
                if (k == 0 || key[k] != key[k - 1]) {
                    c++;
                }
            }
            base[h + 1] = c;
        });
        for (int h = 0; h < parts; h++) {
            base[h + 1] += base[h];
        }
        int d = base[parts];
        int[] rank = new int[n];
        double[] distinctValues = new double[d];
        TwoCores.inParts(parts, h -> {
            long[] key = keys;
            int[] ord = order;
            int[] rk = rank;
            double[] dv = distinctValues;
            int r = base[h] - 1;
            for (int k = cut[h], hi = cut[h + 1]; k < hi; k++) {
                long kk = key[k];
                if (k == 0 || kk != key[k - 1]) {
                    dv[++r] = value(kk);
                }
                rk[ord[k]] = r;
            }
        });
        double[] distinct = distinctValues;
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

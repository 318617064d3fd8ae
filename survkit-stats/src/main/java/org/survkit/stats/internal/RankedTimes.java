package org.survkit.stats.internal;

import java.util.Arrays;

/**
 * The distinct times of a sample in increasing order and each observation's rank among them: the
 * one tabulation that Kaplan–Meier and the log-rank family share.
 *
 * <p>Distinct values are found with an open-addressing hash table, so a registry-size cohort whose
 * times have been rounded (a few thousand distinct values among millions of rows) is ranked in
 * linear time; only the distinct values are sorted. With {@code timefix}, near-equal values are
 * merged as {@link TimeFix} describes.
 *
 * @param times distinct times, increasing (the smallest member of a merged run)
 * @param rank  for each observation, the index of its time in {@code times}
 */
public record RankedTimes(double[] times, int[] rank) {

    public static RankedTimes of(double[] time, boolean timefix) {
        int n = time.length;
        // open addressing sized by the number of distinct times (load <= 1/2), not by n: a registry
        // cohort rounded to days has a few thousand distinct times among millions of rows
        int capacity = 1024;
        long[] keys = new long[capacity];
        int[] slotId = new int[capacity];
        Arrays.fill(slotId, -1);
        int mask = capacity - 1;
        int[] rowId = new int[n];
        double[] distinct = new double[capacity / 2];
        int d = 0;
        for (int i = 0; i < n; i++) {
            double t = time[i] + 0.0; // folds -0.0 into 0.0
            long bits = Double.doubleToLongBits(t);
            int h = mix(bits) & mask;
            while (true) {
                int id = slotId[h];
                if (id < 0) {
                    if (2 * (d + 1) > capacity) {
                        capacity <<= 1;
                        mask = capacity - 1;
                        keys = new long[capacity];
                        slotId = new int[capacity];
                        Arrays.fill(slotId, -1);
                        distinct = Arrays.copyOf(distinct, capacity / 2);
                        for (int e = 0; e < d; e++) {
                            long b = Double.doubleToLongBits(distinct[e]);
                            int g = mix(b) & mask;
                            while (slotId[g] >= 0) {
                                g = (g + 1) & mask;
                            }
                            keys[g] = b;
                            slotId[g] = e;
                        }
                        h = mix(bits) & mask;
                        continue;
                    }
                    distinct[d] = t;
                    keys[h] = bits;
                    slotId[h] = d;
                    rowId[i] = d++;
                    break;
                }
                if (keys[h] == bits) {
                    rowId[i] = id;
                    break;
                }
                h = (h + 1) & mask;
            }
        }
        double[] sorted = Arrays.copyOf(distinct, d);
        Arrays.sort(sorted);
        int[] idToRank = new int[d];
        for (int id = 0; id < d; id++) {
            idToRank[id] = Arrays.binarySearch(sorted, distinct[id]);
        }
        int[] merged = timefix ? TimeFix.representatives(sorted) : null;
        double[] times = sorted;
        if (merged != null) {
            int[] newIndex = new int[d];
            int m = 0;
            for (int r = 0; r < d; r++) {
                if (merged[r] == r) {
                    newIndex[r] = m++;
                } else {
                    newIndex[r] = newIndex[merged[r]];
                }
            }
            times = new double[m];
            for (int r = 0; r < d; r++) {
                times[newIndex[r]] = sorted[merged[r]];
            }
            for (int id = 0; id < d; id++) {
                idToRank[id] = newIndex[idToRank[id]];
            }
        }
        for (int i = 0; i < n; i++) {
            rowId[i] = idToRank[rowId[i]];
        }
        return new RankedTimes(times, rowId);
    }

    /** murmur3's fmix64: every bit of the key reaches the low bits that index a small table. */
    private static int mix(long bits) {
        long h = bits;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    public int distinctCount() {
        return times.length;
    }

    /**
     * The given observations ordered by rank (a stable counting sort, linear time).
     *
     * @param rows indices of the observations to order
     */
    public int[] orderByRank(int[] rows) {
        int d = times.length;
        int[] start = new int[d + 1];
        for (int i : rows) {
            start[rank[i] + 1]++;
        }
        for (int r = 0; r < d; r++) {
            start[r + 1] += start[r];
        }
        int[] order = new int[rows.length];
        for (int i : rows) {
            order[start[rank[i]]++] = i;
        }
        return order;
    }
}

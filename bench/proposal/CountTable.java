package org.survkit.stats;

import java.util.Arrays;

/**
 * PROTOTYPE for the survkit-stats owner (not compiled by Maven): one sequential pass over the rows
 * tabulates, per (distinct time, group), the number of rows and of events; Kaplan–Meier and the
 * log-rank sums then walk the m distinct times (m·k cells) instead of gathering through an order[]
 * permutation of all n rows. The hash table grows with the number of distinct times (not n) and
 * uses murmur3's fmix64, because RankedTimes.mix() leaves the low bits badly mixed for times on a
 * 0.01 grid (about 100 extra probes per insert in a 32K table; integer days: 187).
 */
final class CountTable {
    final double[] times;  // merged distinct times, increasing
    final int k;
    final int[] rows;      // [r * k + c]
    final int[] events;    // [r * k + c]
    final int[] n;         // per group

    private CountTable(double[] times, int k, int[] rows, int[] events, int[] n) {
        this.times = times; this.k = k; this.rows = rows; this.events = events; this.n = n;
    }

    static CountTable of(double[] time, boolean[] event, int[] code, int k, boolean timefix) {
        int cap = 1024;
        long[] keys = new long[cap];
        int[] slot = new int[cap];
        Arrays.fill(slot, -1);
        int mask = cap - 1;
        double[] distinct = new double[cap / 2];
        int[] cnt = new int[cap / 2 * k];
        int[] dead = new int[cap / 2 * k];
        int[] n = new int[k];
        int d = 0;
        for (int i = 0; i < time.length; i++) {
            double t = time[i] + 0.0;
            long bits = Double.doubleToLongBits(t);
            int h = mix(bits) & mask;
            int id;
            while (true) {
                int s = slot[h];
                if (s < 0) {
                    if (2 * (d + 1) > cap) { // grow: keep load <= 1/2
                        cap <<= 1; mask = cap - 1;
                        keys = new long[cap]; slot = new int[cap]; Arrays.fill(slot, -1);
                        distinct = Arrays.copyOf(distinct, cap / 2);
                        cnt = Arrays.copyOf(cnt, cap / 2 * k);
                        dead = Arrays.copyOf(dead, cap / 2 * k);
                        for (int e = 0; e < d; e++) {
                            long b = Double.doubleToLongBits(distinct[e]);
                            int g = mix(b) & mask;
                            while (slot[g] >= 0) g = (g + 1) & mask;
                            keys[g] = b; slot[g] = e;
                        }
                        h = mix(bits) & mask;
                        continue;
                    }
                    distinct[d] = t; keys[h] = bits; slot[h] = d; id = d++;
                    break;
                }
                if (keys[h] == bits) { id = s; break; }
                h = (h + 1) & mask;
            }
            int c = code[i];
            int cell = id * k + c;
            cnt[cell]++;
            if (event[i]) dead[cell]++;
            n[c]++;
        }
        double[] sorted = Arrays.copyOf(distinct, d);
        Arrays.sort(sorted);
        int[] rank = new int[d];
        for (int id = 0; id < d; id++) rank[id] = Arrays.binarySearch(sorted, distinct[id]);
        double[] times = sorted;
        int[] merged = timefix ? TimeFix.representatives(sorted) : null;
        if (merged != null) {
            int[] newIndex = new int[d];
            int m = 0;
            for (int r = 0; r < d; r++) newIndex[r] = merged[r] == r ? m++ : newIndex[merged[r]];
            times = new double[m];
            for (int r = 0; r < d; r++) times[newIndex[r]] = sorted[merged[r]];
            for (int id = 0; id < d; id++) rank[id] = newIndex[rank[id]];
        }
        int m = times.length;
        int[] rows = new int[m * k];
        int[] events = new int[m * k];
        for (int id = 0; id < d; id++) {
            for (int c = 0; c < k; c++) {
                rows[rank[id] * k + c] += cnt[id * k + c];
                events[rank[id] * k + c] += dead[id * k + c];
            }
        }
        return new CountTable(times, k, rows, events, n);
    }

    private static int mix(long bits) {
        long h = bits; // murmur3 fmix64: every input bit reaches the low bits used by a small table
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}

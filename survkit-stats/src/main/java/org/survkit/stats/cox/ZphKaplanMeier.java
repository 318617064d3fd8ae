package org.survkit.stats.cox;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.survkit.stats.internal.RankedTimes;

/**
 * The Kaplan–Meier transform of time of R's {@code cox.zph(transform = "km")}, g(t) = 1 − S(t−) of the pooled,
 * unweighted Kaplan–Meier curve, centred on its mean over the deaths, computed over one chunk of the times: all of
 * them in memory, or one range of a cluster's partitions. S(t−) is a product over the earlier times, with the numbers
 * at risk counting the later times: a chunk needs only the rows after it ({@code atRiskAfter}) and the survival
 * before it ({@code before}), both from the other chunks' {@link #rows()} and {@link #product}; the mean is the sum of
 * the chunks' {@link #deathWeightedSum} over the deaths. Right-censored rows, each counted once (weights ignored, as
 * R does).
 *
 * @param times  the chunk's distinct (merged) times, increasing
 * @param deaths deaths per time
 * @param exits  rows per time
 */
public record ZphKaplanMeier(double[] times, long[] deaths, long[] exits) {

    /**
     * From rows whose times are already merged (R's timefix applied over all the times): no merging here.
     *
     * @param time the rows' times, any order
     * @param dead whether each row is a death
     * @param n    number of rows used (a prefix of the arrays)
     */
    public static ZphKaplanMeier ofRows(double[] time, boolean[] dead, int n) {
        int[] count = new int[n];
        Arrays.fill(count, 1);
        return of(Arrays.copyOf(time, n), Arrays.copyOf(dead, n), count, false);
    }

    /** From counts per (time, event) cell, near-equal times merged as R's timefix (the cells are all the times). */
    static ZphKaplanMeier ofCells(double[] time, boolean[] event, int[] count) {
        return of(time, event, count, true);
    }

    private static ZphKaplanMeier of(double[] time, boolean[] event, int[] count, boolean timefix) {
        RankedTimes ranked = RankedTimes.of(time, timefix);
        int d = ranked.times().length;
        long[] deaths = new long[d];
        long[] exits = new long[d];
        for (int i = 0; i < time.length; i++) {
            exits[ranked.rank()[i]] += count[i];
            if (event[i]) {
                deaths[ranked.rank()[i]] += count[i];
            }
        }
        return new ZphKaplanMeier(ranked.times(), deaths, exits);
    }

    /** Rows in the chunk. */
    public long rows() {
        long r = 0;
        for (long e : exits) {
            r += e;
        }
        return r;
    }

    /** Deaths in the chunk. */
    public long deathCount() {
        long r = 0;
        for (long e : deaths) {
            r += e;
        }
        return r;
    }

    /** Per time, the product of (1 − d/n) over the chunk's earlier times. */
    private double[] survivalBefore(long atRiskAfter) {
        int d = times.length;
        long[] atRisk = new long[d];
        long above = atRiskAfter;
        for (int k = d - 1; k >= 0; k--) {
            above += exits[k];
            atRisk[k] = above;
        }
        double[] out = new double[d + 1];
        double s = 1;
        for (int k = 0; k < d; k++) {
            out[k] = s;
            if (deaths[k] > 0) {
                s *= 1 - (double) deaths[k] / atRisk[k];
            }
        }
        out[d] = s;
        return out;
    }

    /** Π (1 − d/n) over the chunk's times. */
    public double product(long atRiskAfter) {
        return survivalBefore(atRiskAfter)[times.length];
    }

    /** Σ g(t)·d(t) over the chunk's times (g not yet centred), with S = {@code before} at its start. */
    public double deathWeightedSum(long atRiskAfter, double before) {
        double[] s = survivalBefore(atRiskAfter);
        double sum = 0;
        for (int k = 0; k < times.length; k++) {
            sum += (1 - before * s[k]) * deaths[k];
        }
        return sum;
    }

    /** The centred g at each of the chunk's times (an error for another time). */
    public DoubleUnaryOperator centred(long atRiskAfter, double before, double mean) {
        double[] s = survivalBefore(atRiskAfter);
        double[] g = new double[times.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = 1 - before * s[k] - mean;
        }
        double[] t = times.clone();
        return time -> {
            int k = Arrays.binarySearch(t, time);
            if (k < 0) {
                throw new IllegalStateException("time " + time + " is not among the counted times");
            }
            return g[k];
        };
    }
}

package org.survkit.stats.logrank;

import org.survkit.stats.internal.RankedTimes;
import org.survkit.stats.internal.TimeGroupCounts;

/**
 * The workhorse of the log-rank family: walks one stratum's observations in time order and adds
 * its contributions to O, E, U and V (unweighted and weighted), as R's {@code survdiff2.c} does
 * in spirit. At a distinct time t with n at risk (n<sub>j</sub> in group j), d events
 * (d<sub>j</sub>) and weight w:
 * E<sub>j</sub> += d n<sub>j</sub>/n; U<sub>j</sub> += w (d<sub>j</sub> − d n<sub>j</sub>/n);
 * V<sub>jl</sub> += w² d (n − d)/(n − 1) · (δ<sub>jl</sub> n<sub>j</sub>/n − n<sub>j</sub> n<sub>l</sub>/n²) (n &gt; 1).
 * The pooled Kaplan–Meier S(t−) for Peto and Fleming–Harrington weights is formed within the stratum.
 */
final class LogRankAccumulator {
    final int k;
    final double[] observed;
    final double[] expected;
    final double[] score;
    final double[][] variance;
    final double[][] logrankVariance;
    final int[] n;

    LogRankAccumulator(int k) {
        this.k = k;
        observed = new double[k];
        expected = new double[k];
        score = new double[k];
        variance = new double[k][k];
        logrankVariance = new double[k][k];
        n = new int[k];
    }

    /**
     * Adds one stratum.
     *
     * @param ranked shared time ranks
     * @param event  event indicator per observation
     * @param count  observations each row stands for (a frequency table), or null for one
     * @param code   group code per observation (0..k-1), or -1 to skip the observation
     * @param rows   the stratum's observations in ascending order, or null for all observations
     */
    void addStratum(RankedTimes ranked, boolean[] event, int[] count, int[] code, int[] rows, Weighting weighting,
            double rho, double gamma) {
        if (TimeGroupCounts.fits(ranked.distinctCount(), k)) {
            addCounts(TimeGroupCounts.of(ranked, event, count, code, k, rows), weighting, rho, gamma);
            return;
        }
        int[] kept = keep(rows == null ? allRows(code.length) : rows, code);
        addSorted(ranked, event, count, code, kept, weighting, rho, gamma);
    }

    private static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static int[] keep(int[] rows, int[] code) {
        int m = 0;
        for (int i : rows) {
            if (code[i] >= 0) {
                m++;
            }
        }
        if (m == rows.length) {
            return rows;
        }
        int[] out = new int[m];
        m = 0;
        for (int i : rows) {
            if (code[i] >= 0) {
                out[m++] = i;
            }
        }
        return out;
    }

    /** The stratum from its dense (group, time) table: a walk over distinct times, no per-row work. */
    void addCounts(TimeGroupCounts t, Weighting weighting, double rho, double gamma) {
        int d = t.d;
        int[] risk = t.n.clone();
        int total = 0;
        for (int j = 0; j < k; j++) {
            n[j] += t.n[j];
            total += t.n[j];
        }
        int[] deaths = new int[k];
        double km = 1;
        for (int r = 0; r < d && total > 0; r++) {
            int dd = 0;
            int leaving = 0;
            for (int j = 0; j < k; j++) {
                int e = t.events[j * d + r];
                deaths[j] = e;
                dd += e;
                leaving += e + t.censored[j * d + r];
            }
            if (leaving == 0) {
                continue;
            }
            if (dd > 0) {
                km = addTime(risk, total, deaths, dd, km, weighting, rho, gamma);
            }
            for (int j = 0; j < k; j++) {
                int out = t.events[j * d + r] + t.censored[j * d + r];
                risk[j] -= out;
                total -= out;
            }
        }
    }

    /** Adds the contributions of one event time; returns the pooled Kaplan–Meier after it. */
    private double addTime(int[] risk, int total, int[] deaths, int d, double km, Weighting weighting, double rho,
            double gamma) {
        double w = weighting.weight(total, km, rho, gamma);
        double nn = total;
        double varFactor = total > 1 ? d * (nn - d) / (nn - 1) : 0;
        for (int j = 0; j < k; j++) {
            double pj = risk[j] / nn;
            double e = d * pj;
            observed[j] += deaths[j];
            expected[j] += e;
            score[j] += w * (deaths[j] - e);
            if (varFactor != 0 && risk[j] > 0) {
                for (int l = 0; l < k; l++) {
                    double cov = (j == l ? pj : 0) - pj * (risk[l] / nn);
                    logrankVariance[j][l] += varFactor * cov;
                    variance[j][l] += w * w * varFactor * cov;
                }
            }
        }
        return km * (nn - d) / nn;
    }

    /** The stratum by visiting its observations in time order (many groups or distinct times). */
    void addSorted(RankedTimes ranked, boolean[] event, int[] count, int[] code, int[] rows, Weighting weighting,
            double rho, double gamma) {
        int[] order = ranked.orderByRank(rows);
        int[] rank = ranked.rank();
        int[] risk = new int[k];
        int total = 0;
        for (int i : order) {
            int c = code[i];
            int f = count == null ? 1 : count[i];
            risk[c] += f;
            n[c] += f;
            total += f;
        }
        int[] deaths = new int[k];
        int[] leaving = new int[k];
        double km = 1;
        int m = order.length;
        for (int i = 0; i < m; ) {
            int r = rank[order[i]];
            int d = 0;
            int start = i;
            while (i < m && rank[order[i]] == r) {
                int obs = order[i];
                int c = code[obs];
                int f = count == null ? 1 : count[obs];
                leaving[c] += f;
                if (event[obs]) {
                    deaths[c] += f;
                    d += f;
                }
                i++;
            }
            if (d > 0) {
                km = addTime(risk, total, deaths, d, km, weighting, rho, gamma);
            }
            for (int s = start; s < i; s++) {
                int c = code[order[s]];
                risk[c] -= leaving[c];
                total -= leaving[c];
                leaving[c] = 0;
                deaths[c] = 0;
            }
        }
    }
}

package org.survkit.stats;

import java.util.Arrays;

/**
 * Harrell's concordance index C of a risk score against survival, with the infinitesimal-jackknife
 * standard error, as R survival 3.5-3 reports it for a Cox model ({@code concordance(fit)},
 * {@code summary(fit)$concordance}).
 *
 * <p><b>Pairs.</b> Within a stratum, two observations i, j form a comparable pair when i has an
 * event at time tᵢ while j is still at risk: tⱼ &gt; tᵢ, or j is censored at tᵢ (for (start, stop]
 * data: startⱼ &lt; tᵢ ≤ stopⱼ, j not an event at tᵢ). The pair is <i>concordant</i> when the earlier
 * event has the higher risk score (a Cox linear predictor: R's {@code reverse = TRUE}),
 * <i>discordant</i> when it has the lower one, and <i>tied on the score</i> when they are equal.
 * Two events at the same time are not comparable (they are counted apart as tied on time). Each pair
 * has weight wᵢwⱼ (case weights) and, as R's default {@code timewt = "n"}, no time weight:
 * <pre>
 *   C = (concordant + tied/2) / (concordant + discordant + tied)
 * </pre>
 *
 * <p><b>Variance.</b> With N = concordant + discordant + tied and Somers' d = (concordant − discordant)/N,
 * observation k's influence on d is
 * <pre>
 *   dfbetaₖ = wₖ [ (cₖ − dₖ)/N − d (cₖ + dₖ + tₖ)/N ]
 * </pre>
 * where cₖ, dₖ, tₖ are the weighted numbers of concordant, discordant and tied pairs that k belongs
 * to (as the earlier event or as the later member). Var(C) = Σₖ dfbetaₖ² / 4, summing the influence
 * within clusters first when clusters are given (R's infinitesimal jackknife, {@code concordance()$var},
 * whose square root is the {@code se(C)} of {@code summary(coxph)}). The variance under the Cox
 * model ({@code $cvar}) is returned by {@link #detail} too: at each event time the weighted variance
 * of the ranks rₖ = (weight at risk with a higher score − weight with a lower one) over the risk set,
 * summed with the event weights, divided by 4N².
 *
 * <p><b>Algorithm.</b> Observations are sorted (stable counting sorts) by stratum, decreasing time,
 * censored before events; the walk keeps two Fenwick trees over the ranks of the distinct scores —
 * all observations at risk, and the events seen so far — so every count and every influence is a
 * prefix sum: O(n log n) time, O(n) memory. An observation's pairs as the later member are the
 * events added to the event tree while it was at risk: the tree's sums at its exit minus those at
 * its entry. Near-equal times are merged first as R's {@code aeqSurv} ({@link TimeFix}); scores are
 * compared exactly.
 *
 * <p>Edge cases: no comparable pair (no events, or every event tied with every other) gives
 * C = NaN and se = NaN, as R's 0/0; a stratum without events contributes nothing.
 *
 * <p>References: Harrell, Califf, Pryor, Lee &amp; Rosati (1982), JAMA 247:2543; Therneau &amp;
 * Atkinson, "Concordance", vignette of R package survival (2020).
 */
public final class ConcordanceIndex {

    private ConcordanceIndex() {
    }

    /**
     * All the quantities of R's {@code concordance} object for one risk score, in the Cox orientation.
     *
     * @param concordant      weighted pairs where the earlier event has the higher score
     * @param discordant      weighted pairs where the earlier event has the lower score
     * @param tiedRisk        comparable pairs with equal scores (R {@code tied.x})
     * @param tiedTime        pairs of events at the same time with different scores (R {@code tied.y})
     * @param tiedRiskAndTime pairs of events at the same time with equal scores (R {@code tied.xy})
     * @param estimate        C, or NaN without comparable pairs
     * @param variance        infinitesimal-jackknife variance of C (R {@code $var})
     * @param coxVariance     variance of C under the Cox model (R {@code $cvar})
     */
    public record Detail(double concordant, double discordant, double tiedRisk, double tiedTime,
            double tiedRiskAndTime, double estimate, double variance, double coxVariance) {

        /** √variance, R's {@code se(C)}. */
        public double stdErr() {
            return Math.sqrt(variance);
        }

        /** The estimate and its standard error. */
        public Concordance concordance() {
            return new Concordance(estimate, stdErr());
        }
    }

    /**
     * Harrell's C of a risk score (higher = earlier event) for right-censored data.
     *
     * @param time      follow-up times
     * @param event     event indicators
     * @param riskScore e.g. a Cox linear predictor; higher means higher risk
     * @param strata    stratum codes ≥ 0 (pairs are formed within strata only), or null
     * @param weights   case weights ≥ 0, or null for 1
     * @return C and its infinitesimal-jackknife standard error
     */
    public static Concordance of(double[] time, boolean[] event, double[] riskScore, int[] strata, double[] weights) {
        return detail(null, time, event, riskScore, strata, weights, null).concordance();
    }

    /**
     * Harrell's C with every count and both variances, for right-censored or (start, stop] data.
     *
     * @param start     entry times for counting-process data, or null (at risk from the beginning)
     * @param stop      exit times
     * @param event     event indicators
     * @param riskScore higher means higher risk
     * @param strata    stratum codes ≥ 0, or null
     * @param weights   case weights ≥ 0, or null
     * @param cluster   cluster codes (the influence is summed within clusters before squaring), or null
     */
    public static Detail detail(double[] start, double[] stop, boolean[] event, double[] riskScore, int[] strata,
            double[] weights, int[] cluster) {
        int n = stop.length;
        check(start, stop, event, riskScore, strata, weights, cluster);
        Walk walk = new Walk(start, stop, event, riskScore, strata, weights);
        walk.run();
        double pairs = walk.concordant + walk.discordant + walk.tiedRisk;
        double somers = (walk.concordant - walk.discordant) / pairs;
        double[] dfbeta = new double[n];
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            dfbeta[i] = w * (walk.diff[i] / pairs - somers * walk.total[i] / pairs);
        }
        double sumSq = 0;
        if (cluster == null) {
            for (double v : dfbeta) {
                sumSq += v * v;
            }
        } else {
            int[] code = dense(cluster);
            int k = 0;
            for (int c : code) {
                k = Math.max(k, c + 1);
            }
            double[] sums = new double[k];
            for (int i = 0; i < n; i++) {
                sums[code[i]] += dfbeta[i];
            }
            for (double v : sums) {
                sumSq += v * v;
            }
        }
        double estimate = (somers + 1) / 2;
        double variance = pairs > 0 ? sumSq / 4 : Double.NaN;
        double coxVariance = pairs > 0 ? walk.coxSum / (4 * pairs * pairs) : Double.NaN;
        return new Detail(walk.concordant, walk.discordant, walk.tiedRisk, walk.tiedTime - walk.tiedBoth, walk.tiedBoth,
                estimate, variance, coxVariance);
    }

    private static void check(double[] start, double[] stop, boolean[] event, double[] risk, int[] strata,
            double[] weights, int[] cluster) {
        int n = stop.length;
        if (event.length != n || risk.length != n || start != null && start.length != n
                || strata != null && strata.length != n || weights != null && weights.length != n
                || cluster != null && cluster.length != n) {
            throw new IllegalArgumentException("concordance: all inputs must have one entry per observation (" + n + ")");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(stop[i]) || start != null && !(start[i] < stop[i])) {
                throw new IllegalArgumentException("observation " + (i + 1) + ": invalid time "
                        + (start == null ? stop[i] : "(" + start[i] + ", " + stop[i] + "]"));
            }
            if (!Double.isFinite(risk[i])) {
                throw new IllegalArgumentException("observation " + (i + 1) + ": risk score is not finite: " + risk[i]);
            }
            if (weights != null && !(weights[i] >= 0 && Double.isFinite(weights[i]))) {
                throw new IllegalArgumentException("observation " + (i + 1) + ": weight must be >= 0, got " + weights[i]);
            }
            if (strata != null && strata[i] < 0) {
                throw new IllegalArgumentException("observation " + (i + 1) + ": stratum code must be >= 0, got "
                        + strata[i]);
            }
        }
    }

    /** Codes mapped onto 0..k−1 (order preserved). */
    static int[] dense(int[] codes) {
        int[] sorted = codes.clone();
        Arrays.sort(sorted);
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        int[] distinct = Arrays.copyOf(sorted, k);
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = Arrays.binarySearch(distinct, codes[i]);
        }
        return out;
    }

    /** The pass over the sorted data; fields are the running totals. */
    private static final class Walk {
        final int n;
        final boolean[] event;
        final double[] w;
        final int[] score;   // rank of the risk score among the distinct scores
        final int[] exit;    // rank of the (merged) exit time
        final int[] entry;   // rank of the entry time, pooled with the exit times; null for right-censored data
        final int[] byExit;  // stratum, exit time descending, censored before events
        final int[] byEntry; // stratum, entry time descending
        final int[] blocks;  // stratum boundaries in both orders
        final FenwickTree atRisk;
        final FenwickTree events;
        final double[] pending; // event weight per score rank at the current time (tied on time and score)
        final double[] diff;    // per observation: concordant − discordant pairs
        final double[] total;   // per observation: concordant + discordant + tied pairs
        double concordant;
        double discordant;
        double tiedRisk;
        double tiedTime;
        double tiedBoth;
        double coxSum;
        double z2; // Σ over the risk set of w rₖ², rₖ = weight above − weight below

        Walk(double[] start, double[] stop, boolean[] event, double[] risk, int[] strata, double[] weights) {
            n = stop.length;
            this.event = event;
            w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = weights == null ? 1 : weights[i];
            }
            RankedTimes scores = RankedTimes.of(risk, false);
            score = scores.rank();
            int m = scores.distinctCount();
            int d;
            if (start == null) {
                RankedTimes r = RankedTimes.of(stop, true);
                exit = r.rank();
                entry = null;
                d = r.distinctCount();
            } else {
                double[] both = new double[2 * n];
                System.arraycopy(start, 0, both, 0, n);
                System.arraycopy(stop, 0, both, n, n);
                RankedTimes r = RankedTimes.of(both, true);
                entry = Arrays.copyOfRange(r.rank(), 0, n);
                exit = Arrays.copyOfRange(r.rank(), n, 2 * n);
                d = r.distinctCount();
                for (int i = 0; i < n; i++) {
                    if (entry[i] >= exit[i]) {
                        throw new IllegalArgumentException("observation " + (i + 1) + ": interval (" + start[i] + ", "
                                + stop[i] + "] has length 0 once near-equal times are merged (R: aeqSurv exception)");
                    }
                }
            }
            int[] code = strata == null ? null : dense(strata);
            int s = 1;
            if (code != null) {
                for (int c : code) {
                    s = Math.max(s, c + 1);
                }
            }
            int[] key = new int[n];
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
                key[i] = event[i] ? 1 : 0;
            }
            int[] o = CoxRiskSets.countingSort(idx, key, 2);
            for (int i = 0; i < n; i++) {
                key[i] = d - 1 - exit[i];
            }
            o = CoxRiskSets.countingSort(o, key, d);
            byExit = code == null ? o : CoxRiskSets.countingSort(o, code, s);
            if (entry != null) {
                for (int i = 0; i < n; i++) {
                    key[i] = d - 1 - entry[i];
                }
                int[] e = CoxRiskSets.countingSort(idx, key, d);
                byEntry = code == null ? e : CoxRiskSets.countingSort(e, code, s);
            } else {
                byEntry = null;
            }
            blocks = new int[s + 1];
            if (code == null) {
                blocks[1] = n;
            } else {
                for (int c : code) {
                    blocks[c + 1]++;
                }
                for (int k = 0; k < s; k++) {
                    blocks[k + 1] += blocks[k];
                }
            }
            atRisk = new FenwickTree(m);
            events = new FenwickTree(m);
            pending = new double[m];
            diff = new double[n];
            total = new double[n];
        }

        void run() {
            for (int b = 0; b + 1 < blocks.length; b++) {
                stratum(blocks[b], blocks[b + 1]);
            }
        }

        private void stratum(int lo, int hi) {
            z2 = 0;
            int out = lo; // next candidate to leave, in byEntry
            int i = lo;
            while (i < hi) {
                int k = byExit[i];
                if (!event[k]) {
                    enter(k);
                    i++;
                    continue;
                }
                int t = exit[k];
                if (entry != null) {
                    while (out < hi && entry[byEntry[out]] >= t) {
                        leave(byEntry[out++]);
                    }
                }
                int end = i;
                while (end < hi && exit[byExit[end]] == t) {
                    end++;
                }
                // the events at t against everyone at risk (censored at t included)
                double deadWeight = 0;
                for (int j = i; j < end; j++) {
                    int q = byExit[j];
                    int r = score[q];
                    double wq = w[q];
                    double below = atRisk.below(r);
                    double same = atRisk.at(r);
                    double above = atRisk.total() - below - same;
                    concordant += wq * below;
                    discordant += wq * above;
                    tiedRisk += wq * same;
                    diff[q] += below - above;
                    total[q] += below + above + same;
                    tiedTime += wq * deadWeight;
                    tiedBoth += wq * pending[r];
                    pending[r] += wq;
                    deadWeight += wq;
                    events.add(r, wq);
                }
                for (int j = i; j < end; j++) {
                    pending[score[byExit[j]]] = 0;
                }
                // the events join the risk set (and start collecting later events as the later member)
                for (int j = i; j < end; j++) {
                    enter(byExit[j]);
                }
                if (atRisk.total() > 0) {
                    coxSum += deadWeight * z2 / atRisk.total();
                }
                i = end;
            }
            if (entry == null) {
                for (int j = lo; j < hi; j++) {
                    settle(byExit[j]);
                }
            } else {
                for (; out < hi; out++) {
                    settle(byEntry[out]);
                }
            }
            for (int j = lo; j < hi; j++) {
                int q = byExit[j];
                atRisk.clear(score[q]);
                if (event[q]) {
                    events.clear(score[q]);
                }
            }
        }

        /** Joins the risk set: start counting the events that follow (earlier in time). */
        private void enter(int k) {
            int r = score[k];
            double eBelow = events.below(r);
            double eSame = events.at(r);
            double eAbove = events.total() - eBelow - eSame;
            diff[k] -= eAbove - eBelow;
            total[k] -= events.total();
            double below = atRisk.below(r);
            double same = atRisk.at(r);
            double above = atRisk.total() - below - same;
            z2 += rankSquares(w[k], below, same, above);
            atRisk.add(r, w[k]);
        }

        /** Leaves the risk set (counting-process data: the time fell to its entry). */
        private void leave(int k) {
            settle(k);
            int r = score[k];
            atRisk.add(r, -w[k]);
            double below = atRisk.below(r);
            double same = atRisk.at(r);
            double above = atRisk.total() - below - same;
            z2 -= rankSquares(w[k], below, same, above);
        }

        /** Adds the events seen while k was at risk: event-tree sums now minus at entry. */
        private void settle(int k) {
            int r = score[k];
            double eBelow = events.below(r);
            double eSame = events.at(r);
            double eAbove = events.total() - eBelow - eSame;
            diff[k] += eAbove - eBelow;
            total[k] += events.total();
        }

        /**
         * Change of Σ wⱼ rⱼ² when an observation of weight w joins a set holding weight {@code below},
         * {@code same}, {@code above} at lower, equal and higher scores: its own term w(above − below)²
         * plus, for each member above, rⱼ falling by w (Σ_above wⱼ rⱼ = −above·(below + same)), and
         * symmetrically below.
         */
        private static double rankSquares(double w, double below, double same, double above) {
            double d = above - below;
            return w * (above * (w + 2 * (below + same)) + below * (w + 2 * (above + same)) + d * d);
        }
    }

    /** Weights by score rank with O(log m) prefix sums (Fenwick 1994). */
    private static final class FenwickTree {
        private final double[] tree;
        private final double[] node;
        private double sum;

        FenwickTree(int m) {
            tree = new double[m + 1];
            node = new double[m];
        }

        void add(int rank, double v) {
            node[rank] += v;
            sum += v;
            for (int i = rank + 1; i < tree.length; i += i & -i) {
                tree[i] += v;
            }
        }

        /** Total weight at ranks below {@code rank}. */
        double below(int rank) {
            double s = 0;
            for (int i = rank; i > 0; i -= i & -i) {
                s += tree[i];
            }
            return s;
        }

        double at(int rank) {
            return node[rank];
        }

        double total() {
            return sum;
        }

        /** Zeroes every cell that an {@link #add} at {@code rank} touched, and the total. */
        void clear(int rank) {
            node[rank] = 0;
            sum = 0;
            for (int i = rank + 1; i < tree.length; i += i & -i) {
                tree[i] = 0;
            }
        }
    }
}

package org.survkit.stats.cox;

import org.survkit.stats.internal.TwoCores;
import java.util.Arrays;
import org.survkit.stats.internal.RadixOrder;
import org.survkit.stats.internal.RankedTimes;
import org.survkit.stats.internal.TimeFix;

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
 * <p><b>Algorithm.</b> Observations are ordered by stratum and decreasing time (radix sorts,
 * {@link RadixOrder}); the walk keeps two weight sets over the ranks of the distinct scores within
 * the stratum — the observations at risk and the events seen so far — in one blocked segment tree,
 * so every count and every influence is a sum over the ranks below a score: O(n log n) time, O(n)
 * memory. At each event time the censored observations join the risk set first (they outlive the
 * events), then the events are compared with everyone at risk and join it. An observation's pairs as
 * the later member are the events added to the event set while it was at risk: the event sums at its
 * exit (or, for (start, stop] data, when the time falls to its entry) minus those at its entry. A
 * million rows take a few hundred milliseconds. Near-equal times are merged first as R's
 * {@code aeqSurv} ({@link TimeFix}); scores are compared exactly.
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
            double tiedRiskAndTime, double estimate, double variance, double coxVariance,
            ConcordanceWeighting weighting) {

        /** Harrell's. */
        public Detail(double concordant, double discordant, double tiedRisk, double tiedTime, double tiedRiskAndTime,
                double estimate, double variance, double coxVariance) {
            this(concordant, discordant, tiedRisk, tiedTime, tiedRiskAndTime, estimate, variance, coxVariance,
                    ConcordanceWeighting.HARRELL);
        }

        /** √variance, R's {@code se(C)}. */
        public double stdErr() {
            return Math.sqrt(variance);
        }

        /** The estimate and its standard error. */
        public Concordance concordance() {
            return new Concordance(estimate, stdErr(), weighting);
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
        return detail(start, stop, event, riskScore, strata, weights, cluster, Algorithm.TIME_ORDER);
    }

    /**
     * Harrell's or Uno's C with every count and the infinitesimal-jackknife variance (R {@code concordance(fit,
     * timewt = "n" | "n/G2")}). Uno's weights need right-censored data; its {@code coxVariance} is NaN (R's
     * {@code cvar} is not computed here for weighted pairs).
     *
     * @param start     entry times, or null; must be null for {@link ConcordanceWeighting#UNO}
     * @throws IllegalArgumentException for Uno's C on (start, stop] data, as R
     */
    public static Detail detail(double[] start, double[] stop, boolean[] event, double[] riskScore, int[] strata,
            double[] weights, int[] cluster, ConcordanceWeighting weighting) {
        if (weighting == ConcordanceWeighting.HARRELL) {
            return detail(start, stop, event, riskScore, strata, weights, cluster);
        }
        if (start != null) {
            throw new IllegalArgumentException("Uno's concordance (R timewt = \"n/G2\") is not defined for (start, stop]"
                    + " data, as in R: use Harrell's");
        }
        check(start, stop, event, riskScore, strata, weights, cluster);
        Walk w = new Walk(start, stop, event, RadixOrder.ranks(riskScore, false), strata, weights);
        w.unoWeights();
        w.run();
        Pairs walk = new Pairs(w.concordant, w.discordant, w.tiedRisk, w.tiedTime, w.tiedBoth, Double.NaN, w.obs, w.w,
                w.diff, w.total);
        return summarize(walk, stop.length, cluster, weighting, null);
    }

    /**
     * C and its standard error for a Cox model's linear predictor: the numbers of {@link #detail}
     * without the Cox-model variance, which lets data with few distinct times (rows ≫ days) take the
     * faster score-order walk ({@link ScoreOrderConcordance}).
     */
    static Concordance forModel(double[] start, double[] stop, boolean[] event, double[] riskScore, int[] strata,
            double[] weights, int[] cluster) {
        return detail(start, stop, event, riskScore, strata, weights, cluster, Algorithm.AUTO, null).concordance();
    }

    /** {@link #forModel} reusing the time ranks a Cox fit already made (same timefix, pooled with entries). */
    static Concordance forModel(CoxRiskSets rs, double[] start, double[] stop, boolean[] event, double[] riskScore,
            int[] strata, double[] weights, int[] cluster) {
        TimeRanks ranks = new TimeRanks(rs.exitRanks(), rs.entryRanks(), rs.distinctTimes);
        return detail(start, stop, event, riskScore, strata, weights, cluster, Algorithm.AUTO, ranks).concordance();
    }

    /** Exit (and entry) time ranks after timefix, pooled, with the number of distinct times. */
    record TimeRanks(int[] exit, int[] entry, int distinct) {
    }

    /** Which pass computes the pair counts (both give the same counts and influences). */
    enum Algorithm {
        /** Walk by decreasing time with a tree over the scores; the only one that computes {@code cvar}. */
        TIME_ORDER,
        /** Walk by increasing score with a tree over the times; {@code cvar} is NaN. */
        SCORE_ORDER,
        /** The score-order walk when there are fewer distinct times than scores, else the time-order walk. */
        AUTO
    }

    /** The pair sums of a walk, with each observation's influence terms by walk position. */
    record Pairs(double concordant, double discordant, double tiedRisk, double tiedTime, double tiedBoth,
            double coxSum, int[] obs, double[] w, double[] diff, double[] total) {
    }

    static Detail detail(double[] start, double[] stop, boolean[] event, double[] riskScore, int[] strata,
            double[] weights, int[] cluster, Algorithm algorithm) {
        return detail(start, stop, event, riskScore, strata, weights, cluster, algorithm, null);
    }

    private static Detail detail(double[] start, double[] stop, boolean[] event, double[] riskScore, int[] strata,
            double[] weights, int[] cluster, Algorithm algorithm, TimeRanks known) {
        int n = stop.length;
        check(start, stop, event, riskScore, strata, weights, cluster);
        RadixOrder.Ranked scores = RadixOrder.ranks(riskScore, false);
        Pairs walk = null;
        if (algorithm != Algorithm.TIME_ORDER) {
            walk = scoreOrder(start, stop, event, scores, strata, weights, algorithm == Algorithm.SCORE_ORDER, known);
        }
        if (walk == null) {
            Walk w = new Walk(start, stop, event, scores, strata, weights);
            w.run();
            walk = new Pairs(w.concordant, w.discordant, w.tiedRisk, w.tiedTime, w.tiedBoth, w.coxSum, w.obs, w.w,
                    w.diff, w.total);
        }
        return summarize(walk, n, cluster, ConcordanceWeighting.HARRELL, null);
    }

    /**
     * Harrell's C and its standard error for a Cox model ({@link #forModel}) from cells: each cell stands for the
     * rows with its stratum, time, status and risk score, with their summed case weights and summed squared case
     * weights (a frequency table: the weight is the count and so are the squares). Equal to the rows' C and
     * standard error: rows of one cell never form a comparable pair (same time and status), every pair count is
     * linear in the weights, and the rows' influences differ only by their weight factor, so Σ dfbeta² over the
     * cell's rows is the cell's influence per unit weight squared times Σ w².
     *
     * @param time          time per cell
     * @param event         status per cell
     * @param riskScore     the linear predictor per cell
     * @param strata        stratum code per cell, or null
     * @param weight        Σ w of the cell's rows (their count without case weights)
     * @param weightSquares Σ w² of the cell's rows (their count without case weights)
     */
    public static Concordance ofCells(double[] time, boolean[] event, double[] riskScore, int[] strata,
            double[] weight, double[] weightSquares) {
        return ofCells(time, event, riskScore, strata, weight, weightSquares, null);
    }

    /**
     * {@link #ofCells(double[], boolean[], double[], int[], double[], double[])} with clusters (R {@code
     * concordance(fit)} of a fit with {@code cluster = }): the cells are also split by cluster, and the influences
     * are summed per cluster before squaring (a cell's influence is its Σw times its influence per unit weight, so the
     * squared weights are not needed).
     *
     * @param cluster cluster code per cell, or null (then by {@code weightSquares})
     */
    public static Concordance ofCells(double[] time, boolean[] event, double[] riskScore, int[] strata,
            double[] weight, double[] weightSquares, int[] cluster) {
        int n = time.length;
        check(null, time, event, riskScore, strata, weight, cluster);
        if (cluster == null && weightSquares.length != n) {
            throw new IllegalArgumentException("one sum of squared weights per cell: " + weightSquares.length
                    + " for " + n + " cells");
        }
        RadixOrder.Ranked scores = RadixOrder.ranks(riskScore, false);
        Pairs walk = scoreOrder(null, time, event, scores, strata, weight, false, null);
        if (walk == null) {
            Walk w = new Walk(null, time, event, scores, strata, weight);
            w.run();
            walk = new Pairs(w.concordant, w.discordant, w.tiedRisk, w.tiedTime, w.tiedBoth, w.coxSum, w.obs, w.w,
                    w.diff, w.total);
        }
        return summarize(walk, n, cluster, ConcordanceWeighting.HARRELL, cluster == null ? weightSquares : null)
                .concordance();
    }

    /** The estimate and the infinitesimal-jackknife variance from a walk's pair sums and influence terms. */
    static Detail summarize(Pairs walk, int n, int[] cluster, ConcordanceWeighting weighting,
            double[] weightSquares) {
        double pairs = walk.concordant() + walk.discordant() + walk.tiedRisk();
        double somers = (walk.concordant() - walk.discordant()) / pairs;
        // influence of each observation on Somers' d (walk order)
        double sumSq = 0;
        double[] sums = null;
        int[] code = null;
        if (cluster != null) {
            code = dense(cluster);
            int k = 0;
            for (int c : code) {
                k = Math.max(k, c + 1);
            }
            sums = new double[k];
        }
        double[] wt = walk.w();
        double[] diff = walk.diff();
        double[] total = walk.total();
        int[] obs = walk.obs();
        for (int pos = 0; pos < n; pos++) {
            double perWeight = diff[pos] / pairs - somers * total[pos] / pairs;
            double dfbeta = wt[pos] * perWeight;
            if (weightSquares != null) {
                sumSq += weightSquares[obs[pos]] * perWeight * perWeight;
            } else if (sums == null) {
                sumSq += dfbeta * dfbeta;
            } else {
                sums[code[obs[pos]]] += dfbeta;
            }
        }
        if (sums != null) {
            for (double v : sums) {
                sumSq += v * v;
            }
        }
        double estimate = (somers + 1) / 2;
        double variance = pairs > 0 ? sumSq / 4 : Double.NaN;
        double coxVariance = pairs > 0 ? walk.coxSum() / (4 * pairs * pairs) : Double.NaN;
        return new Detail(walk.concordant(), walk.discordant(), walk.tiedRisk(), walk.tiedTime() - walk.tiedBoth(),
                walk.tiedBoth(), estimate, variance, coxVariance, weighting);
    }

    /**
     * The score-order walk's pairs, in two ranges on two threads from {@code parallelRows} rows (the production
     * threshold is {@link ScoreOrderConcordance#PARALLEL_ROWS}; tests compare one range with two on small data).
     */
    static Pairs scoreOrder(double[] start, double[] stop, boolean[] event, double[] riskScore, int[] strata,
            double[] weights, int parallelRows) {
        check(start, stop, event, riskScore, strata, weights, null);
        return scoreOrder(start, stop, event, RadixOrder.ranks(riskScore, false), strata, weights, true, null,
                parallelRows);
    }

    /** The score-order walk's pairs, or null when {@code force} is false and the time-order walk's tree is smaller. */
    private static Pairs scoreOrder(double[] start, double[] stop, boolean[] event, RadixOrder.Ranked scores,
            int[] strata, double[] weights, boolean force, TimeRanks known) {
        return scoreOrder(start, stop, event, scores, strata, weights, force, known,
                TwoCores.ROWS);
    }

    private static Pairs scoreOrder(double[] start, double[] stop, boolean[] event, RadixOrder.Ranked scores,
            int[] strata, double[] weights, boolean force, TimeRanks known, int parallelRows) {
        int n = stop.length;
        int[] exitRank;
        int[] entryRank = null;
        int distinct;
        if (known != null) {
            exitRank = known.exit();
            entryRank = known.entry();
            distinct = known.distinct();
        } else if (start == null) {
            RankedTimes r = RankedTimes.of(stop, true);
            exitRank = r.rank();
            distinct = r.distinctCount();
        } else {
            double[] both = new double[2 * n];
            System.arraycopy(start, 0, both, 0, n);
            System.arraycopy(stop, 0, both, n, n);
            RankedTimes r = RankedTimes.of(both, true);
            entryRank = java.util.Arrays.copyOfRange(r.rank(), 0, n);
            exitRank = java.util.Arrays.copyOfRange(r.rank(), n, 2 * n);
            distinct = r.distinctCount();
            for (int i = 0; i < n; i++) {
                if (entryRank[i] >= exitRank[i]) {
                    throw zeroLength(i, start, stop);
                }
            }
        }
        if (!force && distinct >= scores.distinct().length) {
            return null;
        }
        int[] code = strata == null ? null : dense(strata);
        int s = 1;
        if (code != null) {
            for (int c : code) {
                s = Math.max(s, c + 1);
            }
        }
        return ScoreOrderConcordance.run(exitRank, entryRank, distinct, event, scores, code, s, weights, parallelRows);
    }

    private static IllegalArgumentException zeroLength(int i, double[] start, double[] stop) {
        return new IllegalArgumentException("observation " + (i + 1) + ": interval (" + start[i] + ", "
                + stop[i] + "] has length 0 once near-equal times are merged (R: aeqSurv exception)");
    }

    /** Stratum boundaries in an order sorted by stratum code: stratum b is [blocks[b], blocks[b + 1]). */
    static int[] blocks(int[] code, int s, int n) {
        int[] blocks = new int[s + 1];
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
        return blocks;
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
        int n = codes.length;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int c : codes) {
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        int[] out = new int[n];
        if (n > 0 && (long) max - min <= 4L * n + 16) {
            int[] index = new int[max - min + 1];
            for (int c : codes) {
                index[c - min] = 1;
            }
            int k = 0;
            for (int v = 0; v < index.length; v++) {
                index[v] = index[v] == 1 ? k++ : -1;
            }
            for (int i = 0; i < n; i++) {
                out[i] = index[codes[i] - min];
            }
            return out;
        }
        int[] sorted = codes.clone();
        Arrays.sort(sorted);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        int[] distinct = Arrays.copyOf(sorted, k);
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.binarySearch(distinct, codes[i]);
        }
        return out;
    }

    /**
     * The pass over the sorted data. Observations are handled in walk order (stratum, exit time
     * descending): position {@code pos} holds observation {@code obs[pos]}, and the per-observation
     * arrays are stored by position so the walk reads memory in sequence.
     */
    private static final class Walk {
        final int n;
        final int[] obs;       // observation at each walk position
        final int[] posOf;     // walk position of each observation
        final boolean[] event; // by position
        final double[] w;      // by position
        final int[] score;     // by position: rank of the risk score among the distinct scores
        final int[] exit;      // by position: rank of the (merged) exit time
        final int[] entry;     // by position: rank of the entry time pooled with the exits; null if right-censored
        final int[] byEntry;   // positions ordered by stratum, then entry time descending
        final int[] blocks;    // stratum boundaries (same in both orders)
        final PairTree tree;
        final double[] pending; // event weight per score rank at the current time (tied on time and score)
        final double[] diff;    // by position: concordant − discordant pairs
        final double[] total;   // by position: concordant + discordant + tied pairs
        double[] timeWeight;    // by position: the time weight of an event's pairs (Uno's 1/G(t−)²); null = 1
        double concordant;
        double discordant;
        double tiedRisk;
        double tiedTime;
        double tiedBoth;
        double coxSum;
        double z2; // Σ over the risk set of w rₖ², rₖ = weight above − weight below

        Walk(double[] start, double[] stop, boolean[] events, RadixOrder.Ranked scores, int[] strata,
                double[] weights) {
            n = stop.length;
            int[] exitRank;
            int[] entryRank = null;
            int[] descExit = new int[n];   // observations by exit time descending
            int[] descEntry = null;
            if (start == null) {
                RadixOrder.Ranked r = RadixOrder.ranks(stop, true);
                exitRank = r.rank();
                for (int k = 0; k < n; k++) {
                    descExit[k] = r.order()[n - 1 - k];
                }
            } else {
                double[] both = new double[2 * n];
                System.arraycopy(start, 0, both, 0, n);
                System.arraycopy(stop, 0, both, n, n);
                RadixOrder.Ranked r = RadixOrder.ranks(both, true);
                entryRank = Arrays.copyOfRange(r.rank(), 0, n);
                exitRank = Arrays.copyOfRange(r.rank(), n, 2 * n);
                for (int i = 0; i < n; i++) {
                    if (entryRank[i] >= exitRank[i]) {
                        throw zeroLength(i, start, stop);
                    }
                }
                descEntry = new int[n];
                int a = 0;
                int b = 0;
                for (int k = 2 * n - 1; k >= 0; k--) {
                    int q = r.order()[k];
                    if (q >= n) {
                        descExit[a++] = q - n;
                    } else {
                        descEntry[b++] = q;
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
            // score ranks within each stratum: a stratum's tree only spans its own distinct scores
            int[] scoreRank = scores.rank();
            int m = scores.distinct().length;
            if (code != null) {
                scoreRank = new int[n];
                int[] last = new int[s];
                int[] count = new int[s];
                Arrays.fill(last, -1);
                for (int k = 0; k < n; k++) {
                    int i = scores.order()[k];
                    int c = code[i];
                    int g = scores.rank()[i];
                    if (g != last[c]) {
                        last[c] = g;
                        count[c]++;
                    }
                    scoreRank[i] = count[c] - 1;
                }
                m = 0;
                for (int c : count) {
                    m = Math.max(m, c);
                }
            }
            obs = code == null ? descExit : CoxRiskSets.countingSort(descExit, code, s);
            posOf = new int[n];
            event = new boolean[n];
            w = new double[n];
            score = new int[n];
            exit = new int[n];
            entry = entryRank == null ? null : new int[n];
            for (int pos = 0; pos < n; pos++) {
                int i = obs[pos];
                posOf[i] = pos;
                event[pos] = events[i];
                w[pos] = weights == null ? 1 : weights[i];
                score[pos] = scoreRank[i];
                exit[pos] = exitRank[i];
                if (entry != null) {
                    entry[pos] = entryRank[i];
                }
            }
            if (descEntry != null) {
                int[] sorted = code == null ? descEntry : CoxRiskSets.countingSort(descEntry, code, s);
                byEntry = new int[n];
                for (int k = 0; k < n; k++) {
                    byEntry[k] = posOf[sorted[k]];
                }
            } else {
                byEntry = null;
            }
            blocks = ConcordanceIndex.blocks(code, s, n);
            tree = new PairTree(m);
            pending = new double[m];
            diff = new double[n];
            total = new double[n];
        }

        /**
         * Uno's weights 1/G(t−)² at each event position, G the censoring Kaplan–Meier curve of the stratum
         * (weighted; at a time t the events leave first, so G's risk set at t is the weight at risk minus the events
         * at t), as R's {@code fastkm1}; a stratum with fewer than two events keeps weight 1 (R's rule).
         */
        void unoWeights() {
            timeWeight = new double[n];
            java.util.Arrays.fill(timeWeight, 1);
            for (int b = 0; b + 1 < blocks.length; b++) {
                int lo = blocks[b];
                int hi = blocks[b + 1];
                int events = 0;
                double atRisk = 0;
                for (int q = lo; q < hi; q++) {
                    events += event[q] ? 1 : 0;
                    atRisk += w[q];
                }
                if (events < 2) {
                    continue;
                }
                double g = 1;
                int q = hi - 1; // walk positions run by decreasing time: the earliest time is last
                while (q >= lo) {
                    int t = exit[q];
                    int first = q;
                    double dead = 0;
                    double censored = 0;
                    while (q >= lo && exit[q] == t) {
                        if (event[q]) {
                            dead += w[q];
                        } else {
                            censored += w[q];
                        }
                        q--;
                    }
                    for (int k = q + 1; k <= first; k++) {
                        if (event[k]) {
                            timeWeight[k] = 1 / (g * g);
                        }
                    }
                    if (censored > 0) {
                        g *= 1 - censored / (atRisk - dead);
                    }
                    atRisk -= dead + censored;
                }
            }
        }

        void run() {
            for (int b = 0; b + 1 < blocks.length; b++) {
                if (b > 0 && !tree.clearAll(blocks[b] - blocks[b - 1])) {
                    for (int pos = blocks[b - 1]; pos < blocks[b]; pos++) {
                        tree.zeroPath(score[pos]);
                    }
                }
                stratum(blocks[b], blocks[b + 1]);
            }
        }

        private void stratum(int lo, int hi) {
            z2 = 0;
            int out = lo; // next candidate to leave, in byEntry
            int i = lo;
            while (i < hi) {
                int t = exit[i];
                int end = i;
                int nEvents = 0;
                int lastEvent = -1;
                while (end < hi && exit[end] == t) {
                    if (event[end]) {
                        nEvents++;
                        lastEvent = end;
                    }
                    end++;
                }
                // the censored at t join the risk set first: they outlive the events at t
                for (int q = i; q < end; q++) {
                    if (!event[q]) {
                        enter(q);
                    }
                }
                if (nEvents > 0 && entry != null) {
                    while (out < hi && entry[byEntry[out]] >= t) {
                        leave(byEntry[out++]);
                    }
                }
                if (nEvents == 1) {
                    single(lastEvent);
                } else if (nEvents > 1) {
                    // the events at t against everyone at risk (censored at t included)
                    double deadWeight = 0;
                    for (int q = i; q < end; q++) {
                        if (!event[q]) {
                            continue;
                        }
                        int r = score[q];
                        double wq = w[q];
                        double v = timeWeight == null ? 1 : timeWeight[q];
                        double ew = wq * v;
                        tree.walk(r, 0, ew);
                        double below = tree.riskBelow;
                        double same = tree.riskAt(r);
                        double above = tree.riskTotal() - below - same;
                        concordant += ew * below;
                        discordant += ew * above;
                        tiedRisk += ew * same;
                        diff[q] += v * (below - above);
                        total[q] += v * (below + above + same);
                        tiedTime += ew * deadWeight;
                        tiedBoth += ew * pending[r];
                        pending[r] += wq;
                        deadWeight += wq;
                    }
                    for (int q = i; q < end; q++) {
                        if (event[q]) {
                            pending[score[q]] = 0;
                        }
                    }
                    // the events join the risk set (and start collecting later events as the later member)
                    for (int q = i; q < end; q++) {
                        if (event[q]) {
                            enter(q);
                        }
                    }
                    if (tree.riskTotal() > 0) {
                        coxSum += deadWeight * z2 / tree.riskTotal();
                    }
                }
                i = end;
            }
            if (entry == null) {
                settleAll(lo, hi);
            } else {
                for (; out < hi; out++) {
                    settle(byEntry[out]);
                }
            }
        }

        /**
         * The only event at its time, in one walk: its pairs with everyone at risk, then it joins the
         * risk set (the sums below its rank do not include its own cell, so both updates can share the walk).
         */
        private void single(int q) {
            int r = score[q];
            double wq = w[q];
            double v = timeWeight == null ? 1 : timeWeight[q];
            double ew = wq * v;
            double sameRisk = tree.riskAt(r);
            double sameEvents = tree.eventsAt(r);
            tree.walk(r, wq, ew);
            double below = tree.riskBelow;
            double above = tree.riskTotal() - wq - below - sameRisk;
            concordant += ew * below;
            discordant += ew * above;
            tiedRisk += ew * sameRisk;
            double eBelow = tree.eventBelow;
            double eAbove = tree.eventTotal() - eBelow - sameEvents - ew;
            diff[q] += v * (below - above) - (eAbove - eBelow);
            total[q] += v * (below + above + sameRisk) - tree.eventTotal();
            z2 += rankSquares(wq, below, sameRisk, above);
            if (tree.riskTotal() > 0) {
                coxSum += wq * z2 / tree.riskTotal();
            }
        }

        /** Joins the risk set: start counting the events that follow (earlier in time). */
        private void enter(int q) {
            int r = score[q];
            double sameEvents = tree.eventsAt(r);
            double sameRisk = tree.riskAt(r);
            tree.walk(r, w[q], 0);
            double eBelow = tree.eventBelow;
            double eAbove = tree.eventTotal() - eBelow - sameEvents;
            diff[q] -= eAbove - eBelow;
            total[q] -= tree.eventTotal();
            double below = tree.riskBelow;
            double above = tree.riskTotal() - w[q] - below - sameRisk;
            z2 += rankSquares(w[q], below, sameRisk, above);
        }

        /** Leaves the risk set (counting-process data: the time fell to its entry). */
        private void leave(int q) {
            int r = score[q];
            tree.walk(r, -w[q], 0);
            double eBelow = tree.eventBelow;
            double eAbove = tree.eventTotal() - eBelow - tree.eventsAt(r);
            diff[q] += eAbove - eBelow;
            total[q] += tree.eventTotal();
            double below = tree.riskBelow;
            double same = tree.riskAt(r);
            double above = tree.riskTotal() - below - same;
            z2 -= rankSquares(w[q], below, same, above);
        }

        /** Adds the events seen while q was at risk: event-tree sums now minus at entry. */
        private void settle(int q) {
            int r = score[q];
            tree.walk(r, 0, 0);
            double eBelow = tree.eventBelow;
            double eAbove = tree.eventTotal() - eBelow - tree.eventsAt(r);
            diff[q] += eAbove - eBelow;
            total[q] += tree.eventTotal();
        }

        /** {@link #settle} for a whole stratum; one sequential pass over the tree when the stratum is large. */
        private void settleAll(int lo, int hi) {
            double[] below = tree.eventPrefix(hi - lo);
            double all = tree.eventTotal();
            for (int q = lo; q < hi; q++) {
                if (below == null) {
                    settle(q);
                } else {
                    int r = score[q];
                    double eAbove = all - below[r] - tree.eventsAt(r);
                    diff[q] += eAbove - below[r];
                    total[q] += all;
                }
            }
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

    /**
     * Two sets of weights by score rank — observations at risk and events seen. The ranks are cut into
     * blocks of {@value #BLOCK} consecutive cells; a bottom-up segment tree holds the block totals, each
     * node with both sums side by side. The weight below rank r is the sum of the cells before r in its
     * block plus the left siblings on the path from its block to the root: one short sequential scan
     * and one walk that touches one cache line per level, the upper levels of a small tree staying in
     * cache even for a million distinct scores.
     */
    private static final class PairTree {
        private static final int SHIFT = 4;
        private static final int BLOCK = 1 << SHIFT;
        private final int leaves;
        private final int depth;
        private final double[] cell; // cell[2r] at risk, cell[2r + 1] events
        private final double[] t;    // t[2v] at risk, t[2v + 1] events of block sums; root v = 1, block b: v = leaves + b
        private double[] prefix;
        double riskBelow;
        double eventBelow;

        PairTree(int m) {
            int blocks = (m + BLOCK - 1) >>> SHIFT;
            int size = 1;
            int d = 0;
            while (size < blocks) {
                size <<= 1;
                d++;
            }
            leaves = size;
            depth = d + BLOCK;
            cell = new double[2 * (blocks << SHIFT)];
            t = new double[4 * size];
        }

        /** Sums both sets over the ranks below r (into riskBelow, eventBelow) and adds dr, de at rank r. */
        void walk(int r, double dr, double de) {
            double rb = 0;
            double eb = 0;
            double[] c = cell;
            for (int k = 2 * ((r >>> SHIFT) << SHIFT), end = 2 * r; k < end; k += 2) {
                rb += c[k];
                eb += c[k + 1];
            }
            c[2 * r] += dr;
            c[2 * r + 1] += de;
            double[] a = t;
            for (int v = leaves + (r >>> SHIFT); v > 1; v >>= 1) {
                int i = v << 1;
                if ((v & 1) == 1) {
                    rb += a[i - 2];
                    eb += a[i - 1];
                }
                a[i] += dr;
                a[i + 1] += de;
            }
            a[2] += dr;
            a[3] += de;
            riskBelow = rb;
            eventBelow = eb;
        }

        double riskAt(int r) {
            return cell[2 * r];
        }

        double eventsAt(int r) {
            return cell[2 * r + 1];
        }

        double riskTotal() {
            return t[2];
        }

        double eventTotal() {
            return t[3];
        }

        /**
         * The event weight below every rank, from one pass over the cells, when that is cheaper than
         * {@code count} walks; null otherwise.
         */
        double[] eventPrefix(int count) {
            int m = cell.length / 2;
            if ((long) count * depth < m) {
                return null;
            }
            if (prefix == null) {
                prefix = new double[m];
            }
            double s = 0;
            for (int r = 0; r < m; r++) {
                prefix[r] = s;
                s += cell[2 * r + 1];
            }
            return prefix;
        }

        /**
         * Zeroes the whole tree after a stratum of {@code count} observations when that is cheaper than
         * zeroing their paths; returns false (nothing done) otherwise.
         */
        boolean clearAll(int count) {
            if ((long) count * depth < cell.length + t.length) {
                return false;
            }
            Arrays.fill(cell, 0);
            Arrays.fill(t, 0);
            return true;
        }

        void zeroPath(int r) {
            cell[2 * r] = 0;
            cell[2 * r + 1] = 0;
            for (int v = leaves + (r >>> SHIFT); v >= 1; v >>= 1) {
                t[2 * v] = 0;
                t[2 * v + 1] = 0;
            }
        }
    }
}

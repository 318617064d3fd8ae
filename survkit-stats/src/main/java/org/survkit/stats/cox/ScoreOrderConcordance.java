package org.survkit.stats.cox;

import org.survkit.stats.internal.TwoCores;
import org.survkit.stats.internal.RadixOrder;

/**
 * The pair counts of {@link ConcordanceIndex} from a walk in increasing score order, for data with
 * few distinct times (dates rounded to days, registry follow-up in months): a million rows with ten
 * thousand distinct times. The roles of {@link ConcordanceIndex}'s time-order walk are swapped —
 * observations are visited by stratum and increasing risk score, and a Fenwick tree over the ranks of
 * the distinct times (small enough to stay in cache) holds what has been visited: weight by exit
 * time, event weight by exit time and (counting-process data) weight by entry time. When a group of
 * equal scores is reached, the tree holds exactly the observations with a lower score, so
 * <ul>
 * <li>an event i at time t has below it, among those at risk at t, the visited weight with exit
 * after t or censored at t and entry before t: {@code Σ_{exit > t} + censored at t − Σ_{entry ≥ t}};</li>
 * <li>an observation j has below it, among the events whose risk set holds j (event time before its
 * exit, or at its exit if it is censored, and after its entry), the visited event weight in that
 * time window.</li>
 * </ul>
 * The totals of those windows over the whole stratum come from prefix sums of a first pass, so the
 * weight above is the total minus below minus tied; ties on the score are the group's own
 * contribution (a second query after the group joins the tree). Every count and per-observation
 * influence equals the time-order walk's; only the Cox-model variance ({@code cvar}), which needs the
 * whole risk set at each event time, is not computed here (NaN).
 *
 * <p>Time O(n log m) with m distinct times per stratum, memory O(n). From {@value TwoCores#ROWS} rows the walk
 * runs in two ranges of score positions on two threads ({@link #run}).
 */
final class ScoreOrderConcordance {

    private ScoreOrderConcordance() {
    }

    /**
     * The pairs and influence terms. From {@code parallelRows} rows the walk runs in two ranges of score positions
     * on two threads, cut near n/2 at the start of a group of equal scores or of a stratum; the second range starts
     * from the tree that the first range's observations of its stratum leave. Without case weights every sum is of
     * integers and the result is the one-range walk's bit for bit; with weights only the order of additions differs.
     *
     * @param exitRank     rank of each observation's (merged) exit time among the pooled distinct times
     * @param entryRank    rank of each entry time in the same pooled ranking, or null (right-censored)
     * @param distinct     number of pooled distinct times
     * @param scores       risk scores ranked ascending ({@link RadixOrder#ranks})
     * @param code         stratum codes 0..s−1, or null
     * @param parallelRows {@link TwoCores#ROWS} (tests: any size)
     */
    static ConcordanceIndex.Pairs run(int[] exitRank, int[] entryRank, int distinct, boolean[] events,
            RadixOrder.Ranked scores, int[] code, int s, double[] weights, int parallelRows) {
        int n = exitRank.length;
        int[] obs = code == null ? scores.order() : CoxRiskSets.countingSort(scores.order(), code, s);
        int[] blocks = ConcordanceIndex.blocks(code, s, n);
        // time ranks local to each stratum, so a stratum's tree only spans its own times
        int[] localExit = exitRank;
        int[] localEntry = entryRank;
        int[] span = new int[s];
        if (code == null) {
            span[0] = distinct;
        } else {
            int items = entryRank == null ? n : 2 * n;
            int[] rankOf = new int[items];
            int[] stratumOf = new int[items];
            int[] ids = new int[items];
            for (int it = 0; it < items; it++) {
                ids[it] = it;
                rankOf[it] = it < n ? exitRank[it] : entryRank[it - n];
                stratumOf[it] = code[it < n ? it : it - n];
            }
            int[] sorted = CoxRiskSets.countingSort(CoxRiskSets.countingSort(ids, rankOf, distinct), stratumOf, s);
            int[] local = new int[items];
            int prevStratum = -1;
            int prevRank = -1;
            int counter = -1;
            for (int it : sorted) {
                int st = stratumOf[it];
                if (st != prevStratum) {
                    prevStratum = st;
                    prevRank = -1;
                    counter = -1;
                }
                if (rankOf[it] != prevRank) {
                    prevRank = rankOf[it];
                    counter++;
                }
                local[it] = counter;
                span[st] = counter + 1;
            }
            localExit = new int[n];
            System.arraycopy(local, 0, localExit, 0, n);
            if (entryRank != null) {
                localEntry = new int[n];
                System.arraycopy(local, n, localEntry, 0, n);
            }
        }
        int maxSpan = 1;
        for (int m : span) {
            maxSpan = Math.max(maxSpan, m);
        }
        Positions p = new Positions(n, entryRank != null);
        int[] scoreRank = scores.rank();
        int[] exitOf = localExit;
        int[] entryOf = localEntry;
        TwoCores.inHalves(n, (from, to) -> {
            boolean[] event = p.event;
            double[] w = p.w;
            int[] score = p.score;
            int[] exit = p.exit;
            int[] entry = p.entry;
            for (int pos = from; pos < to; pos++) {
                int i = obs[pos];
                event[pos] = events[i];
                w[pos] = weights == null ? 1 : weights[i];
                score[pos] = scoreRank[i];
                exit[pos] = exitOf[i];
                if (entry != null) {
                    entry[pos] = entryOf[i];
                }
            }
        });
        int split = n < Math.max(2, parallelRows) ? n : splitPosition(p.score, blocks, n);
        if (split == n) {
            Walk walk = new Walk(p, maxSpan);
            for (int b = 0; b < s; b++) {
                if (blocks[b] < blocks[b + 1]) {
                    walk.stratum(blocks[b], blocks[b + 1], span[b]);
                }
            }
            return new ConcordanceIndex.Pairs(walk.concordant, walk.discordant, walk.tiedRisk, walk.tiedTime,
                    walk.tiedBoth, Double.NaN, obs, p.w, p.diff, p.total);
        }
        return inTwoRanges(p, split, blocks, span, maxSpan, obs);
    }

    /** n/2, or the first start of a group of equal scores or of a stratum after it (n: none). */
    private static int splitPosition(int[] score, int[] blocks, int n) {
        int k = n / 2;
        while (k < n && score[k] == score[k - 1] && java.util.Arrays.binarySearch(blocks, k) < 0) {
            k++;
        }
        return k;
    }

    /**
     * Positions [0, split) on one thread, [split, n) on another. The stratum that holds the split (when it does not
     * start there) is summed by time in its two parts first, concurrently; its whole sums are the two parts added,
     * and the second walker's tree is built from the first part's sums in O(m).
     */
    private static ConcordanceIndex.Pairs inTwoRanges(Positions p, int split, int[] blocks, int[] span, int maxSpan,
            int[] obs) {
        int s = span.length;
        int b = 0;
        while (blocks[b + 1] <= split) {
            b++; // stratum b holds position split: blocks[b] <= split < blocks[b + 1]
        }
        int cut = b;
        int lo = blocks[b];
        int hi = blocks[b + 1];
        int m = span[b];
        boolean inside = lo < split;
        Walk first = new Walk(p, maxSpan);
        Walk second = new Walk(p, maxSpan);
        Sums whole = inside ? new Sums(maxSpan, p.counting) : null;
        double splitTied = 0;
        if (inside) {
            TwoCores.inParts(2, h -> {
                if (h == 0) {
                    first.own.add(p, lo, split, m);
                } else {
                    second.own.add(p, split, hi, m);
                }
            });
            whole.addUp(first.own, second.own, m);
            splitTied = whole.prefixes(m, 0);
            second.startFrom(first.own, m);
        }
        TwoCores.inParts(2, h -> {
            if (h == 0) {
                for (int c = 0; c < cut; c++) {
                    if (blocks[c] < blocks[c + 1]) {
                        first.stratum(blocks[c], blocks[c + 1], span[c]);
                    }
                }
                if (inside) {
                    first.use(whole);
                    first.clear(m);
                    first.walk(lo, split, m);
                }
            } else {
                if (inside) {
                    second.use(whole);
                    second.walk(split, hi, m);
                }
                for (int c = inside ? cut + 1 : cut; c < s; c++) {
                    if (blocks[c] < blocks[c + 1]) {
                        second.stratum(blocks[c], blocks[c + 1], span[c]);
                    }
                }
            }
        });
        return new ConcordanceIndex.Pairs(first.concordant + second.concordant, first.discordant + second.discordant,
                first.tiedRisk + second.tiedRisk, first.tiedTime + splitTied + second.tiedTime,
                first.tiedBoth + second.tiedBoth, Double.NaN, obs, p.w, p.diff, p.total);
    }

    /** The walk's data by position (stratum, then increasing score), with each position's influence terms. */
    private static class Positions {
        final boolean counting;
        final boolean[] event;
        final double[] w;
        final int[] score;
        final int[] exit;
        final int[] entry;
        final double[] diff;
        final double[] total;

        Positions(int n, boolean counting) {
            this.counting = counting;
            event = new boolean[n];
            w = new double[n];
            score = new int[n];
            exit = new int[n];
            entry = counting ? new int[n] : null;
            diff = new double[n];
            total = new double[n];
        }

        /** The same arrays (a walker's own fields: one load each in the hot loops under C1). */
        Positions(Positions p) {
            counting = p.counting;
            event = p.event;
            w = p.w;
            score = p.score;
            exit = p.exit;
            entry = p.entry;
            diff = p.diff;
            total = p.total;
        }
    }

    /** Sums by time rank over (part of) a stratum: weight by exit, event weight by exit, weight by entry; prefix sums. */
    private static final class Sums {
        final boolean counting;
        final double[] allA;
        final double[] allB;
        final double[] allN;
        final double[] sqB;
        final double[] prefA;
        final double[] prefB;
        final double[] prefN;

        Sums(int maxSpan, boolean counting) {
            this.counting = counting;
            allA = new double[maxSpan];
            allB = new double[maxSpan];
            allN = counting ? new double[maxSpan] : null;
            sqB = new double[maxSpan];
            prefA = new double[maxSpan + 1];
            prefB = new double[maxSpan + 1];
            prefN = counting ? new double[maxSpan + 1] : null;
        }

        /** The sums over positions lo..hi−1 (time ranks 0..m−1). */
        void add(Positions p, int lo, int hi, int m) {
            double[] a = allA;
            double[] b = allB;
            double[] sq = sqB;
            double[] en = allN;
            java.util.Arrays.fill(a, 0, m, 0);
            java.util.Arrays.fill(b, 0, m, 0);
            java.util.Arrays.fill(sq, 0, m, 0);
            if (counting) {
                java.util.Arrays.fill(en, 0, m, 0);
            }
            boolean[] event = p.event;
            double[] w = p.w;
            int[] exit = p.exit;
            int[] entry = p.entry;
            for (int q = lo; q < hi; q++) {
                double wq = w[q];
                int t = exit[q];
                a[t] += wq;
                if (event[q]) {
                    b[t] += wq;
                    sq[t] += wq * wq;
                }
                if (counting) {
                    en[entry[q]] += wq;
                }
            }
        }

        /** The sums of two parts of a stratum. */
        void addUp(Sums x, Sums y, int m) {
            for (int r = 0; r < m; r++) {
                allA[r] = x.allA[r] + y.allA[r];
                allB[r] = x.allB[r] + y.allB[r];
                sqB[r] = x.sqB[r] + y.sqB[r];
                if (counting) {
                    allN[r] = x.allN[r] + y.allN[r];
                }
            }
        }

        /** The prefix sums; returns {@code tiedTime} plus the stratum's pairs of events at the same time. */
        double prefixes(int m, double tiedTime) {
            for (int r = 0; r < m; r++) {
                prefA[r + 1] = prefA[r] + allA[r];
                prefB[r + 1] = prefB[r] + allB[r];
                if (counting) {
                    prefN[r + 1] = prefN[r] + allN[r];
                }
                tiedTime += (allB[r] * allB[r] - sqB[r]) / 2;
            }
            return tiedTime;
        }
    }

    /** One walker: the tree of the visited observations of its stratum and its pair sums. */
    private static final class Walk extends Positions {
        // whole-stratum sums by time rank (own, or of a stratum shared with the other walker)
        final Sums own;
        double[] allB;
        double[] prefA;
        double[] prefB;
        double[] prefN;
        // the visited observations: point values and a Fenwick tree (A, B, N interleaved)
        final double[] cellB;
        final double[] fen;
        final double[] tiedScratch;
        double[] groupBelow = new double[16];
        double[] groupEBelow = new double[16];
        double totA;
        double totN;
        double preA;
        double preB;
        double preN;
        double concordant;
        double discordant;
        double tiedRisk;
        double tiedTime;
        double tiedBoth;

        Walk(Positions p, int maxSpan) {
            super(p);
            own = new Sums(maxSpan, counting);
            cellB = new double[maxSpan];
            fen = new double[3 * (maxSpan + 1)];
            tiedScratch = new double[maxSpan];
        }

        /** A whole stratum, positions lo..hi−1 with m time ranks. */
        void stratum(int lo, int hi, int m) {
            clear(m);
            own.add(this, lo, hi, m);
            tiedTime = own.prefixes(m, tiedTime);
            use(own);
            walk(lo, hi, m);
        }

        void use(Sums sums) {
            allB = sums.allB;
            prefA = sums.prefA;
            prefB = sums.prefB;
            prefN = sums.prefN;
        }

        /** An empty tree. */
        void clear(int m) {
            java.util.Arrays.fill(cellB, 0, m, 0);
            java.util.Arrays.fill(fen, 0, 3 * (m + 1), 0);
            totA = 0;
            totN = 0;
        }

        /**
         * The tree that inserting the observations summed in {@code visited} leaves, in O(m): each node i holds the
         * sums over the ranks i − (i &amp; −i) .. i − 1, built by adding every node into its parent in increasing order.
         */
        void startFrom(Sums visited, int m) {
            double[] f = fen;
            double[] a = visited.allA;
            double[] b = visited.allB;
            double[] en = visited.allN;
            java.util.Arrays.fill(f, 0, 3 * (m + 1), 0);
            double sumA = 0;
            double sumN = 0;
            for (int r = 0; r < m; r++) {
                int i = 3 * (r + 1);
                f[i] = a[r];
                f[i + 1] = b[r];
                cellB[r] = b[r];
                sumA += a[r];
                if (counting) {
                    f[i + 2] = en[r];
                    sumN += en[r];
                }
            }
            for (int i = 1; i <= m; i++) {
                int j = i + (i & -i);
                if (j <= m) {
                    f[3 * j] += f[3 * i];
                    f[3 * j + 1] += f[3 * i + 1];
                    f[3 * j + 2] += f[3 * i + 2];
                }
            }
            totA = sumA;
            totN = sumN;
        }

        /** Positions from..to−1 of a stratum with m time ranks, from the tree as it is (from starts a score group). */
        void walk(int from, int to, int m) {
            int g0 = from;
            while (g0 < to) {
                int g1 = g0 + 1;
                while (g1 < to && score[g1] == score[g0]) {
                    g1++;
                }
                if (g1 - g0 == 1) {
                    int q = g0;
                    query(q);
                    double below = event[q] ? riskBelow(q) : 0;
                    double eBelow = eventBelow(q);
                    finish(q, below, 0, eBelow, 0, m);
                    insert(q, m);
                } else {
                    group(g0, g1, m);
                }
                g0 = g1;
            }
        }

        /** A group of equal scores: sums below before it joins the tree, ties from the sums after. */
        private void group(int g0, int g1, int m) {
            int size = g1 - g0;
            if (groupBelow.length < size) {
                groupBelow = new double[Math.max(size, 2 * groupBelow.length)];
                groupEBelow = new double[groupBelow.length];
            }
            for (int q = g0; q < g1; q++) {
                query(q);
                groupBelow[q - g0] = event[q] ? riskBelow(q) : 0;
                groupEBelow[q - g0] = eventBelow(q);
            }
            for (int q = g0; q < g1; q++) {
                insert(q, m);
            }
            // events of the group at the same time: tied on both
            for (int q = g0; q < g1; q++) {
                if (event[q]) {
                    tiedBoth += w[q] * tiedScratch[exit[q]];
                    tiedScratch[exit[q]] += w[q];
                }
            }
            for (int q = g0; q < g1; q++) {
                tiedScratch[exit[q]] = 0;
            }
            for (int q = g0; q < g1; q++) {
                query(q);
                double below = groupBelow[q - g0];
                double eBelow = groupEBelow[q - g0];
                double same = event[q] ? riskBelow(q) - below : 0;
                double eSame = eventBelow(q) - eBelow;
                finish(q, below, same, eBelow, eSame, m);
            }
        }

        /** Fenwick prefix sums of the visited weight over the time ranks below exit[q] (and below its entry). */
        private void query(int q) {
            double a = 0;
            double b = 0;
            double c = 0;
            double[] f = fen;
            for (int i = exit[q]; i > 0; i -= i & -i) {
                a += f[3 * i];
                b += f[3 * i + 1];
                c += f[3 * i + 2];
            }
            preA = a;
            preB = b;
            preN = c;
            if (counting) {
                double be = 0;
                for (int i = entry[q]; i > 0; i -= i & -i) {
                    be += f[3 * i + 1];
                }
                preEntryB = be + cellB[entry[q]];
            }
        }

        private double preEntryB;

        /** Visited weight at risk at event q's time: exit after it or censored at it, entry before it. */
        private double riskBelow(int q) {
            // Σ_{exit > t} + Σ_{exit = t, censored} = totA − Σ_{exit < t} − events at t
            double r = totA - preA - cellB[exit[q]];
            if (counting) {
                r -= totN - preN; // entry at or after t
            }
            return r;
        }

        /** Visited event weight in q's window as the later member: before its exit (at it if censored), after its entry. */
        private double eventBelow(int q) {
            double r = preB + (event[q] ? 0 : cellB[exit[q]]);
            if (counting) {
                r -= preEntryB;
            }
            return r;
        }

        private void insert(int q, int m) {
            double wq = w[q];
            double db = event[q] ? wq : 0;
            double[] f = fen;
            for (int i = exit[q] + 1; i <= m; i += i & -i) {
                f[3 * i] += wq;
                f[3 * i + 1] += db;
            }
            cellB[exit[q]] += db;
            totA += wq;
            if (counting) {
                for (int i = entry[q] + 1; i <= m; i += i & -i) {
                    f[3 * i + 2] += wq;
                }
                totN += wq;
            }
        }

        private void finish(int q, double below, double same, double eBelow, double eSame, int m) {
            int t = exit[q];
            if (event[q]) {
                double wq = w[q];
                double risk = prefA[m] - prefA[t] - allB[t];
                if (counting) {
                    risk -= prefN[m] - prefN[t];
                }
                double above = risk - below - same;
                concordant += wq * below;
                discordant += wq * above;
                tiedRisk += wq * same;
                diff[q] += below - above;
                total[q] += risk;
            }
            double eAll = prefB[t] + (event[q] ? 0 : allB[t]);
            if (counting) {
                eAll -= prefB[entry[q] + 1];
            }
            double eAbove = eAll - eBelow - eSame;
            diff[q] += eAbove - eBelow;
            total[q] += eAll;
        }
    }
}

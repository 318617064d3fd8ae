package org.survkit.stats.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The r × c Fisher exact p-value by a pruned network enumeration (see {@link FisherExact}).
 *
 * <p>Notation: a table's "path" value is L(x) = −Σ log xᵢⱼ!, so log P(x) = L(x) + log K with
 * K = Π rᵢ! Π cⱼ! / N!. Columns are filled in a fixed order; after k columns, a node is the sorted
 * vector ρ of row totals still to fill (rows are exchangeable from there on). Over all completions
 * of a node, Σ exp(L_rest) = (Σρ)! / (Πρᵢ! Π_{j≥k} cⱼ!), the multinomial identity behind the
 * hypergeometric law. A partial table ("past" value L_past, multiplicity w) at a node is settled
 * when L_past + max L_rest ≤ threshold (all completions count) or L_past + min L_rest &gt; threshold
 * (none does); only the others are expanded. Partial tables reaching the same node with the same
 * L_past (to 1e-9) are merged, which is where the network saves over listing tables.
 */
final class FisherNetwork {
    /** FEXACT's tolerance on the log-probability comparison. */
    static final double TOLERANCE = 3.45254e-7;
    private static final double MERGE_GRID = 1e9;
    /** Partial tables evaluated (kept or settled) allowed per partial table kept. */
    static final long EVALUATIONS_PER_KEPT = 40;

    private final int r;
    private final int c;
    private final int[] rowTotals;
    /** Column totals in processing order. */
    private final int[] cols;
    /** For each stage k, the remaining column totals cols[k..c) in ascending order. */
    private final int[][] remainingColsAsc;
    /** Σ_{j ≥ k} log cols[j]!. */
    private final double[] sufLogFactCols;
    private final double[] lf;
    private final double threshold;
    private final double logK;
    private final long workLimit;
    private final List<Map<Key, double[]>> boundMemo = new ArrayList<>();
    private long kept;
    private long evaluated;

    private FisherNetwork(int[][] t, long workLimit) {
        this.r = t.length;
        this.c = t[0].length;
        this.workLimit = workLimit;
        int[] rowTot = new int[r];
        int[] colTot = new int[c];
        int n = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                rowTot[i] += t[i][j];
                colTot[j] += t[i][j];
                n += t[i][j];
            }
        }
        this.rowTotals = rowTot;
        this.lf = logFactorials(n);
        double obs = 0;
        for (int[] row : t) {
            for (int x : row) {
                obs -= lf[x];
            }
        }
        this.threshold = obs + TOLERANCE;
        // largest columns first: they branch most, and the bounds are tight near the end
        int[] sorted = colTot.clone();
        Arrays.sort(sorted);
        this.cols = new int[c];
        for (int j = 0; j < c; j++) {
            cols[j] = sorted[c - 1 - j];
        }
        this.remainingColsAsc = new int[c][];
        this.sufLogFactCols = new double[c + 1];
        for (int k = c - 1; k >= 0; k--) {
            sufLogFactCols[k] = sufLogFactCols[k + 1] + lf[cols[k]];
            int[] rem = Arrays.copyOfRange(cols, k, c);
            Arrays.sort(rem);
            remainingColsAsc[k] = rem;
        }
        double lk = -lf[n];
        for (int v : rowTot) {
            lk += lf[v];
        }
        for (int v : colTot) {
            lk += lf[v];
        }
        this.logK = lk;
        for (int k = 0; k < c; k++) {
            boundMemo.add(new HashMap<>());
        }
    }

    /**
     * The two-sided p-value of a table with at least 2 rows and 2 columns, none empty.
     *
     * @throws IllegalStateException when more than {@code workLimit} partial tables would be kept, or
     *                               more than {@link #EVALUATIONS_PER_KEPT} times as many evaluated
     */
    static double pValue(int[][] table, long workLimit) {
        int[][] t = table.length <= table[0].length ? table : transpose(table);
        return new FisherNetwork(t, workLimit).run();
    }

    private double run() {
        int[] root = rowTotals.clone();
        Arrays.sort(root);
        Key rootKey = new Key(root);
        double[] b = bounds(rootKey, 0);
        if (b[1] <= threshold) {
            return 1; // every table is at most as probable as the observed one
        }
        if (fillCount(cols[0], root) > EVALUATIONS_PER_KEPT * (double) workLimit) {
            throw tooLarge(); // the first column alone has more fillings than the budget
        }
        Map<Key, Map<Long, double[]>> current = new HashMap<>();
        current.computeIfAbsent(rootKey, x -> new HashMap<>()).put(0L, new double[] {0, 1});
        double p = 0;
        for (int k = 0; k < c - 1 && !current.isEmpty(); k++) {
            Map<Key, Map<Long, double[]>> next = new HashMap<>();
            for (Map.Entry<Key, Map<Long, double[]>> e : current.entrySet()) {
                p += expand(e.getKey().m, k, e.getValue().values().toArray(new double[0][]), next);
            }
            current = next;
        }
        return p;
    }

    /**
     * Fills column k of a node in every way; settles what can be settled and keeps the rest in
     * {@code next}. Returns the probability settled as counted.
     */
    private double expand(int[] rho, int k, double[][] pasts, Map<Key, Map<Long, double[]>> next) {
        double[] settled = new double[1];
        int[] suffix = new int[r + 1];
        for (int i = r - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + rho[i];
        }
        int[] x = new int[r];
        fill(rho, suffix, x, 0, cols[k], 0.0, k, pasts, next, settled);
        return settled[0];
    }

    private void fill(int[] rho, int[] suffix, int[] x, int i, int rem, double value, int k, double[][] pasts,
            Map<Key, Map<Long, double[]>> next, double[] settled) {
        if (i == r - 1) {
            if (rem > rho[i]) {
                return;
            }
            x[i] = rem;
            arrive(rho, x, value - lf[rem], k, pasts, next, settled);
            return;
        }
        int lo = Math.max(0, rem - suffix[i + 1]);
        int hi = Math.min(rho[i], rem);
        for (int v = lo; v <= hi; v++) {
            x[i] = v;
            fill(rho, suffix, x, i + 1, rem - v, value - lf[v], k, pasts, next, settled);
        }
    }

    private void arrive(int[] rho, int[] x, double value, int k, double[][] pasts, Map<Key, Map<Long, double[]>> next,
            double[] settled) {
        int[] child = new int[r];
        for (int i = 0; i < r; i++) {
            child[i] = rho[i] - x[i];
        }
        Arrays.sort(child);
        evaluated += pasts.length;
        if (evaluated > EVALUATIONS_PER_KEPT * workLimit) {
            throw tooLarge();
        }
        Key key = new Key(child);
        double[] b = bounds(key, k + 1);
        Map<Long, double[]> slot = null;
        for (double[] past : pasts) {
            double l = past[0] + value;
            if (l + b[1] <= threshold) {
                settled[0] += past[1] * Math.exp(l + b[2] + logK);
            } else if (l + b[0] > threshold) {
                continue;
            } else {
                if (slot == null) {
                    slot = next.computeIfAbsent(key, z -> new HashMap<>());
                }
                double[] have = slot.get(Math.round(l * MERGE_GRID));
                if (have != null) {
                    have[1] += past[1];
                } else {
                    if (++kept > workLimit) {
                        throw tooLarge();
                    }
                    slot.put(Math.round(l * MERGE_GRID), new double[] {l, past[1]});
                }
            }
        }
    }

    /** Number of ways to fill a column of this total under the row caps (bounded compositions), as a double. */
    static double fillCount(int total, int[] caps) {
        double[] ways = new double[total + 1];
        ways[0] = 1;
        for (int cap : caps) {
            double[] next = new double[total + 1];
            double window = 0;
            for (int s = 0; s <= total; s++) {
                window += ways[s];
                if (s - cap - 1 >= 0) {
                    window -= ways[s - cap - 1];
                }
                next[s] = window;
            }
            ways = next;
        }
        return ways[total];
    }

    private IllegalStateException tooLarge() {
        return new IllegalStateException("the " + r + " x " + c + " table exceeds the work limit of Fisher's exact test ("
                + workLimit + " partial tables kept, " + EVALUATIONS_PER_KEPT * workLimit + " evaluated)");
    }

    /**
     * {lower bound of min L_rest, upper bound of max L_rest, log Σ exp(L_rest)} for a node at stage k
     * (columns k.. still to fill).
     */
    private double[] bounds(Key key, int k) {
        if (k == c) {
            return new double[] {0, 0, 0};
        }
        Map<Key, double[]> memo = boundMemo.get(k);
        double[] b = memo.get(key);
        if (b != null) {
            return b;
        }
        int[] rho = key.m;
        int total = 0;
        double sumLf = 0;
        for (int v : rho) {
            total += v;
            sumLf += lf[v];
        }
        double logTotal = lf[total] - sumLf - sufLogFactCols[k];
        if (k == c - 1) {
            b = new double[] {-sumLf, -sumLf, logTotal};
        } else {
            int[] colsAsc = remainingColsAsc[k];
            double hiCol = 0;
            double loCol = 0;
            for (int j = k; j < c; j++) {
                hiCol += spread(cols[j], rho, lf);
                loCol += concentrate(cols[j], rho, lf);
            }
            double hiRow = 0;
            double loRow = 0;
            for (int v : rho) {
                hiRow += spread(v, colsAsc, lf);
                loRow += concentrate(v, colsAsc, lf);
            }
            b = new double[] {Math.max(loCol, loRow), Math.min(hiCol, hiRow), logTotal};
        }
        memo.put(key, b);
        return b;
    }

    /**
     * max of −Σ log xᵢ! over integers 0 ≤ xᵢ ≤ capsAsc[i] with Σxᵢ = total: the most even fill
     * (optimal for a separable concave objective).
     */
    static double spread(int total, int[] capsAsc, double[] lf) {
        int m = capsAsc.length;
        int rem = total;
        double v = 0;
        for (int i = 0; i < m; i++) {
            int left = m - i;
            int q = rem / left;
            if (capsAsc[i] <= q) {
                v -= lf[capsAsc[i]];
                rem -= capsAsc[i];
            } else {
                int up = rem - q * left;
                return v - up * lf[q + 1] - (left - up) * lf[q];
            }
        }
        return v;
    }

    /**
     * min of −Σ log xᵢ! over the same set: fill the largest caps first (log x! is convex with
     * log 0! = 0, so moving mass into the larger cell never lowers Σ log xᵢ!).
     */
    static double concentrate(int total, int[] capsAsc, double[] lf) {
        int rem = total;
        double v = 0;
        for (int i = capsAsc.length - 1; i >= 0 && rem > 0; i--) {
            int x = Math.min(capsAsc[i], rem);
            v -= lf[x];
            rem -= x;
        }
        return v;
    }

    static int[][] transpose(int[][] t) {
        int[][] o = new int[t[0].length][t.length];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[0].length; j++) {
                o[j][i] = t[i][j];
            }
        }
        return o;
    }

    /** log k! for k = 0..n, summed with compensation (error ~1e-13 at n = 10⁴). */
    static double[] logFactorials(int n) {
        double[] lf = new double[n + 1];
        double sum = 0;
        double comp = 0;
        for (int k = 2; k <= n; k++) {
            double y = Math.log(k) - comp;
            double s = sum + y;
            comp = (s - sum) - y;
            sum = s;
            lf[k] = sum;
        }
        return lf;
    }

    /** A node: sorted remaining row totals. */
    static final class Key {
        final int[] m;
        private final int hash;

        Key(int[] m) {
            this.m = m;
            this.hash = Arrays.hashCode(m);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.m, m);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

package org.survkit.stats.baseline;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of independence for an r × c table of counts, two-sided, R
 * {@code fisher.test(table)}.
 *
 * <p>Given the row totals rᵢ, column totals cⱼ and N, a table x has the multivariate hypergeometric
 * probability
 * <pre>
 *   P(x) = Π rᵢ! Π cⱼ! / (N! Π xᵢⱼ!)
 * </pre>
 * and the p-value is the total probability of the tables with P(x) ≤ P(observed) (Freeman &amp;
 * Halton 1951, Biometrika 38:141–149), with R's allowances for rounding:
 * <ul>
 * <li>2 × 2 (R's dedicated code path): with d the hypergeometric probabilities of the first cell
 * over its support, p = Σ d[d ≤ d_obs·(1 + 10⁻⁷)];</li>
 * <li>larger tables (R: FEXACT, Mehta &amp; Patel 1983, J Am Stat Assoc 78:427–434; 1986, ACM TOMS
 * 12:154–161): tables with log P(x) ≤ log P(observed) + 3.45254·10⁻⁷, FEXACT's tolerance.</li>
 * </ul>
 *
 * <p>The r × c sum is computed exactly by a network algorithm written from Mehta &amp; Patel's
 * description: columns are filled one at a time; a node is the multiset of row totals still to
 * fill; tables reaching a node with the same probability so far are merged; and a node is settled
 * without expanding it when bounds on the probability of every completion put all of them at or
 * below the observed probability (their total is the closed form (Σρ)!/(Πρᵢ!Πcⱼ!)) or all above
 * it. The bounds come from relaxing one set of margins (the even spread maximises and the
 * concentrated fill minimises Σ log xᵢⱼ! under the other margins); they are exact for the last
 * column. This is enumeration, pruned: fast for the tables of a Table 1 (a few rows, hundreds or
 * thousands of subjects) but exponential in the worst case, so the work is capped
 * ({@link #withWorkLimit}: partial tables kept, and 40 times as many evaluated; the default stops
 * within a few seconds); beyond it
 * {@link #test} throws {@link IllegalStateException}
 * (R's FEXACT fails likewise with "workspace" errors), and a caller can fall back to the
 * chi-square test, as {@link Table1} does.
 *
 * <p>Edge cases: all-zero rows and columns are dropped (they change no probability); with fewer
 * than 2 non-empty rows or columns only one table is possible and p = 1. Negative counts raise
 * {@link IllegalArgumentException}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FisherExact {
    /** Default cap on partial tables kept by the network algorithm. */
    public static final long DEFAULT_WORK_LIMIT = 500_000L;
    private static final FisherExact DEFAULTS = new FisherExact(DEFAULT_WORK_LIMIT);
    /** R's relative tolerance in the 2 × 2 two-sided rule. */
    static final double RELATIVE_ERROR_2X2 = 1 + 1e-7;

    private final long workLimit;

    private FisherExact(long workLimit) {
        this.workLimit = workLimit;
    }

    /** The test with the default work limit. */
    public static FisherExact withDefaults() {
        return DEFAULTS;
    }

    /** A copy that keeps at most this many partial tables (≥ 1000) before giving up. */
    public FisherExact withWorkLimit(long partialTables) {
        if (partialTables < 1000) {
            throw new IllegalArgumentException("work limit must be at least 1000, got " + partialTables);
        }
        return new FisherExact(partialTables);
    }

    public long workLimit() {
        return workLimit;
    }

    /**
     * Two-sided test of independence.
     *
     * @param table counts, {@code table[row][column]}
     * @throws IllegalArgumentException for a ragged table or negative counts
     * @throws IllegalStateException    when the r × c network exceeds the work limit
     */
    public FisherExactResult test(int[][] table) {
        int[][] t = ContingencyTables.checked(table);
        if (t.length == 2 && t[0].length == 2) {
            return twoByTwo(t);
        }
        int[][] reduced = ContingencyTables.withoutEmptyMargins(t);
        int r = ContingencyTables.rows(reduced);
        int c = ContingencyTables.columns(reduced);
        if (r < 2 || c < 2) {
            return new FisherExactResult(1, r, c, FisherExactResult.Algorithm.SINGLE_TABLE);
        }
        double p = FisherNetwork.pValue(reduced, workLimit);
        return new FisherExactResult(Math.max(0, Math.min(1, p)), r, c, FisherExactResult.Algorithm.NETWORK);
    }

    /** R's 2 × 2 path: the hypergeometric law of x[0][0] given the margins. */
    private static FisherExactResult twoByTwo(int[][] t) {
        int x = t[0][0];
        int m = t[0][0] + t[1][0];
        int n = t[0][1] + t[1][1];
        int k = t[0][0] + t[0][1];
        int lo = Math.max(0, k - n);
        int hi = Math.min(k, m);
        int rows = (k > 0 ? 1 : 0) + (m + n - k > 0 ? 1 : 0);
        int cols = (m > 0 ? 1 : 0) + (n > 0 ? 1 : 0);
        if (hi == lo) {
            return new FisherExactResult(1, rows, cols, rows < 2 || cols < 2
                    ? FisherExactResult.Algorithm.SINGLE_TABLE : FisherExactResult.Algorithm.HYPERGEOMETRIC);
        }
        HypergeometricDistribution h = HypergeometricDistribution.of(m + n, m, k);
        double[] d = new double[hi - lo + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.length; i++) {
            d[i] = h.logProbability(lo + i);
            max = Math.max(max, d[i]);
        }
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.exp(d[i] - max);
            sum += d[i];
        }
        double cut = d[x - lo] / sum * RELATIVE_ERROR_2X2;
        double p = 0;
        for (double v : d) {
            if (v / sum <= cut) {
                p += v / sum;
            }
        }
        return new FisherExactResult(Math.min(1, p), rows, cols, FisherExactResult.Algorithm.HYPERGEOMETRIC);
    }
}

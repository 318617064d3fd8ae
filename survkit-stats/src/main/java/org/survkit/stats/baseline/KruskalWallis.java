package org.survkit.stats.baseline;

import java.util.List;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.internal.Ranks;

/**
 * The Kruskal–Wallis rank-sum test of k ≥ 2 independent samples, R {@code kruskal.test}: the
 * k-sample generalisation of the Wilcoxon rank-sum test, with the tie correction.
 *
 * <p>Pool the N observations, give tied values their mid-rank, let Rᵢ be the rank sum and nᵢ the
 * size of group i, and t the sizes of the groups of tied values:
 * <pre>
 *   H = [12 / (N(N + 1)) · Σ Rᵢ²/nᵢ − 3(N + 1)] / [1 − Σ(t³ − t) / (N³ − N)]
 *   p = P(χ²_{k−1} ≥ H)
 * </pre>
 * Reference: Kruskal &amp; Wallis (1952) J Am Stat Assoc 47:583–621; Hollander &amp; Wolfe, §6.1.
 * With k = 2 it equals the square of the Wilcoxon normal-approximation z without continuity
 * correction.
 *
 * <p>Edge cases: when all N values are equal the statistic is 0/0 = NaN (R too). Fewer than two
 * groups, an empty group, fewer than 2 observations in all, or non-finite values raise
 * {@link IllegalArgumentException} (R stops likewise).
 */
public final class KruskalWallis {
    private KruskalWallis() {
    }

    /** Tests that the k samples come from the same distribution. */
    public static ChiSquareTest test(double[]... groups) {
        return test(List.of(groups));
    }

    /**
     * Tests that the k samples come from the same distribution.
     *
     * @param groups the samples (finite values), at least two, none empty
     * @return H, its degrees of freedom k − 1 and the chi-square p-value
     */
    public static ChiSquareTest test(List<double[]> groups) {
        int k = groups.size();
        if (k < 2) {
            throw new IllegalArgumentException("the Kruskal-Wallis test needs at least two groups, got " + k);
        }
        int n = 0;
        for (int i = 0; i < k; i++) {
            double[] g = groups.get(i);
            TwoSampleTTest.requireFinite(g, "group " + (i + 1));
            if (g.length == 0) {
                throw new IllegalArgumentException("group " + (i + 1) + " is empty");
            }
            n += g.length;
        }
        if (n < 2) {
            throw new IllegalArgumentException("not enough observations (" + n + ")");
        }
        double[] pooled = new double[n];
        int j = 0;
        for (double[] g : groups) {
            System.arraycopy(g, 0, pooled, j, g.length);
            j += g.length;
        }
        Ranks ranks = Ranks.of(pooled);
        double s = 0;
        j = 0;
        for (double[] g : groups) {
            double r = 0;
            for (int i = 0; i < g.length; i++) {
                r += ranks.ranks()[j++];
            }
            s += r * r / g.length;
        }
        double nn = n;
        double h = (12 * s / (nn * (nn + 1)) - 3 * (nn + 1)) / (1 - ranks.tieSum() / (nn * nn * nn - nn));
        return ChiSquareTest.of(h, k - 1);
    }
}

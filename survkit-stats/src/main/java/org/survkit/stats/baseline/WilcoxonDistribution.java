package org.survkit.stats.baseline;

/**
 * The exact null distribution of the Mann–Whitney statistic U for sample sizes m and n without
 * ties: every one of the C(m + n, m) assignments of the ranks 1..m+n to the first sample is equally
 * likely, and U = (sum of its ranks) − m(m + 1)/2.
 *
 * <p>Frequencies are counted by dynamic programming over the ranks (number of j-subsets of
 * {1..t} with sum s), in doubles: only additions, so the counts are exact up to 2⁵³ and
 * relatively accurate to 1e-15 beyond (R {@code cwilcox} uses the equivalent recursion
 * f(u; m, n) = f(u − n; m − 1, n) + f(u; m, n − 1)). Memory and time are O(m·n·min(m, n)).
 */
final class WilcoxonDistribution {
    private final double[] freq;
    private final double total;

    private WilcoxonDistribution(double[] freq) {
        this.freq = freq;
        double t = 0;
        for (double f : freq) {
            t += f;
        }
        this.total = t;
    }

    /** The distribution of U for samples of sizes m and n (m, n ≥ 1). */
    static WilcoxonDistribution of(int m, int n) {
        int small = Math.min(m, n);
        int big = Math.max(m, n);
        int total = small + big;
        int maxU = small * big;
        // ways[j][s - (j(j+1)/2)] = number of j-subsets of {1..t} with rank sum s; U of a j-subset = s - j(j+1)/2
        double[][] ways = new double[small + 1][];
        for (int j = 0; j <= small; j++) {
            ways[j] = new double[j * (total - j) + 1];
        }
        ways[0][0] = 1;
        for (int t = 1; t <= total; t++) {
            for (int j = Math.min(t, small); j >= 1; j--) {
                // a j-subset containing t: (j-1)-subset of {1..t-1} plus t; its U = U(prev) + t - j
                double[] prev = ways[j - 1];
                double[] cur = ways[j];
                int shift = t - j;
                int maxPrevU = Math.min(prev.length - 1, (j - 1) * (t - 1 - (j - 1)));
                for (int u = maxPrevU; u >= 0; u--) {
                    double f = prev[u];
                    if (f != 0) {
                        cur[u + shift] += f;
                    }
                }
            }
        }
        double[] f = new double[maxU + 1];
        System.arraycopy(ways[small], 0, f, 0, maxU + 1);
        return new WilcoxonDistribution(f);
    }

    /** P(U ≤ q). */
    double lower(double q) {
        if (q < 0) {
            return 0;
        }
        int top = (int) Math.min(Math.floor(q + 1e-7), freq.length - 1);
        double s = 0;
        for (int u = 0; u <= top; u++) {
            s += freq[u];
        }
        return Math.min(1, s / total);
    }

    /** P(U ≥ q). */
    double upper(double q) {
        if (q > freq.length - 1) {
            return 0;
        }
        int bottom = (int) Math.max(Math.ceil(q - 1e-7), 0);
        double s = 0;
        for (int u = freq.length - 1; u >= bottom; u--) {
            s += freq[u];
        }
        return Math.min(1, s / total);
    }
}

package org.survkit.stats.competing;

/**
 * The score and covariance of Gray's k-sample test for one cause on one stratum, on rows ordered by time:
 * the fitter behind {@link CumulativeIncidence}'s tests, without checks.
 *
 * <p>Gray (1988), <i>Ann. Statist.</i> 16:1141–1154, with the weight (1 − F̂⁰(t−))^ρ. At each distinct time t
 * with d₁ events of the cause, for group k with R_k at risk, left-continuous Kaplan–Meier Ŝ_k(t−) and
 * cumulative incidence F̂_k(t−): the group's "risk" R_k(1 − F̂_k(t−))/Ŝ_k(t−) (the number at risk for the
 * subdistribution), and the score of group k is
 * s_k = Σ_t w(t) [d₁ₖ − d₁ · R_k(1 − F̂_k(t−))/Ŝ_k(t−) / Σ_r R_r(1 − F̂_r(t−))/Ŝ_r(t−)].
 * The covariance follows the paper's asymptotic expansion (the a, c, v₂, v₃ terms), with a ties correction
 * 1 − (d − 1)/(n − 1) as in R cmprsk 2.2-11 {@code crstm}; the accumulation order is cmprsk's, so
 * the numbers agree with R to rounding.
 */
final class GrayTest {
    /** Score of the first k − 1 groups and their covariance (lower triangle filled, then symmetric). */
    record Part(double[] score, double[][] variance) {
    }

    private GrayTest() {
    }

    /**
     * One stratum.
     *
     * @param rank   distinct-time index of each observation (into the shared time grid)
     * @param order  the stratum's observations ordered by rank
     * @param count  observations each row stands for (a frequency table), or null for one
     * @param kind   0 censored, 1 the cause of interest, 2 another cause
     * @param group  group code 0..ng−1
     * @param ng     number of groups (≥ 2)
     * @param rho    weight power
     */
    static Part stratum(int[] rank, int[] order, int[] count, byte[] kind, int[] group, int ng, double rho) {
        int ng1 = ng - 1;
        int[] rs = new int[ng];
        for (int i : order) {
            rs[group[i]] += count == null ? 1 : count[i];
        }
        double[] s = new double[ng1];
        double[][] v = new double[ng1][ng1];
        double[] f1m = new double[ng];
        double[] f1 = new double[ng];
        double[] skmm = new double[ng];
        double[] skm = new double[ng];
        double[] v3 = new double[ng];
        double[][] v2 = new double[ng1][ng];
        double[][] c = new double[ng][ng];
        double[][] a = new double[ng][ng];
        int[][] d = new int[3][ng];
        java.util.Arrays.fill(skmm, 1);
        java.util.Arrays.fill(skm, 1);
        double fm = 0;
        double f = 0;
        int n = order.length;
        int lo = 0;
        while (lo < n) {
            int hi = lo;
            while (hi + 1 < n && rank[order[hi + 1]] == rank[order[lo]]) {
                hi++;
            }
            for (int[] row : d) {
                java.util.Arrays.fill(row, 0);
            }
            for (int i = lo; i <= hi; i++) {
                d[kind[order[i]]][group[order[i]]] += count == null ? 1 : count[order[i]];
            }
            int nd1 = 0;
            int nd2 = 0;
            for (int g = 0; g < ng; g++) {
                nd1 += d[1][g];
                nd2 += d[2][g];
            }
            if (nd1 > 0 || nd2 > 0) {
                double tr = 0;
                double tq = 0;
                for (int g = 0; g < ng; g++) {
                    if (rs[g] <= 0) {
                        continue;
                    }
                    int td = d[1][g] + d[2][g];
                    skm[g] = skmm[g] * (rs[g] - td) / rs[g];
                    f1[g] = f1m[g] + (skmm[g] * d[1][g]) / rs[g];
                    tr += rs[g] / skmm[g];
                    tq += rs[g] * (1 - f1m[g]) / skmm[g];
                }
                f = fm + nd1 / tr;
                double fb = Math.pow(1 - fm, rho);
                for (int i = 0; i < ng; i++) {
                    for (int j = i; j < ng; j++) {
                        a[i][j] = 0;
                    }
                    if (rs[i] <= 0) {
                        continue;
                    }
                    double t1 = rs[i] / skmm[i];
                    a[i][i] = fb * t1 * (1 - t1 / tr);
                    c[i][i] += a[i][i] * nd1 / (tr * (1 - fm));
                    for (int j = i + 1; j < ng; j++) {
                        if (rs[j] <= 0) {
                            continue;
                        }
                        a[i][j] = -fb * t1 * rs[j] / (skmm[j] * tr);
                        c[i][j] += a[i][j] * nd1 / (tr * (1 - fm));
                    }
                }
                for (int i = 1; i < ng; i++) {
                    for (int j = 0; j < i; j++) {
                        a[i][j] = a[j][i];
                        c[i][j] = c[j][i];
                    }
                }
                for (int i = 0; i < ng1; i++) {
                    if (rs[i] > 0) {
                        s[i] += fb * (d[1][i] - nd1 * rs[i] * (1 - f1m[i]) / (skmm[i] * tq));
                    }
                }
                if (nd1 > 0) {
                    for (int k = 0; k < ng; k++) {
                        if (rs[k] <= 0) {
                            continue;
                        }
                        double t4 = skm[k] > 0 ? 1 - (1 - f) / skm[k] : 1;
                        double t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k] - 1) : 1;
                        double t3 = t5 * skmm[k] * nd1 / (tr * rs[k]);
                        v3[k] += t4 * t4 * t3;
                        for (int i = 0; i < ng1; i++) {
                            double t1 = a[i][k] - t4 * c[i][k];
                            v2[i][k] += t1 * t4 * t3;
                            for (int j = 0; j <= i; j++) {
                                double t2 = a[j][k] - t4 * c[j][k];
                                v[i][j] += t1 * t2 * t3;
                            }
                        }
                    }
                }
                if (nd2 > 0) {
                    for (int k = 0; k < ng; k++) {
                        if (skm[k] <= 0 || d[2][k] <= 0) {
                            continue;
                        }
                        double t4 = (1 - f) / skm[k];
                        double t5 = d[2][k] > 1 ? 1 - (d[2][k] - 1.0) / (rs[k] - 1.0) : 1;
                        double t6 = rs[k];
                        double t3 = t5 * ((skmm[k] * skmm[k]) * d[2][k]) / (t6 * t6);
                        v3[k] += t4 * t4 * t3;
                        for (int i = 0; i < ng1; i++) {
                            double t1 = t4 * c[i][k];
                            v2[i][k] -= t1 * t4 * t3;
                            for (int j = 0; j <= i; j++) {
                                double t2 = t4 * c[j][k];
                                v[i][j] += t1 * t2 * t3;
                            }
                        }
                    }
                }
            }
            for (int i = lo; i <= hi; i++) {
                rs[group[order[i]]] -= count == null ? 1 : count[order[i]];
            }
            fm = f;
            System.arraycopy(f1, 0, f1m, 0, ng);
            System.arraycopy(skm, 0, skmm, 0, ng);
            lo = hi + 1;
        }
        for (int i = 0; i < ng1; i++) {
            for (int j = 0; j <= i; j++) {
                for (int k = 0; k < ng; k++) {
                    v[i][j] += c[i][k] * c[j][k] * v3[k];
                    v[i][j] += c[i][k] * v2[j][k];
                    v[i][j] += c[j][k] * v2[i][k];
                }
                v[j][i] = v[i][j];
            }
        }
        return new Part(s, v);
    }
}

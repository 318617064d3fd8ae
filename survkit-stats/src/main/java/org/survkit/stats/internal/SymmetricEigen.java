package org.survkit.stats.internal;

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (Golub &amp; Van Loan,
 * Matrix Computations, §8.5), and the Moore–Penrose quadratic form built on it.
 */
public final class SymmetricEigen {
    private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

    final double[] values;
    /** Column k of {@code vectors} is the eigenvector of values[k]. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    static SymmetricEigen of(double[][] s) {
        int n = s.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = s[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off == 0 || off <= 1e-32 * diag) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double cs = 1 / Math.sqrt(t * t + 1);
                    double sn = t * cs;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = cs * akp - sn * akq;
                        a[k][q] = sn * akp + cs * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = cs * apk - sn * aqk;
                        a[q][k] = sn * apk + cs * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = cs * vkp - sn * vkq;
                        v[k][q] = sn * vkp + cs * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return new SymmetricEigen(values, v);
    }

    /**
     * t' S⁺ t with S⁺ the Moore–Penrose inverse: eigenvalues with |λ| ≤ √ε·max|λ| are treated as 0
     * (the rule of R's {@code MASS::ginv}).
     */
    public static double pseudoInverseQuadraticForm(double[][] s, double[] t) {
        SymmetricEigen e = of(s);
        double max = 0;
        for (double l : e.values) {
            max = Math.max(max, Math.abs(l));
        }
        double q = 0;
        for (int k = 0; k < e.values.length; k++) {
            if (Math.abs(e.values[k]) > SQRT_EPS * max) {
                double proj = 0;
                for (int i = 0; i < t.length; i++) {
                    proj += e.vectors[i][k] * t[i];
                }
                q += proj * proj / e.values[k];
            }
        }
        return q;
    }
}

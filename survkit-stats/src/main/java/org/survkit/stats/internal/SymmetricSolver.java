package org.survkit.stats.internal;

/**
 * Quadratic forms u' V⁻ u with a symmetric non-negative definite V, by a Cholesky decomposition
 * that treats a column as redundant when its pivot falls below {@code toler} times its original
 * diagonal (as R's {@code cholesky2} with {@code toler.chol = 1e-9}); redundant columns are
 * dropped, which yields a generalized inverse. Used for chi-square statistics of k-group tests.
 */
public final class SymmetricSolver {
    static final double TOLER = 1e-9;

    private SymmetricSolver() {
    }

    /** Result: the quadratic form and the rank of V. */
    public record Form(double value, int rank) {
    }

    public static Form quadraticForm(double[][] v, double[] u) {
        int n = u.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(v[i], 0, a[i], 0, n);
        }
        boolean[] dropped = new boolean[n];
        int rank = 0;
        double eps = 0;
        for (int i = 0; i < n; i++) {
            eps = Math.max(eps, Math.abs(a[i][i]));
        }
        eps *= TOLER;
        // LDL' decomposition in place (lower triangle holds L, diagonal holds D)
        for (int i = 0; i < n; i++) {
            double pivot = a[i][i];
            if (!(pivot > eps)) {
                dropped[i] = true;
                a[i][i] = 0;
                for (int j = i + 1; j < n; j++) {
                    a[j][i] = 0;
                }
                continue;
            }
            rank++;
            double[] col = new double[n];
            for (int j = i + 1; j < n; j++) {
                col[j] = a[j][i];
            }
            for (int j = i + 1; j < n; j++) {
                for (int k = i + 1; k <= j; k++) {
                    a[j][k] -= col[j] * col[k] / pivot;
                }
                a[j][i] = col[j] / pivot;
            }
        }
        // solve L y = u, then quadratic form = sum y_i^2 / D_i over kept pivots
        double[] y = u.clone();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                y[i] -= a[i][k] * y[k];
            }
        }
        double q = 0;
        for (int i = 0; i < n; i++) {
            if (!dropped[i]) {
                q += y[i] * y[i] / a[i][i];
            }
        }
        return new Form(q, rank);
    }
}

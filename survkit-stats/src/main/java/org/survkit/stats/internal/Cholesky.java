package org.survkit.stats.internal;

/**
 * Cholesky (LDLᵀ) decomposition of a symmetric non-negative definite matrix that tolerates
 * singularity, with the conventions of R survival's {@code cholesky2}/{@code chsolve2}/{@code chinv2}:
 * a pivot below {@code toler} × the largest diagonal marks its column redundant; redundant columns
 * get 0 in solutions and a zero row and column in the (generalized) inverse. The rank tells how
 * many columns are estimable; Cox models report the redundant ones as aliased.
 */
public final class Cholesky {
    private final double[][] m; // lower triangle: L below the diagonal, D on it
    private final int n;
    private final int rank;
    private final boolean nonNegative;

    private Cholesky(double[][] m, int rank, boolean nonNegative) {
        this.m = m;
        this.n = m.length;
        this.rank = rank;
        this.nonNegative = nonNegative;
    }

    /** Decomposes a copy of the symmetric matrix a (upper triangle is read). */
    public static Cholesky of(double[][] a, double toler) {
        int n = a.length;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                m[i][j] = a[i][j];
                m[j][i] = a[i][j];
            }
        }
        double eps = 0;
        for (int i = 0; i < n; i++) {
            eps = Math.max(eps, m[i][i]);
        }
        eps = eps == 0 ? toler : eps * toler;
        int rank = 0;
        boolean nonneg = true;
        for (int i = 0; i < n; i++) {
            double pivot = m[i][i];
            if (!Double.isFinite(pivot) || pivot < eps) {
                m[i][i] = 0;
                if (pivot < -8 * eps) {
                    nonneg = false;
                }
                for (int j = i + 1; j < n; j++) {
                    m[j][i] = 0; // a redundant column takes no part in the solution
                }
                continue;
            }
            rank++;
            for (int j = i + 1; j < n; j++) {
                double t = m[j][i] / pivot;
                m[j][i] = t;
                m[j][j] -= t * t * pivot;
                for (int k = j + 1; k < n; k++) {
                    m[k][j] -= t * m[k][i];
                }
            }
        }
        return new Cholesky(m, rank, nonneg);
    }

    public int rank() {
        return rank;
    }

    boolean nonNegative() {
        return nonNegative;
    }

    /** Whether column i was found redundant. */
    public boolean singular(int i) {
        return m[i][i] == 0;
    }

    /** Solves A x = y (generalized: redundant components are 0); returns a new array. */
    public double[] solve(double[] y) {
        double[] x = y.clone();
        for (int i = 0; i < n; i++) {
            double t = x[i];
            for (int j = 0; j < i; j++) {
                t -= x[j] * m[i][j];
            }
            x[i] = t;
        }
        for (int i = n - 1; i >= 0; i--) {
            if (m[i][i] == 0) {
                x[i] = 0;
            } else {
                double t = x[i] / m[i][i];
                for (int j = i + 1; j < n; j++) {
                    t -= x[j] * m[j][i];
                }
                x[i] = t;
            }
        }
        return x;
    }

    /** The generalized inverse: zero rows and columns for redundant columns. */
    public double[][] inverse() {
        double[][] inv = new double[n][n];
        double[] e = new double[n];
        for (int c = 0; c < n; c++) {
            java.util.Arrays.fill(e, 0);
            e[c] = 1;
            double[] col = solve(e);
            for (int r = 0; r < n; r++) {
                inv[r][c] = col[r];
            }
        }
        for (int i = 0; i < n; i++) {
            if (m[i][i] == 0) {
                for (int j = 0; j < n; j++) {
                    inv[i][j] = 0;
                    inv[j][i] = 0;
                }
            }
        }
        // symmetrize against rounding
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = v;
                inv[j][i] = v;
            }
        }
        return inv;
    }
}

package org.survkit.stats.internal;

/**
 * The sandwich A B A of a robust variance (A the model-based variance, B the sum of the score residuals' products:
 * Lin &amp; Wei 1989), for symmetric A and B; the result is symmetric.
 */
public final class Sandwich {
    private Sandwich() {
    }

    /** A B A for symmetric p × p A and B. */
    public static double[][] of(double[][] a, double[][] b) {
        int p = a.length;
        double[][] ab = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += a[i][k] * b[k][j];
                }
                ab[i][j] = s;
            }
        }
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += ab[i][k] * a[k][j];
                }
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }
}

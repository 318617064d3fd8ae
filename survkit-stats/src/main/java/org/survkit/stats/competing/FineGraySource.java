package org.survkit.stats.competing;

import java.util.List;

/**
 * Competing-risks data kept elsewhere (a Spark Dataset), asked only for sums by
 * {@link FineGrayRegression#fit(FineGraySource, double, double)}: the rows per (time, kind) once (the censoring
 * distribution, the blocks of equal time), the columns' means once (the centring), the risk-set sums per time once per
 * Newton step, and the cross-products of the score residuals once at the end. Each row's kind: 0 censored, 1 the
 * cause of interest, 2 a competing cause. Times are compared exactly (crr does not merge near-equal times).
 */
public interface FineGraySource {
    /** The covariates' names, in order. */
    List<String> columnNames();

    /** Rows per (time, kind); a (time, kind) may appear more than once (partial counts). */
    Counts counts();

    /** Per covariate, its plain mean over the rows (the fit centres on it, as in memory). */
    double[] columnMeans();

    /**
     * One pass per Newton step, at β on the columns {@code columns} centred on {@code centre} (x = raw − centre, the
     * other columns left out).
     *
     * @param columns the covariates used, as indices into {@link #columnNames()}
     * @param centre  one value per covariate used
     * @param beta    one value per covariate used
     */
    Sums sums(int[] columns, double[] centre, double[] beta);

    /**
     * The last pass: Σ over the rows of r rᵀ, r the row's score residual {@link ResidualTerms#residual} (q × q
     * values row by row, q = the columns used), at the same columns, centre and β as {@link #sums}.
     */
    double[] residualCrossProducts(int[] columns, double[] centre, double[] beta, ResidualTerms terms);

    /**
     * Rows per (time, kind).
     *
     * @param time  time per cell
     * @param kind  0 censored, 1 the cause, 2 a competing cause
     * @param count rows per cell
     */
    record Counts(double[] time, byte[] kind, long[] count) {
    }

    /**
     * The risk-set sums at one β per time key (keys may repeat: partial sums). With r = e^{βᵀx}, R = 1 + q + q(q+1)/2
     * values per key: Σr, Σr·x (q), Σr·x xᵀ (lower triangle by rows) over every row of the key ({@code all}) and over
     * its competing failures ({@code competing}); {@code cause}: 1 + q values, the cause's rows' count and Σx.
     *
     * @param width     q, the columns used
     * @param time      time per key
     * @param all       every row's sums, R per key
     * @param competing the competing failures' sums, R per key
     * @param cause     the cause's count and Σx, 1 + q per key
     */
    record Sums(int width, double[] time, double[] all, double[] competing, double[] cause) {
        /** Values per key of {@code all} and {@code competing}. */
        public static int stride(int q) {
            return 1 + q + q * (q + 1) / 2;
        }
    }

    /**
     * What one row's score residual (crr's η + ψ, {@link FineGrayRiskSets}) needs besides the row itself, per distinct
     * time (increasing), computed by the fit at the final β and sent to where the rows are as plain arrays
     * ({@link #parts()}, {@link #of(double[][])}: what a cluster serializes). Immutable.
     */
    final class ResidualTerms {
        private final int q;
        private final double[] times;
        private final double[] cumA0;
        private final double[] cumA1;
        private final double[] after0;
        private final double[] after1;
        private final double[] xbar;
        private final double[] psi;
        private final double[] qy;
        private final double[] g;

        ResidualTerms(int q, double[] times, double[] cumA0, double[] cumA1, double[] after0, double[] after1,
                double[] xbar, double[] psi, double[] qy, double[] g) {
            this.q = q;
            this.times = times;
            this.cumA0 = cumA0;
            this.cumA1 = cumA1;
            this.after0 = after0;
            this.after1 = after1;
            this.xbar = xbar;
            this.psi = psi;
            this.qy = qy;
            this.g = g;
        }

        /** {@return the terms as arrays, for {@link #of(double[][])} where the rows are} */
        public double[][] parts() {
            return new double[][] {{q}, times.clone(), cumA0.clone(), cumA1.clone(), after0.clone(), after1.clone(),
                xbar.clone(), psi.clone(), qy.clone(), g.clone()};
        }

        /** The terms from {@link #parts()}. */
        public static ResidualTerms of(double[][] parts) {
            return new ResidualTerms((int) parts[0][0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6],
                    parts[7], parts[8], parts[9]);
        }

        /**
         * Adds r rᵀ of one row to {@code acc} (q × q, row by row).
         *
         * @param time the row's time
         * @param kind 0 censored, 1 the cause, 2 a competing cause
         * @param x    the row's centred covariates (the columns used)
         * @param risk e^{βᵀx}
         * @param res  scratch of q values
         * @param acc  the sum, q × q
         */
        public void add(double time, int kind, double[] x, double risk, double[] res, double[] acc) {
            int k = java.util.Arrays.binarySearch(times, time);
            if (k < 0) {
                throw new IllegalArgumentException("time " + time + " is not among the counted times");
            }
            for (int j = 0; j < q; j++) {
                double xi = x[j];
                double v = -risk * (xi * cumA0[k] - cumA1[k * q + j]);
                if (kind == 1) {
                    v += xi - xbar[k * q + j];
                } else if (kind == 2) {
                    v -= risk / g[k] * (xi * after0[k] - after1[k * q + j]);
                }
                v += psi[k * q + j];
                if (kind == 0) {
                    v += qy[k * q + j];
                }
                res[j] = v;
            }
            for (int j = 0; j < q; j++) {
                for (int l = 0; l < q; l++) {
                    acc[j * q + l] += res[j] * res[l];
                }
            }
        }
    }
}

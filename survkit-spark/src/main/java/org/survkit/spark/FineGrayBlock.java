package org.survkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.survkit.stats.competing.FineGraySource;

/**
 * One partition's competing-risks rows packed once into primitive columns sorted by time (the rows of a time
 * contiguous), for {@link SparkFineGraySource}: each Newton step of the Fine–Gray fit is one linear scan per partition
 * returning one partial sum per time it holds, and the last pass one p × p sum of the score residuals' products.
 */
final class FineGrayBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    final int n;
    final int p;
    final double[] time;
    /** 0 censored, 1 the cause, 2 a competing cause. */
    final byte[] kind;
    /** Raw covariates row-major: x[i·p + j]. */
    final double[] x;

    private FineGrayBlock(int n, int p, double[] time, byte[] kind, double[] x) {
        this.n = n;
        this.p = p;
        this.time = time;
        this.kind = kind;
        this.x = x;
    }

    /** Packs a partition of rows (t, k, x0..x(p−1): doubles). */
    static final class Pack implements FlatMapFunction<Iterator<Row>, FineGrayBlock> {
        private static final long serialVersionUID = 1L;
        private final int p;

        Pack(int p) {
            this.p = p;
        }

        @Override
        public Iterator<FineGrayBlock> call(Iterator<Row> rows) {
            List<Row> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            int n = all.size();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(all.get(a).getDouble(0), all.get(b).getDouble(0)));
            double[] t = new double[n];
            byte[] k = new byte[n];
            double[] x = new double[n * p];
            for (int i = 0; i < n; i++) {
                Row r = all.get(order[i]);
                t[i] = r.getDouble(0) + 0.0;
                k[i] = (byte) r.getDouble(1);
                for (int j = 0; j < p; j++) {
                    x[i * p + j] = r.getDouble(2 + j);
                }
            }
            return List.of(new FineGrayBlock(n, p, t, k, x)).iterator();
        }
    }

    /** Rows per (time, kind) of the partition: {time, kind, count} (plain arrays: what Spark serializes). */
    double[][] counts() {
        List<double[]> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] last = cells.isEmpty() ? null : cells.get(cells.size() - 1);
            if (last != null && last[0] == time[i] && last[1] == kind[i]) {
                last[2]++;
            } else {
                cells.add(new double[] {time[i], kind[i], 1});
            }
        }
        double[][] out = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            for (int c = 0; c < 3; c++) {
                out[c][i] = cells.get(i)[c];
            }
        }
        return out;
    }

    /** The rows, then Σx per column. */
    double[] columnSums() {
        double[] out = new double[1 + p];
        out[0] = n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                out[1 + j] += x[i * p + j];
            }
        }
        return out;
    }

    /** The used columns of row i, centred, into {@code out}; returns e^{βᵀx}. */
    private double centred(int i, int[] columns, double[] centre, double[] beta, double[] out) {
        double eta = 0;
        for (int a = 0; a < columns.length; a++) {
            out[a] = x[i * p + columns[a]] - centre[a];
            eta += beta[a] * out[a];
        }
        return Math.exp(eta);
    }

    /** The partition's sums per time at β: {time, all, competing, cause} of {@link FineGraySource.Sums}. */
    double[][] sums(int[] columns, double[] centre, double[] beta) {
        int q = columns.length;
        int keys = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || time[i] != time[i - 1]) {
                keys++;
            }
        }
        int rs = FineGraySource.Sums.stride(q);
        double[] kt = new double[keys];
        double[] all = new double[keys * rs];
        double[] comp = new double[keys * rs];
        double[] cause = new double[keys * (1 + q)];
        double[] xc = new double[q];
        int k = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || time[i] != time[i - 1]) {
                kt[++k] = time[i];
            }
            double r = centred(i, columns, centre, beta, xc);
            add(all, k * rs, r, xc);
            if (kind[i] == 2) {
                add(comp, k * rs, r, xc);
            } else if (kind[i] == 1) {
                cause[k * (1 + q)] += 1;
                for (int a = 0; a < q; a++) {
                    cause[k * (1 + q) + 1 + a] += xc[a];
                }
            }
        }
        return new double[][] {kt, all, comp, cause};
    }

    private static void add(double[] target, int base, double r, double[] xc) {
        int q = xc.length;
        target[base] += r;
        for (int a = 0, idx = base + 1 + q; a < q; a++) {
            double ra = r * xc[a];
            target[base + 1 + a] += ra;
            for (int b = 0; b <= a; b++, idx++) {
                target[idx] += ra * xc[b];
            }
        }
    }

    /** Σ r rᵀ of the partition's score residuals (q × q). */
    double[] residualCrossProducts(int[] columns, double[] centre, double[] beta, double[][] termParts) {
        FineGraySource.ResidualTerms terms = FineGraySource.ResidualTerms.of(termParts);
        int q = columns.length;
        double[] acc = new double[q * q];
        double[] res = new double[q];
        double[] xc = new double[q];
        for (int i = 0; i < n; i++) {
            double r = centred(i, columns, centre, beta, xc);
            terms.add(time[i], kind[i], xc, r, res, acc);
        }
        return acc;
    }
}

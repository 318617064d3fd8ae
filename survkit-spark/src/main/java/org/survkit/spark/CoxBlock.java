package org.survkit.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.survkit.stats.cox.CoxRiskSetSums;

/**
 * One partition's Cox rows packed once into primitive columns, sorted by (stratum, time) so that the rows of a key
 * are contiguous: each Newton step is then one linear scan per partition (no per-step query plan, code generation
 * or shuffle), returning one partial sum per (stratum, time) of the partition. The driver adds the partial sums of a
 * key that several partitions hold ({@link CoxRiskSetSums} allows repeated keys).
 */
final class CoxBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    final int n;
    final int p;
    final int[] stratum;
    final double[] time;
    final boolean[] dead;
    final double[] weight;
    /** Raw covariates row-major: x[i·p + j]. */
    final double[] x;

    private CoxBlock(int n, int p, int[] stratum, double[] time, boolean[] dead, double[] weight, double[] x) {
        this.n = n;
        this.p = p;
        this.stratum = stratum;
        this.time = time;
        this.dead = dead;
        this.weight = weight;
        this.x = x;
    }

    /** Packs a partition of rows (s: string, t, e, w, x0..x(p−1): doubles). */
    static final class Pack implements FlatMapFunction<Iterator<Row>, CoxBlock> {
        private static final long serialVersionUID = 1L;
        private final int p;
        private final Map<String, Integer> strataCode;

        Pack(int p, Map<String, Integer> strataCode) {
            this.p = p;
            this.strataCode = strataCode;
        }

        @Override
        public Iterator<CoxBlock> call(Iterator<Row> rows) {
            // the partition's rows straight into primitive columns, without a List<Row> of the whole partition
            // (boxed values: an estimated ~300 bytes a row, against 85 here with 8 covariates); with that list the
            // 10^8-row fit ran out of memory (-Xmx10g, local[2], ~6 million rows per partition) allocating x
            int cap = 1024;
            int n = 0;
            int[] s0 = new int[cap];
            double[] t0 = new double[cap];
            boolean[] e0 = new boolean[cap];
            double[] w0 = new double[cap];
            double[] x0 = new double[SparkRiskSetSource.cells(cap, p)];
            while (rows.hasNext()) {
                Row r = rows.next();
                if (n == cap) {
                    cap = (int) Math.min(SparkRiskSetSource.MAX_ARRAY, cap + (long) (cap >> 1));
                    s0 = Arrays.copyOf(s0, cap);
                    t0 = Arrays.copyOf(t0, cap);
                    e0 = Arrays.copyOf(e0, cap);
                    w0 = Arrays.copyOf(w0, cap);
                    x0 = Arrays.copyOf(x0, SparkRiskSetSource.cells(cap, p));
                }
                s0[n] = strataCode.get(r.getString(0));
                t0[n] = r.getDouble(1);
                e0[n] = r.getDouble(2) == 1;
                w0[n] = r.getDouble(3);
                for (int j = 0; j < p; j++) {
                    x0[n * p + j] = r.getDouble(4 + j); // < cells(cap, p)
                }
                n++;
            }
            int[] st = s0;
            double[] tt = t0;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // stable, as before: rows of one (stratum, time) keep their order, so the sums are the same bits
            Arrays.sort(order, Comparator.<Integer>comparingInt(i -> st[i]).thenComparingDouble(i -> tt[i]));
            int[] s = new int[n];
            double[] t = new double[n];
            boolean[] e = new boolean[n];
            double[] w = new double[n];
            double[] x = new double[SparkRiskSetSource.cells(n, p)];
            for (int k = 0; k < n; k++) {
                int i = order[k];
                s[k] = s0[i];
                t[k] = t0[i];
                e[k] = e0[i];
                w[k] = w0[i];
                System.arraycopy(x0, i * p, x, k * p, p);
            }
            return List.of(new CoxBlock(n, p, s, t, e, w, x)).iterator();
        }
    }

    /** rows, events, Σw, then per column Σw·x and whether a value lies outside {−1, 0, 1} (1) or not (0). */
    double[] columnSums() {
        double[] out = new double[3 + 2 * p];
        out[0] = n;
        for (int i = 0; i < n; i++) {
            out[1] += dead[i] ? 1 : 0;
            out[2] += weight[i];
            for (int j = 0; j < p; j++) {
                double v = x[i * p + j];
                out[3 + 2 * j] += weight[i] * v;
                if (v != 0 && v != 1 && v != -1) {
                    out[4 + 2 * j] = 1;
                }
            }
        }
        return out;
    }

    /** Per column Σw·|x − centre|. */
    double[] absoluteDeviations(double[] centre) {
        double[] out = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                out[j] += weight[i] * Math.abs(x[i * p + j] - centre[j]);
            }
        }
        return out;
    }

    /** A partition's sums per (stratum, time), the arrays of {@link CoxRiskSetSums} (which stays Spark-free). */
    record Partial(int[] stratum, double[] time, double[] censoredRisk, double[] deadRisk, double[] deadTotals)
            implements Serializable {
    }

    /** The partition's sums per (stratum, time) at β on the centred and scaled covariates. */
    Partial riskSetSums(double[] centre, double[] factor, double[] beta) {
        int keys = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || stratum[i] != stratum[i - 1] || time[i] != time[i - 1]) {
                keys++;
            }
        }
        int rs = CoxRiskSetSums.riskStride(p);
        int ds = CoxRiskSetSums.deadStride(p);
        int[] ks = new int[keys];
        double[] kt = new double[keys];
        double[] cens = new double[SparkRiskSetSource.cells(keys, rs)];
        double[] deadRisk = new double[SparkRiskSetSource.cells(keys, rs)];
        double[] tot = new double[SparkRiskSetSource.cells(keys, ds)];
        double[] xc = new double[p];
        int k = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || stratum[i] != stratum[i - 1] || time[i] != time[i - 1]) {
                k++;
                ks[k] = stratum[i];
                kt[k] = time[i];
            }
            double eta = 0;
            for (int j = 0; j < p; j++) {
                xc[j] = (x[i * p + j] - centre[j]) * factor[j];
                eta += beta[j] * xc[j];
            }
            double w = weight[i];
            double r = w * Math.exp(eta);
            double[] target = dead[i] ? deadRisk : cens;
            int base = k * rs;
            target[base] += r;
            for (int a = 0, idx = base + 1 + p; a < p; a++) {
                double ra = r * xc[a];
                target[base + 1 + a] += ra;
                for (int b = 0; b <= a; b++, idx++) {
                    target[idx] += ra * xc[b];
                }
            }
            if (dead[i]) {
                int d = k * ds;
                tot[d] += 1;
                tot[d + 1] += w;
                tot[d + 2] += w * eta;
                for (int a = 0; a < p; a++) {
                    tot[d + 3 + a] += w * xc[a];
                }
            }
        }
        return new Partial(ks, kt, cens, deadRisk, tot);
    }
}

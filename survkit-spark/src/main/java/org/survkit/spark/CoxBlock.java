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
import org.survkit.stats.cox.RiskSetWalk;
import org.survkit.stats.cox.ZphKaplanMeier;

/**
 * One partition's Cox rows packed once into primitive columns, sorted by (stratum, time) so that the rows of a key
 * are contiguous: each Newton step is then one linear scan per partition (no per-step query plan, code generation
 * or shuffle). {@link SparkRiskSetSource} lays the rows out by (merged) time first, so that each (stratum, time) lives
 * in one partition and the partitions hold increasing ranges of time: a step is then the per-stratum totals
 * ({@link #stratumTotals}) and a walk of the partition's own keys ({@link #walk}). {@link #riskSetSums} returns one
 * partial sum per (stratum, time) of the partition instead (the driver adds the partial sums of a key that several
 * partitions hold; {@link CoxRiskSetSums} allows repeated keys). {@code time} holds the times after R's timefix.
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
            add(i, centre, factor, beta, xc, dead[i] ? deadRisk : cens, k * rs, tot, k * ds);
        }
        return new Partial(ks, kt, cens, deadRisk, tot);
    }

    /**
     * Adds row i's r = w e<sup>η</sup>, r·x, r·x xᵀ (x centred and scaled into {@code xc}) to {@code risk} from
     * {@code at}, and for a death its count, w, w·η, w·x to {@code totals} from {@code totalsAt} (null: not wanted).
     */
    private void add(int i, double[] centre, double[] factor, double[] beta, double[] xc, double[] risk, int at,
            double[] totals, int totalsAt) {
        double eta = 0;
        for (int j = 0; j < p; j++) {
            xc[j] = (x[i * p + j] - centre[j]) * factor[j];
            eta += beta[j] * xc[j];
        }
        double w = weight[i];
        double r = w * Math.exp(eta);
        risk[at] += r;
        for (int a = 0, idx = at + 1 + p; a < p; a++) {
            double ra = r * xc[a];
            risk[at + 1 + a] += ra;
            for (int b = 0; b <= a; b++, idx++) {
                risk[idx] += ra * xc[b];
            }
        }
        if (dead[i] && totals != null) {
            totals[totalsAt] += 1;
            totals[totalsAt + 1] += w;
            totals[totalsAt + 2] += w * eta;
            for (int a = 0; a < p; a++) {
                totals[totalsAt + 3 + a] += w * xc[a];
            }
        }
    }

    /**
     * Per stratum code 0..strata−1, the Σr, Σr·x, Σr·x xᵀ of all the partition's rows ({@link
     * CoxRiskSetSums#riskStride} values each): the first of a Newton step's two passes, from which the driver makes
     * each partition's starting risk set.
     */
    double[] stratumTotals(double[] centre, double[] factor, double[] beta, int strata) {
        int rs = CoxRiskSetSums.riskStride(p);
        double[] out = new double[strata * rs];
        double[] xc = new double[p];
        for (int i = 0; i < n; i++) {
            add(i, centre, factor, beta, xc, out, stratum[i] * rs, null, 0);
        }
        return out;
    }

    /**
     * The second pass: walks the partition's keys latest first per stratum, each stratum started from the risk set
     * of the later partitions ({@code later} from {@code at + stratum·riskStride}), and returns the walk's result
     * ({@link RiskSetWalk}). Memory: a few arrays of p(p+1)/2, whatever the number of keys. The partition must hold
     * every row of each (stratum, time) it holds, with times merged (R's timefix) beforehand.
     */
    double[] walk(double[] centre, double[] factor, double[] beta, double[] later, int at, RiskSetWalk w) {
        int rs = CoxRiskSetSums.riskStride(p);
        double[] cens = new double[rs];
        double[] deaths = new double[rs];
        double[] totals = new double[CoxRiskSetSums.deadStride(p)];
        double[] xc = new double[p];
        int i = n - 1;
        while (i >= 0) {
            int s = stratum[i];
            double t = time[i];
            if (i == n - 1 || stratum[i + 1] != s) {
                w.startStratum(later, at + s * rs);
            }
            Arrays.fill(cens, 0);
            Arrays.fill(deaths, 0);
            Arrays.fill(totals, 0);
            for (; i >= 0 && stratum[i] == s && time[i] == t; i--) {
                add(i, centre, factor, beta, xc, dead[i] ? deaths : cens, 0, totals, 0);
            }
            w.time(t, cens, deaths, totals);
        }
        return w.result();
    }

    /** The pooled Kaplan–Meier counts of the partition's (merged) times, for cox.zph's transform. */
    ZphKaplanMeier kaplanMeier() {
        return ZphKaplanMeier.ofRows(time, dead, n);
    }
}

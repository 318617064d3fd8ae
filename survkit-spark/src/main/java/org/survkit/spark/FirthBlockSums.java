package org.survkit.spark;

import java.io.Serializable;
import org.survkit.stats.cox.FirthRiskSetSums;

/**
 * What one partition's packed Cox rows ({@link CoxBlock}: sorted by (stratum, time), read here through its fields
 * only) give Firth's penalized fit: per (stratum, time) of the partition, the censored rows' and the deaths' Σr, Σr·x,
 * Σr·x xᵀ and Σr·x⊗x⊗x in {@link FirthRiskSetSums}' layout ({@link FirthRiskSetSums#addRow}), and the deaths' count,
 * Σw, Σw·η, Σw·x ({@link FirthRiskSetSums#addDeath}) — one linear scan per evaluation, O(rows · p³/6); and per column Σw·(x − centre)², once.
 */
final class FirthBlockSums {
    private FirthBlockSums() {
    }

    /** A partition's sums, the arrays of {@link FirthRiskSetSums} (which stays Spark-free). */
    record Partial(int[] stratum, double[] time, double[] censoredRisk, double[] deadRisk, double[] deadTotals)
            implements Serializable {
    }

    /** The partition's sums per (stratum, time) at β on x = (raw − centre)·factor. */
    static Partial of(CoxBlock b, double[] centre, double[] factor, double[] beta) {
        int p = b.p;
        int keys = 0;
        for (int i = 0; i < b.n; i++) {
            keys += newKey(b, i) ? 1 : 0;
        }
        int rs = FirthRiskSetSums.riskStride(p);
        int ds = FirthRiskSetSums.deadStride(p);
        int[] stratum = new int[keys];
        double[] time = new double[keys];
        double[] cens = new double[SparkRiskSetSource.cells(keys, rs)];
        double[] dead = new double[SparkRiskSetSource.cells(keys, rs)];
        double[] tot = new double[SparkRiskSetSource.cells(keys, ds)];
        double[] xc = new double[p];
        for (int i = 0, k = -1; i < b.n; i++) {
            if (newKey(b, i)) {
                k++;
                stratum[k] = b.stratum[i];
                time[k] = b.time[i];
            }
            double eta = 0;
            for (int j = 0; j < p; j++) {
                xc[j] = (b.x[i * p + j] - centre[j]) * factor[j];
                eta += beta[j] * xc[j];
            }
            double w = b.weight[i];
            FirthRiskSetSums.addRow(b.dead[i] ? dead : cens, k * rs, w * Math.exp(eta), xc);
            if (b.dead[i]) {
                FirthRiskSetSums.addDeath(tot, k * ds, w, eta, xc);
            }
        }
        return new Partial(stratum, time, cens, dead, tot);
    }

    /** The partition's sums at each β, in one task. */
    static Partial[] of(CoxBlock b, double[] centre, double[] factor, double[][] betas) {
        Partial[] out = new Partial[betas.length];
        for (int k = 0; k < betas.length; k++) {
            out[k] = of(b, centre, factor, betas[k]);
        }
        return out;
    }

    /** Whether row i starts a (stratum, time) of the block. */
    private static boolean newKey(CoxBlock b, int i) {
        return i == 0 || b.stratum[i] != b.stratum[i - 1] || b.time[i] != b.time[i - 1];
    }

    /** Per column Σw·(x − centre)². */
    static double[] squaredDeviations(CoxBlock b, double[] centre) {
        double[] out = new double[b.p];
        for (int i = 0; i < b.n; i++) {
            for (int j = 0; j < b.p; j++) {
                double d = b.x[i * b.p + j] - centre[j];
                out[j] += b.weight[i] * d * d;
            }
        }
        return out;
    }
}

package org.survkit.stats;

import java.util.ArrayList;
import java.util.List;

/** PROTOTYPE (not compiled by Maven): Kaplan–Meier and the unweighted, unstratified log-rank test from a {@link CountTable}. */
final class Proto {
    static List<GroupCurve> km(double[] time, boolean[] event, String[] group) {
        Factor f = Factor.of(group);
        SurvivalInput.check(time, event, f.codes());
        CountTable t = CountTable.of(time, event, f.codes(), f.levelCount(), true);
        List<GroupCurve> out = new ArrayList<>();
        for (int c = 0; c < t.k; c++) out.add(new GroupCurve(f.levels().get(c), curve(t, c, ConfidenceType.LOG_LOG, 0.95)));
        return List.copyOf(out);
    }

    static SurvivalCurve curve(CountTable tab, int c, ConfidenceType confType, double confLevel) {
        int k = tab.k, mAll = tab.times.length, m = 0;
        for (int r = 0; r < mAll; r++) if (tab.rows[r * k + c] > 0) m++;
        double[] t = new double[m]; int[] risk = new int[m], dead = new int[m], cens = new int[m];
        double[] surv = new double[m], se = new double[m], lo = new double[m], hi = new double[m], haz = new double[m], seHaz = new double[m];
        double z = Normal.quantile(0.5 + confLevel / 2);
        int atRisk = tab.n[c]; double km = 1, greenwood = 0, nelson = 0, nelsonVar = 0; int totalEvents = 0, row = 0;
        for (int r = 0; r < mAll; r++) {
            int all = tab.rows[r * k + c];
            if (all == 0) continue;
            int d = tab.events[r * k + c];
            if (d > 0) {
                km *= (double) (atRisk - d) / atRisk;
                greenwood += (double) d / ((double) atRisk * (atRisk - d));
                nelson += (double) d / atRisk;
                nelsonVar += (double) d / ((double) atRisk * atRisk);
                totalEvents += d;
            }
            double seLog = Math.sqrt(greenwood);
            double[] ci = confType.limits(km, seLog, z);
            t[row] = tab.times[r]; risk[row] = atRisk; dead[row] = d; cens[row] = all - d; surv[row] = km;
            se[row] = km == 0 ? Double.NaN : km * seLog; lo[row] = ci[0]; hi[row] = ci[1];
            haz[row] = nelson; seHaz[row] = Math.sqrt(nelsonVar);
            row++;
            atRisk -= all;
        }
        return new SurvivalCurve(tab.n[c], totalEvents, confType, confLevel, t, risk, dead, cens, surv, se, lo, hi, haz, seHaz);
    }

    /** Unweighted, unstratified log-rank; returns {statistic, O..., E...}. */
    static double[] logrank(double[] time, boolean[] event, String[] group) {
        Factor f = Factor.of(group);
        SurvivalInput.check(time, event, f.codes());
        int k = f.levelCount();
        CountTable tab = CountTable.of(time, event, f.codes(), k, true);
        LogRankAccumulator acc = new LogRankAccumulator(k);
        int[] risk = tab.n.clone();
        int total = 0; for (int x : risk) total += x;
        for (int j = 0; j < k; j++) acc.n[j] = tab.n[j];
        for (int r = 0; r < tab.times.length; r++) {
            int d = 0; for (int j = 0; j < k; j++) d += tab.events[r * k + j];
            if (d > 0) {
                double nn = total;
                double varFactor = total > 1 ? d * (nn - d) / (nn - 1) : 0;
                for (int j = 0; j < k; j++) {
                    double pj = risk[j] / nn, e = d * pj;
                    acc.observed[j] += tab.events[r * k + j];
                    acc.expected[j] += e;
                    acc.score[j] += tab.events[r * k + j] - e;
                    if (varFactor != 0 && risk[j] > 0) {
                        for (int l = 0; l < k; l++) {
                            double cov = (j == l ? pj : 0) - pj * (risk[l] / nn);
                            acc.logrankVariance[j][l] += varFactor * cov;
                            acc.variance[j][l] += varFactor * cov;
                        }
                    }
                }
            }
            for (int j = 0; j < k; j++) { risk[j] -= tab.rows[r * k + j]; total -= tab.rows[r * k + j]; }
        }
        double[] u = new double[k - 1]; double[][] v = new double[k - 1][k - 1];
        for (int a = 0; a < k - 1; a++) { u[a] = acc.score[a + 1]; for (int b = 0; b < k - 1; b++) v[a][b] = acc.variance[a + 1][b + 1]; }
        double[] out = new double[1 + 2 * k];
        out[0] = SymmetricSolver.quadraticForm(v, u).value();
        for (int j = 0; j < k; j++) { out[1 + j] = acc.observed[j]; out[1 + k + j] = acc.expected[j]; }
        return out;
    }
}

package org.survkit.stats.competing;

import java.util.Arrays;
import org.survkit.stats.internal.RankedTimes;

/**
 * The Fine–Gray pseudo-likelihood of {@link FineGrayRiskSets} from sums per distinct time computed elsewhere
 * ({@link FineGraySource}): the same formulas with the rows of one time summed first. Ĝ comes from the rows per
 * (time, kind); per evaluation the source returns, per time, Σr, Σr·x, Σr·x xᵀ over every row and over the
 * competing failures (Ĝ(T−) is constant within a time, so it divides the sums here) and the cause's count and Σx; the
 * score residuals' cross-products come from one last pass given the per-time terms ({@link
 * FineGraySource.ResidualTerms}). Not thread-safe; confined to one fit.
 */
final class SummedFineGray implements FineGrayLikelihood {
    private final FineGraySource source;
    private final int[] columns;
    private final double[] centre;
    private final int q;
    private final double[] u;
    private final int[] events;
    private final int[] censored;
    private final int[] atRisk;
    private final double[] g;
    private final int[] failureBlocks;
    private double[] lastBeta;
    private Blocks last;

    /**
     * The sums of one evaluation per block (time), and per block the competing failures' Σ r/Ĝ(T−) and Σ r x/Ĝ(T−)
     * over the blocks before it (the weighted part of the risk set: {@link #evaluate} reads it at the failure
     * blocks, {@link #meat} at the censored ones).
     */
    private record Blocks(double[] all, double[] competing, double[] cause, double[] competingBefore0,
            double[] competingBefore1) {
    }

    SummedFineGray(FineGraySource source, FineGraySource.Counts counts, double[] centreAll, int[] columns) {
        this.source = source;
        this.columns = columns.clone();
        this.q = columns.length;
        this.centre = new double[q];
        for (int a = 0; a < q; a++) {
            centre[a] = centreAll[columns[a]];
        }
        RankedTimes ranked = RankedTimes.of(counts.time(), false);
        u = ranked.times();
        int b = u.length;
        events = new int[b];
        censored = new int[b];
        long[] total = new long[b];
        long n = 0;
        for (int i = 0; i < counts.time().length; i++) {
            int k = ranked.rank()[i];
            long c = counts.count()[i];
            total[k] += c;
            n += c;
            if (counts.kind()[i] == 1) {
                events[k] += Math.toIntExact(c);
            } else if (counts.kind()[i] == 0) {
                censored[k] += Math.toIntExact(c);
            }
        }
        atRisk = new int[b];
        long before = 0;
        for (int k = 0; k < b; k++) {
            atRisk[k] = Math.toIntExact(n - before);
            before += total[k];
        }
        g = FineGrayRiskSets.censoringBefore(u, atRisk, censored);
        failureBlocks = java.util.stream.IntStream.range(0, b).filter(k -> events[k] > 0).toArray();
    }

    @Override
    public int width() {
        return q;
    }

    private Blocks blocks(double[] beta) {
        if (last != null && Arrays.equals(beta, lastBeta)) {
            return last;
        }
        FineGraySource.Sums s = source.sums(columns.clone(), centre.clone(), beta.clone());
        int rs = FineGraySource.Sums.stride(q);
        int b = u.length;
        double[] all = new double[b * rs];
        double[] comp = new double[b * rs];
        double[] cause = new double[b * (1 + q)];
        for (int i = 0; i < s.time().length; i++) {
            int k = Arrays.binarySearch(u, s.time()[i] + 0.0);
            if (k < 0) {
                throw new IllegalStateException("time " + s.time()[i] + " of the sums is not among the counted times");
            }
            for (int t = 0; t < rs; t++) {
                all[k * rs + t] += s.all()[i * rs + t];
                comp[k * rs + t] += s.competing()[i * rs + t];
            }
            for (int t = 0; t <= q; t++) {
                cause[k * (1 + q) + t] += s.cause()[i * (1 + q) + t];
            }
        }
        double[] before0 = new double[b];
        double[] before1 = new double[b * q];
        double a0 = 0;
        double[] a1 = new double[q];
        for (int k = 0; k < b; k++) {
            before0[k] = a0;
            System.arraycopy(a1, 0, before1, k * q, q);
            a0 += comp[k * rs] / g[k];
            for (int j = 0; j < q; j++) {
                a1[j] += comp[k * rs + 1 + j] / g[k];
            }
        }
        lastBeta = beta.clone();
        last = new Blocks(all, comp, cause, before0, before1);
        return last;
    }

    @Override
    public FineGrayRiskSets.Evaluation evaluate(double[] beta, boolean information) {
        Blocks bs = blocks(beta);
        int rs = FineGraySource.Sums.stride(q);
        int b = u.length;
        int nf = failureBlocks.length;
        // competing failures before each failure time: Σ r/Ĝ(T−) and Σ r x/Ĝ(T−)
        double[] w0 = bs.competingBefore0;
        double[] w1 = bs.competingBefore1;
        FineGrayRiskSets.Evaluation ev = new FineGrayRiskSets.Evaluation();
        ev.score = new double[q];
        ev.info = information ? new double[q][q] : null;
        ev.s0 = new double[nf];
        ev.xbar = new double[nf * q];
        double loglik = 0;
        double r0 = 0;
        double[] r1 = new double[q];
        double[] r2 = new double[q * (q + 1) / 2];
        for (int k = b - 1, f = nf - 1; k >= 0; k--) {
            r0 += bs.all[k * rs];
            for (int t = 0; t < q; t++) {
                r1[t] += bs.all[k * rs + 1 + t];
            }
            for (int t = 0; t < r2.length; t++) {
                r2[t] += bs.all[k * rs + 1 + q + t];
            }
            if (f < 0 || failureBlocks[f] != k) {
                continue;
            }
            int d = events[k];
            double s0 = r0 + g[k] * w0[k];
            ev.s0[f] = s0;
            for (int j = 0; j < q; j++) {
                ev.xbar[f * q + j] = (r1[j] + g[k] * w1[k * q + j]) / s0;
                double sx = bs.cause[k * (1 + q) + 1 + j];
                loglik += sx * beta[j];
                ev.score[j] += sx;
            }
            loglik -= d * Math.log(s0);
            for (int j = 0, idx = 0; j < q; j++) {
                double xj = ev.xbar[f * q + j];
                ev.score[j] -= d * xj;
                for (int l = 0; l <= j; l++, idx++) {
                    if (information) {
                        ev.info[j][l] += d * (r2[idx] / s0 - xj * ev.xbar[f * q + l]);
                    }
                }
            }
            f--;
        }
        ev.loglik = loglik;
        if (information) {
            // the competing failures' second moments: Ĝ(t−) Σ r x xᵀ/Ĝ(T−), accumulated from the start
            double[] a2 = new double[q * (q + 1) / 2];
            for (int k = 0, f = 0; k < b; k++) {
                if (f < nf && failureBlocks[f] == k) {
                    double c = events[k] * g[k] / ev.s0[f];
                    for (int j = 0, idx = 0; j < q; j++) {
                        for (int l = 0; l <= j; l++, idx++) {
                            ev.info[j][l] += c * a2[idx];
                        }
                    }
                    f++;
                }
                for (int t = 0; t < a2.length; t++) {
                    a2[t] += bs.competing[k * rs + 1 + q + t] / g[k];
                }
            }
            for (int j = 0; j < q; j++) {
                for (int l = 0; l < j; l++) {
                    ev.info[l][j] = ev.info[j][l];
                }
            }
        }
        return ev;
    }

    @Override
    public double[][] meat(double[] beta, FineGrayRiskSets.Evaluation ev) {
        Blocks bs = blocks(beta);
        int b = u.length;
        int nf = failureBlocks.length;
        double[] cumA0 = new double[b];
        double[] cumA1 = new double[b * q];
        double a0 = 0;
        double[] a1 = new double[q];
        double[] xbar = new double[b * q];
        for (int k = 0, f = 0; k < b; k++) {
            if (f < nf && failureBlocks[f] == k) {
                double c = events[k] / ev.s0[f];
                a0 += c;
                for (int j = 0; j < q; j++) {
                    a1[j] += c * ev.xbar[f * q + j];
                    xbar[k * q + j] = ev.xbar[f * q + j];
                }
                f++;
            }
            cumA0[k] = a0;
            System.arraycopy(a1, 0, cumA1, k * q, q);
        }
        double[] after0 = new double[b];
        double[] after1 = new double[b * q];
        double[] from0 = new double[b];
        double[] from1 = new double[b * q];
        double b0 = 0;
        double[] b1 = new double[q];
        for (int k = b - 1, f = nf - 1; k >= 0; k--) {
            after0[k] = b0;
            System.arraycopy(b1, 0, after1, k * q, q);
            if (f >= 0 && failureBlocks[f] == k) {
                double c = events[k] * g[k] / ev.s0[f];
                b0 += c;
                for (int j = 0; j < q; j++) {
                    b1[j] += c * ev.xbar[f * q + j];
                }
                f--;
            }
            from0[k] = b0;
            System.arraycopy(b1, 0, from1, k * q, q);
        }
        double[] psi = new double[q];
        double[] psiAt = new double[b * q];
        double[] qy = new double[b * q];
        for (int k = 0; k < b; k++) {
            double y = atRisk[k];
            if (censored[k] > 0) {
                double e0 = bs.competingBefore0[k];
                for (int j = 0; j < q; j++) {
                    double qj = bs.competingBefore1[k * q + j] * from0[k] - e0 * from1[k * q + j];
                    psi[j] -= censored[k] * qj / (y * y);
                    qy[k * q + j] = qj / y;
                }
            }
            System.arraycopy(psi, 0, psiAt, k * q, q);
        }
        FineGraySource.ResidualTerms terms = new FineGraySource.ResidualTerms(q, u.clone(), cumA0, cumA1, after0,
                after1, xbar, psiAt, qy, g.clone());
        double[] cp = source.residualCrossProducts(columns.clone(), centre.clone(), beta.clone(), terms);
        double[][] meat = new double[q][q];
        for (int j = 0; j < q; j++) {
            for (int l = 0; l < q; l++) {
                meat[j][l] = cp[j * q + l];
            }
        }
        return meat;
    }
}

package org.survkit.stats;

import java.util.Arrays;

/**
 * Cox data prepared for repeated evaluation of the partial likelihood: observations sorted by
 * stratum and decreasing exit time (and, for counting-process data, an entry-time order),
 * covariates centred and scaled as R {@code coxph} does (columns with values only in {−1, 0, 1}
 * are left alone), stored row-major for cache-friendly passes.
 *
 * <p>{@link #evaluate} walks each stratum from the latest time to the earliest, adding subjects to
 * the running risk-set sums Σ w e^η, Σ w e^η x and Σ w e^η x xᵀ as their exit time is reached
 * and (counting process) removing them once the time falls to their entry, and at each event time
 * adds the Breslow or Efron terms of the log-likelihood, score and information
 * (Therneau &amp; Grambsch 2000, §3.2–3.3). Near-equal times are first merged as R's timefix.
 */
final class CoxRiskSets {
    final int n;
    final int p;
    final double[] x;
    final double[] w;
    final boolean[] dead;
    final int[] exit;
    final int[] entry;
    final int[] byEntry;
    final int[] blocks;
    final double[] means;
    final double[] scale;
    final int[] order;
    final Ties ties;

    private CoxRiskSets(int n, int p, double[] x, double[] w, boolean[] dead, int[] exit, int[] entry, int[] byEntry,
            int[] blocks, double[] means, double[] scale, int[] order, Ties ties) {
        this.n = n;
        this.p = p;
        this.x = x;
        this.w = w;
        this.dead = dead;
        this.exit = exit;
        this.entry = entry;
        this.byEntry = byEntry;
        this.blocks = blocks;
        this.means = means;
        this.scale = scale;
        this.order = order;
        this.ties = ties;
    }

    /**
     * Prepares the data.
     *
     * @param columns which design columns to use (all when null)
     */
    static CoxRiskSets of(CoxData data, Ties ties, int[] columns) {
        int n = data.size();
        double[][] cols = data.design().columns();
        int[] use = columns != null ? columns : java.util.stream.IntStream.range(0, cols.length).toArray();
        int p = use.length;
        // ranks of exit (and entry) times after timefix, pooled as R's aeqSurv pools start and stop
        int[] exitRank;
        int[] entryRank = null;
        int d;
        if (data.start() == null) {
            RankedTimes r = RankedTimes.of(data.stop(), true);
            exitRank = r.rank();
            d = r.distinctCount();
        } else {
            double[] both = new double[2 * n];
            System.arraycopy(data.start(), 0, both, 0, n);
            System.arraycopy(data.stop(), 0, both, n, n);
            RankedTimes r = RankedTimes.of(both, true);
            entryRank = Arrays.copyOfRange(r.rank(), 0, n);
            exitRank = Arrays.copyOfRange(r.rank(), n, 2 * n);
            d = r.distinctCount();
        }
        // order: stratum ascending, exit time descending (two stable counting sorts)
        int[] reversed = new int[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = d - 1 - exitRank[i];
        }
        int[] byTime = countingSort(identity(n), reversed, d);
        int[] strata = data.strata();
        int s = 1;
        if (strata != null) {
            for (int c : strata) {
                s = Math.max(s, c + 1);
            }
        }
        int[] order = strata == null ? byTime : countingSort(byTime, strata, s);
        int[] blocks = new int[s + 1];
        if (strata == null) {
            blocks[1] = n;
        } else {
            for (int c : strata) {
                blocks[c + 1]++;
            }
            for (int k = 0; k < s; k++) {
                blocks[k + 1] += blocks[k];
            }
        }
        double[] wt = new double[n];
        boolean[] dead = new boolean[n];
        int[] exit = new int[n];
        int[] entry = entryRank == null ? null : new int[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            wt[k] = data.weights() == null ? 1 : data.weights()[i];
            dead[k] = data.event()[i];
            exit[k] = exitRank[i];
            if (entry != null) {
                entry[k] = entryRank[i];
            }
        }
        // centring and scaling as coxfit6 (weighted mean; scale = Σw / Σ w|x − mean|)
        double sw = 0;
        for (double v : wt) {
            sw += v;
        }
        double[] means = new double[p];
        double[] scale = new double[p];
        double[] x = new double[n * p];
        for (int j = 0; j < p; j++) {
            double[] col = cols[use[j]];
            boolean zeroOne = true;
            for (double v : col) {
                if (v != 0 && v != 1 && v != -1) {
                    zeroOne = false;
                    break;
                }
            }
            double mean = 0;
            double sc = 1;
            if (!zeroOne) {
                // coxph.fit centres on weighted means; agreg.fit ((start, stop] data) on plain column means
                if (entryRank == null) {
                    for (int k = 0; k < n; k++) {
                        mean += wt[k] * col[order[k]];
                    }
                    mean /= sw;
                } else {
                    for (int k = 0; k < n; k++) {
                        mean += col[k];
                    }
                    mean /= n;
                }
                double abs = 0;
                for (int k = 0; k < n; k++) {
                    abs += wt[k] * Math.abs(col[order[k]] - mean);
                }
                sc = abs > 0 ? sw / abs : 1;
            }
            means[j] = mean;
            scale[j] = sc;
            for (int k = 0; k < n; k++) {
                x[k * p + j] = (col[order[k]] - mean) * sc;
            }
        }
        int[] byEntry = null;
        if (entry != null) {
            // positions sorted by entry time descending within each stratum block
            byEntry = new int[n];
            int[] key = new int[n];
            for (int k = 0; k < n; k++) {
                key[k] = d - 1 - entry[k];
            }
            for (int b = 0; b < s; b++) {
                int lo = blocks[b];
                int hi = blocks[b + 1];
                int[] pos = new int[hi - lo];
                for (int k = lo; k < hi; k++) {
                    pos[k - lo] = k;
                }
                int[] sorted = countingSort(pos, key, d);
                System.arraycopy(sorted, 0, byEntry, lo, sorted.length);
            }
        }
        return new CoxRiskSets(n, p, x, wt, dead, exit, entry, byEntry, blocks, means, scale, order, ties);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Stable counting sort of {@code items} by {@code key[item]} in [0, range). */
    static int[] countingSort(int[] items, int[] key, int range) {
        int[] start = new int[range + 1];
        for (int i : items) {
            start[key[i] + 1]++;
        }
        for (int r = 0; r < range; r++) {
            start[r + 1] += start[r];
        }
        int[] out = new int[items.length];
        for (int i : items) {
            out[start[key[i]]++] = i;
        }
        return out;
    }

    /** Log partial likelihood, score and information at β (on the centred and scaled covariates). */
    static final class Evaluation {
        double loglik;
        final double[] u;
        final double[][] imat;
        final double[] eta;

        Evaluation(int p, int n) {
            u = new double[p];
            imat = new double[p][p];
            eta = new double[n];
        }
    }

    /** Evaluates at scaled β; {@code info} false skips the information matrix. */
    Evaluation evaluate(double[] beta, boolean info) {
        Evaluation ev = new Evaluation(p, n);
        double[] risk = new double[n];
        for (int k = 0; k < n; k++) {
            double eta = 0;
            int base = k * p;
            for (int j = 0; j < p; j++) {
                eta += beta[j] * x[base + j];
            }
            ev.eta[k] = eta;
            risk[k] = Math.exp(eta) * w[k];
        }
        double[] a = new double[p];
        double[] a2 = new double[p];
        double[] cmat = new double[p * p];
        double[] cmat2 = new double[p * p];
        double[] u = ev.u;
        double[] imat = new double[p * p];
        double loglik = 0;
        for (int b = 0; b + 1 < blocks.length; b++) {
            int lo = blocks[b];
            int hi = blocks[b + 1];
            double denom = 0;
            Arrays.fill(a, 0);
            if (info) {
                Arrays.fill(cmat, 0);
            }
            int out = lo; // pointer into byEntry for removals
            int k = lo;
            while (k < hi) {
                int t = exit[k];
                int ndead = 0;
                double deadwt = 0;
                double denom2 = 0;
                Arrays.fill(a2, 0);
                if (info) {
                    Arrays.fill(cmat2, 0);
                }
                while (k < hi && exit[k] == t) {
                    double r = risk[k];
                    int base = k * p;
                    if (!dead[k]) {
                        denom += r;
                        for (int i = 0; i < p; i++) {
                            double xi = x[base + i];
                            a[i] += r * xi;
                            if (info) {
                                int row = i * p;
                                double rxi = r * xi;
                                for (int j = 0; j <= i; j++) {
                                    cmat[row + j] += rxi * x[base + j];
                                }
                            }
                        }
                    } else {
                        ndead++;
                        deadwt += w[k];
                        denom2 += r;
                        loglik += w[k] * ev.eta[k];
                        for (int i = 0; i < p; i++) {
                            double xi = x[base + i];
                            u[i] += w[k] * xi;
                            a2[i] += r * xi;
                            if (info) {
                                int row = i * p;
                                double rxi = r * xi;
                                for (int j = 0; j <= i; j++) {
                                    cmat2[row + j] += rxi * x[base + j];
                                }
                            }
                        }
                    }
                    k++;
                }
                if (entry != null) {
                    // leave the risk set: entry time at or after t
                    while (out < hi && entry[byEntry[out]] >= t) {
                        int q = byEntry[out++];
                        if (exit[q] < t || q >= k) {
                            continue; // not yet added (cannot happen when entry < exit)
                        }
                        double r = risk[q];
                        denom -= r;
                        int base = q * p;
                        for (int i = 0; i < p; i++) {
                            double xi = x[base + i];
                            a[i] -= r * xi;
                            if (info) {
                                int row = i * p;
                                double rxi = r * xi;
                                for (int j = 0; j <= i; j++) {
                                    cmat[row + j] -= rxi * x[base + j];
                                }
                            }
                        }
                    }
                }
                if (ndead == 0) {
                    continue;
                }
                if (ties == Ties.BRESLOW || ndead == 1) {
                    denom += denom2;
                    loglik -= deadwt * Math.log(denom);
                    for (int i = 0; i < p; i++) {
                        a[i] += a2[i];
                        double mean = a[i] / denom;
                        u[i] -= deadwt * mean;
                        if (info) {
                            int row = i * p;
                            for (int j = 0; j <= i; j++) {
                                cmat[row + j] += cmat2[row + j];
                                imat[j * p + i] += deadwt * (cmat[row + j] - mean * a[j]) / denom;
                            }
                        }
                    }
                } else {
                    double wtave = deadwt / ndead;
                    for (int m = 0; m < ndead; m++) {
                        denom += denom2 / ndead;
                        loglik -= wtave * Math.log(denom);
                        for (int i = 0; i < p; i++) {
                            a[i] += a2[i] / ndead;
                            double mean = a[i] / denom;
                            u[i] -= wtave * mean;
                            if (info) {
                                int row = i * p;
                                for (int j = 0; j <= i; j++) {
                                    cmat[row + j] += cmat2[row + j] / ndead;
                                    imat[j * p + i] += wtave * (cmat[row + j] - mean * a[j]) / denom;
                                }
                            }
                        }
                    }
                }
            }
        }
        ev.loglik = loglik;
        if (info) {
            for (int i = 0; i < p; i++) {
                for (int j = i; j < p; j++) {
                    ev.imat[i][j] = imat[i * p + j];
                    ev.imat[j][i] = imat[i * p + j];
                }
            }
        }
        return ev;
    }
}

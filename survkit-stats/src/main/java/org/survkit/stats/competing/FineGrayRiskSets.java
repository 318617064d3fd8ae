package org.survkit.stats.competing;

import org.survkit.stats.internal.RankedTimes;

/**
 * The weighted risk sets of the Fine–Gray model on time-ordered data, with the log pseudo-likelihood,
 * score, information and score residuals at a given β in O(n p²): the workhorse behind
 * {@link FineGrayRegression}, without checks.
 *
 * <p>Subjects are ordered by time; kind 1 = the cause of interest, 2 = a competing cause, 0 = censored.
 * Ĝ is the Kaplan–Meier estimate of the censoring distribution (censorings as events, every event as
 * censored), read as R cmprsk {@code crr} reads it: at T·(1 − 100ε), i.e. Ĝ(T−) (and Ĝ(0) at time 0). At a
 * time t with d<sub>t</sub> events of the cause, the risk set holds everyone with T ≥ t with weight 1
 * and everyone who failed from a competing cause before t with weight Ĝ(t−)/Ĝ(T−); censored subjects
 * leave at their censoring time (Fine &amp; Gray 1999, §2.2). With r = exp(x'β):
 * S₀(t) = Σ w r, S₁(t) = Σ w r x, S₂(t) = Σ w r x x', and
 * <ul>
 * <li>log pseudo-likelihood ℓ(β) = Σ<sub>events</sub> x'β − Σ<sub>t</sub> d<sub>t</sub> log S₀(t) (Breslow ties);</li>
 * <li>score U = Σ<sub>events</sub> x − Σ<sub>t</sub> d<sub>t</sub> x̄(t), x̄ = S₁/S₀;</li>
 * <li>information I = Σ<sub>t</sub> d<sub>t</sub> (S₂/S₀ − x̄ x̄').</li>
 * </ul>
 * Every sum over a risk set is a running sum over time (subjects still at risk from the end, competing
 * failures weighted by 1/Ĝ(T−) from the start, multiplied by Ĝ(t−) at t), hence linear time per
 * evaluation after the sort.
 *
 * <p>The score residual of subject i (Fine &amp; Gray 1999, §3, η<sub>i</sub> + ψ<sub>i</sub>; the terms of cmprsk's
 * {@code crrvv}):
 * η<sub>i</sub> = δ<sub>i</sub>(x<sub>i</sub> − x̄(T<sub>i</sub>)) − Σ<sub>t</sub> d<sub>t</sub> w<sub>i</sub>(t) r<sub>i</sub>
 * (x<sub>i</sub> − x̄(t))/S₀(t), the martingale part, and ψ<sub>i</sub> = ∫ q(u)/Y(u) dM<sup>c</sup><sub>i</sub>(u)
 * for the estimated censoring distribution, with Y(u) the number with T ≥ u, M<sup>c</sup> the censoring
 * martingale (Nelson–Aalen increments c(u)/Y(u)) and
 * q(u) = Σ<sub>t ≥ u</sub> d<sub>t</sub> Ĝ(t−)/S₀(t) Σ<sub>competing failures j with T_j &lt; u</sub> r<sub>j</sub>
 * (x<sub>j</sub> − x̄(t))/Ĝ(T<sub>j</sub>−). The robust variance is I⁻¹ (Σ (η+ψ)(η+ψ)') I⁻¹.
 *
 * <p>Covariates should be centred by the caller: ℓ, U, I and the residuals do not change, and the
 * exponentials do not overflow.
 */
final class FineGrayRiskSets implements FineGrayLikelihood {
    private static final double EPS = Math.ulp(1.0);

    final int n;
    final int p;
    /** Covariates of the subjects in time order, row-major: x[i * p + j]. */
    private final double[] x;
    private final byte[] kind;
    /** Ĝ(T−) of each subject in time order. */
    private final double[] gMinus;
    /** Blocks of equal time: subjects blockStart[k] .. blockStart[k + 1] − 1. */
    private final int[] blockStart;
    private final int blocks;
    /** Per block: events of the cause, censorings, Ĝ(t−). */
    private final int[] events;
    private final int[] censored;
    private final double[] gBlock;
    /** The blocks with an event of the cause, increasing. */
    private final int[] failureBlocks;
    /** Subject in time order → input index. */
    final int[] order;

    /**
     * @param time    times, finite ≥ 0
     * @param kind    per subject 0 censored, 1 cause of interest, 2 competing cause
     * @param columns covariate columns (centred), columns[j][i]
     */
    FineGrayRiskSets(double[] time, byte[] kind, double[][] columns) {
        this.n = time.length;
        this.p = columns.length;
        RankedTimes ranked = RankedTimes.of(time, false);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        this.order = ranked.orderByRank(all);
        int[] rank = ranked.rank();
        this.x = new double[n * p];
        this.kind = new byte[n];
        for (int i = 0; i < n; i++) {
            int o = order[i];
            this.kind[i] = kind[o];
            for (int j = 0; j < p; j++) {
                x[i * p + j] = columns[j][o];
            }
        }
        int b = 0;
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            if (i == 0 || rank[order[i]] != rank[order[i - 1]]) {
                start[b++] = i;
            }
        }
        start[b] = n;
        this.blocks = b;
        this.blockStart = java.util.Arrays.copyOf(start, b + 1);
        this.events = new int[b];
        this.censored = new int[b];
        double[] u = new double[b];
        int nf = 0;
        for (int k = 0; k < b; k++) {
            u[k] = time[order[blockStart[k]]];
            for (int i = blockStart[k]; i < blockStart[k + 1]; i++) {
                if (this.kind[i] == 1) {
                    events[k]++;
                } else if (this.kind[i] == 0) {
                    censored[k]++;
                }
            }
            if (events[k] > 0) {
                nf++;
            }
        }
        this.failureBlocks = new int[nf];
        for (int k = 0, f = 0; k < b; k++) {
            if (events[k] > 0) {
                failureBlocks[f++] = k;
            }
        }
        int[] atRisk = new int[b];
        for (int k = 0; k < b; k++) {
            atRisk[k] = n - blockStart[k];
        }
        this.gBlock = censoringBefore(u, atRisk, censored);
        this.gMinus = new double[n];
        for (int k = 0; k < b; k++) {
            for (int i = blockStart[k]; i < blockStart[k + 1]; i++) {
                gMinus[i] = gBlock[k];
            }
        }
    }

    /**
     * Ĝ read as crr reads it at each block's time u: the Kaplan–Meier of censoring (censorings as events) at
     * u·(1 − 100ε), i.e. Ĝ(u−) (1 before the first block).
     *
     * @param u        the blocks' times, increasing
     * @param atRisk   rows with time ≥ u per block
     * @param censored censored rows per block
     */
    static double[] censoringBefore(double[] u, int[] atRisk, int[] censored) {
        int b = u.length;
        double[] gAfter = new double[b];
        double g = 1;
        for (int k = 0; k < b; k++) {
            if (censored[k] > 0) {
                g *= (double) (atRisk[k] - censored[k]) / atRisk[k];
            }
            gAfter[k] = g;
        }
        // read at t·(1 − 100ε) as cmprsk's approx(): the last block at or before that point
        double[] out = new double[b];
        double shrink = 1 - 100 * EPS;
        for (int k = 0; k < b; k++) {
            double y = u[k] * shrink;
            int j = k;
            while (j >= 0 && u[j] > y) {
                j--;
            }
            out[k] = j < 0 ? 1 : gAfter[j];
        }
        return out;
    }

    /** Number of events of the cause. */
    int eventCount() {
        int e = 0;
        for (int d : events) {
            e += d;
        }
        return e;
    }

    /** ℓ, U and (when asked) I at β. */
    static final class Evaluation {
        double loglik;
        double[] score;
        double[][] info;
        /** Per failure block: S₀ and x̄ (p each). */
        double[] s0;
        double[] xbar;
    }

    private double[] risk(double[] beta) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = 0;
            for (int j = 0; j < p; j++) {
                eta += x[i * p + j] * beta[j];
            }
            r[i] = Math.exp(eta);
        }
        return r;
    }

    /** The log pseudo-likelihood, score and, with {@code information}, the information matrix at β. */
    @Override
    public Evaluation evaluate(double[] beta, boolean information) {
        double[] r = risk(beta);
        int nf = failureBlocks.length;
        // competing failures before each failure time: Σ r/Ĝ(T−) and Σ r x/Ĝ(T−)
        double[] w0 = new double[nf];
        double[] w1 = new double[nf * p];
        double a0 = 0;
        double[] a1 = new double[p];
        for (int k = 0, f = 0; k < blocks; k++) {
            if (f < nf && failureBlocks[f] == k) {
                w0[f] = a0;
                System.arraycopy(a1, 0, w1, f * p, p);
                f++;
            }
            for (int i = blockStart[k]; i < blockStart[k + 1]; i++) {
                if (kind[i] == 2) {
                    double w = r[i] / gMinus[i];
                    a0 += w;
                    for (int j = 0; j < p; j++) {
                        a1[j] += w * x[i * p + j];
                    }
                }
            }
        }
        Evaluation ev = new Evaluation();
        ev.score = new double[p];
        ev.info = information ? new double[p][p] : null;
        ev.s0 = new double[nf];
        ev.xbar = new double[nf * p];
        double loglik = 0;
        double r0 = 0;
        double[] r1 = new double[p];
        double[][] r2 = information ? new double[p][p] : null;
        double[] xbar = new double[p];
        for (int k = blocks - 1, f = nf - 1; k >= 0; k--) {
            for (int i = blockStart[k]; i < blockStart[k + 1]; i++) {
                double ri = r[i];
                r0 += ri;
                for (int j = 0; j < p; j++) {
                    double xr = ri * x[i * p + j];
                    r1[j] += xr;
                    if (information) {
                        for (int l = 0; l <= j; l++) {
                            r2[j][l] += xr * x[i * p + l];
                        }
                    }
                }
            }
            if (f < 0 || failureBlocks[f] != k) {
                continue;
            }
            int d = events[k];
            double gk = gBlock[k];
            double s0 = r0 + gk * w0[f];
            for (int j = 0; j < p; j++) {
                xbar[j] = (r1[j] + gk * w1[f * p + j]) / s0;
                ev.xbar[f * p + j] = xbar[j];
            }
            ev.s0[f] = s0;
            for (int i = blockStart[k]; i < blockStart[k + 1]; i++) {
                if (kind[i] == 1) {
                    for (int j = 0; j < p; j++) {
                        loglik += x[i * p + j] * beta[j];
                        ev.score[j] += x[i * p + j];
                    }
                }
            }
            loglik -= d * Math.log(s0);
            for (int j = 0; j < p; j++) {
                ev.score[j] -= d * xbar[j];
                if (information) {
                    for (int l = 0; l <= j; l++) {
                        ev.info[j][l] += d * (r2[j][l] / s0 - xbar[j] * xbar[l]);
                    }
                }
            }
            f--;
        }
        ev.loglik = loglik;
        if (information) {
            // the competing failures' second moments: Ĝ(t−) Σ r x x'/Ĝ(T−), accumulated from the start
            double[][] a2 = new double[p][p];
            for (int k = 0, f = 0; k < blocks; k++) {
                if (f < nf && failureBlocks[f] == k) {
                    double c = events[k] * gBlock[k] / ev.s0[f];
                    for (int j = 0; j < p; j++) {
                        for (int l = 0; l <= j; l++) {
                            ev.info[j][l] += c * a2[j][l];
                        }
                    }
                    f++;
                }
                for (int i = blockStart[k]; i < blockStart[k + 1]; i++) {
                    if (kind[i] == 2) {
                        double w = r[i] / gMinus[i];
                        for (int j = 0; j < p; j++) {
                            double xw = w * x[i * p + j];
                            for (int l = 0; l <= j; l++) {
                                a2[j][l] += xw * x[i * p + l];
                            }
                        }
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < j; l++) {
                    ev.info[l][j] = ev.info[j][l];
                }
            }
        }
        return ev;
    }

    @Override
    public int width() {
        return p;
    }

    @Override
    public double[][] meat(double[] beta, Evaluation ev) {
        return crossProducts(scoreResiduals(beta, ev), p);
    }

    /** Σ r rᵀ over the rows of {@code res}, symmetric. */
    static double[][] crossProducts(double[][] res, int p) {
        double[][] meat = new double[p][p];
        for (double[] r : res) {
            for (int j = 0; j < p; j++) {
                for (int l = 0; l <= j; l++) {
                    meat[j][l] += r[j] * r[l];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int l = 0; l < j; l++) {
                meat[l][j] = meat[j][l];
            }
        }
        return meat;
    }

    /**
     * Score residuals η<sub>i</sub> + ψ<sub>i</sub> at β, in time order ({@link #order} maps to input rows):
     * residual[i][j].
     */
    double[][] scoreResiduals(double[] beta, Evaluation ev) {
        double[] r = risk(beta);
        int nf = failureBlocks.length;
        double[][] res = new double[n][p];
        // martingale part, dΛ̂ terms of subjects at risk with weight 1: Σ_{t ≤ T} d/S₀ and Σ d x̄/S₀
        double a0 = 0;
        double[] a1 = new double[p];
        // cumulated over failure times ≤ block: needed per block after adding it
        double[] cumA0 = new double[blocks];
        double[] cumA1 = new double[blocks * p];
        for (int k = 0, f = 0; k < blocks; k++) {
            if (f < nf && failureBlocks[f] == k) {
                double c = events[k] / ev.s0[f];
                a0 += c;
                for (int j = 0; j < p; j++) {
                    a1[j] += c * ev.xbar[f * p + j];
                }
                f++;
            }
            cumA0[k] = a0;
            System.arraycopy(a1, 0, cumA1, k * p, p);
        }
        // weighted terms of competing failures after T: Σ_{t > T} d Ĝ(t−)/S₀ and Σ d Ĝ(t−) x̄/S₀;
        // with t ≥ T (the block itself included) for q(u)
        double[] after0 = new double[blocks];
        double[] after1 = new double[blocks * p];
        double[] from0 = new double[blocks];
        double[] from1 = new double[blocks * p];
        double b0 = 0;
        double[] b1 = new double[p];
        for (int k = blocks - 1, f = nf - 1; k >= 0; k--) {
            after0[k] = b0;
            System.arraycopy(b1, 0, after1, k * p, p);
            if (f >= 0 && failureBlocks[f] == k) {
                double c = events[k] * gBlock[k] / ev.s0[f];
                b0 += c;
                for (int j = 0; j < p; j++) {
                    b1[j] += c * ev.xbar[f * p + j];
                }
                f--;
            }
            from0[k] = b0;
            System.arraycopy(b1, 0, from1, k * p, p);
        }
        double e0 = 0;
        double[] e1 = new double[p];
        double[] q = new double[p];
        double[] psi = new double[p];
        for (int k = 0, f = 0; k < blocks; k++) {
            boolean failure = f < nf && failureBlocks[f] == k;
            int y = n - blockStart[k];
            if (censored[k] > 0) {
                // q(u) over failure times t ≥ u, competing failures before u
                for (int j = 0; j < p; j++) {
                    q[j] = e1[j] * from0[k] - e0 * from1[k * p + j];
                    psi[j] -= censored[k] * q[j] / ((double) y * y);
                }
            }
            for (int i = blockStart[k]; i < blockStart[k + 1]; i++) {
                double[] out = res[i];
                for (int j = 0; j < p; j++) {
                    double xi = x[i * p + j];
                    double v = -r[i] * (xi * cumA0[k] - cumA1[k * p + j]);
                    if (kind[i] == 1) {
                        v += xi - ev.xbar[f * p + j];
                    } else if (kind[i] == 2) {
                        v -= r[i] / gMinus[i] * (xi * after0[k] - after1[k * p + j]);
                    }
                    v += psi[j];
                    if (kind[i] == 0) {
                        v += q[j] / y;
                    }
                    out[j] = v;
                }
            }
            for (int i = blockStart[k]; i < blockStart[k + 1]; i++) {
                if (kind[i] == 2) {
                    double w = r[i] / gMinus[i];
                    e0 += w;
                    for (int j = 0; j < p; j++) {
                        e1[j] += w * x[i * p + j];
                    }
                }
            }
            if (failure) {
                f++;
            }
        }
        return res;
    }
}

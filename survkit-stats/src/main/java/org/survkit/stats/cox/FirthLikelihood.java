package org.survkit.stats.cox;

import java.util.Arrays;

/**
 * Firth's penalized partial likelihood of a Cox model, evaluated on the sorted, centred and scaled
 * risk sets of {@link CoxRiskSets}:
 *
 * <pre>
 * ℓ*(θ)  = ℓ(θ) + ½ log det I(θ)
 * U*_l   = U_l + ½ tr(I⁻¹ ∂I/∂θ_l)
 * </pre>
 *
 * <p>One pass per stratum from the latest time to the earliest keeps the running risk-set sums
 * S₀ = Σ w e^η, S₁ = Σ w e^η x, S₂ = Σ w e^η x xᵀ and, for the penalty, S₃ = Σ w e^η x⊗x⊗x. Each
 * term −c·log S₀ of the log partial likelihood (c = the deaths' weight for Breslow; for Efron one
 * term per tied death with the deaths' share of the sums reduced to (m+1)/d) adds, with the
 * risk-set means m = S₁/S₀, M₂ = S₂/S₀, M₃ = S₃/S₀,
 *
 * <pre>
 * U_j        −= c m_j
 * I_jk       += c (M₂_jk − m_j m_k)                                        (covariance)
 * ∂I_jk/∂θ_l += c (M₃_jkl − M₂_jk m_l − M₂_jl m_k − M₂_kl m_j + 2 m_j m_k m_l)  (third central moment)
 * </pre>
 *
 * (Heinze &amp; Schemper 2001, Biometrics 57:114, appendix; Firth 1993, Biometrika 80:27). Cost per
 * evaluation: O(n p³/6). The information is inverted by an LLᵀ decomposition; when it is not
 * numerically positive definite (no events; θ so large that a risk set collapses) the penalized
 * log-likelihood is −∞ and the evaluation is not {@linkplain Evaluation#usable() usable}.
 */
final class FirthLikelihood implements PenalizedPartialLikelihood {
    private final CoxRiskSets rs;

    FirthLikelihood(CoxRiskSets rs) {
        this.rs = rs;
    }

    @Override
    public int p() {
        return rs.p;
    }

    /** Values at one θ, on the scaled covariates of the risk sets. */
    static final class Evaluation {
        /** ℓ(θ). */
        double loglik;
        /** log det I(θ), −∞ when I is not positive definite. */
        double logDet = Double.NEGATIVE_INFINITY;
        /** ℓ*(θ) = ℓ + ½ log det I. */
        double penalized = Double.NEGATIVE_INFINITY;
        final double[] u;
        final double[][] imat;
        /** dImat[l][j][k] = ∂I_jk/∂θ_l. */
        final double[][][] dImat;
        /** The penalized score U*, NaN when I is not positive definite. */
        final double[] ustar;
        /** I⁻¹, null when I is not positive definite. */
        double[][] inverse;

        Evaluation(int p) {
            u = new double[p];
            imat = new double[p][p];
            dImat = new double[p][p][p];
            ustar = new double[p];
            Arrays.fill(ustar, Double.NaN);
        }

        /** Whether ℓ*, U* and I⁻¹ are all finite, so that an iteration can step from here. */
        boolean usable() {
            if (inverse == null || !Double.isFinite(penalized)) {
                return false;
            }
            for (double v : ustar) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Evaluates at scaled θ. */
    @Override
    public Evaluation evaluate(double[] theta) {
        final int n = rs.n;
        final int p = rs.p;
        final double[] x = rs.x();
        double[] eta = new double[n];
        double[] risk = new double[n];
        for (int k = 0; k < n; k++) {
            double e = 0;
            int base = k * p;
            for (int j = 0; j < p; j++) {
                e += theta[j] * x[base + j];
            }
            eta[k] = e;
            risk[k] = rs.w[k] * Math.exp(e);
        }
        Sums at = new Sums(p);   // risk set
        Sums dead = new Sums(p); // deaths at the current time
        Terms sum = new Terms(p);
        double[] u = sum.u;
        for (int b = 0; b + 1 < rs.blocks.length; b++) {
            int lo = rs.blocks[b];
            int hi = rs.blocks[b + 1];
            at.clear();
            int out = lo;
            int k = lo;
            while (k < hi) {
                int t = rs.exit[k];
                int ndead = 0;
                double deadwt = 0;
                dead.clear();
                while (k < hi && rs.exit[k] == t) {
                    int base = k * p;
                    if (rs.dead[k]) {
                        ndead++;
                        deadwt += rs.w[k];
                        sum.loglik += rs.w[k] * eta[k];
                        for (int j = 0; j < p; j++) {
                            u[j] += rs.w[k] * x[base + j];
                        }
                        dead.add(x, base, risk[k]);
                    } else {
                        at.add(x, base, risk[k]);
                    }
                    k++;
                }
                if (rs.entry != null) {
                    // subjects whose entry time is at or after t are not at risk at t
                    while (out < hi && rs.entry[rs.byEntry[out]] >= t) {
                        int q = rs.byEntry[out++];
                        if (q < k) {
                            at.add(x, q * p, -risk[q]);
                        }
                    }
                }
                sum.deaths(at, dead, ndead, deadwt, rs.ties);
            }
        }
        return sum.evaluation();
    }

    /**
     * The running ℓ, U, I and ∂I (cells i ≥ j ≥ l) of one evaluation, to which each event time adds its terms; shared
     * by the walk over rows here and the walk over sums per (stratum, time) of {@link SummedFirthLikelihood}.
     */
    static final class Terms {
        private final int p;
        double loglik;
        final double[] u;
        private final double[] im;
        private final double[] t3;
        private final double[] mean;

        Terms(int p) {
            this.p = p;
            u = new double[p];
            im = new double[p * p];
            t3 = new double[p * p * p];
            mean = new double[p];
        }

        /**
         * The terms of an event time: {@code at} holds the survivors' sums (censored rows of this time included),
         * {@code dead} the deaths'; Breslow (or a single death) adds one term with the deaths' weight, Efron one per
         * tied death with the deaths' share added to the risk set each time. {@code at} then holds the deaths too.
         * Nothing when there is no death.
         */
        void deaths(Sums at, Sums dead, long ndead, double deadwt, Ties ties) {
            if (ndead == 0) {
                return;
            }
            if (ties == Ties.BRESLOW || ndead == 1) {
                at.addScaled(dead, 1);
                loglik += term(at, deadwt, p, mean, u, im, t3);
            } else {
                double share = 1.0 / ndead;
                double wtave = deadwt * share;
                for (long m = 0; m < ndead; m++) {
                    at.addScaled(dead, share);
                    loglik += term(at, wtave, p, mean, u, im, t3);
                }
            }
        }

        /** ℓ, U, I, ∂I and the penalty with its gradient and I⁻¹. */
        Evaluation evaluation() {
            Evaluation ev = new Evaluation(p);
            System.arraycopy(u, 0, ev.u, 0, p);
            ev.loglik = loglik;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j <= i; j++) {
                    ev.imat[i][j] = im[i * p + j];
                    ev.imat[j][i] = im[i * p + j];
                    for (int l = 0; l <= j; l++) {
                        double v = t3[(i * p + j) * p + l];
                        ev.dImat[l][i][j] = v;
                        ev.dImat[l][j][i] = v;
                        ev.dImat[j][i][l] = v;
                        ev.dImat[j][l][i] = v;
                        ev.dImat[i][j][l] = v;
                        ev.dImat[i][l][j] = v;
                    }
                }
            }
            penalize(ev, p);
            return ev;
        }
    }

    /** Adds the penalty ½ log det I, its gradient and I⁻¹. */
    private static void penalize(Evaluation ev, int p) {
        double[][] lower = choleskyLower(ev.imat);
        if (lower == null || !Double.isFinite(ev.loglik)) {
            return;
        }
        double logDet = 0;
        for (int i = 0; i < p; i++) {
            logDet += 2 * Math.log(lower[i][i]);
        }
        double[][] inv = inverseFromCholesky(lower);
        ev.logDet = logDet;
        ev.penalized = ev.loglik + 0.5 * logDet;
        ev.inverse = inv;
        for (int l = 0; l < p; l++) {
            double tr = 0;
            double[][] d = ev.dImat[l];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    tr += inv[i][j] * d[j][i];
                }
            }
            ev.ustar[l] = ev.u[l] + 0.5 * tr;
        }
    }

    /** The contribution −c log S₀ and its derivatives of one likelihood term; returns −c log S₀. */
    private static double term(Sums s, double c, int p, double[] mean, double[] u, double[] im, double[] t3) {
        if (c == 0) {
            return 0;
        }
        double s0 = s.s0;
        for (int i = 0; i < p; i++) {
            mean[i] = s.s1[i] / s0;
            u[i] -= c * mean[i];
        }
        for (int i = 0; i < p; i++) {
            int row = i * p;
            for (int j = 0; j <= i; j++) {
                double m2ij = s.s2[row + j] / s0;
                im[row + j] += c * (m2ij - mean[i] * mean[j]);
                int cell = (row + j) * p;
                for (int l = 0; l <= j; l++) {
                    double m3 = s.s3[cell + l] / s0;
                    double m2il = s.s2[row + l] / s0;
                    double m2jl = s.s2[j * p + l] / s0;
                    t3[cell + l] += c * (m3 - m2ij * mean[l] - m2il * mean[j] - m2jl * mean[i]
                            + 2 * mean[i] * mean[j] * mean[l]);
                }
            }
        }
        return -c * Math.log(s0);
    }

    /** Running sums Σ r, Σ r x, Σ r x xᵀ, Σ r x⊗x⊗x (lower-triangular cells i ≥ j ≥ l only). */
    static final class Sums {
        final int p;
        double s0;
        final double[] s1;
        final double[] s2;
        final double[] s3;

        Sums(int p) {
            this.p = p;
            s1 = new double[p];
            s2 = new double[p * p];
            s3 = new double[p * p * p];
        }

        void clear() {
            s0 = 0;
            Arrays.fill(s1, 0);
            Arrays.fill(s2, 0);
            Arrays.fill(s3, 0);
        }

        /** Adds (or with negative r removes) the row at {@code base} with risk weight r. */
        void add(double[] x, int base, double r) {
            s0 += r;
            for (int i = 0; i < p; i++) {
                double rxi = r * x[base + i];
                s1[i] += rxi;
                int row = i * p;
                for (int j = 0; j <= i; j++) {
                    double rxij = rxi * x[base + j];
                    s2[row + j] += rxij;
                    int cell = (row + j) * p;
                    for (int l = 0; l <= j; l++) {
                        s3[cell + l] += rxij * x[base + l];
                    }
                }
            }
        }

        /**
         * Adds sums packed as {@link FirthRiskSetSums} lays them out ({@code src} from {@code base}: Σr, Σr·x, the
         * lower triangle of Σr·x xᵀ by rows, the cells i ≥ j ≥ l of Σr·x⊗x⊗x) of a source with more columns, keeping
         * the columns {@code cols} (all of them, in order, when they are 0..p−1).
         */
        void addPacked(double[] src, int base, int width, int[] cols) {
            int sq = base + 1 + width;
            int cube = sq + width * (width + 1) / 2;
            s0 += src[base];
            for (int i = 0; i < p; i++) {
                int ci = cols[i];
                s1[i] += src[base + 1 + ci];
                int row = i * p;
                for (int j = 0; j <= i; j++) {
                    int cj = cols[j];
                    s2[row + j] += src[sq + ci * (ci + 1) / 2 + cj];
                    int cell = (row + j) * p;
                    int pair = cube + ci * (ci + 1) * (ci + 2) / 6 + cj * (cj + 1) / 2;
                    for (int l = 0; l <= j; l++) {
                        s3[cell + l] += src[pair + cols[l]];
                    }
                }
            }
        }

        void addScaled(Sums o, double f) {
            s0 += f * o.s0;
            for (int i = 0; i < s1.length; i++) {
                s1[i] += f * o.s1[i];
            }
            for (int i = 0; i < s2.length; i++) {
                s2[i] += f * o.s2[i];
            }
            for (int i = 0; i < s3.length; i++) {
                s3[i] += f * o.s3[i];
            }
        }
    }

    /** Lower Cholesky factor of a symmetric matrix, or null when it is not positive definite. */
    static double[][] choleskyLower(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** (L Lᵀ)⁻¹ from the lower factor L. */
    static double[][] inverseFromCholesky(double[][] l) {
        int p = l.length;
        double[][] li = new double[p][p]; // L⁻¹, lower triangular
        for (int c = 0; c < p; c++) {
            li[c][c] = 1 / l[c][c];
            for (int i = c + 1; i < p; i++) {
                double s = 0;
                for (int k = c; k < i; k++) {
                    s -= l[i][k] * li[k][c];
                }
                li[i][c] = s / l[i][i];
            }
        }
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < p; k++) {
                    s += li[k][i] * li[k][j];
                }
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }
        return inv;
    }
}

package org.survkit.stats.cox;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The walk over a stratum's (merged) exit times, latest first, that turns risk-set sums into the Cox partial
 * likelihood's terms: the one home of that walk for the sums collected in one place ({@link #walk(CoxRiskSetSums,
 * RiskSetWalk)}, used by {@link SummedRiskSets} and {@link SummedProportionalHazards}) and for sums that stay where
 * the data live (a cluster partition holding a range of times walks its own times from the risk set of the later
 * ones, {@link #startStratum}).
 *
 * <p>The walk keeps the survivors' sums S = (Σr, Σr x, Σr x xᵀ) (r = w e<sup>η</sup>, x centred and scaled, the
 * lower triangle of x xᵀ by rows). At each time it adds the censored rows' sums to S, hands S, the deaths' sums and
 * totals to its terms ({@link #likelihood} or {@link #proportionalHazards}), then adds the deaths' sums to S.
 * Not thread-safe; one per walk.
 */
public final class RiskSetWalk {
    private final int p;
    private final int rs;
    private final Terms terms;
    private final double[] surv;

    /** What a death time adds, given the survivors (censored at the time included, its deaths not). */
    private interface Terms {
        void deathTime(double time, double[] surv, double[] dRisk, double[] dTot, long nDead);

        double[] result();
    }

    private RiskSetWalk(int p, Terms terms) {
        this.p = p;
        this.rs = CoxRiskSetSums.riskStride(p);
        this.terms = terms;
        this.surv = new double[rs];
    }

    /**
     * The log partial likelihood ℓ, score U and information I (Breslow or Efron, R's coxfit6): {@link #result()} is
     * {@code [ℓ, U (p values), I (lower triangle by rows)]}, {@link CoxStepSums#of(int, double[])}.
     */
    public static RiskSetWalk likelihood(int p, Ties ties) {
        return new RiskSetWalk(p, new LikelihoodTerms(p, ties));
    }

    /**
     * The sums of R's {@code cox.zph} score test at β̂ ({@link SummedProportionalHazards}): {@link #result()} is
     * {@code [U (p values), I₀, I₁, I₂ (lower triangles)]} with U = Σ g(t)(Σ_deaths w x − w_d x̄(t)) and
     * I_k = Σ g(t)<sup>k</sup> w_d V(t).
     *
     * @param g the centred transform of time at each death time
     */
    public static RiskSetWalk proportionalHazards(int p, Ties ties, DoubleUnaryOperator g) {
        return new RiskSetWalk(p, new ZphTerms(p, ties == Ties.EFRON, g));
    }

    /**
     * Starts a stratum with the survivors' sums of its later times (those walked elsewhere).
     *
     * @param later the sums ({@link CoxRiskSetSums#riskStride} values from {@code at}); null: none
     * @param at    where they start in {@code later}
     */
    public void startStratum(double[] later, int at) {
        if (later == null) {
            Arrays.fill(surv, 0);
        } else {
            System.arraycopy(later, at, surv, 0, rs);
        }
    }

    /**
     * One (stratum, merged time), earlier than every time walked before in the stratum.
     *
     * @param time      the time
     * @param censored  the censored rows' Σr, Σr x, Σr x xᵀ ({@link CoxRiskSetSums#riskStride} values)
     * @param deaths    the deaths' sums (the same layout)
     * @param deathTotals the deaths' count, Σw, Σw η, Σw x ({@link CoxRiskSetSums#deadStride} values)
     */
    public void time(double time, double[] censored, double[] deaths, double[] deathTotals) {
        for (int t = 0; t < rs; t++) {
            surv[t] += censored[t];
        }
        long nDead = Math.round(deathTotals[0]);
        if (nDead > 0) {
            terms.deathTime(time, surv, deaths, deathTotals, nDead);
        }
        for (int t = 0; t < rs; t++) {
            surv[t] += deaths[t];
        }
    }

    /** The terms summed so far (layout: {@link #likelihood} or {@link #proportionalHazards}); a new array. */
    public double[] result() {
        return terms.result().clone();
    }

    /** Number of covariates. */
    public int width() {
        return p;
    }

    /**
     * Walks risk-set sums collected in one place: keys sorted by stratum and decreasing time, near-equal times merged
     * as R's timefix (over the pooled distinct times, as {@link CoxRiskSets} ranks the rows), repeated keys added.
     *
     * @return the walk's {@link #result()}
     */
    static double[] walk(CoxRiskSetSums s, RiskSetWalk w) {
        int p = w.p;
        if (s.width() != p) {
            throw new IllegalStateException("risk-set sums of " + s.width() + " covariates for a model of " + p);
        }
        SummedKeys keys = SummedKeys.of(s.stratum(), s.time());
        int rs = CoxRiskSetSums.riskStride(p);
        int ds = CoxRiskSetSums.deadStride(p);
        double[] cens = s.censoredRisk();
        double[] dead = s.deadRisk();
        double[] tot = s.deadTotals();
        double[] cRisk = new double[rs];
        double[] dRisk = new double[rs];
        double[] dTot = new double[ds];
        for (int g = 0; g < keys.groups(); g++) {
            if (keys.opensStratum(g)) {
                w.startStratum(null, 0);
            }
            Arrays.fill(cRisk, 0);
            Arrays.fill(dRisk, 0);
            Arrays.fill(dTot, 0);
            for (int k = keys.from(g); k < keys.to(g); k++) {
                int key = keys.key(k);
                for (int t = 0; t < rs; t++) {
                    cRisk[t] += cens[key * rs + t];
                    dRisk[t] += dead[key * rs + t];
                }
                for (int t = 0; t < ds; t++) {
                    dTot[t] += tot[key * ds + t];
                }
            }
            w.time(keys.time(g), cRisk, dRisk, dTot);
        }
        return w.result();
    }

    /** R coxfit6's ℓ, U, I at a death time: Breslow, or Efron's d partial risk sets in closed form. */
    private static final class LikelihoodTerms implements Terms {
        private final int p;
        private final int tri;
        private final Ties ties;
        private final double[] out; // ℓ, U, I
        private final double[] a;
        private final double[] c;

        LikelihoodTerms(int p, Ties ties) {
            this.p = p;
            this.tri = p * (p + 1) / 2;
            this.ties = ties;
            this.out = new double[1 + p + tri];
            this.a = new double[p];
            this.c = new double[tri];
        }

        @Override
        public void deathTime(double time, double[] surv, double[] dRisk, double[] dTot, long ndead) {
            double deadwt = dTot[1];
            out[0] += dTot[2];
            for (int i = 0; i < p; i++) {
                out[1 + i] += dTot[3 + i];
            }
            int im = 1 + p;
            if (ties == Ties.BRESLOW || ndead == 1) {
                double denom = surv[0] + dRisk[0];
                for (int i = 0; i < p; i++) {
                    a[i] = surv[1 + i] + dRisk[1 + i];
                }
                for (int t = 0; t < tri; t++) {
                    c[t] = surv[1 + p + t] + dRisk[1 + p + t];
                }
                out[0] -= deadwt * Math.log(denom);
                for (int i = 0, idx = 0; i < p; i++) {
                    double mean = a[i] / denom;
                    out[1 + i] -= deadwt * mean;
                    for (int j = 0; j <= i; j++, idx++) {
                        out[im + idx] += deadwt * (c[idx] / denom - mean * a[j] / denom);
                    }
                }
                return;
            }
            EfronTieSums ef = EfronTieSums.of(out[0], surv[0], dRisk[0], deadwt, ndead);
            out[0] = ef.loglik();
            for (int i = 0, idx = 0; i < p; i++) {
                double ai = surv[1 + i];
                double bi = dRisk[1 + i];
                out[1 + i] -= ef.others() * ai + ef.deaths() * bi;
                for (int j = 0; j <= i; j++, idx++) {
                    double bj = dRisk[1 + j];
                    out[im + idx] += ef.others() * surv[1 + p + idx] + ef.deaths() * dRisk[1 + p + idx]
                            - (ef.c0() * ai * surv[1 + j] + ef.c1() * (ai * bj + bi * surv[1 + j])
                                    + ef.c2() * bi * bj);
                }
            }
        }

        @Override
        public double[] result() {
            return out;
        }
    }

    /** cox.zph's U and the three information blocks at a death time (Efron's partial risk sets; Breslow: one). */
    private static final class ZphTerms implements Terms {
        private final int p;
        private final int tri;
        private final boolean efron;
        private final DoubleUnaryOperator g;
        private final double[] out; // U, I0, I1, I2

        ZphTerms(int p, boolean efron, DoubleUnaryOperator g) {
            this.p = p;
            this.tri = p * (p + 1) / 2;
            this.efron = efron;
            this.g = g;
            this.out = new double[p + 3 * tri];
        }

        @Override
        public void deathTime(double time, double[] surv, double[] dRisk, double[] dTot, long nDead) {
            double gt = g.applyAsDouble(time);
            EfronTieSums ef = EfronTieSums.of(0, surv[0], dRisk[0], dTot[1], efron ? nDead : 1);
            for (int k = 0; k < p; k++) {
                out[k] += gt * (dTot[3 + k] - (ef.others() * surv[1 + k] + ef.deaths() * dRisk[1 + k]));
            }
            for (int k = 0, idx = 0; k < p; k++) {
                double ak = surv[1 + k];
                double bk = dRisk[1 + k];
                for (int l = 0; l <= k; l++, idx++) {
                    double al = surv[1 + l];
                    double bl = dRisk[1 + l];
                    double v = ef.others() * surv[1 + p + idx] + ef.deaths() * dRisk[1 + p + idx]
                            - (ef.c0() * ak * al + ef.c1() * (ak * bl + bk * al) + ef.c2() * bk * bl);
                    out[p + idx] += v;
                    out[p + tri + idx] += gt * v;
                    out[p + 2 * tri + idx] += gt * gt * v;
                }
            }
        }

        @Override
        public double[] result() {
            return out;
        }
    }
}

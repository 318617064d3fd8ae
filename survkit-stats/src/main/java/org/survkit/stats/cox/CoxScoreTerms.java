package org.survkit.stats.cox;

import java.util.Arrays;

/**
 * What one row's Cox score residual needs besides the row itself, per (stratum, time), computed from the risk-set sums
 * at one β ({@link CoxRiskSetSums}, e.g. collected from a Spark cluster) and sent back to where the rows are as plain
 * arrays ({@link #parts()}, {@link #of(double[][])}): the robust (cluster) variance and the robust score test of a
 * fit on data kept elsewhere ({@link CoxRegression#fit(CoxRiskSetSource, CoxClusterScores)}). Immutable.
 *
 * <p>The keys are merged as the fit merges them (repeated keys added, near-equal times merged as R's timefix over the
 * pooled distinct times) and each stratum is walked from its latest time with the risk set's R = Σ w e<sup>η</sup>
 * and Σ w e<sup>η</sup> x; at a time with d deaths (their weight D, their E = Σ w e<sup>η</sup> and Σ w e<sup>η</sup> x)
 * the Efron steps i = 0 … d−1 (Breslow: one step) give, exactly as {@link CoxRiskSetTable} does in memory, the hazard
 * jump Σ h<sub>i</sub> (h<sub>i</sub> = (D/d)/(R − (i/d)E)), the part a tied death does not see, Σ (i/d) h<sub>i</sub>,
 * and the means mh1 = Σ h<sub>i</sub> x̄<sub>i</sub>, mhAdj = Σ (i/d) h<sub>i</sub> x̄<sub>i</sub>, mh3 = (1/d) Σ
 * x̄<sub>i</sub>. Cumulated over the times up to each time, a row (x, r = e<sup>η</sup>, exit t, status δ) has the score
 * residual (R {@code residuals(fit, "score")}, Therneau, Grambsch &amp; Fleming 1990)
 * <pre>
 *   L = −r (x Λ(t) − Σ_{s≤t} mh1(s)) + δ [x − mh3(t) + r (x (Σ h − Σ (1 − i/d) h)(t) − mhAdj(t))]
 * </pre>
 * on the covariates centred as the sums were ({@code x = raw − centre}, no scaling), so L is on the original scale.
 * Size: 2 + 3p doubles per merged (stratum, time) and 3 per (stratum, time) key.
 */
public final class CoxScoreTerms {
    private final int p;
    private final double[] centre;
    private final double[] beta;
    /** The distinct keys sorted by (stratum, time) and the merged time (group) of each. */
    private final double[] keyStratum;
    private final double[] keyTime;
    private final double[] keyGroup;
    /** Per group: the cumulative hazard, Σ mh1 up to it, the tie correction Σ (i/d) h, mh3 and mhAdj. */
    private final double[] cumHazard;
    private final double[] cumMean;
    private final double[] tieHazard;
    private final double[] deathMean;
    private final double[] tieMean;

    private CoxScoreTerms(double[][] parts) {
        this.p = (int) parts[0][0];
        this.centre = parts[1];
        this.beta = parts[2];
        this.keyStratum = parts[3];
        this.keyTime = parts[4];
        this.keyGroup = parts[5];
        this.cumHazard = parts[6];
        this.cumMean = parts[7];
        this.tieHazard = parts[8];
        this.deathMean = parts[9];
        this.tieMean = parts[10];
    }

    /** {@return the terms as arrays, for {@link #of(double[][])} where the rows are} */
    public double[][] parts() {
        return new double[][] {{p}, centre.clone(), beta.clone(), keyStratum.clone(), keyTime.clone(),
            keyGroup.clone(), cumHazard.clone(), cumMean.clone(), tieHazard.clone(), deathMean.clone(),
            tieMean.clone()};
    }

    /** The terms from {@link #parts()}. */
    public static CoxScoreTerms of(double[][] parts) {
        return new CoxScoreTerms(parts);
    }

    /** Number of covariates. */
    public int width() {
        return p;
    }

    /**
     * The terms at one β from the risk-set sums at that β.
     *
     * @param sums   the risk-set sums on x = raw − centre (factor 1), at β
     * @param ties   Efron or Breslow
     * @param centre what the sums' covariates were centred on
     * @param beta   the coefficients the sums were computed at (original scale; an aliased one as 0)
     */
    static CoxScoreTerms of(CoxRiskSetSums sums, Ties ties, double[] centre, double[] beta) {
        int p = sums.width();
        int d = sums.size();
        int[] stratum = sums.stratum();
        SummedKeys keys = SummedKeys.of(stratum, sums.time());
        int rs = CoxRiskSetSums.riskStride(p);
        int ds = CoxRiskSetSums.deadStride(p);
        double[] cens = sums.censoredRisk();
        double[] dead = sums.deadRisk();
        double[] tot = sums.deadTotals();
        int[] groupOf = new int[d];
        // per group (walking order: decreasing time within stratum): its hazard jump and its death terms
        double[] hazard = new double[d];
        double[] mh1 = new double[d * p];
        double[] tie = new double[d];
        double[] mh3 = new double[d * p];
        double[] adj = new double[d * p];
        int[] groupStratum = new int[d];
        double[] a = new double[p];
        double[] a2 = new double[p];
        double[] jumps = new double[3];
        double denom = 0;
        int groups = keys.groups();
        boolean efron = ties == Ties.EFRON;
        for (int g = 0; g < groups; g++) {
            if (keys.opensStratum(g)) {
                denom = 0;
                Arrays.fill(a, 0);
            }
            groupStratum[g] = keys.stratum(g);
            double eDenom = 0;
            double count = 0;
            double deadWt = 0;
            Arrays.fill(a2, 0);
            for (int k = keys.from(g); k < keys.to(g); k++) {
                int key = keys.key(k);
                groupOf[key] = g;
                int base = key * rs;
                denom += cens[base] + dead[base];
                eDenom += dead[base];
                for (int j = 0; j < p; j++) {
                    a[j] += cens[base + 1 + j] + dead[base + 1 + j];
                    a2[j] += dead[base + 1 + j];
                }
                count += tot[key * ds];
                deadWt += tot[key * ds + 1];
            }
            long ndead = Math.round(count);
            if (ndead == 0) {
                continue;
            }
            CoxRiskSetTable.deathTerms(efron ? Math.toIntExact(ndead) : 1, deadWt, denom, eDenom, a, a2, mh1, adj, mh3,
                    g * p, jumps);
            hazard[g] = jumps[0];
            tie[g] = jumps[0] - jumps[1];
        }
        // cumulate from each stratum's earliest time (the walk's last group of the stratum)
        double[] cumH = new double[groups];
        double[] cumX = new double[groups * p];
        for (int end = groups; end > 0;) {
            int start = end - 1;
            while (start > 0 && groupStratum[start - 1] == groupStratum[end - 1]) {
                start--;
            }
            double h = 0;
            double[] hx = new double[p];
            for (int g = end - 1; g >= start; g--) {
                h += hazard[g];
                cumH[g] = h;
                for (int j = 0; j < p; j++) {
                    hx[j] += mh1[g * p + j];
                    cumX[g * p + j] = hx[j];
                }
            }
            end = start;
        }
        // the distinct keys by (stratum, time), each with its group
        Integer[] byKey = new Integer[d];
        for (int i = 0; i < d; i++) {
            byKey[i] = i;
        }
        double[] time = sums.time();
        Arrays.sort(byKey, (x, y) -> stratum[x] != stratum[y] ? Integer.compare(stratum[x], stratum[y])
                : Double.compare(time[x] + 0.0, time[y] + 0.0));
        double[] ks = new double[d];
        double[] kt = new double[d];
        double[] kg = new double[d];
        int m = 0;
        for (int i = 0; i < d; i++) {
            int key = byKey[i];
            double t = time[key] + 0.0;
            if (m > 0 && ks[m - 1] == stratum[key] && kt[m - 1] == t) {
                continue;
            }
            ks[m] = stratum[key];
            kt[m] = t;
            kg[m++] = groupOf[key];
        }
        return new CoxScoreTerms(new double[][] {{p}, centre.clone(), beta.clone(), Arrays.copyOf(ks, m),
            Arrays.copyOf(kt, m), Arrays.copyOf(kg, m), cumH, cumX, Arrays.copyOf(tie, groups),
            Arrays.copyOf(mh3, groups * p), Arrays.copyOf(adj, groups * p)});
    }

    /**
     * One row's score residual (R {@code residuals(fit, "score")}: unweighted; the row's weight multiplies it in
     * the robust variance).
     *
     * @param stratum the row's stratum code, as in the sums
     * @param time    the row's exit time
     * @param dead    whether the row is a death
     * @param x       the row's raw covariates (p values)
     * @param out     the residual, p values
     * @throws IllegalArgumentException when (stratum, time) is not among the sums' keys
     */
    public void residual(int stratum, double time, boolean dead, double[] x, double[] out) {
        int g = group(stratum, time + 0.0);
        double eta = 0;
        for (int j = 0; j < p; j++) {
            eta += beta[j] * (x[j] - centre[j]);
        }
        double r = Math.exp(eta);
        double ch = cumHazard[g];
        for (int j = 0; j < p; j++) {
            double xc = x[j] - centre[j];
            out[j] = -r * (xc * ch - cumMean[g * p + j]);
        }
        if (dead) {
            double dh = tieHazard[g];
            for (int j = 0; j < p; j++) {
                double xc = x[j] - centre[j];
                out[j] += xc - deathMean[g * p + j] + r * (xc * dh - tieMean[g * p + j]);
            }
        }
    }

    private int group(int stratum, double time) {
        int lo = 0;
        int hi = keyTime.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = keyStratum[mid] != stratum ? Double.compare(keyStratum[mid], stratum)
                    : Double.compare(keyTime[mid], time);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return (int) keyGroup[mid];
            }
        }
        throw new IllegalArgumentException("stratum " + stratum + ", time " + time + " is not among the risk-set sums'"
                + " keys: the residuals need the sums of the same rows");
    }
}

package org.survkit.stats.cox;

import java.util.Arrays;
import org.survkit.stats.internal.RankedTimes;

/**
 * The risk sets of a fitted Cox model tabulated in one pass: for every distinct exit time of every
 * stratum, the weighted numbers at risk, of events and of censorings, and the hazard increments
 * and risk-set means that residuals, baseline hazards and predicted curves are built from.
 *
 * <p>Built on {@link CoxRiskSets} (sorted by stratum and decreasing exit time, covariates centred
 * and scaled, times merged as R's timefix) with risk scores r = exp(β'(x − m)), m the model's
 * {@code means}. With w the case weights, at an exit time t with d deaths (unweighted count),
 * death weight D = Σ<sub>deaths</sub> w, R(t) = Σ<sub>at risk</sub> w r and E(t) = Σ<sub>deaths</sub> w r,
 * the Efron steps i = 0 … d−1 have denominators R − (i/d)E and hazard jumps h<sub>i</sub> = (D/d) / (R − (i/d)E).
 * Per event time the table keeps (Therneau &amp; Grambsch 2000, §3.3 and §4.2; R survival's
 * {@code coxmart}/{@code agmart3}, {@code coxscore2}/{@code agscore2}, {@code coxscho}, {@code agsurv}):
 * <ul>
 * <li>{@code hazard} = Σ h<sub>i</sub>, the increment of the baseline cumulative hazard seen by a
 * subject at risk that is not one of the deaths (Breslow: D/R);</li>
 * <li>{@code deathHazard} = Σ (1 − i/d) h<sub>i</sub>, the part a tied death experiences (Breslow:
 * D/R, as {@code hazard});</li>
 * <li>{@code varHazard} = (D/d) Σ 1/(R − (i/d)E)² (Breslow D/R²), the variance term of the
 * cumulative hazard (R {@code agsurv} vartype 2 or 3);</li>
 * <li>{@code mh1} = Σ h<sub>i</sub> x̄<sub>i</sub>, the hazard-weighted risk-set mean (R's
 * {@code xbar} of {@code agsurv});</li>
 * <li>{@code mhAdj} = Σ (i/d) h<sub>i</sub> x̄<sub>i</sub>, what a tied death does not see of
 * {@code mh1};</li>
 * <li>{@code mh3} = (1/d) Σ x̄<sub>i</sub>, the mean that Schoenfeld residuals subtract,</li>
 * </ul>
 * with x̄<sub>i</sub> = (Σ<sub>at risk</sub> w r x − (i/d) Σ<sub>deaths</sub> w r x)/(R − (i/d)E) on the
 * centred and scaled covariates of {@link CoxRiskSets}. Breslow ties, or a single death, are the
 * case d = 1. Cumulative sums over time are then differences of running totals, so every
 * consumer is O(n·p).
 *
 * <p>Rows are ordered by stratum, then by decreasing time (the order of {@link CoxRiskSets}).
 */
final class CoxRiskSetTable {
    final CoxRiskSets rs;
    final int p;
    final int n;
    /** exp(η) per sorted position (without the weight). */
    final double[] risk;
    /** Table row of each sorted position (the row of its exit time). */
    final int[] rowOf;
    /** Rows of stratum b: rowStart[b] ≤ row &lt; rowStart[b + 1]. */
    final int[] rowStart;
    /** First sorted position of each row; rowFirst[rows] = n. */
    final int[] rowFirst;
    final int rows;
    final double[] time;
    final int[] timeRank;
    final double[] nRisk;
    final double[] nEvent;
    final double[] nCensor;
    final int[] nDead;
    final double[] hazard;
    /** Event index of a row with deaths, else −1. */
    final int[] eventOf;
    /** Per event index (rows with deaths, in row order). */
    final double[] deathHazard;
    final double[] varHazard;
    final double[] mh1;
    final double[] mhAdj;
    final double[] mh3;
    /** Event count (rows with at least one death). */
    final int events;

    private CoxRiskSetTable(CoxRiskSets rs, double[] risk, int[] rowOf, int[] rowStart, int[] rowFirst, int rows,
            double[] time, int[] timeRank, double[] nRisk, double[] nEvent, double[] nCensor, int[] nDead,
            double[] hazard, int[] eventOf, double[] deathHazard, double[] varHazard, double[] mh1, double[] mhAdj,
            double[] mh3, int events) {
        this.rs = rs;
        this.p = rs.p;
        this.n = rs.n;
        this.risk = risk;
        this.rowOf = rowOf;
        this.rowStart = rowStart;
        this.rowFirst = rowFirst;
        this.rows = rows;
        this.time = time;
        this.timeRank = timeRank;
        this.nRisk = nRisk;
        this.nEvent = nEvent;
        this.nCensor = nCensor;
        this.nDead = nDead;
        this.hazard = hazard;
        this.eventOf = eventOf;
        this.deathHazard = deathHazard;
        this.varHazard = varHazard;
        this.mh1 = mh1;
        this.mhAdj = mhAdj;
        this.mh3 = mh3;
        this.events = events;
    }

    /**
     * Tabulates the risk sets of a model.
     *
     * @param beta  coefficients on the original covariate scale (NaN = aliased, taken as 0)
     * @param means the centring of the linear predictor (the model's {@code means})
     */
    static CoxRiskSetTable of(CoxData data, Ties ties, double[] beta, double[] means) {
        return of(CoxRiskSets.of(data, ties, null), data, beta, means);
    }

    /** Tabulates on already prepared risk sets of {@code data} (all design columns). */
    static CoxRiskSetTable of(CoxRiskSets rs, CoxData data, double[] beta, double[] means) {
        return of(rs, data, beta, means, true);
    }

    /**
     * As {@link #of(CoxRiskSets, CoxData, double[], double[])}; {@code withOffset} false leaves the offset out of
     * the linear predictor (R's robust score test, which takes its residuals at linear predictor 0).
     */
    static CoxRiskSetTable of(CoxRiskSets rs, CoxData data, double[] beta, double[] means, boolean withOffset) {
        int n = rs.n;
        int p = rs.p;
        if (beta.length != p || means.length != p) {
            throw new IllegalArgumentException("the model has " + beta.length + " coefficients but the data "
                    + p + " design columns: use the data the model was fitted on");
        }
        // risk scores exp(β'(x − means)) from the scaled covariates x_s = (x − μ)·sc
        double[] bs = new double[p];
        double offset = 0;
        for (int j = 0; j < p; j++) {
            double b = Double.isNaN(beta[j]) ? 0 : beta[j];
            bs[j] = b / rs.scale[j];
            offset += b * (rs.means[j] - means[j]);
        }
        double[] risk = new double[n];
        for (int k = 0; k < n; k++) {
            double eta = rs.off == null || !withOffset ? offset : offset + rs.off[k];
            int base = k * p;
            for (int j = 0; j < p; j++) {
                eta += bs[j] * rs.x()[base + j];
            }
            risk[k] = Math.exp(eta);
        }
        double[] timeValues = timeValues(data);
        boolean efron = rs.ties == Ties.EFRON;
        int strata = rs.blocks.length - 1;
        int[] rowOf = new int[n];
        int[] rowStart = new int[strata + 1];
        int cap = 16;
        double[] time = new double[cap];
        int[] timeRank = new int[cap];
        double[] nRisk = new double[cap];
        double[] nEvent = new double[cap];
        double[] nCensor = new double[cap];
        int[] nDead = new int[cap];
        double[] hazard = new double[cap];
        int[] eventOf = new int[cap];
        int[] rowFirst = new int[cap];
        int ecap = 16;
        double[] deathHazard = new double[ecap];
        double[] varHazard = new double[ecap];
        double[] mh1 = new double[ecap * p];
        double[] mhAdj = new double[ecap * p];
        double[] mh3 = new double[ecap * p];
        double[] a = new double[p];
        double[] a2 = new double[p];
        double[] jumps = new double[3];
        int rows = 0;
        int events = 0;
        for (int b = 0; b < strata; b++) {
            rowStart[b] = rows;
            int lo = rs.blocks[b];
            int hi = rs.blocks[b + 1];
            double denom = 0;
            double atRisk = 0;
            Arrays.fill(a, 0);
            int out = lo;
            int k = lo;
            while (k < hi) {
                int t = rs.exit[k];
                if (rows == time.length) {
                    cap = 2 * cap;
                    time = Arrays.copyOf(time, cap);
                    timeRank = Arrays.copyOf(timeRank, cap);
                    nRisk = Arrays.copyOf(nRisk, cap);
                    nEvent = Arrays.copyOf(nEvent, cap);
                    nCensor = Arrays.copyOf(nCensor, cap);
                    nDead = Arrays.copyOf(nDead, cap);
                    hazard = Arrays.copyOf(hazard, cap);
                    eventOf = Arrays.copyOf(eventOf, cap);
                    rowFirst = Arrays.copyOf(rowFirst, cap);
                }
                int row = rows++;
                rowFirst[row] = k;
                int dead = 0;
                double deadWt = 0;
                double censWt = 0;
                double eDenom = 0;
                Arrays.fill(a2, 0);
                while (k < hi && rs.exit[k] == t) {
                    double w = rs.w[k];
                    double r = risk[k] * w;
                    denom += r;
                    atRisk += w;
                    int base = k * p;
                    for (int j = 0; j < p; j++) {
                        a[j] += r * rs.x()[base + j];
                    }
                    if (rs.dead[k]) {
                        dead++;
                        deadWt += w;
                        eDenom += r;
                        for (int j = 0; j < p; j++) {
                            a2[j] += r * rs.x()[base + j];
                        }
                    } else {
                        censWt += w;
                    }
                    rowOf[k] = row;
                    k++;
                }
                if (rs.entry != null) {
                    while (out < hi && rs.entry[rs.byEntry[out]] >= t) {
                        int q = rs.byEntry[out++];
                        if (rs.exit[q] < t || q >= k) {
                            continue;
                        }
                        double w = rs.w[q];
                        double r = risk[q] * w;
                        denom -= r;
                        atRisk -= w;
                        int base = q * p;
                        for (int j = 0; j < p; j++) {
                            a[j] -= r * rs.x()[base + j];
                        }
                    }
                }
                time[row] = timeValues[t];
                timeRank[row] = t;
                nRisk[row] = atRisk;
                nEvent[row] = deadWt;
                nCensor[row] = censWt;
                nDead[row] = dead;
                eventOf[row] = -1;
                if (dead == 0) {
                    continue;
                }
                if (events == deathHazard.length) {
                    ecap = 2 * ecap;
                    deathHazard = Arrays.copyOf(deathHazard, ecap);
                    varHazard = Arrays.copyOf(varHazard, ecap);
                    mh1 = Arrays.copyOf(mh1, ecap * p);
                    mhAdj = Arrays.copyOf(mhAdj, ecap * p);
                    mh3 = Arrays.copyOf(mh3, ecap * p);
                }
                int e = events++;
                eventOf[row] = e;
                deathTerms(efron ? dead : 1, deadWt, denom, eDenom, a, a2, mh1, mhAdj, mh3, e * p, jumps);
                hazard[row] = jumps[0];
                deathHazard[e] = jumps[1];
                varHazard[e] = jumps[2];
            }
        }
        rowStart[strata] = rows;
        rowFirst = Arrays.copyOf(rowFirst, rows + 1);
        rowFirst[rows] = n;
        return new CoxRiskSetTable(rs, risk, rowOf, rowStart, rowFirst, rows, Arrays.copyOf(time, rows),
                Arrays.copyOf(timeRank, rows), Arrays.copyOf(nRisk, rows), Arrays.copyOf(nEvent, rows),
                Arrays.copyOf(nCensor, rows), Arrays.copyOf(nDead, rows), Arrays.copyOf(hazard, rows),
                Arrays.copyOf(eventOf, rows), deathHazard, varHazard, mh1, mhAdj, mh3, events);
    }

    /**
     * The terms of one death time (the formulas of the class comment): the Efron steps i = 0 … steps−1 (Breslow: one
     * step) add mh1, mhAdj and mh3 into the arrays at {@code base}, and {@code jumps} gets the hazard Σ h<sub>i</sub>,
     * the death hazard Σ (1 − i/d) h<sub>i</sub> and the variance term. Shared with {@link CoxScoreTerms}, which
     * computes the same terms from risk-set sums.
     *
     * @param steps  the number of deaths d (Efron) or 1
     * @param deadWt D, the deaths' Σ w
     * @param denom  R, the risk set's Σ w r (the deaths included)
     * @param eDenom E, the deaths' Σ w r
     * @param a      the risk set's Σ w r x
     * @param a2     the deaths' Σ w r x
     */
    static void deathTerms(int steps, double deadWt, double denom, double eDenom, double[] a, double[] a2,
            double[] mh1, double[] mhAdj, double[] mh3, int base, double[] jumps) {
        int p = a.length;
        double meanWt = deadWt / steps;
        double h1 = 0;
        double h2 = 0;
        double vh = 0;
        for (int i = 0; i < steps; i++) {
            double f = (double) i / steps;
            double d = denom - f * eDenom;
            double h = meanWt / d;
            h1 += h;
            h2 += (1 - f) * h;
            vh += meanWt / (d * d);
            for (int j = 0; j < p; j++) {
                double mean = (a[j] - f * a2[j]) / d;
                mh1[base + j] += mean * h;
                mhAdj[base + j] += f * mean * h;
                mh3[base + j] += mean / steps;
            }
        }
        jumps[0] = h1;
        jumps[1] = h2;
        jumps[2] = vh;
    }

    /** The distinct (timefix-merged) times by rank, in the rank space of {@link CoxRiskSets}. */
    private static double[] timeValues(CoxData data) {
        if (data.start() == null) {
            return RankedTimes.of(data.stop(), true).times();
        }
        int n = data.size();
        double[] both = new double[2 * n];
        System.arraycopy(data.start(), 0, both, 0, n);
        System.arraycopy(data.stop(), 0, both, n, n);
        return RankedTimes.of(both, true).times();
    }

    /**
     * For each sorted position, the table row of the latest time at or before its entry time
     * within its stratum (−1 when none, or for right-censored data): the cumulative hazard a
     * subject had accrued before entering.
     */
    int[] entryRows() {
        int[] out = new int[n];
        Arrays.fill(out, -1);
        if (rs.entry == null) {
            return out;
        }
        for (int b = 0; b + 1 < rs.blocks.length; b++) {
            int lo = rs.blocks[b];
            int hi = rs.blocks[b + 1];
            int end = rowStart[b + 1];
            int ptr = rowStart[b];
            for (int idx = lo; idx < hi; idx++) {
                int q = rs.byEntry[idx];
                int e = rs.entry[q];
                while (ptr < end && timeRank[ptr] > e) {
                    ptr++;
                }
                out[q] = ptr < end ? ptr : -1;
            }
        }
        return out;
    }
}

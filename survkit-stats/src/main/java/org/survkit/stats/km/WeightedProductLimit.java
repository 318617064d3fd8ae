package org.survkit.stats.km;

import org.survkit.stats.internal.Normal;

/**
 * The product-limit workhorse on ranked times with case weights and (start, stop] rows, and the one
 * place where a curve's survival, variance, limits and cumulative hazard are computed from its counts.
 *
 * <p>At the distinct stop times t<sub>j</sub> of a group, n<sub>j</sub> = Σ w<sub>i</sub> over rows with
 * start<sub>i</sub> &lt; t<sub>j</sub> ≤ stop<sub>i</sub>, d<sub>j</sub> = Σ w<sub>i</sub> over events at
 * t<sub>j</sub>; Ŝ = Π (1 − d<sub>j</sub>/n<sub>j</sub>), Λ̂ = Σ d<sub>j</sub>/n<sub>j</sub>.
 *
 * <p>Variance (R {@code survfitKM}'s rule): with whole-number weights (or none) Greenwood,
 * Var(log Ŝ) = Σ d<sub>j</sub>/(n<sub>j</sub>(n<sub>j</sub> − d<sub>j</sub>)) and Var(Λ̂) = Σ d<sub>j</sub>/n<sub>j</sub>²;
 * integer weights then give exactly the fit of the replicated rows. With a non-integer weight R uses the
 * infinitesimal jackknife (robust = TRUE, one cluster per row): Var = Σ<sub>i</sub> (w<sub>i</sub> U<sub>i</sub>)²
 * with the derivative of log Ŝ(t) with respect to w<sub>i</sub>,
 * U<sub>i</sub>(t) = Σ<sub>t_j ≤ t</sub> Y<sub>i</sub>(t<sub>j</sub>) d<sub>j</sub>/(n<sub>j</sub>(n<sub>j</sub> − d<sub>j</sub>))
 * − dN<sub>i</sub>(t<sub>j</sub>)/(n<sub>j</sub> − d<sub>j</sub>), and of Λ̂(t),
 * Σ<sub>t_j ≤ t</sub> dN<sub>i</sub>(t<sub>j</sub>)/n<sub>j</sub> − Y<sub>i</sub>(t<sub>j</sub>) d<sub>j</sub>/n<sub>j</sub>²
 * (Therneau &amp; Grambsch 2000, §7.2.2; R survival's "survival" vignette, section on robust variance).
 * The sums over rows are kept as running sums while the times are walked, so a group costs
 * O(rows + times).
 */
final class WeightedProductLimit {
    private WeightedProductLimit() {
    }

    /**
     * One group's curve.
     *
     * @param times     distinct times (all groups, start and stop merged)
     * @param startRank rank of each row's start in {@code times}, or null (at risk from the beginning)
     * @param stopRank  rank of each row's stop
     * @param weights   case weights or null
     * @param rows      the group's rows, ascending
     * @param robust    infinitesimal jackknife variance instead of Greenwood
     */
    static SurvivalCurve fit(double[] times, int[] startRank, int[] stopRank, boolean[] event, double[] weights,
            int[] rows, boolean robust, ConfidenceType confType, double confLevel) {
        int d = times.length;
        // per distinct time: weighted events, censorings, whether a row exits, weighted entries
        double[] dead = new double[d];
        double[] cens = new double[d];
        double[] enter = startRank == null ? null : new double[d];
        boolean[] exits = new boolean[d];
        for (int i : rows) {
            double w = weights == null ? 1 : weights[i];
            int r = stopRank[i];
            exits[r] = true;
            if (event[i]) {
                dead[r] += w;
            } else {
                cens[r] += w;
            }
            if (enter != null) {
                enter[startRank[i]] += w;
            }
        }
        int m = 0;
        for (boolean e : exits) {
            if (e) {
                m++;
            }
        }
        // at risk at rank r: rows with stop rank >= r minus rows with start rank >= r (start < t ≤ stop)
        double[] t = new double[m];
        double[] risk = new double[m];
        double[] de = new double[m];
        double[] ce = new double[m];
        int[] rowOfRank = robust ? new int[d] : null;
        double stillIn = 0;
        double notYet = 0;
        for (int r = d - 1, row = m - 1; r >= 0; r--) {
            stillIn += dead[r] + cens[r];
            if (enter != null) {
                notYet += enter[r];
            }
            if (exits[r]) {
                t[row] = times[r];
                risk[row] = stillIn - notYet;
                de[row] = dead[r];
                ce[row] = cens[r];
                row--;
            }
            if (robust) {
                rowOfRank[r] = row + 1; // first curve row at or after rank r
            }
        }
        double[] varLog = null;
        double[] varHaz = null;
        if (robust) {
            varLog = new double[m];
            varHaz = new double[m];
            jackknife(risk, de, startRank, stopRank, event, weights, rows, rowOfRank, true, varLog);
            jackknife(risk, de, startRank, stopRank, event, weights, rows, rowOfRank, false, varHaz);
        }
        return curve(rows.length, t, risk, de, ce, varLog, varHaz, confType, confLevel);
    }

    /**
     * Σ<sub>i</sub> w<sub>i</sub>² U<sub>i</sub>(t)² at every curve row, for log S ({@code logSurvival}) or
     * the cumulative hazard. Per row j the derivative adds {@code a[j]} for a row at risk and
     * {@code b[j]} more for its own event: log S: a = d/(n(n − d)), b = −1/(n − d); Λ: a = −d/n², b = 1/n.
     * Row i is at risk over curve rows [e<sub>i</sub>, x<sub>i</sub>] (e the first row after its start, x
     * its stop's row); before x its derivative is A(j) − A(e − 1) with A the running sum of a, from x on the
     * constant C<sub>i</sub> = A(x) − A(e − 1) + b(x)·event. So the variance is
     * Σ<sub>x_i ≤ j</sub> w²C² + A(j)² Σ w² − 2A(j) Σ w²P + Σ w²P² over the rows still at risk past j,
     * P = A(e − 1).
     */
    private static void jackknife(double[] risk, double[] dead, int[] startRank, int[] stopRank, boolean[] event,
            double[] weights, int[] rows, int[] rowOfRank, boolean logSurvival, double[] out) {
        int m = risk.length;
        double[] a = new double[m];
        double[] b = new double[m];
        double[] cumA = new double[m];
        double acc = 0;
        for (int j = 0; j < m; j++) {
            double n = risk[j];
            double dj = dead[j];
            if (logSurvival) {
                a[j] = dj > 0 ? dj / (n * (n - dj)) : 0;
                b[j] = -1 / (n - dj);
            } else {
                a[j] = dj > 0 ? -dj / (n * n) : 0;
                b[j] = 1 / n;
            }
            acc += a[j];
            cumA[j] = acc;
        }
        double[] fixed = new double[m + 1]; // added at x_i, cumulated
        double[] s0 = new double[m + 1]; // difference arrays of the at-risk sums: +at e_i, −at x_i
        double[] s1 = new double[m + 1];
        double[] s2 = new double[m + 1];
        for (int i : rows) {
            double w = weights == null ? 1 : weights[i];
            if (w == 0) {
                continue;
            }
            int x = rowOfRank[stopRank[i]];
            // at risk from the first curve row after start (start < t); start < stop, so start's rank + 1 exists
            int e = startRank == null ? 0 : rowOfRank[startRank[i] + 1];
            double p = e == 0 ? 0 : cumA[e - 1];
            double c = cumA[x] - p + (event[i] ? b[x] : 0);
            double w2 = w * w;
            fixed[x] += w2 * c * c;
            if (e < x) {
                s0[e] += w2;
                s1[e] += w2 * p;
                s2[e] += w2 * p * p;
                s0[x] -= w2;
                s1[x] -= w2 * p;
                s2[x] -= w2 * p * p;
            }
        }
        double f = 0;
        double z0 = 0;
        double z1 = 0;
        double z2 = 0;
        for (int j = 0; j < m; j++) {
            f += fixed[j];
            z0 += s0[j];
            z1 += s1[j];
            z2 += s2[j];
            if (dead[j] == 0) { // no event: every derivative is unchanged, so is the variance (exactly, as R)
                out[j] = j == 0 ? 0 : out[j - 1];
                continue;
            }
            double aj = cumA[j];
            out[j] = f + Math.max(aj * aj * z0 - 2 * aj * z1 + z2, 0);
        }
    }

    /**
     * Survival, standard errors, limits and Nelson–Aalen from the counts at each curve row.
     *
     * @param varLog robust variance of log S per row, or null for Greenwood
     * @param varHaz robust variance of the cumulative hazard per row, or null for Σ d/n²
     */
    static SurvivalCurve curve(int records, double[] t, double[] risk, double[] dead, double[] cens, double[] varLog,
            double[] varHaz, ConfidenceType confType, double confLevel) {
        int m = t.length;
        double[] surv = new double[m];
        double[] se = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] haz = new double[m];
        double[] seHaz = new double[m];
        double z = Normal.quantile(0.5 + confLevel / 2);
        double km = 1;
        double greenwood = 0;
        double nelson = 0;
        double nelsonVar = 0;
        double totalEvents = 0;
        for (int row = 0; row < m; row++) {
            double d = dead[row];
            double n = risk[row];
            if (d > 0) {
                km *= (n - d) / n;
                greenwood += d / (n * (n - d));
                nelson += d / n;
                nelsonVar += d / (n * n);
                totalEvents += d;
            }
            double seLog = Math.sqrt(varLog == null ? greenwood : km == 0 ? Double.NaN : varLog[row]);
            double[] ci = confType.limits(km, seLog, z);
            surv[row] = km;
            se[row] = km == 0 ? Double.NaN : km * seLog;
            lo[row] = ci[0];
            hi[row] = ci[1];
            haz[row] = nelson;
            seHaz[row] = Math.sqrt(varHaz == null ? nelsonVar : varHaz[row]);
        }
        return new SurvivalCurve(records, totalEvents, confType, confLevel, t, risk, dead, cens, surv, se, lo, hi,
                haz, seHaz);
    }
}

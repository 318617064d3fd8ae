package org.survkit.stats.competing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.Normal;
import org.survkit.stats.internal.RankedTimes;
import org.survkit.stats.internal.SymmetricSolver;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.model.Factor;

/**
 * Competing risks: the Aalen–Johansen estimator of the cumulative incidence function of each cause
 * per group, its variance and pointwise confidence interval, and Gray's k-sample test per cause; R
 * cmprsk's {@code cuminc(ftime, fstatus, group, strata, rho, cencode)}.
 *
 * <pre>
 * CumulativeIncidenceResult r = CumulativeIncidence.withDefaults().fit(time, status, 0, group, null);
 * </pre>
 *
 * <p><b>Estimate.</b> At each distinct time t<sub>i</sub> of a group with n<sub>i</sub> at risk, d<sub>i</sub>
 * events of any cause of which d<sub>ci</sub> are of cause c, and Ŝ the Kaplan–Meier estimate of being
 * free of every cause:
 * F̂<sub>c</sub>(t) = Σ<sub>t_i ≤ t</sub> Ŝ(t<sub>i</sub>−) d<sub>ci</sub>/n<sub>i</sub>
 * (Aalen &amp; Johansen 1978; Kalbfleisch &amp; Prentice 2002, §8.2). Summed over causes it is 1 − Ŝ; with a
 * single cause it is 1 − Kaplan–Meier. 1 − KM of one cause (others censored) overestimates the incidence.
 *
 * <p><b>Variance</b>, as cmprsk (Gray's delta-method / Aalen-type variance), with Ŝ<sub>i</sub> = Ŝ(t<sub>i</sub>),
 * Ŝ<sub>i−</sub> = Ŝ(t<sub>i</sub>−), the ties factor τ<sub>i</sub>(d) = 1 − (d − 1)/(n<sub>i</sub> − 1):
 * Var F̂<sub>c</sub>(t) = Σ<sub>t_i ≤ t</sub> Ŝ<sub>i−</sub>²/n<sub>i</sub>² { τ(d<sub>ci</sub>) d<sub>ci</sub>
 * [1 + (F̂<sub>c</sub>(t<sub>i</sub>) − F̂<sub>c</sub>(t))/Ŝ<sub>i</sub>]² + τ(d<sub>i</sub> − d<sub>ci</sub>)
 * (d<sub>i</sub> − d<sub>ci</sub>) [(F̂<sub>c</sub>(t<sub>i</sub>) − F̂<sub>c</sub>(t))/Ŝ<sub>i</sub>]² },
 * accumulated in cmprsk's order (three running sums expanded in F̂<sub>c</sub>(t)); other-cause terms with
 * Ŝ<sub>i</sub> = 0 are left out, and a cause term with Ŝ<sub>i</sub> = 0 counts its first part only. It
 * changes only where F̂<sub>c</sub> jumps. With one cause it is not Greenwood's.
 *
 * <p><b>Confidence interval</b> (cmprsk reports none): symmetric on the transformation
 * {@link ConfidenceType} of F̂, with s = sqrt(Var F̂): {@link ConfidenceType#LOG_LOG log-log} (default):
 * F̂^exp(±z s/(F̂ log F̂)), i.e. symmetric on log(−log F̂), inside (0, 1) (Choudhury 2002; Stata
 * {@code stcompet}); {@link ConfidenceType#LOG log}: F̂·exp(±z s/F̂) capped at 1;
 * {@link ConfidenceType#PLAIN plain}: F̂ ± z s clipped to [0, 1]. Undefined limits (log-log where F̂ = 1)
 * are NaN.
 *
 * <p><b>Gray's test</b> per cause compares the subdistribution hazards of the groups with weight
 * (1 − F̂(t−))^ρ (ρ = 0 default), stratified by summing scores and covariances over strata; see
 * {@link GrayTest}. Groups with no observations are not groups; a group without events of the cause is valid.
 *
 * <p>Times are used as given (cmprsk does not merge near-equal times); events of any cause precede
 * censorings at the same time. Instances are immutable and thread-safe. References: Gray (1988),
 * <i>Ann. Statist.</i> 16:1141; Marubini &amp; Valsecchi, <i>Analysing Survival Data from Clinical Trials</i>
 * (1995), §10; Pintilie, <i>Competing Risks: A Practical Perspective</i> (2006), ch. 4.
 */
public final class CumulativeIncidence {
    private static final CumulativeIncidence DEFAULTS = new CumulativeIncidence(ConfidenceType.LOG_LOG, 0.95, 0);

    private final ConfidenceType confType;
    private final double confLevel;
    private final double rho;

    private CumulativeIncidence(ConfidenceType confType, double confLevel, double rho) {
        this.confType = confType;
        this.confLevel = confLevel;
        this.rho = rho;
    }

    /** log-log intervals at 95%, Gray's test with ρ = 0 (cmprsk's default). */
    public static CumulativeIncidence withDefaults() {
        return DEFAULTS;
    }

    /** A copy with another confidence interval transformation. */
    public CumulativeIncidence with(ConfidenceType type) {
        return new CumulativeIncidence(Objects.requireNonNull(type, "type"), confLevel, rho);
    }

    /**
     * A copy with another confidence level.
     *
     * @param level in (0, 1)
     */
    public CumulativeIncidence withConfLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + level);
        }
        return new CumulativeIncidence(confType, level, rho);
    }

    /**
     * A copy whose Gray tests weight by (1 − F̂(t−))^ρ (cmprsk {@code rho}); ρ &gt; 0 stresses early
     * differences.
     *
     * @param rho finite, ≥ 0
     */
    public CumulativeIncidence withRho(double rho) {
        if (!(rho >= 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be a finite number >= 0, got " + rho);
        }
        return new CumulativeIncidence(confType, confLevel, rho);
    }

    public ConfidenceType confType() {
        return confType;
    }

    public double confLevel() {
        return confLevel;
    }

    public double rho() {
        return rho;
    }

    /** One group ("all"), no test. */
    public CumulativeIncidenceResult fit(double[] time, double[] status, double censorCode) {
        return fit(time, status, censorCode, (Factor) null, null);
    }

    /**
     * Curves per cause and group and Gray's tests.
     *
     * @param time       follow-up times, finite and ≥ 0
     * @param status     status per observation: {@code censorCode} for censored, any other number is a cause
     * @param censorCode the censoring code (cmprsk {@code cencode})
     * @param group      group label per observation, or null for one group "all"
     * @param strata     stratum per observation for Gray's tests, or null
     */
    public CumulativeIncidenceResult fit(double[] time, double[] status, double censorCode, String[] group,
            String[] strata) {
        return fit(time, status, censorCode, group == null ? null : Factor.of(group),
                strata == null ? null : Factor.of(strata));
    }

    /**
     * Curves per cause and group and Gray's tests, with the groups in the factor's level order (the curves,
     * the result's {@code groups} and a plot's panels follow it; Gray's statistic does not depend on it).
     *
     * @param group  the groups, or null for one group "all"; every level must have an observation
     * @param strata strata for Gray's tests, or null
     * @throws IllegalArgumentException for a level without observations or lengths that differ
     */
    public CumulativeIncidenceResult fit(double[] time, double[] status, double censorCode, Factor group,
            Factor strata) {
        return fit(time, status, censorCode, null, group, strata);
    }

    /**
     * Curves and Gray's tests from a frequency table: row i stands for {@code count[i]} observations with its time,
     * status, group and stratum (e.g. counts per (stratum, group, time, status) aggregated where the data live).
     * Equal to the fit on the replicated rows: the Aalen–Johansen estimate, cmprsk's variance and Gray's test are
     * functions of these counts.
     *
     * @param count one whole number ≥ 0 per row, or null for one
     */
    public CumulativeIncidenceResult fit(double[] time, double[] status, double censorCode, int[] count,
            Factor group, Factor strata) {
        return fit(null, time, status, censorCode, count, group, strata);
    }

    /**
     * Curves per cause and group with delayed entry (left truncation): row i counts on (entry<sub>i</sub>,
     * time<sub>i</sub>], so the risk set at t is the rows with entry &lt; t ≤ time. The estimate is the same
     * Aalen–Johansen product on these risk sets, R's multi-state {@code survfit(Surv(entry, time, factor(status)) ~
     * group, id = row)} {@code pstate}; the variance is then R's, the infinitesimal jackknife (the sum of the squared
     * influence of each row, survfit's default {@code std.err} for multi-state curves) — cmprsk, whose variance
     * {@link #fit(double[], double[], double, Factor, Factor)} matches, takes no entry times. Gray's test takes none
     * either: the result has no tests (and {@code strata}, used by the tests only, is then ignored). The influence is
     * computed for every row at every distinct time of its group, O(n·m).
     *
     * @param entry entry times, each finite and below its time; null for {@link #fit(double[], double[], double,
     *              int[], Factor, Factor)} (cmprsk's variance, Gray's tests)
     * @throws IllegalArgumentException for an entry time that is not a finite number below its time
     */
    public CumulativeIncidenceResult fit(double[] entry, double[] time, double[] status, double censorCode, int[] count,
            Factor group, Factor strata) {
        CompetingRisksInput.check(time, status, censorCode);
        if (entry != null) {
            if (entry.length != time.length) {
                throw new IllegalArgumentException("entry and times must have the same length: " + entry.length
                        + " and " + time.length);
            }
            for (int i = 0; i < entry.length; i++) {
                if (!(Double.isFinite(entry[i]) && entry[i] < time[i])) {
                    throw new IllegalArgumentException("observation " + (i + 1) + ": the entry time " + entry[i]
                            + " must be a finite number below the time " + time[i]);
                }
            }
        }
        if (count != null && count.length != time.length) {
            throw new IllegalArgumentException("counts and times must have the same length: " + count.length
                    + " and " + time.length);
        }
        int n = time.length;
        Factor g = group == null ? Factor.single("all", n) : group;
        if (g.codes().length != n) {
            throw new IllegalArgumentException("group has " + g.codes().length + " labels for " + n + " observations");
        }
        if (group != null) {
            int[] counts = g.counts();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] == 0) {
                    throw new IllegalArgumentException("group level " + g.levels().get(k) + " has no observation");
                }
            }
        }
        Factor st = strata;
        if (st != null && st.codes().length != n) {
            throw new IllegalArgumentException("strata has " + st.codes().length + " labels for " + n
                    + " observations");
        }
        double[] causes = CompetingRisksInput.causes(status, censorCode);
        int[] causeIndex = new int[n];
        for (int i = 0; i < n; i++) {
            causeIndex[i] = status[i] == censorCode ? -1 : Arrays.binarySearch(causes, status[i] + 0.0);
        }
        RankedTimes ranked = RankedTimes.of(time, false);
        int ng = g.levelCount();
        int[][] rowsByGroup = g.rowsByLevel();
        List<CumulativeIncidenceCurve> curves = new ArrayList<>();
        CumulativeIncidenceCurve[][] byCause = new CumulativeIncidenceCurve[causes.length][ng];
        for (int k = 0; k < ng; k++) {
            CumulativeIncidenceCurve[] cs = groupCurves(g.levels().get(k), ranked, entry, causeIndex, causes,
                    rowsByGroup[k], count);
            for (int c = 0; c < causes.length; c++) {
                byCause[c][k] = cs[c];
            }
        }
        for (CumulativeIncidenceCurve[] row : byCause) {
            curves.addAll(Arrays.asList(row));
        }
        List<GrayTestResult> tests = new ArrayList<>();
        if (ng >= 2 && entry == null) {
            int[][] strataRows = st == null ? new int[][] {allRows(n)} : st.rowsByLevel();
            for (int c = 0; c < causes.length; c++) {
                tests.add(grayTest(causes[c], c, ranked, causeIndex, count, g, st, strataRows));
            }
        }
        List<Diagnostic> diagnostics = CompetingRisksGuardrails.forCurves(curves, tests);
        return new CumulativeIncidenceResult(causes, censorCode + 0.0, g.levels(), curves, tests, diagnostics,
                entry == null ? CifVariance.CMPRSK : CifVariance.INFINITESIMAL_JACKKNIFE);
    }

    private static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** The curves of every cause in one group (cmprsk {@code cinc} per cause). */
    private CumulativeIncidenceCurve[] groupCurves(String label, RankedTimes ranked, double[] entry, int[] causeIndex,
            double[] causes, int[] rows, int[] count) {
        int[] order = ranked.orderByRank(rows);
        int[] rank = ranked.rank();
        int nc = causes.length;
        int n = rows.length;
        int size = 0; // observations: rows, or Σ count of a frequency table
        for (int i : rows) {
            size += count == null ? 1 : count[i];
        }
        // counts per distinct time of the group: at risk, events per cause, all events, all leaving
        int m = 0;
        for (int i = 0, prev = -1; i < n; i++) {
            if (rank[order[i]] != prev) {
                m++;
                prev = rank[order[i]];
            }
        }
        int[] risk = new int[m];
        int[] all = new int[m];
        int[] leaving = new int[m];
        int[][] byCause = new int[nc][m];
        double[] times = new double[m];
        int atRisk = size;
        double[] entries = null; // the group's entry times, increasing, with their counts: the rows not yet entered
        int[] entryCount = null;
        if (entry != null) {
            entries = new double[n];
            entryCount = new int[n];
            Integer[] byEntry = new Integer[n];
            for (int i = 0; i < n; i++) {
                byEntry[i] = rows[i];
            }
            Arrays.sort(byEntry, (a, b) -> Double.compare(entry[a], entry[b]));
            for (int i = 0; i < n; i++) {
                entries[i] = entry[byEntry[i]];
                entryCount[i] = count == null ? 1 : count[byEntry[i]];
            }
        }
        int entered = 0; // observations with entry < the current time
        for (int i = 0, r = -1, prev = -1, e = 0; i < n; i++) {
            int obs = order[i];
            if (rank[obs] != prev) {
                prev = rank[obs];
                r++;
                times[r] = ranked.times()[prev];
                if (entries != null) {
                    while (e < n && entries[e] < times[r]) {
                        entered += entryCount[e++];
                    }
                }
                // with entry times: time ≥ t (atRisk) less entry ≥ t (size − entered)
                risk[r] = entries == null ? atRisk : atRisk - (size - entered);
            }
            int f = count == null ? 1 : count[obs];
            int c = causeIndex[obs];
            if (c >= 0) {
                byCause[c][r] += f;
                all[r] += f;
            }
            leaving[r] += f;
            atRisk -= f;
        }
        double lastTime = m == 0 ? 0 : times[m - 1];
        double z = Normal.quantile(0.5 + confLevel / 2);
        double[][] ij = entry == null ? null
                : jackknifeVariance(entry, ranked, causeIndex, rows, count, nc, times, risk, all, byCause);
        CumulativeIncidenceCurve[] out = new CumulativeIncidenceCurve[nc];
        for (int c = 0; c < nc; c++) {
            out[c] = curve(label, causes[c], size, times, risk, all, byCause[c], lastTime, z,
                    ij == null ? null : ij[c]);
        }
        return out;
    }

    /**
     * The infinitesimal jackknife variance of every cause's Aalen–Johansen estimate at each distinct time of a group
     * (R survfit's multi-state {@code std.err}²): with S the probability of no event yet, λ<sub>c</sub> = d<sub>c</sub>/n
     * and row i's influence U<sub>i</sub> on (S, F<sub>1</sub>, …), at each time
     * U<sub>i</sub><sup>F<sub>c</sub></sup> += U<sub>i</sub><sup>S</sup> λ<sub>c</sub> + S(t−) (dN<sub>ic</sub> −
     * Y<sub>i</sub> λ<sub>c</sub>)/n and U<sub>i</sub><sup>S</sup> ← U<sub>i</sub><sup>S</sup> (1 − λ) − S(t−)
     * (dN<sub>i</sub> − Y<sub>i</sub> λ)/n, Y<sub>i</sub> = [entry<sub>i</sub> &lt; t ≤ time<sub>i</sub>]; the
     * variance is Σ count<sub>i</sub> U<sub>i</sub>².
     */
    private static double[][] jackknifeVariance(double[] entry, RankedTimes ranked, int[] causeIndex, int[] rows,
            int[] count, int nc, double[] times, int[] risk, int[] all, int[][] byCause) {
        int n = rows.length;
        int m = times.length;
        int[] rank = ranked.rank();
        double[] t = ranked.times();
        double[] uS = new double[n];
        double[][] uF = new double[nc][n];
        double[] lambda = new double[nc];
        double[][] out = new double[nc][m];
        double s = 1;
        for (int r = 0; r < m; r++) {
            if (all[r] == 0) {
                if (r > 0) {
                    for (int c = 0; c < nc; c++) {
                        out[c][r] = out[c][r - 1];
                    }
                }
                continue;
            }
            double nr = risk[r];
            double lam = all[r] / nr;
            for (int c = 0; c < nc; c++) {
                lambda[c] = byCause[c][r] / nr;
            }
            double[] v = new double[nc];
            for (int k = 0; k < n; k++) {
                int i = rows[k];
                double ti = t[rank[i]];
                boolean atRisk = entry[i] < times[r] && ti >= times[r];
                int ci = atRisk && ti == times[r] ? causeIndex[i] : -1;
                double y = atRisk ? 1 : 0;
                double prevS = uS[k];
                for (int c = 0; c < nc; c++) {
                    double u = uF[c][k] + prevS * lambda[c] + s * ((ci == c ? 1 : 0) - y * lambda[c]) / nr;
                    uF[c][k] = u;
                    v[c] += (count == null ? 1 : count[i]) * u * u;
                }
                uS[k] = prevS * (1 - lam) - s * ((ci >= 0 ? 1 : 0) - y * lam) / nr;
            }
            for (int c = 0; c < nc; c++) {
                out[c][r] = v[c];
            }
            s *= 1 - lam;
        }
        return out;
    }

    /** Aalen–Johansen estimate and cmprsk's variance for one cause of one group. */
    private CumulativeIncidenceCurve curve(String label, double cause, int n, double[] times, int[] risk,
            int[] all, int[] mine, double lastTime, double z, double[] jackknife) {
        int rows = 0;
        int events = 0;
        for (int d : mine) {
            if (d > 0) {
                rows++;
                events += d;
            }
        }
        double[] t = new double[rows];
        int[] nRisk = new int[rows];
        int[] nEvent = new int[rows];
        double[] cif = new double[rows];
        double[] var = new double[rows];
        double[] lo = new double[rows];
        double[] hi = new double[rows];
        double fk = 1; // Kaplan–Meier of all causes just before the current time
        double f = 0;
        double v1 = 0;
        double v2 = 0;
        double v3 = 0;
        for (int r = 0, row = 0; r < times.length; r++) {
            int nd = all[r];
            if (nd == 0) {
                continue;
            }
            double rs = risk[r];
            int nd1 = mine[r];
            int nd2 = nd - nd1;
            double fkn = fk * (rs - nd) / rs;
            if (nd1 > 0) {
                f = f + fk * nd1 / rs;
            }
            if (nd2 > 0 && fkn > 0) {
                double t5 = nd2 > 1 ? 1 - (nd2 - 1.0) / (rs - 1.0) : 1;
                double t6 = fk * fk * t5 * nd2 / (rs * rs);
                double t3 = 1.0 / fkn;
                double t4 = f / fkn;
                v1 += t4 * t4 * t6;
                v2 += t3 * t4 * t6;
                v3 += t3 * t3 * t6;
            }
            if (nd1 > 0) {
                double t5 = nd1 > 1 ? 1 - (nd1 - 1.0) / (rs - 1.0) : 1;
                double t6 = fk * fk * t5 * nd1 / (rs * rs);
                double t3 = fkn > 0 ? 1 / fkn : 0;
                double t4 = 1 + t3 * f;
                v1 += t4 * t4 * t6;
                v2 += t3 * t4 * t6;
                v3 += t3 * t3 * t6;
                double v = jackknife != null ? jackknife[r] : v1 + f * f * v3 - 2 * f * v2;
                double[] ci = limits(confType, f, v, z);
                t[row] = times[r];
                nRisk[row] = risk[r];
                nEvent[row] = nd1;
                cif[row] = f;
                var[row] = v;
                lo[row] = ci[0];
                hi[row] = ci[1];
                row++;
            }
            fk = fkn;
        }
        return new CumulativeIncidenceCurve(label, cause, n, events, lastTime, confType, confLevel, t, nRisk,
                nEvent, cif, var, lo, hi);
    }

    /**
     * Pointwise limits of a cumulative incidence F with variance v: the survival-curve transformations of
     * {@link ConfidenceType} applied to F (log-log: symmetric on log(−log F)); [0, 0] where F = 0.
     */
    static double[] limits(ConfidenceType type, double f, double variance, double z) {
        if (f == 0) {
            return new double[] {0, 0};
        }
        double se = Math.sqrt(Math.max(variance, 0));
        return type.limits(f, se / f, z);
    }

    private GrayTestResult grayTest(double cause, int c, RankedTimes ranked, int[] causeIndex, int[] count, Factor g,
            Factor st, int[][] strataRows) {
        int n = causeIndex.length;
        byte[] kind = new byte[n];
        for (int i = 0; i < n; i++) {
            kind[i] = (byte) (causeIndex[i] < 0 ? 0 : causeIndex[i] == c ? 1 : 2);
        }
        int ng = g.levelCount();
        double[] s = new double[ng - 1];
        double[][] v = new double[ng - 1][ng - 1];
        for (int[] rows : strataRows) {
            GrayTest.Part p = GrayTest.stratum(ranked.rank(), ranked.orderByRank(rows), count, kind, g.codes(), ng,
                    rho);
            for (int i = 0; i < ng - 1; i++) {
                s[i] += p.score()[i];
                for (int j = 0; j < ng - 1; j++) {
                    v[i][j] += p.variance()[i][j];
                }
            }
        }
        SymmetricSolver.Form form = SymmetricSolver.quadraticForm(v, s);
        int df = ng - 1;
        boolean full = form.rank() == df;
        double stat = full ? form.value() : Double.NaN;
        return new GrayTestResult(cause, g.levels(), st == null ? List.of() : st.levels(), rho, s, v, stat, df,
                full ? Normal.chiSquaredUpper(stat, df) : Double.NaN);
    }

    @Override
    public String toString() {
        return "CumulativeIncidence[confType=" + confType.rName() + ", confLevel=" + confLevel + ", rho=" + rho + "]";
    }
}

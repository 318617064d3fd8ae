package org.survkit.stats.logrank;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.internal.Normal;
import org.survkit.stats.internal.RankedTimes;
import org.survkit.stats.internal.SurvivalInput;
import org.survkit.stats.internal.SymmetricSolver;
import org.survkit.stats.internal.TimeFix;
import org.survkit.stats.model.Factor;

/**
 * The log-rank family of k-sample tests for right-censored data, with strata, a test for trend,
 * pairwise comparisons with multiplicity adjustment and two-group hazard ratios.
 *
 * <pre>
 * LogRankResult r = LogRankTest.withDefaults().test(time, event, group);
 * LogRankResult w = LogRankTest.withDefaults().with(Weighting.GEHAN).test(time, event, group, strata);
 * </pre>
 *
 * <p>Numerics follow R {@code survdiff} (Harrington &amp; Fleming 1982; Therneau &amp; Grambsch
 * §2.3): distinct times after {@link TimeFix}; events precede censorings at a tie; groups whose
 * expected count is 0 are left out of the statistic and its degrees of freedom. A group with no
 * events is valid (its O is 0); an all-censored group leaves the statistic of the others unchanged
 * only if it is never at risk at an event time.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LogRankTest {
    private static final LogRankTest DEFAULTS = new LogRankTest(Weighting.LOGRANK, 0, 0, true);

    private final Weighting weighting;
    private final double rho;
    private final double gamma;
    private final boolean timefix;

    private LogRankTest(Weighting weighting, double rho, double gamma, boolean timefix) {
        this.weighting = weighting;
        this.rho = rho;
        this.gamma = gamma;
        this.timefix = timefix;
    }

    /** The log-rank (Mantel–Cox) test with R's timefix. */
    public static LogRankTest withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another weight function. {@link Weighting#PETO} sets ρ = 1, γ = 0;
     * {@link Weighting#FLEMING_HARRINGTON} keeps ρ and γ of {@link #withFlemingHarrington}
     * (default G(0, 0)).
     */
    public LogRankTest with(Weighting w) {
        Objects.requireNonNull(w, "weighting");
        switch (w) {
            case PETO:
                return new LogRankTest(w, 1, 0, timefix);
            case FLEMING_HARRINGTON:
                return new LogRankTest(w, rho, gamma, timefix);
            default:
                return new LogRankTest(w, 0, 0, timefix);
        }
    }

    /**
     * The Fleming–Harrington G(ρ, γ) test, weight S(t−)^ρ (1 − S(t−))^γ; R {@code survdiff(rho)}
     * is G(ρ, 0).
     *
     * @param rho   ≥ 0
     * @param gamma ≥ 0
     */
    public LogRankTest withFlemingHarrington(double rho, double gamma) {
        if (!(rho >= 0) || !(gamma >= 0) || Double.isInfinite(rho) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("rho and gamma must be finite and >= 0, got " + rho + ", " + gamma);
        }
        return new LogRankTest(Weighting.FLEMING_HARRINGTON, rho, gamma, timefix);
    }

    /** A copy that merges (true, R's default) or keeps near-equal times apart. */
    public LogRankTest withTimeFix(boolean on) {
        return new LogRankTest(weighting, rho, gamma, on);
    }

    public Weighting weighting() {
        return weighting;
    }

    public double rho() {
        return rho;
    }

    public double gamma() {
        return gamma;
    }

    /** Unstratified k-group test. */
    public LogRankResult test(double[] time, boolean[] event, String[] group) {
        return test(time, event, Factor.of(group), null);
    }

    /**
     * Stratified k-group test.
     *
     * @param strata stratum per observation, or null for none
     */
    public LogRankResult test(double[] time, boolean[] event, String[] group, String[] strata) {
        return test(time, event, Factor.of(group), strata == null ? null : Factor.of(strata));
    }

    /**
     * The test on coded factors.
     *
     * @throws IllegalArgumentException with fewer than two groups
     */
    public LogRankResult test(double[] time, boolean[] event, Factor group, Factor strata) {
        return test(time, event, null, group, strata);
    }

    /**
     * The test on a frequency table: row i stands for {@code count[i]} observations with its time, status, group
     * and stratum (e.g. the counts per (stratum, group, time, status) aggregated where the data live). Equal to the
     * test on the replicated rows, since every statistic of the family is a function of these counts.
     *
     * @param count one whole number ≥ 0 per row, or null for one
     * @throws IllegalArgumentException with fewer than two groups
     */
    public LogRankResult test(double[] time, boolean[] event, int[] count, Factor group, Factor strata) {
        SurvivalInput.check(time, event, group.codes());
        checkCounts(count, time.length);
        if (group.levelCount() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two groups; found "
                    + group.levelCount() + (group.levelCount() == 1 ? " (" + group.levels().get(0) + ")" : ""));
        }
        RankedTimes ranked = RankedTimes.of(time, timefix);
        LogRankAccumulator acc = accumulate(ranked, event, count, group.codes(), group.levelCount(), strata);
        return result(acc, group.levels(), strata);
    }

    private static void checkCounts(int[] count, int n) {
        if (count == null) {
            return;
        }
        if (count.length != n) {
            throw new IllegalArgumentException("counts and times must have the same length: " + count.length
                    + " and " + n);
        }
        for (int i = 0; i < n; i++) {
            if (count[i] < 0) {
                throw new IllegalArgumentException("count of row " + (i + 1) + " must be >= 0, got " + count[i]);
            }
        }
    }

    private LogRankAccumulator accumulate(RankedTimes ranked, boolean[] event, int[] count, int[] code, int k,
            Factor strata) {
        LogRankAccumulator acc = new LogRankAccumulator(k);
        if (strata == null) {
            acc.addStratum(ranked, event, count, code, null, weighting, rho, gamma);
        } else {
            for (int[] rows : strata.rowsByLevel()) {
                acc.addStratum(ranked, event, count, code, rows, weighting, rho, gamma);
            }
        }
        return acc;
    }

    private LogRankResult result(LogRankAccumulator acc, List<String> levels, Factor strata) {
        int k = acc.k;
        // groups with a positive expected count enter the statistic; the first of them is dropped
        List<Integer> used = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (acc.expected[j] > 0) {
                used.add(j);
            }
        }
        double stat = 0;
        int df = used.size() - 1;
        boolean informative = true;
        if (used.size() >= 2) {
            int m = used.size() - 1;
            double[] u = new double[m];
            double[][] v = new double[m][m];
            for (int a = 0; a < m; a++) {
                u[a] = acc.score[used.get(a + 1)];
                for (int b = 0; b < m; b++) {
                    v[a][b] = acc.variance[used.get(a + 1)][used.get(b + 1)];
                }
            }
            SymmetricSolver.Form form = SymmetricSolver.quadraticForm(v, u);
            stat = form.value();
            informative = form.rank() > 0; // e.g. everyone at risk dies at every event time
        }
        double conservative = 0;
        for (int j : used) {
            double diff = acc.observed[j] - acc.expected[j];
            conservative += diff * diff / acc.expected[j];
        }
        List<GroupSummary> groups = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            groups.add(new GroupSummary(levels.get(j), acc.n[j], acc.observed[j], acc.expected[j]));
        }
        // R survdiff: one group with expected events gives df 0, statistic 0 and p 1; no events at all gives NaN
        double p = !informative ? Double.NaN : df > 0 ? Normal.chiSquaredUpper(stat, df) : df == 0 ? 1.0 : Double.NaN;
        ChiSquareTest cons = df > 0 ? ChiSquareTest.of(conservative, df) : new ChiSquareTest(0, 0, Double.NaN);
        return new LogRankResult(weighting, rho, gamma, groups, strata == null ? List.of() : strata.levels(),
                acc.score, acc.variance, stat, Math.max(df, 0), p, cons);
    }

    /**
     * Test for trend over ordered groups (1 df).
     *
     * @param scores one score per group level in level order, or null for the numeric group values
     *               when every label is a number and 1, 2, …, k otherwise
     * @param strata stratum per observation, or null
     */
    public TrendTestResult trend(double[] time, boolean[] event, String[] group, String[] strata, double[] scores) {
        return trend(time, event, null, Factor.of(group), strata == null ? null : Factor.of(strata), scores);
    }

    /**
     * Test for trend on a frequency table (as {@link #test(double[], boolean[], int[], Factor, Factor)}).
     *
     * @param count  observations per row, or null for one
     * @param scores one score per group level, or null as in {@link #trend(double[], boolean[], String[], String[], double[])}
     */
    public TrendTestResult trend(double[] time, boolean[] event, int[] count, Factor g, Factor strata,
            double[] scores) {
        LogRankResult r = test(time, event, count, g, strata);
        double[] c = scores;
        if (c == null) {
            c = g.numericLevels();
        }
        if (c == null) {
            c = new double[g.levelCount()];
            for (int j = 0; j < c.length; j++) {
                c[j] = j + 1;
            }
        }
        if (c.length != g.levelCount()) {
            throw new IllegalArgumentException(
                    "need one score per group: " + g.levelCount() + " groups, " + c.length + " scores");
        }
        double[] u = r.score();
        double[][] v = r.variance();
        double cu = 0;
        double cvc = 0;
        for (int a = 0; a < c.length; a++) {
            cu += c[a] * u[a];
            for (int b = 0; b < c.length; b++) {
                cvc += c[a] * v[a][b] * c[b];
            }
        }
        double stat = cvc > 0 ? cu * cu / cvc : 0;
        return new TrendTestResult(weighting, g.levels(), c, stat, 1, cvc > 0 ? Normal.chiSquaredUpper(stat, 1)
                : Double.NaN);
    }

    /**
     * All pairwise two-group tests (each on the two groups' subjects only, strata kept), with
     * p-values adjusted over the k(k−1)/2 pairs.
     */
    public List<PairwiseComparison> pairwise(double[] time, boolean[] event, String[] group, String[] strata,
            PValueAdjustment adjustment) {
        return pairwise(time, event, null, Factor.of(group), strata == null ? null : Factor.of(strata), adjustment);
    }

    /**
     * All pairwise tests on a frequency table (as {@link #test(double[], boolean[], int[], Factor, Factor)}).
     *
     * @param count observations per row, or null for one
     */
    public List<PairwiseComparison> pairwise(double[] time, boolean[] event, int[] count, Factor g, Factor s,
            PValueAdjustment adjustment) {
        SurvivalInput.check(time, event, g.codes());
        checkCounts(count, time.length);
        RankedTimes ranked = RankedTimes.of(time, timefix);
        int k = g.levelCount();
        if (k < 2) {
            throw new IllegalArgumentException("pairwise comparisons need at least two groups; found " + k);
        }
        int[] codes = g.codes();
        List<double[]> stats = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                int[] pairCode = new int[codes.length];
                for (int i = 0; i < codes.length; i++) {
                    pairCode[i] = codes[i] == a ? 0 : codes[i] == b ? 1 : -1;
                }
                LogRankAccumulator acc = accumulate(ranked, event, count, pairCode, 2, s);
                LogRankResult r = result(acc, List.of(g.levels().get(a), g.levels().get(b)), s);
                // a pair without events cannot be compared: statistic 0, df 0, p 1, kept in the family
                // of comparisons so that the adjustment does not shrink (conservative)
                double pv = Double.isNaN(r.pValue()) ? 1.0 : r.pValue();
                stats.add(new double[] {r.statistic(), r.df(), pv});
                names.add(new String[] {g.levels().get(a), g.levels().get(b)});
            }
        }
        double[] p = stats.stream().mapToDouble(x -> x[2]).toArray();
        double[] adj = adjustment.adjust(p);
        List<PairwiseComparison> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            out.add(new PairwiseComparison(names.get(i)[0], names.get(i)[1], stats.get(i)[0], (int) stats.get(i)[1],
                    p[i], adj[i]));
        }
        return List.copyOf(out);
    }

    /**
     * Hazard ratio of the second group versus the first (level order) by the log-rank and
     * Mantel–Haenszel methods; see {@link TwoGroupHazardRatios}. Uses unweighted log-rank
     * quantities whatever this test's weighting.
     *
     * @param strata    stratum per observation, or null
     * @param confLevel e.g. 0.95
     * @throws IllegalArgumentException unless there are exactly two groups
     */
    public TwoGroupHazardRatios hazardRatio(double[] time, boolean[] event, String[] group, String[] strata,
            double confLevel) {
        return hazardRatio(time, event, null, Factor.of(group), strata == null ? null : Factor.of(strata),
                confLevel);
    }

    /**
     * The hazard ratios on a frequency table (as {@link #test(double[], boolean[], int[], Factor, Factor)}): equal to
     * {@link #hazardRatio(double[], boolean[], String[], String[], double)} on the replicated rows.
     *
     * @param count observations per row, or null for one
     * @param s     stratum per row, or null
     */
    public TwoGroupHazardRatios hazardRatio(double[] time, boolean[] event, int[] count, Factor g, Factor s,
            double confLevel) {
        if (g.levelCount() != 2) {
            throw new IllegalArgumentException("a hazard ratio needs exactly two groups; found " + g.levelCount());
        }
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + confLevel);
        }
        SurvivalInput.check(time, event, g.codes());
        checkCounts(count, time.length);
        RankedTimes ranked = RankedTimes.of(time, timefix);
        LogRankAccumulator acc = withDefaults().withTimeFix(timefix).accumulate(ranked, event, count, g.codes(), 2,
                s);
        double z = Normal.quantile(0.5 + confLevel / 2);
        double o1 = acc.observed[0];
        double e1 = acc.expected[0];
        double o2 = acc.observed[1];
        double e2 = acc.expected[1];
        double lr = (o2 / e2) / (o1 / e1);
        double halfLr = z * Math.sqrt(1 / e1 + 1 / e2);
        HazardRatio logrank = new HazardRatio(lr, Math.exp(Math.log(lr) - halfLr), Math.exp(Math.log(lr) + halfLr));
        double v = acc.logrankVariance[1][1];
        double logMh = (o2 - e2) / v;
        double halfMh = z / Math.sqrt(v);
        HazardRatio mh = new HazardRatio(Math.exp(logMh), Math.exp(logMh - halfMh), Math.exp(logMh + halfMh));
        return new TwoGroupHazardRatios(g.levels().get(0), g.levels().get(1), confLevel, logrank, mh);
    }

    @Override
    public String toString() {
        return "LogRankTest[" + weighting.id() + (weighting == Weighting.FLEMING_HARRINGTON
                ? "(" + rho + ", " + gamma + ")" : "") + "]";
    }
}

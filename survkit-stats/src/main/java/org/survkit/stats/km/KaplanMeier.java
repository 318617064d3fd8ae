package org.survkit.stats.km;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.internal.Normal;
import org.survkit.stats.internal.RankedTimes;
import org.survkit.stats.internal.SurvivalInput;
import org.survkit.stats.internal.TimeFix;
import org.survkit.stats.internal.TimeGroupCounts;
import org.survkit.stats.model.Factor;

/**
 * The Kaplan–Meier (product-limit) estimator of the survival function, with Greenwood variance,
 * pointwise confidence intervals and the Nelson–Aalen cumulative hazard; R's
 * {@code survfit(Surv(time, status) ~ group)}.
 *
 * <p>At each distinct time t<sub>i</sub> with n<sub>i</sub> at risk and d<sub>i</sub> events:
 * Ŝ(t) = Π<sub>t_i ≤ t</sub> (n<sub>i</sub> − d<sub>i</sub>)/n<sub>i</sub>;
 * Var(log Ŝ) = Σ d<sub>i</sub>/(n<sub>i</sub>(n<sub>i</sub> − d<sub>i</sub>)) (Greenwood 1926);
 * se(Ŝ) = Ŝ·sqrt(Var(log Ŝ)); Λ̂(t) = Σ d<sub>i</sub>/n<sub>i</sub> with variance Σ d<sub>i</sub>/n<sub>i</sub>².
 * Events precede censorings at the same time: subjects censored at t are at risk at t.
 * Times that differ by floating-point noise are merged first ({@link TimeFix}).
 *
 * <p>Edge cases: no events gives S ≡ 1; when everyone at risk dies (d = n) S drops to 0 and its
 * standard error and limits are NaN from there on, as R's NA; a group of one is a valid curve.
 *
 * <p>Instances are immutable and thread-safe. References: Kaplan &amp; Meier (1958); Klein &amp;
 * Moeschberger, <i>Survival Analysis</i>, 2nd ed., §4.2–4.3; Therneau &amp; Grambsch (2000), §2.1.
 */
public final class KaplanMeier {
    private static final KaplanMeier DEFAULTS = new KaplanMeier(ConfidenceType.LOG_LOG, 0.95, true);

    private final ConfidenceType confType;
    private final double confLevel;
    private final boolean timefix;

    private KaplanMeier(ConfidenceType confType, double confLevel, boolean timefix) {
        this.confType = confType;
        this.confLevel = confLevel;
        this.timefix = timefix;
    }

    /** log-log intervals at 95%, with R's timefix. */
    public static KaplanMeier withDefaults() {
        return DEFAULTS;
    }

    /** A copy with another confidence interval transformation. */
    public KaplanMeier with(ConfidenceType type) {
        return new KaplanMeier(Objects.requireNonNull(type, "type"), confLevel, timefix);
    }

    /**
     * A copy with another confidence level.
     *
     * @param level in (0, 1), e.g. 0.95
     */
    public KaplanMeier withConfLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + level);
        }
        return new KaplanMeier(confType, level, timefix);
    }

    /** A copy that merges (true, R's default) or keeps near-equal times apart. */
    public KaplanMeier withTimeFix(boolean on) {
        return new KaplanMeier(confType, confLevel, on);
    }

    public ConfidenceType confType() {
        return confType;
    }

    public double confLevel() {
        return confLevel;
    }

    /**
     * Fits one curve.
     *
     * @param time  follow-up times, finite and ≥ 0
     * @param event true for an event, false for a censoring
     */
    public SurvivalCurve fit(double[] time, boolean[] event) {
        return fit(time, event, Factor.single("all", time.length)).get(0).curve();
    }

    /**
     * Fits one curve per group, in level order ({@link Factor}).
     *
     * @param time  follow-up times, finite and ≥ 0
     * @param event true for an event
     * @param group a label per observation
     */
    public List<GroupCurve> fit(double[] time, boolean[] event, String[] group) {
        return fit(time, event, Factor.of(group));
    }

    /** Fits one curve per level of an already coded factor. */
    public List<GroupCurve> fit(double[] time, boolean[] event, Factor group) {
        SurvivalInput.check(time, event, group.codes());
        RankedTimes ranked = RankedTimes.of(time, timefix);
        int k = group.levelCount();
        List<GroupCurve> out = new ArrayList<>(k);
        if (TimeGroupCounts.fits(ranked.distinctCount(), k)) {
            TimeGroupCounts counts = TimeGroupCounts.of(ranked, event, group.codes(), k, null);
            for (int g = 0; g < k; g++) {
                out.add(new GroupCurve(group.levels().get(g), fromCounts(ranked.times(), counts, g)));
            }
        } else {
            int[][] rows = group.rowsByLevel();
            for (int g = 0; g < k; g++) {
                out.add(new GroupCurve(group.levels().get(g), fitRanked(ranked, event, rows[g])));
            }
        }
        return List.copyOf(out);
    }

    /** The curve of group g from the dense (time, group) table. */
    SurvivalCurve fromCounts(double[] times, TimeGroupCounts counts, int g) {
        int d = times.length;
        int base = g * d;
        int m = 0;
        for (int r = 0; r < d; r++) {
            if (counts.events[base + r] + counts.censored[base + r] > 0) {
                m++;
            }
        }
        int[] rank = new int[m];
        int[] dead = new int[m];
        int[] cens = new int[m];
        for (int r = 0, i = 0; r < d; r++) {
            int e = counts.events[base + r];
            int c = counts.censored[base + r];
            if (e + c > 0) {
                rank[i] = r;
                dead[i] = e;
                cens[i++] = c;
            }
        }
        return productLimit(times, rank, dead, cens, counts.n[g]);
    }

    /** The product-limit workhorse on ranked times; {@code rows} is one group's observations. */
    SurvivalCurve fitRanked(RankedTimes ranked, boolean[] event, int[] rows) {
        int[] order = ranked.orderByRank(rows);
        int[] rankOf = ranked.rank();
        int n = rows.length;
        int m = 0;
        for (int i = 0, prev = -1; i < n; i++) {
            int r = rankOf[order[i]];
            if (r != prev) {
                m++;
                prev = r;
            }
        }
        int[] rank = new int[m];
        int[] dead = new int[m];
        int[] cens = new int[m];
        int row = -1;
        for (int i = 0, prev = -1; i < n; i++) {
            int r = rankOf[order[i]];
            if (r != prev) {
                rank[++row] = r;
                prev = r;
            }
            if (event[order[i]]) {
                dead[row]++;
            } else {
                cens[row]++;
            }
        }
        return productLimit(ranked.times(), rank, dead, cens, n);
    }

    /**
     * Kaplan–Meier, Greenwood, confidence limits and Nelson–Aalen from the counts at the distinct
     * times where something happens ({@code rank} increasing into {@code times}).
     */
    private SurvivalCurve productLimit(double[] times, int[] rank, int[] dead, int[] cens, int n) {
        int m = rank.length;
        double[] t = new double[m];
        int[] risk = new int[m];
        double[] surv = new double[m];
        double[] se = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] haz = new double[m];
        double[] seHaz = new double[m];
        double z = Normal.quantile(0.5 + confLevel / 2);
        int atRisk = n;
        double km = 1;
        double greenwood = 0;
        double nelson = 0;
        double nelsonVar = 0;
        int totalEvents = 0;
        for (int row = 0; row < m; row++) {
            int d = dead[row];
            if (d > 0) {
                km *= (double) (atRisk - d) / atRisk;
                greenwood += (double) d / ((double) atRisk * (atRisk - d));
                nelson += (double) d / atRisk;
                nelsonVar += (double) d / ((double) atRisk * atRisk);
                totalEvents += d;
            }
            double seLog = Math.sqrt(greenwood);
            double[] ci = confType.limits(km, seLog, z);
            t[row] = times[rank[row]];
            risk[row] = atRisk;
            surv[row] = km;
            se[row] = km == 0 ? Double.NaN : km * seLog;
            lo[row] = ci[0];
            hi[row] = ci[1];
            haz[row] = nelson;
            seHaz[row] = Math.sqrt(nelsonVar);
            atRisk -= d + cens[row];
        }
        return new SurvivalCurve(n, totalEvents, confType, confLevel, t, risk, dead, cens, surv, se, lo, hi, haz,
                seHaz);
    }

    /**
     * Median follow-up by the reverse Kaplan–Meier method (Schemper &amp; Smith 1996): the median of
     * the curve that treats censorings as events and events as censorings, R's
     * {@code survfit(Surv(time, 1 - status) ~ 1)}. It is the median potential follow-up, not
     * biased downwards by early deaths as the median of observed times is.
     */
    public SurvivalCurve reverse(double[] time, boolean[] event) {
        boolean[] flipped = new boolean[event.length];
        for (int i = 0; i < event.length; i++) {
            flipped[i] = !event[i];
        }
        return fit(time, flipped);
    }

    /** Reverse Kaplan–Meier curves per group, in level order. */
    public List<GroupCurve> reverse(double[] time, boolean[] event, String[] group) {
        boolean[] flipped = new boolean[event.length];
        for (int i = 0; i < event.length; i++) {
            flipped[i] = !event[i];
        }
        return fit(time, flipped, group);
    }

    @Override
    public String toString() {
        return "KaplanMeier[confType=" + confType.rName() + ", confLevel=" + confLevel + ", timefix=" + timefix + "]";
    }
}

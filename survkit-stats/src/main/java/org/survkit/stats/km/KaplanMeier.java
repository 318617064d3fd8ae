package org.survkit.stats.km;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
 * <p>Case weights and (start, stop] rows (delayed entry, left truncation):
 * {@link #fit(double[], double[], boolean[], double[], Factor)}.
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
            TimeGroupCounts counts = TimeGroupCounts.of(ranked, event, null, group.codes(), k, null);
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

    /**
     * Fits one curve per level with case weights, R's {@code survfit(Surv(time, status) ~ group,
     * weights = w)}: n.risk, n.event and n.censor are sums of weights and Ŝ(t) = Π (1 − d<sub>w</sub>/n<sub>w</sub>).
     * The standard errors follow R's default: with whole-number weights the weighted Greenwood sum
     * Σ d<sub>w</sub>/(n<sub>w</sub>(n<sub>w</sub> − d<sub>w</sub>)), which equals the fit of the data with each row
     * repeated w times; with any non-integer weight the infinitesimal jackknife (robust) variance that
     * {@code survfit} switches to ({@code robust = TRUE}, each row its own cluster), see
     * {@link WeightedProductLimit}. Rows of weight 0 add their times (with zero counts) but nothing else.
     *
     * @param weights finite, ≥ 0, one per observation
     */
    public List<GroupCurve> fit(double[] time, boolean[] event, double[] weights, Factor group) {
        return fit(null, time, event, weights, group);
    }

    /**
     * Fits one curve per level from a frequency table: row i stands for {@code count[i]} observations with its time,
     * status and group (e.g. counts per (group, time, status) aggregated where the data live). Equal to the fit on
     * the replicated rows: whole-number weights are R's replicated rows (weighted Greenwood variance), and each
     * curve's {@code n} is its number of observations, Σ count.
     *
     * @param count one whole number ≥ 0 per row
     */
    public List<GroupCurve> fit(double[] time, boolean[] event, int[] count, Factor group) {
        return replicated(fit(null, time, event, weights(count), group), count, group);
    }

    /** The reverse Kaplan–Meier curves (potential follow-up) of a frequency table, as {@link #fit(double[], boolean[], int[], Factor)}. */
    public List<GroupCurve> reverse(double[] time, boolean[] event, int[] count, Factor group) {
        return replicated(reverse(null, time, event, weights(count), group), count, group);
    }

    private static double[] weights(int[] count) {
        double[] w = new double[count.length];
        for (int i = 0; i < w.length; i++) {
            if (count[i] < 0) {
                throw new IllegalArgumentException("count of row " + (i + 1) + " must be >= 0, got " + count[i]);
            }
            w[i] = count[i];
        }
        return w;
    }

    /** The curves with n the number of observations of each group (Σ count) instead of the number of rows. */
    private static List<GroupCurve> replicated(List<GroupCurve> curves, int[] count, Factor group) {
        long[] n = new long[group.levelCount()];
        for (int i = 0; i < count.length; i++) {
            n[group.codes()[i]] += count[i];
        }
        List<GroupCurve> out = new java.util.ArrayList<>(curves.size());
        for (GroupCurve g : curves) {
            SurvivalCurve c = g.curve();
            int rows = Math.toIntExact(n[group.levels().indexOf(g.group())]);
            out.add(new GroupCurve(g.group(), new SurvivalCurve(rows, c.events(), c.confType(), c.confLevel(),
                    c.time(), c.nRisk(), c.nEvent(), c.nCensor(), c.survival(), c.stdErr(), c.lower(), c.upper(),
                    c.cumHaz(), c.stdErrCumHaz())));
        }
        return List.copyOf(out);
    }

    /**
     * Fits one curve per level from (start, stop] rows and/or case weights, R's
     * {@code survfit(Surv(start, stop, status) ~ group, weights = w)}: a row is at risk at t when
     * start &lt; t ≤ stop, so rows that enter late (left truncation, delayed entry) join the risk set then
     * and n.risk can rise; a row counts its event or censoring at stop. Survival, Greenwood (or robust)
     * variance, Nelson–Aalen and the limits are computed from these risk sets exactly as for right-censored
     * data. Near-equal start and stop times are merged together (timefix); an interval that has length 0
     * then is an error, as R's {@code aeqSurv} exception. (R's {@code Surv()} itself turns a row with
     * start ≥ stop into NA with a warning and {@code survfit} drops it as missing; here such a row is the
     * caller's mistake, which the front ends exclude and count.)
     *
     * <p>R's {@code n.enter} (only in robust counting-process fits) is not reproduced.
     *
     * @param start   entry times (finite, &lt; stop), or null for right-censored data (at risk from time 0)
     * @param stop    exit times, finite and ≥ 0
     * @param event   true for an event at stop
     * @param weights case weights (finite, ≥ 0), or null for 1
     */
    public List<GroupCurve> fit(double[] start, double[] stop, boolean[] event, double[] weights, Factor group) {
        if (start == null && weights == null) {
            return fit(stop, event, group);
        }
        SurvivalInput.check(stop, event, group.codes());
        checkStartAndWeights(start, stop, weights);
        int n = stop.length;
        int[] stopRank;
        int[] startRank = null;
        double[] times;
        if (start == null) {
            RankedTimes ranked = RankedTimes.of(stop, timefix);
            stopRank = ranked.rank();
            times = ranked.times();
        } else {
            double[] both = new double[2 * n];
            System.arraycopy(start, 0, both, 0, n);
            System.arraycopy(stop, 0, both, n, n);
            RankedTimes ranked = RankedTimes.of(both, timefix);
            startRank = Arrays.copyOfRange(ranked.rank(), 0, n);
            stopRank = Arrays.copyOfRange(ranked.rank(), n, 2 * n);
            times = ranked.times();
            for (int i = 0; i < n; i++) {
                if (startRank[i] >= stopRank[i]) {
                    throw new IllegalArgumentException("observation " + (i + 1) + ": interval (" + start[i] + ", "
                            + stop[i] + "] has length 0 once near-equal times are merged (R: aeqSurv exception)");
                }
            }
        }
        boolean robust = false;
        if (weights != null) {
            for (double w : weights) {
                if (w != Math.floor(w)) {
                    robust = true; // R survfitKM: robust when any weight is not a whole number
                    break;
                }
            }
        }
        int[][] rows = group.rowsByLevel();
        List<GroupCurve> out = new ArrayList<>(rows.length);
        for (int g = 0; g < rows.length; g++) {
            SurvivalCurve c = WeightedProductLimit.fit(times, startRank, stopRank, event, weights, rows[g], robust,
                    confType, confLevel);
            out.add(new GroupCurve(group.levels().get(g), c));
        }
        return List.copyOf(out);
    }

    private static void checkStartAndWeights(double[] start, double[] stop, double[] weights) {
        int n = stop.length;
        if (start != null) {
            if (start.length != n) {
                throw new IllegalArgumentException("start and stop must have the same length: " + start.length + ", " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(start[i]) || !(start[i] < stop[i])) {
                    throw new IllegalArgumentException("observation " + (i + 1) + ": start " + start[i]
                            + " must be finite and before stop " + stop[i] + " (R: Surv() makes it NA)");
                }
            }
        }
        if (weights != null) {
            if (weights.length != n) {
                throw new IllegalArgumentException("weights and stop must have the same length: " + weights.length
                        + ", " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                    throw new IllegalArgumentException("weight of observation " + (i + 1)
                            + " must be finite and >= 0, got " + weights[i]);
                }
            }
        }
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
        double[] t = new double[m];
        double[] dead = new double[m];
        double[] cens = new double[m];
        for (int r = 0, i = 0; r < d; r++) {
            int e = counts.events[base + r];
            int c = counts.censored[base + r];
            if (e + c > 0) {
                t[i] = times[r];
                dead[i] = e;
                cens[i++] = c;
            }
        }
        return productLimit(t, dead, cens, counts.n[g]);
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
        double[] t = new double[m];
        double[] dead = new double[m];
        double[] cens = new double[m];
        int row = -1;
        for (int i = 0, prev = -1; i < n; i++) {
            int r = rankOf[order[i]];
            if (r != prev) {
                t[++row] = ranked.times()[r];
                prev = r;
            }
            if (event[order[i]]) {
                dead[row]++;
            } else {
                cens[row]++;
            }
        }
        return productLimit(t, dead, cens, n);
    }

    /** Right-censored, unweighted: the number at risk falls by the events and censorings of each row. */
    private SurvivalCurve productLimit(double[] t, double[] dead, double[] cens, int n) {
        double[] risk = new double[t.length];
        double atRisk = n;
        for (int row = 0; row < t.length; row++) {
            risk[row] = atRisk;
            atRisk -= dead[row] + cens[row];
        }
        return WeightedProductLimit.curve(n, t, risk, dead, cens, null, null, confType, confLevel);
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
        return reverse(time, event, Factor.of(group));
    }

    /** Reverse Kaplan–Meier curves per level of an already coded factor. */
    public List<GroupCurve> reverse(double[] time, boolean[] event, Factor group) {
        boolean[] flipped = new boolean[event.length];
        for (int i = 0; i < event.length; i++) {
            flipped[i] = !event[i];
        }
        return fit(time, flipped, group);
    }

    /**
     * Reverse Kaplan–Meier curves with case weights and/or (start, stop] rows: the curves of
     * {@link #fit(double[], double[], boolean[], double[], Factor)} with events and censorings swapped.
     */
    public List<GroupCurve> reverse(double[] start, double[] stop, boolean[] event, double[] weights, Factor group) {
        boolean[] flipped = new boolean[event.length];
        for (int i = 0; i < event.length; i++) {
            flipped[i] = !event[i];
        }
        return fit(start, stop, flipped, weights, group);
    }

    @Override
    public String toString() {
        return "KaplanMeier[confType=" + confType.rName() + ", confLevel=" + confLevel + ", timefix=" + timefix + "]";
    }
}

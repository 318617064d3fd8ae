package org.survkit.stats.km;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.internal.Columns;
import org.survkit.stats.internal.Normal;

/**
 * A Kaplan–Meier survival curve: one row per distinct time at which an event or a censoring
 * occurred, as R's {@code summary(survfit(...), censored = TRUE)} prints it.
 *
 * <p>{@code survival[i]} is S(time[i]) (right-continuous); {@code stdErr[i]} is the Greenwood
 * standard error of S; {@code lower}/{@code upper} the pointwise limits of {@link #confType()} at
 * {@link #confLevel()}. {@code cumHaz} is the Nelson–Aalen cumulative hazard Σ d/n with standard
 * error {@code sqrt(Σ d/n²)} (R {@code std.chaz}). Undefined values (standard error and limits
 * where S = 0, log-log limits where S = 1) are NaN, which front ends show as R's NA.
 *
 * <p>With case weights or (start, stop] rows the counts are R's {@code survfit} counts: weighted sums,
 * whole numbers for unweighted data. {@link #nMax()} and {@link #nStart()} are R's {@code n.max} and
 * {@code n.start}, which {@code print.survfit} shows as {@code n}.
 *
 * <p>Arrays are copied on the way in and out.
 *
 * @param n            observations (rows) in the curve, R's {@code records}; rows of weight 0 included
 * @param events       total events, weighted by the case weights (R's {@code events})
 * @param confType     interval transformation
 * @param confLevel    interval level, e.g. 0.95
 * @param time         distinct times with an event or censoring
 * @param nRisk        number at risk just before each time (censored at t are at risk at t); with case
 *                     weights the sum of the weights at risk, with (start, stop] rows those with
 *                     start &lt; t ≤ stop, so it can rise when rows enter later
 * @param nEvent       events at each time (weighted)
 * @param nCensor      censorings at each time (weighted)
 * @param survival     Kaplan–Meier estimate
 * @param stdErr       Greenwood standard error of the survival estimate
 * @param lower        lower confidence limit
 * @param upper        upper confidence limit
 * @param cumHaz       Nelson–Aalen cumulative hazard
 * @param stdErrCumHaz standard error of the cumulative hazard
 */
public record SurvivalCurve(int n, double events, ConfidenceType confType, double confLevel,
        double[] time, double[] nRisk, double[] nEvent, double[] nCensor, double[] survival, double[] stdErr,
        double[] lower, double[] upper, double[] cumHaz, double[] stdErrCumHaz) {

    public SurvivalCurve {
        Objects.requireNonNull(confType, "confType");
        time = time.clone();
        nRisk = nRisk.clone();
        nEvent = nEvent.clone();
        nCensor = nCensor.clone();
        survival = survival.clone();
        stdErr = stdErr.clone();
        lower = lower.clone();
        upper = upper.clone();
        cumHaz = cumHaz.clone();
        stdErrCumHaz = stdErrCumHaz.clone();
        Columns.requireSameLength("a survival curve", time.length, nRisk.length, nEvent.length, nCensor.length,
                survival.length, stdErr.length, lower.length, upper.length, cumHaz.length, stdErrCumHaz.length);
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public double[] nRisk() {
        return nRisk.clone();
    }

    @Override
    public double[] nEvent() {
        return nEvent.clone();
    }

    @Override
    public double[] nCensor() {
        return nCensor.clone();
    }

    @Override
    public double[] survival() {
        return survival.clone();
    }

    @Override
    public double[] stdErr() {
        return stdErr.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public double[] cumHaz() {
        return cumHaz.clone();
    }

    @Override
    public double[] stdErrCumHaz() {
        return stdErrCumHaz.clone();
    }

    /** The event table row by row. */
    public List<SurvivalRow> rows() {
        List<SurvivalRow> out = new ArrayList<>(time.length);
        for (int i = 0; i < time.length; i++) {
            out.add(new SurvivalRow(time[i], nRisk[i], nEvent[i], nCensor[i], survival[i], stdErr[i], lower[i],
                    upper[i], cumHaz[i], stdErrCumHaz[i]));
        }
        return out;
    }

    /**
     * R's {@code n.max}: the largest number at risk (weighted); {@link #n()} for an unweighted
     * right-censored curve, 0 for an empty one.
     */
    public double nMax() {
        double m = 0;
        for (double r : nRisk) {
            m = Math.max(m, r);
        }
        return m;
    }

    /** R's {@code n.start}: the number at risk at the first time (weighted), 0 for an empty curve. */
    public double nStart() {
        return nRisk.length == 0 ? 0 : nRisk[0];
    }

    /** Number of rows (distinct times). */
    public int size() {
        return time.length;
    }

    /**
     * Median survival with its confidence interval, by the rule of R's {@code print.survfit}
     * ({@code summary(fit)$table}): the first time at which the curve is below 0.5 (within
     * {@code sqrt(eps)}); where the curve equals 0.5 exactly over a stretch, the midpoint of the
     * time it reaches 0.5 and the time it drops below. The limits apply the same rule to the
     * lower and upper confidence curves (Brookmeyer &amp; Crowley 1982). NaN = not reached.
     */
    public SurvivalQuantile median() {
        return SurvivalQuantiles.median(this, MedianRule.R);
    }

    /** The median by another package's convention; see {@link MedianRule}. */
    public SurvivalQuantile median(MedianRule rule) {
        return SurvivalQuantiles.median(this, rule);
    }

    /**
     * The time by which a fraction {@code probability} of subjects have had the event (the
     * 100p-th percentile of the event-time distribution; 0.5 is the median), with confidence
     * limits, by R's {@code quantile.survfit} rule. NaN = not reached.
     *
     * @param probability in [0, 1]
     */
    public SurvivalQuantile quantile(double probability) {
        return SurvivalQuantiles.quantile(this, probability);
    }

    /**
     * Survival at chosen times, as R's {@code summary(fit, times = t, extend = TRUE)}: the estimate
     * at the last row at or before each time, the number at risk at that time; beyond the last
     * observation the last estimate with 0 at risk. Times need not be sorted.
     */
    public List<SurvivalAtTime> at(double... times) {
        List<SurvivalAtTime> out = new ArrayList<>(times.length);
        for (double t : times) {
            out.add(at(t));
        }
        return out;
    }

    private SurvivalAtTime at(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("time must be a number");
        }
        // last row with time <= t
        int i = upperBound(t) - 1;
        double risk;
        int next = i + 1;
        if (next < time.length) {
            risk = nRisk[next];
            if (i >= 0 && time[i] == t) {
                risk = nRisk[i];
            }
        } else {
            risk = (i >= 0 && time[i] == t) ? nRisk[i] : 0;
        }
        if (i < 0) {
            // before the first observation R's summary(times =) reads survfit0's time-0 row: S = 1, CI [1, 1]
            return new SurvivalAtTime(t, time.length == 0 ? 0 : nRisk[0], 1.0, 0.0, 1.0, 1.0);
        }
        return new SurvivalAtTime(t, risk, survival[i], stdErr[i], lower[i], upper[i]);
    }

    /** Index of the first row with time strictly greater than t. */
    private int upperBound(double t) {
        int lo = 0;
        int hi = time.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    double z() {
        return Normal.quantile(0.5 + confLevel / 2);
    }

    /**
     * Restricted mean survival time up to {@code tau}: the area under the curve on [0, τ], with
     * the standard error of R's {@code print.survfit(rmean = tau)}:
     * Var = Σ<sub>t_i ≤ τ</sub> A(t_i)² d_i / (n_i (n_i − d_i)), A(t_i) the area from t_i to τ
     * (Klein &amp; Moeschberger §4.5; terms with n_i = d_i are 0).
     *
     * @param tau the horizon, &gt; 0
     */
    public RestrictedMean restrictedMean(double tau) {
        return RestrictedMeans.of(this, tau);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurvivalCurve c && n == c.n && events == c.events && confType == c.confType
                && confLevel == c.confLevel && Arrays.equals(time, c.time) && Arrays.equals(nRisk, c.nRisk)
                && Arrays.equals(nEvent, c.nEvent) && Arrays.equals(nCensor, c.nCensor)
                && Arrays.equals(survival, c.survival) && Arrays.equals(stdErr, c.stdErr)
                && Arrays.equals(lower, c.lower) && Arrays.equals(upper, c.upper)
                && Arrays.equals(cumHaz, c.cumHaz) && Arrays.equals(stdErrCumHaz, c.stdErrCumHaz);
    }

    @Override
    public int hashCode() {
        return Objects.hash(n, events, confType, confLevel, Arrays.hashCode(time), Arrays.hashCode(survival));
    }

    @Override
    public String toString() {
        return "SurvivalCurve[n=" + n + ", events=" + events + ", rows=" + time.length + ", confType="
                + confType.rName() + ", median=" + median().estimate() + "]";
    }

    /** Package access to the arrays without copies, for the computations in this package. */
    double[] timeView() {
        return time;
    }

    double[] survivalView() {
        return survival;
    }

    double[] lowerView() {
        return lower;
    }

    double[] upperView() {
        return upper;
    }

    double[] nRiskView() {
        return nRisk;
    }

    double[] nEventView() {
        return nEvent;
    }
}

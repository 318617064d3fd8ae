package org.survkit.stats.competing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.internal.Columns;
import org.survkit.stats.km.ConfidenceType;

/**
 * The Aalen–Johansen cumulative incidence function of one cause in one group: one row per distinct
 * time at which the cause occurred, the value after the jump (right-continuous), as the corners of
 * R cmprsk's {@code cuminc(...)[["group cause"]]} ({@code time}, {@code est}, {@code var}).
 *
 * <p>{@code lower}/{@code upper} are pointwise limits on the transformation {@link #confType()} of F
 * at {@link #confLevel()} ({@link CumulativeIncidence}); cmprsk itself reports no interval.
 * {@link #lastTime()} is the group's largest follow-up time (any status): R's {@code timepoints}
 * gives NA beyond it, and so does {@link #at(double...)}.
 *
 * <p>Arrays are copied on the way in and out.
 *
 * @param group     group label ("all" without groups)
 * @param cause     the cause code
 * @param n         subjects in the group
 * @param events    events of this cause in the group
 * @param lastTime  largest follow-up time in the group
 * @param confType  interval transformation
 * @param confLevel interval level
 * @param time      distinct times with an event of the cause
 * @param nRisk     number at risk just before each time
 * @param nEvent    events of the cause at each time
 * @param cif       cumulative incidence after each time
 * @param variance  its variance (Gray's / Aalen-type, as cmprsk; with entry times R survfit's infinitesimal jackknife)
 * @param lower     lower confidence limit
 * @param upper     upper confidence limit
 */
public record CumulativeIncidenceCurve(String group, double cause, int n, int events, double lastTime,
        ConfidenceType confType, double confLevel, double[] time, int[] nRisk, int[] nEvent, double[] cif,
        double[] variance, double[] lower, double[] upper) {

    public CumulativeIncidenceCurve {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(confType, "confType");
        time = time.clone();
        nRisk = nRisk.clone();
        nEvent = nEvent.clone();
        cif = cif.clone();
        variance = variance.clone();
        lower = lower.clone();
        upper = upper.clone();
        Columns.requireSameLength("a cumulative incidence curve", time.length, nRisk.length, nEvent.length,
                cif.length, variance.length, lower.length, upper.length);
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public int[] nRisk() {
        return nRisk.clone();
    }

    @Override
    public int[] nEvent() {
        return nEvent.clone();
    }

    @Override
    public double[] cif() {
        return cif.clone();
    }

    @Override
    public double[] variance() {
        return variance.clone();
    }

    /** {@return the standard error of the estimate at the last row, √variance (0 before any event row)} */
    public double lastStdErr() {
        return variance.length == 0 ? 0 : Math.sqrt(variance[variance.length - 1]);
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** Number of rows. */
    public int size() {
        return time.length;
    }

    /** The table row by row. */
    public List<CumulativeIncidenceRow> rows() {
        List<CumulativeIncidenceRow> out = new ArrayList<>(time.length);
        for (int i = 0; i < time.length; i++) {
            out.add(new CumulativeIncidenceRow(time[i], nRisk[i], nEvent[i], cif[i], variance[i], lower[i], upper[i]));
        }
        return out;
    }

    /**
     * The estimate at chosen times, as cmprsk's {@code timepoints}: the last row at or before each time;
     * 0 with variance 0 (and limits [0, 0]) before the first event of the cause; NaN after
     * {@link #lastTime()} or before 0. Times need not be sorted.
     */
    public List<CumulativeIncidenceAtTime> at(double... times) {
        List<CumulativeIncidenceAtTime> out = new ArrayList<>(times.length);
        for (double t : times) {
            if (Double.isNaN(t)) {
                throw new IllegalArgumentException("time must be a number");
            }
            if (t < 0 || t > lastTime) {
                out.add(new CumulativeIncidenceAtTime(t, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            int i = upperBound(t) - 1;
            out.add(i < 0 ? new CumulativeIncidenceAtTime(t, 0, 0, 0, 0)
                    : new CumulativeIncidenceAtTime(t, cif[i], variance[i], lower[i], upper[i]));
        }
        return out;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof CumulativeIncidenceCurve c && group.equals(c.group)
                && Double.compare(cause, c.cause) == 0 && n == c.n && events == c.events
                && Double.compare(lastTime, c.lastTime) == 0 && confType == c.confType
                && Double.compare(confLevel, c.confLevel) == 0 && Arrays.equals(time, c.time)
                && Arrays.equals(nRisk, c.nRisk) && Arrays.equals(nEvent, c.nEvent) && Arrays.equals(cif, c.cif)
                && Arrays.equals(variance, c.variance) && Arrays.equals(lower, c.lower)
                && Arrays.equals(upper, c.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, cause, n, events, Arrays.hashCode(time), Arrays.hashCode(cif));
    }

    @Override
    public String toString() {
        return "CumulativeIncidenceCurve[group=" + group + ", cause=" + cause + ", n=" + n + ", events=" + events
                + ", rows=" + time.length + "]";
    }
}

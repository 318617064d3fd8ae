package org.survkit.stats.reconstruct;

import java.util.ArrayList;
import java.util.List;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.Columns;

/**
 * Reconstruction of individual patient data (IPD) from a published Kaplan–Meier curve: digitized
 * (time, survival) coordinates plus the numbers at risk printed under the figure, by the algorithm of
 * Guyot, Ades, Ouwens &amp; Welton, "Enhanced secondary analysis of survival data: reconstructing the data
 * from published Kaplan–Meier survival curves", BMC Medical Research Methodology 2012;12:9.
 *
 * <pre>
 * ReconstructedIpd ipd = IpdReconstruction.withDefaults().reconstruct(curveTime, curveSurvival, riskTime, nRisk);
 * SurvivalCurve again = KaplanMeier.withDefaults().fit(ipd.time(), ipd.event());
 * </pre>
 *
 * <p>The algorithm. Let t<sub>k</sub>, S<sub>k</sub> (k = 1 … K) be the prepared points
 * ({@link DigitizedCurve#prepare}; a point is added at each risk-table time so that every interval
 * starts with one), and n<sub>i</sub> the published number at risk at time τ<sub>i</sub>
 * (i = 1 … m, τ<sub>1</sub> = 0). For each interval [τ<sub>i</sub>, τ<sub>i+1</sub>), with points
 * lower<sub>i</sub> … upper<sub>i</sub>:
 * <ol>
 * <li>first guess of the censored:
 * c = round(n<sub>i</sub> S(τ<sub>i+1</sub>)/S(τ<sub>i</sub>) − n<sub>i+1</sub>);</li>
 * <li>spread c censoring times evenly over the interval,
 * τ<sub>i</sub> + j (τ<sub>i+1</sub> − τ<sub>i</sub>)/(c + 1), j = 1 … c, and count them between
 * consecutive points: cen<sub>k</sub>;</li>
 * <li>from n̂<sub>lower</sub> = n<sub>i</sub>, walk the points:
 * d<sub>k</sub> = round(n̂<sub>k</sub> (1 − S<sub>k</sub>/Ŝ<sub>last</sub>)),
 * Ŝ<sub>k</sub> = Ŝ<sub>last</sub> (1 − d<sub>k</sub>/n̂<sub>k</sub>),
 * n̂<sub>k+1</sub> = n̂<sub>k</sub> − d<sub>k</sub> − cen<sub>k</sub>,
 * where "last" is the last point with an event (so rounding errors do not accumulate);</li>
 * <li>c ← c + (n̂(τ<sub>i+1</sub>) − n<sub>i+1</sub>) and repeat 2–3 until the reconstructed number at risk
 * equals the published one (or is below it with no censoring left: then the published number is
 * replaced by the reconstructed one and a warning says so).</li>
 * </ol>
 * In the last interval nothing is known about censoring: it is assumed to continue at the average rate of
 * the earlier intervals, c = round(Σc<sub>i</sub> · (t<sub>K</sub> − τ<sub>m</sub>)/(t<sub>upper,m−1</sub> − 0)),
 * at most n<sub>m</sub>; with the reported total number of events D ({@code totalEvents}) c is instead
 * adjusted, c ← c + (Σd − D), until the reconstruction has D events. Each event becomes a patient with an
 * event at t<sub>k</sub>, each censoring one censored at the midpoint (t<sub>k</sub> + t<sub>k+1</sub>)/2, and
 * the patients still at risk at the end are censored at the last point's time. R's {@code round} (half to
 * even) is used throughout.
 *
 * <p>Accuracy: Guyot et al. reproduced published medians, survival probabilities and hazard ratios within a
 * few percent; survkit's round trips on R's {@code lung}, {@code gbsg} and {@code veteran} (README,
 * "Reconstructing patient data") show what to expect. The reconstruction is only as good as the digitizing:
 * read every step, both corners, and all the numbers at risk.
 *
 * <p>Edge cases: a curve that falls to 0 leaves no one at risk; a single risk time (τ = 0 only) gives no
 * information on censoring, which is then assumed absent (a warning) unless the total events is given;
 * a risk time beyond the last digitized point, risk times not increasing from 0, numbers at risk that
 * increase or a total beyond the number of patients are errors. Deviations from the published R code, only
 * where it fails: see {@link GuyotAlgorithm}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class IpdReconstruction {
    private static final IpdReconstruction DEFAULTS = new IpdReconstruction(0.01, 0.02);

    private final double timeNoise;
    private final double survivalNoise;

    private IpdReconstruction(double timeNoise, double survivalNoise) {
        this.timeNoise = timeNoise;
        this.survivalNoise = survivalNoise;
    }

    /**
     * Noise tolerances of 1% of the curve's time range and 0.02 (two percentage points) of survival, a
     * little more than a careful digitizer's reading error on a printed figure.
     */
    public static IpdReconstruction withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with other digitizing-noise tolerances.
     *
     * @param timeFraction time noise as a fraction of the largest digitized time, in [0, 1)
     * @param survival     survival noise as a proportion, in [0, 1)
     */
    public IpdReconstruction withNoiseTolerance(double timeFraction, double survival) {
        if (!(timeFraction >= 0 && timeFraction < 1) || !(survival >= 0 && survival < 1)) {
            throw new IllegalArgumentException("noise tolerances must be in [0, 1), got " + timeFraction + " and "
                    + survival);
        }
        return new IpdReconstruction(timeFraction, survival);
    }

    /** Time noise as a fraction of the largest digitized time. */
    public double timeNoise() {
        return timeNoise;
    }

    /** Survival noise, as a proportion. */
    public double survivalNoise() {
        return survivalNoise;
    }

    /** The absolute time tolerance for these points: {@link #timeNoise()} × the largest time. */
    public double timeTolerance(double[] curveTime) {
        double max = 0;
        for (double x : curveTime) {
            if (Double.isFinite(x)) {
                max = Math.max(max, x);
            }
        }
        return timeNoise * max;
    }

    /** The first clear rise in the digitized points at these tolerances ({@link DigitizedCurve#risingPoint}). */
    public java.util.Optional<DigitizedCurve.RisingPoint> risingPoint(double[] curveTime, double[] curveSurvival) {
        return DigitizedCurve.risingPoint(curveTime, curveSurvival, timeTolerance(curveTime), survivalNoise);
    }

    /** Prepares digitized points at these tolerances ({@link DigitizedCurve#prepare}). */
    public DigitizedCurve prepare(double[] curveTime, double[] curveSurvival) {
        return DigitizedCurve.prepare(curveTime, curveSurvival, timeTolerance(curveTime), survivalNoise);
    }

    /** Reconstructs without a reported total number of events. */
    public ReconstructedIpd reconstruct(double[] curveTime, double[] curveSurvival, double[] riskTime, int[] nRisk) {
        return reconstruct(curveTime, curveSurvival, riskTime, nRisk, -1);
    }

    /**
     * Reconstructs the patients of one curve.
     *
     * @param curveTime     digitized times (any order)
     * @param curveSurvival digitized survival as proportions in [0, 1]
     * @param riskTime      risk-table times, increasing, the first 0, none beyond the last digitized time
     * @param nRisk         published numbers at risk, non-increasing, the first &gt; 0
     * @param totalEvents   the reported total number of events, or −1 if not reported
     * @throws IllegalArgumentException for input that breaks these rules
     */
    public ReconstructedIpd reconstruct(double[] curveTime, double[] curveSurvival, double[] riskTime, int[] nRisk,
            int totalEvents) {
        Columns.requireSameLength("a risk table", riskTime.length, nRisk.length);
        DigitizedCurve prepared = prepare(curveTime, curveSurvival);
        checkRiskTable(prepared, riskTime, nRisk, totalEvents);
        DigitizedCurve curve = prepared.withPointsAt(riskTime);
        double[] t = curve.time();
        double[] s = curve.survival();
        int m = riskTime.length;
        int[] lower = new int[m];
        int[] upper = new int[m];
        for (int i = 0, k = 0; i < m; i++) {
            while (t[k] < riskTime[i]) {
                k++;
            }
            lower[i] = k;
        }
        for (int i = 0; i < m - 1; i++) {
            upper[i] = lower[i + 1] - 1;
        }
        upper[m - 1] = t.length - 1;
        GuyotAlgorithm g = GuyotAlgorithm.run(t, s, riskTime, lower, upper, nRisk, totalEvents);
        return patients(curve, g, riskTime, nRisk, totalEvents);
    }

    private void checkRiskTable(DigitizedCurve curve, double[] riskTime, int[] nRisk, int totalEvents) {
        int m = riskTime.length;
        if (m == 0) {
            throw new IllegalArgumentException("the risk table is empty: give at least the number at risk at time 0");
        }
        if (riskTime[0] != 0) {
            throw new IllegalArgumentException("the risk table must start at time 0 (the number of patients), got "
                    + riskTime[0]);
        }
        if (nRisk[0] <= 0) {
            throw new IllegalArgumentException("the number at risk at time 0 must be positive, got " + nRisk[0]);
        }
        for (int i = 1; i < m; i++) {
            if (!(riskTime[i] > riskTime[i - 1])) {
                throw new IllegalArgumentException("risk-table times must increase: " + riskTime[i] + " follows "
                        + riskTime[i - 1]);
            }
            if (nRisk[i] < 0 || nRisk[i] > nRisk[i - 1]) {
                throw new IllegalArgumentException("numbers at risk cannot increase: " + nRisk[i] + " at time "
                        + riskTime[i] + " after " + nRisk[i - 1] + " at time " + riskTime[i - 1]);
            }
        }
        if (riskTime[m - 1] > curve.maxTime()) {
            throw new IllegalArgumentException("risk-table time " + riskTime[m - 1] + " is beyond the last digitized"
                    + " point (time " + curve.maxTime() + ")");
        }
        if (totalEvents < -1 || totalEvents > nRisk[0]) {
            throw new IllegalArgumentException("the total number of events must be between 0 and the " + nRisk[0]
                    + " patients, got " + totalEvents);
        }
    }

    private static ReconstructedIpd patients(DigitizedCurve curve, GuyotAlgorithm g, double[] riskTime,
            int[] nRisk, int totalEvents) {
        double[] t = curve.time();
        int nk = t.length;
        int n = nRisk[0];
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        int p = 0;
        int[] nHat = new int[nk];
        for (int k = 0; k < nk; k++) {
            nHat[k] = n - p;
            for (int j = 0; j < g.d[k]; j++) {
                time[p] = t[k];
                event[p++] = true;
            }
            for (int j = 0; j < g.cen[k]; j++) {
                time[p] = k + 1 < nk ? (t[k] + t[k + 1]) / 2 : t[k];
                event[p++] = false;
            }
        }
        if (p > n) {
            throw new IllegalStateException("reconstruction placed " + p + " patients of " + n);
        }
        while (p < n) {
            time[p++] = t[nk - 1];
        }
        // events then censorings, each in time order; merge into one time order (events first at a tie)
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(time[a], time[b]);
            return c != 0 ? c : Boolean.compare(event[b], event[a]);
        });
        double[] st = new double[n];
        boolean[] se = new boolean[n];
        for (int i = 0; i < n; i++) {
            st[i] = time[order[i]];
            se[i] = event[order[i]];
        }
        int[] reconstructed = new int[riskTime.length];
        for (int i = 0; i < riskTime.length; i++) {
            int c = 0;
            for (double x : st) {
                if (x >= riskTime[i]) {
                    c++;
                }
            }
            reconstructed[i] = c;
        }
        // the per-point table: patients at risk just before each point's events
        int[] cen = g.cen.clone();
        List<Diagnostic> diagnostics = new ArrayList<>(curve.diagnostics());
        diagnostics.addAll(g.diagnostics);
        int worst = 0;
        int worstAt = -1;
        for (int i = 0; i < riskTime.length; i++) {
            int gap = Math.abs(reconstructed[i] - nRisk[i]);
            if (gap > worst) {
                worst = gap;
                worstAt = i;
            }
        }
        if (worstAt >= 0 && g.diagnostics.stream().noneMatch(x -> x.code().equals("risk-not-matched"))) {
            diagnostics.add(Diagnostic.note("risk-table-difference", "the reconstructed numbers at risk differ from"
                    + " the published ones by up to " + worst + " (at time "
                    + DigitizedCurve.compact(riskTime[worstAt], 6) + ": " + reconstructed[worstAt] + " vs "
                    + nRisk[worstAt] + "), because"
                    + " censored patients are placed midway between digitized points."));
        }
        return new ReconstructedIpd(st, se, curve, nHat, g.d.clone(), cen, riskTime, nRisk, reconstructed,
                totalEvents, diagnostics);
    }

    @Override
    public String toString() {
        return "IpdReconstruction[timeNoise=" + timeNoise + ", survivalNoise=" + survivalNoise + "]";
    }
}

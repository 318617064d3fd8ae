package org.survkit.stats.reconstruct;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.Columns;

/**
 * Individual patient data reconstructed from a digitized Kaplan–Meier curve and its numbers at risk
 * ({@link IpdReconstruction}): one (time, event) pair per patient, the per-point event table the
 * algorithm built, and the published numbers at risk next to the reconstructed ones.
 *
 * <p>Arrays are copied on the way in and out.
 *
 * @param time               one follow-up time per patient, sorted (events before censorings at a tie)
 * @param event              true for an event, false for a censoring
 * @param curve              the prepared digitized curve the algorithm ran on (with the points added at
 *                           the risk-table times)
 * @param nRisk              at each point of {@code curve}: reconstructed number at risk
 * @param nEvent             at each point: reconstructed events, placed at the point's time
 * @param nCensor            at each point k: censorings placed at the midpoint of (t<sub>k</sub>, t<sub>k+1</sub>)
 * @param riskTime           the risk-table times used
 * @param publishedRisk      the published numbers at risk at those times
 * @param reconstructedRisk  patients of the reconstruction with time ≥ the risk time (events and
 *                           censorings at the time included), to set against the published numbers
 * @param totalEvents        the reported total number of events used, −1 if none was given
 * @param diagnostics        caveats: published numbers that could not be matched, the censoring
 *                           assumption in the last interval, preparation of the points
 */
public record ReconstructedIpd(double[] time, boolean[] event, DigitizedCurve curve, int[] nRisk, int[] nEvent,
        int[] nCensor, double[] riskTime, int[] publishedRisk, int[] reconstructedRisk, int totalEvents,
        List<Diagnostic> diagnostics) {

    public ReconstructedIpd {
        Objects.requireNonNull(curve, "curve");
        time = time.clone();
        event = event.clone();
        nRisk = nRisk.clone();
        nEvent = nEvent.clone();
        nCensor = nCensor.clone();
        riskTime = riskTime.clone();
        publishedRisk = publishedRisk.clone();
        reconstructedRisk = reconstructedRisk.clone();
        diagnostics = List.copyOf(Objects.requireNonNull(diagnostics, "diagnostics"));
        Columns.requireSameLength("reconstructed patients", time.length, event.length);
        Columns.requireSameLength("a reconstructed event table", curve.size(), nRisk.length, nEvent.length,
                nCensor.length);
        Columns.requireSameLength("a risk table", riskTime.length, publishedRisk.length, reconstructedRisk.length);
    }

    /** Number of reconstructed patients (the number at risk at time 0). */
    public int n() {
        return time.length;
    }

    /** Number of reconstructed events. */
    public int events() {
        int e = 0;
        for (boolean b : event) {
            if (b) {
                e++;
            }
        }
        return e;
    }

    /** Number of reconstructed censorings (including those still at risk at the end of the curve). */
    public int censored() {
        return n() - events();
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public boolean[] event() {
        return event.clone();
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
    public int[] nCensor() {
        return nCensor.clone();
    }

    @Override
    public double[] riskTime() {
        return riskTime.clone();
    }

    @Override
    public int[] publishedRisk() {
        return publishedRisk.clone();
    }

    @Override
    public int[] reconstructedRisk() {
        return reconstructedRisk.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReconstructedIpd r && Arrays.equals(time, r.time) && Arrays.equals(event, r.event)
                && curve.equals(r.curve) && Arrays.equals(nRisk, r.nRisk) && Arrays.equals(nEvent, r.nEvent)
                && Arrays.equals(nCensor, r.nCensor) && Arrays.equals(riskTime, r.riskTime)
                && Arrays.equals(publishedRisk, r.publishedRisk)
                && Arrays.equals(reconstructedRisk, r.reconstructedRisk)
                && totalEvents == r.totalEvents && diagnostics.equals(r.diagnostics);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(time) * 31 + Arrays.hashCode(event);
    }

    @Override
    public String toString() {
        return "ReconstructedIpd[n=" + n() + ", events=" + events() + ", censored=" + censored() + "]";
    }
}

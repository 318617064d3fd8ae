package org.survkit.stats.reconstruct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.survkit.stats.Diagnostic;

/**
 * The workhorse of {@link IpdReconstruction}: the iterative algorithm of Guyot, Ades, Ouwens &amp; Welton
 * (2012, BMC Med Res Methodol 12:9, "Reconstructing the data", and the R code of its Additional file 1),
 * on prepared arrays without checks. Indices are 0-based; otherwise the steps, their order and R's
 * {@code round} (half to even: {@link Math#rint}) are the published code's, so that a case the published
 * code handles gives the same counts (checked against a transcription of it in
 * {@code reference/guyot/guyot2012.R}).
 *
 * <p>Where the published code fails or produces impossible counts, this class keeps going (each marked
 * "deviation" below): at a number at risk of 0 no events are computed (R divides by 0); the last
 * interval's censoring rate uses the censorings actually placed (R may sum a negative remainder); an
 * adjustment that cycles stops at the best count seen instead of looping forever; bins of zero width
 * (points at equal times, which R's {@code hist} rejects) receive no censoring.
 */
final class GuyotAlgorithm {
    /** Guard against a runaway adjustment loop; each pass changes the censoring count by at least 1. */
    private static final int MAX_PASSES = 100_000;

    private final double[] t;
    private final double[] s;
    private final int[] lower;
    private final int[] upper;
    private final double[] riskTime;
    private final int totalEvents;

    final int[] nRisk;
    final int[] nHat;
    final int[] d;
    final int[] cen;
    final double[] kmHat;
    final List<Diagnostic> diagnostics = new ArrayList<>();

    private GuyotAlgorithm(double[] t, double[] s, double[] riskTime, int[] lower, int[] upper, int[] nRisk,
            int totalEvents) {
        this.t = t;
        this.s = s;
        this.riskTime = riskTime;
        this.lower = lower;
        this.upper = upper;
        this.nRisk = nRisk.clone();
        this.totalEvents = totalEvents;
        int nk = t.length;
        nHat = new int[nk + 1];
        java.util.Arrays.fill(nHat, nRisk[0] + 1);
        d = new int[nk];
        cen = new int[nk];
        kmHat = new double[nk];
        java.util.Arrays.fill(kmHat, 1);
    }

    /**
     * Runs the algorithm.
     *
     * @param t           point times, non-decreasing, t[0] = 0
     * @param s           point survival, non-increasing, s[0] = 1
     * @param riskTime    risk-table times (for messages)
     * @param lower       per interval i, the first point with t ≥ riskTime[i]
     * @param upper       per interval i, the last point before riskTime[i + 1] (the last point for the last)
     * @param nRisk       published numbers at risk, non-increasing
     * @param totalEvents reported total events, or −1
     */
    static GuyotAlgorithm run(double[] t, double[] s, double[] riskTime, int[] lower, int[] upper, int[] nRisk,
            int totalEvents) {
        GuyotAlgorithm g = new GuyotAlgorithm(t, s, riskTime, lower, upper, nRisk, totalEvents);
        g.run();
        return g;
    }

    private void run() {
        int nint = lower.length;
        int[] nCensor = new int[nint];
        int[] lastI = new int[nint];
        for (int i = 0; i < nint - 1; i++) {
            int lo = lower[i];
            int next = lower[i + 1];
            int target = nRisk[i + 1];
            int c = s[lo] > 0 ? (int) Math.rint(nRisk[i] * s[next] / s[lo] - target) : nRisk[i] - target;
            Map<Integer, Integer> seen = new HashMap<>();
            int last = lastI[i];
            int passes = 0;
            while (nHat[next] > target || (nHat[next] < target && c > 0)) {
                if (c <= 0) {
                    c = 0;
                }
                if (seen.containsKey(c) || ++passes > MAX_PASSES) {
                    // deviation: the published loop would cycle forever; settle on the closest count seen
                    int best = closest(seen);
                    last = interval(i, best, lastI[i]);
                    c = best;
                    diagnostics.add(Diagnostic.warning("censoring-oscillates", "between times " + num(riskTime[i])
                            + " and " + num(riskTime[i + 1]) + " the censoring count could not be adjusted to match"
                            + " the published " + target + " at risk exactly; " + nHat[next]
                            + " are at risk in the reconstruction. Check the digitized points near these times."));
                    break;
                }
                last = interval(i, c, lastI[i]);
                seen.put(c, nHat[next] - target);
                c = c + (nHat[next] - target);
            }
            // deviation: R keeps c, which can be negative here; the censorings actually placed are used
            int placed = 0;
            for (int k = lo; k <= upper[i]; k++) {
                placed += cen[k];
            }
            nCensor[i] = placed;
            if (nHat[next] < nRisk[i + 1]) {
                diagnostics.add(Diagnostic.warning("risk-not-matched", "the curve falls more between times "
                        + num(riskTime[i]) + " and " + num(riskTime[i + 1]) + " than " + nRisk[i] + " at risk can"
                        + " give with " + nRisk[i + 1] + " still at risk at " + num(riskTime[i + 1]) + ": the"
                        + " reconstruction has " + nHat[next] + " at risk there and continues from that number."
                        + " Check the numbers at risk and the digitized points of this interval."));
                nRisk[i + 1] = nHat[next];
            }
            lastI[i + 1] = last;
        }
        lastInterval(nCensor, lastI);
    }

    private static int closest(Map<Integer, Integer> seen) {
        int best = -1;
        int bestGap = Integer.MAX_VALUE;
        for (Map.Entry<Integer, Integer> e : seen.entrySet()) {
            int gap = Math.abs(e.getValue());
            // prefer a reconstruction that keeps at least the published number at risk
            int key = 2 * gap + (e.getValue() < 0 ? 1 : 0);
            if (key < bestGap || (key == bestGap && e.getKey() < best)) {
                bestGap = key;
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * One pass over interval i (not the last) with c censorings, starting from the last event before it
     * ({@code last.i} in the published code); returns the index of the last event.
     */
    private int interval(int i, int c, int startLast) {
        int lo = lower[i];
        int up = upper[i];
        spread(c, lo, lower[i + 1], up);
        nHat[lo] = nRisk[i];
        int last = startLast;
        for (int k = lo; k <= up; k++) {
            if (i == 0 && k == lo) {
                d[k] = 0;
                kmHat[k] = 1;
            } else {
                events(k, last);
            }
            nHat[k + 1] = nHat[k] - d[k] - cen[k];
            if (d[k] != 0) {
                last = k;
            }
        }
        return last;
    }

    /** d[k] and KM-hat[k] from the number at risk at k and the last reconstructed survival. */
    private void events(int k, int last) {
        if (nHat[k] <= 0 || kmHat[last] == 0) {
            // deviation: R divides by a zero number at risk here
            d[k] = 0;
            kmHat[k] = kmHat[last];
            return;
        }
        d[k] = (int) Math.rint(nHat[k] * (1 - s[k] / kmHat[last]));
        kmHat[k] = kmHat[last] * (1 - (double) d[k] / nHat[k]);
    }

    private void lastInterval(int[] nCensor, int[] lastI) {
        int nint = lower.length;
        int li = nint - 1;
        int lo = lower[li];
        int up = upper[li];
        if (nint > 1) {
            int sum = 0;
            for (int i = 0; i < nint - 1; i++) {
                sum += nCensor[i];
            }
            double span = t[upper[nint - 2]] - t[lower[0]];
            if (!(span > 0)) {
                span = t[lo] - t[lower[0]];
            }
            nCensor[li] = (int) Math.min(Math.rint(sum * (t[up] - t[lo]) / span), nRisk[li]);
            diagnostics.add(Diagnostic.note("last-interval-censoring", "after the last risk-table time ("
                    + num(riskTime[li]) + ") censoring is assumed to continue at the average rate of the earlier"
                    + " intervals (Guyot et al. 2012)" + (totalEvents >= 0 ? ", then adjusted to the reported total"
                    + " of " + totalEvents + " events" : "; give the reported total number of events to pin it"
                    + " down") + "."));
        } else {
            nCensor[li] = 0;
            if (totalEvents < 0) {
                diagnostics.add(Diagnostic.warning("no-censoring-information", "with a single number at risk"
                        + " (at time " + num(riskTime[0]) + ") nothing tells when patients were censored: the"
                        + " reconstruction assumes no censoring before the end of the curve. Give the numbers at"
                        + " risk at later times, or the reported total number of events."));
            }
        }
        int startLast = lastI[li];
        lastPass(nCensor[li], lo, up, startLast, true);
        if (totalEvents < 0) {
            return;
        }
        int sumdL = 0;
        if (nint > 1) {
            for (int k = 0; k <= upper[nint - 2]; k++) {
                sumdL += d[k];
            }
            if (sumdL >= totalEvents) {
                for (int k = lo; k <= up; k++) {
                    d[k] = 0;
                    cen[k] = 0;
                    nHat[k + 1] = nRisk[li];
                }
            }
        }
        if (sumdL < totalEvents || nint == 1) {
            int c = nCensor[li];
            int sumd = sumEvents(up);
            Map<Integer, Integer> seen = new HashMap<>();
            int passes = 0;
            while (sumd > totalEvents || (sumd < totalEvents && c > 0)) {
                c = c + (sumd - totalEvents);
                if (c <= 0) {
                    c = 0;
                }
                if (seen.containsKey(c) || ++passes > MAX_PASSES) {
                    c = closest(seen);
                    lastPass(c, lo, up, startLast, false);
                    sumd = sumEvents(up);
                    break;
                }
                lastPass(c, lo, up, startLast, false);
                sumd = sumEvents(up);
                seen.put(c, totalEvents - sumd);
            }
        }
        int e = sumEvents(up);
        if (e != totalEvents) {
            diagnostics.add(Diagnostic.warning("total-events-not-matched", "the reported total of " + totalEvents
                    + " events could not be matched: the reconstruction has " + e + " events ("
                    + (e > totalEvents ? "the events before the last risk-table time already exceed it"
                    : "even without censoring in the last interval the curve's fall gives fewer")
                    + "). Check the total and the last part of the digitized curve."));
        }
    }

    private int sumEvents(int up) {
        int e = 0;
        for (int k = 0; k <= up; k++) {
            e += d[k];
        }
        return e;
    }

    /**
     * One pass over the last interval with c censorings spread over (t[lo], t[up]). The first pass (as the
     * published code's main pass) updates the number at risk after the last point; the total-events passes
     * do not, as in the published code.
     */
    private void lastPass(int c, int lo, int up, int startLast, boolean first) {
        spread(c, lo, up, up - 1);
        nHat[lo] = nRisk[lower.length - 1];
        int last = startLast;
        for (int k = lo; k <= up; k++) {
            events(k, last);
            if (first || k != up) {
                nHat[k + 1] = nHat[k] - d[k] - cen[k];
                if (nHat[k + 1] < 0) {
                    nHat[k + 1] = 0;
                    cen[k] = nHat[k] - d[k];
                }
            }
            if (d[k] != 0) {
                last = k;
            }
        }
    }

    /**
     * Spreads c censoring times evenly over (t[lo], t[end]): the j-th at t[lo] + j (t[end] − t[lo])/(c + 1),
     * counted into the bins (t[k], t[k+1]], k = lo … last, as R's {@code hist(right = TRUE,
     * include.lowest = TRUE)} counts them, with its fuzz of 10⁻⁷ times the median bin width.
     */
    private void spread(int c, int lo, int end, int lastBin) {
        for (int k = lo; k <= lastBin; k++) {
            cen[k] = 0;
        }
        if (c <= 0 || lastBin < lo) {
            return;
        }
        int nb = end - lo + 1;
        double a = t[lo];
        double b = t[end];
        double diddle;
        if (nb > 5) {
            double[] h = new double[nb - 1];
            for (int k = 0; k < h.length; k++) {
                h[k] = t[lo + k + 1] - t[lo + k];
            }
            java.util.Arrays.sort(h);
            diddle = 1e-7 * (h.length % 2 == 1 ? h[h.length / 2] : (h[h.length / 2 - 1] + h[h.length / 2]) / 2);
        } else if (nb <= 3) {
            double first = a + (b - a) / (c + 1);
            double lastTime = a + c * (b - a) / (c + 1);
            diddle = 1e-7 * (lastTime - first);
        } else {
            double min = Double.POSITIVE_INFINITY;
            for (int k = lo; k < end; k++) {
                double h = t[k + 1] - t[k];
                if (h > 0) {
                    min = Math.min(min, h);
                }
            }
            diddle = 1e-7 * min;
        }
        int k = lo;
        for (int j = 1; j <= c; j++) {
            double x = a + j * (b - a) / (c + 1);
            // bin k holds (t[k] + fuzz, t[k+1] + fuzz]; the first bin starts at t[lo] − fuzz
            while (k < lastBin && x > t[k + 1] + diddle) {
                k++;
            }
            cen[k]++;
        }
    }

    private static String num(double x) {
        return DigitizedCurve.compact(x, 6);
    }
}

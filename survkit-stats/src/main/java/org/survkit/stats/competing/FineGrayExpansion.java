package org.survkit.stats.competing;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The weighted (start, stop] data of a Fine–Gray model with delayed entry, as R survival's
 * {@code finegray(Surv(start, stop, event) ~ .)} builds them (Geskus, <i>Biometrics</i> 2011;67:39–49): a
 * weighted Cox model of the cause of interest on these rows is the Fine–Gray model.
 *
 * <p>Subjects who fail from a competing cause at T stay in the risk set after T with weight
 * W(t)/W(T), W = Ĝ·Ĥ the product of
 * <ul>
 * <li>Ĝ(t) = Π<sub>c ≤ t</sub> (1 − C(c)/Y(c)), the Kaplan–Meier estimate of the censoring distribution
 * on the (start, stop] data, C(c) the censorings at c and Y(c) the number with start &lt; c ≤ stop (an event at c
 * precedes a censoring at c, so it is not counted), and</li>
 * <li>Ĥ(t) = Π<sub>s &gt; t</sub> (1 − E(s)/Y'(s)), the reverse-time Kaplan–Meier estimate of the entry
 * (truncation) distribution, E(s) the entries at s and Y'(s) the number with start ≤ s &lt; stop; Ĥ ≡ 1
 * when no one enters after the first exit time (no delayed entry: then this is the Fine–Gray model of crr).</li>
 * </ul>
 * W is a step function that changes at the censoring and entry times c₁ &lt; … &lt; c_K; after the last
 * exit time nothing is at risk. With the cut points c₁ … c_K and the largest exit time, interval k is
 * (c<sub>k−1</sub>, c<sub>k</sub>] (the first from −∞) and carries the weight p<sub>k</sub> = W(c<sub>k−1</sub>)
 * (p₁ = 1). A competing failure at T in interval j keeps its row, extended to c<sub>j</sub> with weight 1,
 * plus one row (c<sub>k−1</sub>, c<sub>k</sub>] with weight p<sub>k</sub>/p<sub>j</sub> for every later interval
 * k that holds an event time of the cause of interest (other intervals change no risk set of the model and
 * are left out, as R does, so that the rows — and the row-wise robust variance — are R's). Every other
 * subject keeps its row with weight 1, event 1 for the cause of interest and 0 otherwise.
 */
final class FineGrayExpansion {
    final double[] start;
    final double[] stop;
    final boolean[] event;
    final double[] weight;
    /** The input row of each expanded row. */
    final int[] row;

    private FineGrayExpansion(double[] start, double[] stop, boolean[] event, double[] weight, int[] row) {
        this.start = start;
        this.stop = stop;
        this.event = event;
        this.weight = weight;
        this.row = row;
    }

    /**
     * @param start entry times (start &lt; stop)
     * @param stop  exit times
     * @param kind  0 censored, 1 the cause of interest, 2 a competing cause
     */
    static FineGrayExpansion of(double[] start, double[] stop, byte[] kind) {
        int n = stop.length;
        double minStop = Double.POSITIVE_INFINITY;
        double maxStop = Double.NEGATIVE_INFINITY;
        for (double s : stop) {
            minStop = Math.min(minStop, s);
            maxStop = Math.max(maxStop, s);
        }
        boolean delay = false;
        for (double s : start) {
            delay |= s > minStop;
        }
        // censoring Kaplan–Meier Ĝ at each censoring time
        TreeSet<Double> censorTimes = new TreeSet<>();
        TreeSet<Double> causeTimes = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            if (kind[i] == 0) {
                censorTimes.add(stop[i]);
            } else if (kind[i] == 1) {
                causeTimes.add(stop[i]);
            }
        }
        TreeMap<Double, Double> g = new TreeMap<>();
        double surv = 1;
        for (double c : censorTimes) {
            int atRisk = 0;
            int censored = 0;
            for (int i = 0; i < n; i++) {
                if (start[i] < c && (stop[i] > c || stop[i] == c && kind[i] == 0)) {
                    atRisk++;
                    censored += stop[i] == c && kind[i] == 0 ? 1 : 0;
                }
            }
            surv *= 1 - (double) censored / atRisk;
            g.put(c, surv);
        }
        // entry distribution Ĥ(t) = Π_{s > t} (1 − E(s)/Y'(s)) at each entry time t
        TreeMap<Double, Double> h = new TreeMap<>();
        TreeSet<Double> cuts = new TreeSet<>(censorTimes);
        if (delay) {
            TreeSet<Double> entries = new TreeSet<>();
            for (double s : start) {
                entries.add(s);
            }
            double prod = 1;
            for (double s : entries.descendingSet()) {
                h.put(s, prod); // product over entry times strictly after s
                int atRisk = 0;
                int entering = 0;
                for (int i = 0; i < n; i++) {
                    if (start[i] <= s && s < stop[i]) {
                        atRisk++;
                        entering += start[i] == s ? 1 : 0;
                    }
                }
                prod *= 1 - (double) entering / atRisk;
            }
            cuts.addAll(entries);
        }
        // interval bounds c_1..c_K (and the largest exit time) and their weights p_k = W(c_{k-1})
        double[] bound = new double[cuts.size() + 1];
        int k = 0;
        for (double c : cuts) {
            bound[k++] = c;
        }
        int intervals = k;
        if (k == 0 || bound[k - 1] < maxStop) {
            bound[intervals++] = maxStop;
        }
        bound = Arrays.copyOf(bound, intervals);
        double[] p = new double[intervals];
        boolean[] keep = new boolean[intervals];
        p[0] = 1;
        keep[0] = true;
        for (int j = 1; j < intervals; j++) {
            double t = bound[j - 1];
            Double gt = g.floorKey(t) == null ? null : g.floorEntry(t).getValue();
            double w = gt == null ? 1 : gt;
            if (delay) {
                w *= h.floorEntry(t).getValue(); // the first cut is at or after the first entry
            }
            p[j] = w;
        }
        for (double t : causeTimes) {
            keep[intervalOf(bound, t)] = true;
        }
        int cap = n + 16;
        double[] st = new double[cap];
        double[] sp = new double[cap];
        boolean[] ev = new boolean[cap];
        double[] wt = new double[cap];
        int[] rw = new int[cap];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int j = kind[i] == 2 ? intervalOf(bound, stop[i]) : -1;
            int extra = 0;
            if (j >= 0 && p[j] > 0) {
                for (int q = j + 1; q < intervals; q++) {
                    extra += keep[q] ? 1 : 0;
                }
            }
            if (m + 1 + extra > st.length) {
                int len = Math.max(2 * st.length, m + 1 + extra);
                st = Arrays.copyOf(st, len);
                sp = Arrays.copyOf(sp, len);
                ev = Arrays.copyOf(ev, len);
                wt = Arrays.copyOf(wt, len);
                rw = Arrays.copyOf(rw, len);
            }
            st[m] = start[i];
            sp[m] = j >= 0 ? bound[j] : stop[i];
            ev[m] = kind[i] == 1;
            wt[m] = 1;
            rw[m++] = i;
            if (extra > 0) {
                for (int q = j + 1; q < intervals; q++) {
                    if (keep[q]) {
                        st[m] = bound[q - 1];
                        sp[m] = bound[q];
                        wt[m] = p[q] / p[j];
                        rw[m++] = i;
                    }
                }
            }
        }
        return new FineGrayExpansion(Arrays.copyOf(st, m), Arrays.copyOf(sp, m), Arrays.copyOf(ev, m),
                Arrays.copyOf(wt, m), Arrays.copyOf(rw, m));
    }

    /** The interval k with bound[k−1] &lt; t ≤ bound[k] (the last one for t beyond every bound). */
    private static int intervalOf(double[] bound, double t) {
        int lo = 0;
        int hi = bound.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bound[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int size() {
        return stop.length;
    }
}

package org.survkit.stats.baseline;

import java.util.List;

/**
 * Standardized differences of one variable across k ≥ 2 groups: every pair (i &lt; j, in group
 * order) and their maximum and mean. NaN pairs (undefined SMD, e.g. an empty group) make the
 * maximum and mean NaN as well.
 *
 * @param pairs the k(k − 1)/2 pairwise values
 * @param max   the largest pairwise value
 * @param mean  the mean of the pairwise values (tableone's "average")
 */
public record StandardizedDifference(List<PairwiseSmd> pairs, double max, double mean) {

    public StandardizedDifference {
        pairs = List.copyOf(pairs);
    }

    /** The summary the chosen rule reports. */
    public double value(SmdSummary summary) {
        return summary == SmdSummary.MEAN ? mean : max;
    }

    static StandardizedDifference of(List<PairwiseSmd> pairs) {
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        boolean nan = pairs.isEmpty();
        for (PairwiseSmd p : pairs) {
            if (Double.isNaN(p.smd())) {
                nan = true;
            }
            max = Math.max(max, p.smd());
            sum += p.smd();
        }
        return nan ? new StandardizedDifference(pairs, Double.NaN, Double.NaN)
                : new StandardizedDifference(pairs, max, sum / pairs.size());
    }
}

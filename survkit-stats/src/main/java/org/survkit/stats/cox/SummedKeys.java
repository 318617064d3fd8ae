package org.survkit.stats.cox;

import org.survkit.stats.internal.RankedTimes;

/**
 * Sums collected per (stratum, time) key (possibly repeated, in any order), grouped for a walk over the risk sets:
 * keys by stratum, then by decreasing time, near-equal times merged as R's timefix (over the keys' pooled distinct
 * times, as {@link CoxRiskSets} ranks rows), the keys of one (stratum, merged time) adjacent in their given order.
 * The one grouping of the walks over collected sums: the Cox likelihood ({@link RiskSetWalk#walk}), the score
 * residuals' per-time terms ({@link CoxScoreTerms}) and Firth's likelihood ({@link SummedFirthLikelihood}).
 */
final class SummedKeys {
    private final RankedTimes ranked;
    private final int[] rank;
    private final int[] stratum;
    private final int[] order;
    /** Group g holds the keys order[start[g]] .. order[start[g + 1] − 1]. */
    private final int[] start;
    private final int groups;

    private SummedKeys(RankedTimes ranked, int[] stratum) {
        this.ranked = ranked;
        this.rank = ranked.rank();
        this.stratum = stratum;
        this.order = SummedRiskSets.order(stratum, rank);
        int d = order.length;
        int[] s = new int[d + 1];
        int g = 0;
        for (int k = 0; k < d; k++) {
            if (k == 0 || stratum[order[k]] != stratum[order[k - 1]] || rank[order[k]] != rank[order[k - 1]]) {
                s[g++] = k;
            }
        }
        s[g] = d;
        this.start = s;
        this.groups = g;
    }

    /**
     * @param stratum stratum code per key
     * @param time    time per key
     */
    static SummedKeys of(int[] stratum, double[] time) {
        return new SummedKeys(RankedTimes.of(time, true), stratum);
    }

    /** Number of groups (distinct (stratum, merged time)). */
    int groups() {
        return groups;
    }

    /** First position of group g in the walking order. */
    int from(int g) {
        return start[g];
    }

    /** One past the last position of group g. */
    int to(int g) {
        return start[g + 1];
    }

    /** The key at a position of the walking order. */
    int key(int position) {
        return order[position];
    }

    /** Whether group g is the first (latest time) of its stratum: the walk starts that stratum's risk set there. */
    boolean opensStratum(int g) {
        return g == 0 || stratum(g) != stratum(g - 1);
    }

    /** The stratum of group g. */
    int stratum(int g) {
        return stratum[order[start[g]]];
    }

    /** The (merged) time of group g: the smallest member of its timefix run. */
    double time(int g) {
        return ranked.times()[rank[order[start[g]]]];
    }
}

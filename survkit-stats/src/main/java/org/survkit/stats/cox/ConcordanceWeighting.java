package org.survkit.stats.cox;

import java.util.Locale;

/**
 * How the comparable pairs of a concordance index are weighted over time (R {@code concordance(fit, timewt = )}).
 */
public enum ConcordanceWeighting {
    /**
     * Every comparable pair counts once (times its case weights): Harrell's C, R's default {@code timewt = "n"},
     * and ours. Depends on the censoring distribution of the study.
     */
    HARRELL("harrell"),
    /**
     * Each pair whose earlier member has its event at t is weighted by 1/G(t−)², G the Kaplan–Meier curve of the
     * censoring times (censored rows are the events; events at t leave the risk set before the censorings at t):
     * Uno's C (Uno, Cai, Pencina, D'Agostino &amp; Wei 2011, Stat Med 30:1105), R {@code timewt = "n/G2"}, whose
     * limit does not depend on the censoring. Computed per stratum with its own G; a stratum with fewer than two
     * events is weighted as Harrell's (as R). Only for right-censored data (R refuses (start, stop] data too).
     */
    UNO("uno");

    private final String id;

    ConcordanceWeighting(String id) {
        this.id = id;
    }

    /** The option's word: {@code harrell} or {@code uno}. */
    public String id() {
        return id;
    }

    /** R's {@code timewt}: {@code "n"} or {@code "n/G2"}. */
    public String rTimeWeight() {
        return this == HARRELL ? "n" : "n/G2";
    }

    /** Parses {@code harrell} or {@code uno}. */
    public static ConcordanceWeighting parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (ConcordanceWeighting w : values()) {
            if (w.id.equals(t)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown concordance '" + s + "': use harrell or uno");
    }
}

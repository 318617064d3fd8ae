package org.survkit.stats.cox;

import java.util.Locale;

/**
 * Handling of tied event times in the Cox partial likelihood.
 */
public enum Ties {
    /**
     * Efron (1977): the d deaths at a time leave the risk set gradually (weights 0, 1/d, …,
     * (d−1)/d), a close approximation of the exact partial likelihood. Default of R {@code coxph}
     * and survkit.
     */
    EFRON("efron"),
    /**
     * Breslow (1974): every death at a time sees the full risk set. Default of SAS PHREG and
     * Stata; less accurate with many ties.
     */
    BRESLOW("breslow");

    private final String id;

    Ties(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Ties parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Ties x : values()) {
            if (x.id.equals(t)) {
                return x;
            }
        }
        throw new IllegalArgumentException("unknown ties method '" + s + "': use efron or breslow");
    }
}

package org.survkit.stats.cox;

/**
 * The function of time g(t) against which {@link ProportionalHazardsTest} looks for a trend in the
 * scaled Schoenfeld residuals (R {@code cox.zph(fit, transform = ...)}). The test uses g centred on
 * its mean over the events.
 */
public enum ZphTransform {
    /**
     * g(t) = 1 − S(t−), S the left-continuous Kaplan–Meier curve of all observations pooled
     * (unweighted, strata ignored): spreads the events evenly and is robust to a few long
     * follow-up times. R's default {@code "km"}, and ours.
     */
    KM("km"),
    /** g(t) = the rank of t among all follow-up times (ties get the average rank); R {@code "rank"}. */
    RANK("rank"),
    /** g(t) = t; sensitive to the few longest times. R {@code "identity"}. */
    IDENTITY("identity"),
    /** g(t) = log t; needs positive times. R {@code "log"}. */
    LOG("log");

    private final String id;

    ZphTransform(String id) {
        this.id = id;
    }

    /** R's name of the transform. */
    public String id() {
        return id;
    }

    /** Parses R's name ({@code km}, {@code rank}, {@code identity}, {@code log}). */
    public static ZphTransform parse(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        for (ZphTransform x : values()) {
            if (x.id.equals(t)) {
                return x;
            }
        }
        throw new IllegalArgumentException("unknown time transform '" + s + "': use km, rank, identity or log");
    }
}

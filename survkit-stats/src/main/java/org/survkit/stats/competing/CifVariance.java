package org.survkit.stats.competing;

/**
 * How the variance of a cumulative incidence estimate was computed, with the one text every output names it by
 * (the command line's header and JSON, the report's table note and JSON). {@link CumulativeIncidence} chooses it
 * from the data: right-censored rows get cmprsk's, rows with entry times the infinitesimal jackknife.
 */
public enum CifVariance {
    /**
     * Gray's (1988) delta-method variance of the Aalen–Johansen estimator, as R cmprsk's {@code cuminc} (its
     * {@code var} component). survkit's default for right-censored data, so that the numbers match cmprsk's.
     */
    CMPRSK("Gray's delta method, as R cmprsk cuminc"),
    /**
     * The infinitesimal jackknife of R survival's multi-state {@code survfit(Surv(start, time, factor(status)) ~
     * group)}, used with entry times (delayed entry), where cmprsk's does not apply.
     */
    INFINITESIMAL_JACKKNIFE("infinitesimal jackknife, as R survival's multi-state survfit");

    private final String displayName;

    CifVariance(String displayName) {
        this.displayName = displayName;
    }

    /** {@return the method in words, naming its R equivalent, e.g. "Gray's delta method, as R cmprsk cuminc"} */
    public String displayName() {
        return displayName;
    }
}

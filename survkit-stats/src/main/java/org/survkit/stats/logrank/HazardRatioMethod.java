package org.survkit.stats.logrank;

/**
 * The three estimators of a two-group hazard ratio a report can show ({@code comparisons.hazard_ratios}). They
 * agree when hazards are proportional and events are plenty, and differ otherwise because they are different
 * estimators, not because one is wrong:
 * <ul>
 * <li>{@link #COX}: the Cox model with the group alone (R {@code coxph}); the maximum partial-likelihood estimate,
 * consistent for the hazard ratio under proportional hazards, with a Wald interval; what most papers report and
 * survkit's primary estimate.</li>
 * <li>{@link #MANTEL_HAENSZEL}: exp((O₁ − E₁)/V), the one-step estimate from the log-rank statistic's numerator and
 * variance (Berry, Kitchin &amp; Mock 1991); what GraphPad Prism reports as "Hazard Ratio (Mantel-Haenszel)". It is
 * close to Cox's near a ratio of 1 and departs from it as the effect grows or events are few.</li>
 * <li>{@link #OBSERVED_EXPECTED}: (O₁/E₁)/(O₂/E₂), the ratio of the groups' observed-to-expected events (Peto);
 * Prism's "logrank" ratio; biased towards 1 when the effect is large.</li>
 * </ul>
 */
public enum HazardRatioMethod {
    /** A Cox model with the group alone. */
    COX("cox", "Cox"),
    /** The Mantel–Haenszel (one-step log-rank) estimate, as GraphPad Prism. */
    MANTEL_HAENSZEL("mantel_haenszel", "Mantel\u2013Haenszel"),
    /** The log-rank observed/expected ratio. */
    OBSERVED_EXPECTED("oe", "log-rank O/E");

    private final String id;
    private final String displayName;

    HazardRatioMethod(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** {@return the word in study files and on the command line} */
    public String id() {
        return id;
    }

    /** {@return the name in tables: "Cox", "Mantel–Haenszel", "log-rank O/E"} */
    public String displayName() {
        return displayName;
    }
}

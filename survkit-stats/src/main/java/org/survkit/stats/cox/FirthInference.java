package org.survkit.stats.cox;

/**
 * How confidence intervals and per-coefficient p-values of a Firth Cox model are obtained
 * (R {@code coxphf(pl = TRUE / FALSE)}).
 */
public enum FirthInference {
    /**
     * Profile penalized likelihood (default, as coxphf {@code pl = TRUE}): the limits are the values
     * b of β_j where 2 [ℓ*(β̂) − max_{β_−j} ℓ*(β_j = b, β_−j)] equals the χ²₁ quantile of the
     * confidence level, and the p-value is the penalized likelihood-ratio test of β_j = 0 with the
     * other coefficients refitted. Recommended by Heinze &amp; Schemper (2001): under monotone
     * likelihood the profile is strongly asymmetric and Wald intervals have poor coverage. Costs about
     * (2 limits × ~5–10 + 1) constrained fits per coefficient.
     */
    PROFILE_LIKELIHOOD,
    /**
     * Wald (coxphf {@code pl = FALSE}): β̂ ± z·se with se from the inverse information at β̂, and
     * p-value of χ² = β̂²/se². One fit only; for large cohorts where the likelihood is not monotone.
     */
    WALD
}

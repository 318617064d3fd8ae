package org.survkit.stats.logrank;

/**
 * Hazard ratio of {@code comparison} versus {@code reference} from the log-rank quantities, as
 * GraphPad Prism reports them. With O, E the observed and expected events and V the log-rank
 * variance:
 * <ul>
 * <li>log-rank method: HR = (O₂/E₂)/(O₁/E₁), CI exp(log HR ± z·sqrt(1/E₁ + 1/E₂));</li>
 * <li>Mantel–Haenszel: HR = exp((O₂ − E₂)/V), CI exp(log HR ± z/sqrt(V)) (Prism's default since
 * version 6; the one-step estimate of the Cox coefficient, close to Cox when HR is near 1).</li>
 * </ul>
 * Stratified: O, E and V summed over strata. The reference is the first group in level order.
 * References: Berry, Kitchin &amp; Mock (1991); Bernstein, Anderson &amp; Pike (1981).
 *
 * @param reference       the denominator group
 * @param comparison      the numerator group
 * @param confLevel       confidence level
 * @param logrank         HR by the log-rank (O/E) method
 * @param mantelHaenszel  HR by the Mantel–Haenszel method
 */
public record TwoGroupHazardRatios(String reference, String comparison, double confLevel, HazardRatio logrank,
        HazardRatio mantelHaenszel) {
}

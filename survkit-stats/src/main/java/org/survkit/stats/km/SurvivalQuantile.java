package org.survkit.stats.km;

/**
 * A quantile of the event-time distribution read off a survival curve, with confidence limits.
 * NaN means "not reached" (R's NA): the curve, or the confidence curve, never drops that far.
 *
 * @param probability fraction of subjects with the event by {@code estimate} (0.5 = median)
 * @param estimate    the quantile
 * @param lower       lower confidence limit
 * @param upper       upper confidence limit
 */
public record SurvivalQuantile(double probability, double estimate, double lower, double upper) {

    /** Whether the curve reaches this quantile. */
    public boolean reached() {
        return !Double.isNaN(estimate);
    }
}

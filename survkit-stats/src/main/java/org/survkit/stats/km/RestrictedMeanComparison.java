package org.survkit.stats.km;

import java.util.Objects;
import org.survkit.stats.internal.Normal;

/**
 * Comparison of restricted mean survival times (RMST) of two groups up to a common horizon τ, as R
 * survRM2's {@code rmst2} reports it (Uno et al., J Clin Oncol 2014;32:2380): the difference
 * RMST₂ − RMST₁ with CI ±z·sqrt(v₁ + v₂), and the ratio RMST₂/RMST₁ with CI exp(log ratio ±
 * z·sqrt(v₁/m₁² + v₂/m₂²)) (delta method), each with its two-sided Wald p-value; v the Greenwood-type
 * variance of {@link RestrictedMean}. The recommended summary when hazards are not proportional:
 * it needs no model and reads as "months of life gained within τ".
 *
 * @param tau        horizon
 * @param reference  first group (denominator, subtrahend)
 * @param comparison second group
 * @param rmstReference  RMST of the reference group
 * @param rmstComparison RMST of the comparison group
 * @param difference difference (comparison − reference) with CI and p
 * @param ratio      ratio (comparison / reference) with CI and p
 * @param confLevel  confidence level
 */
public record RestrictedMeanComparison(double tau, String reference, String comparison, RestrictedMean rmstReference,
        RestrictedMean rmstComparison, Estimate difference, Estimate ratio, double confLevel) {

    /**
     * An estimate with its confidence interval and p-value.
     *
     * @param estimate the estimate
     * @param lower    lower confidence limit
     * @param upper    upper confidence limit
     * @param pValue   two-sided p-value against no difference (0 for the difference, 1 for the ratio)
     */
    public record Estimate(double estimate, double lower, double upper, double pValue) {
    }

    public RestrictedMeanComparison {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(comparison, "comparison");
    }

    /**
     * The default horizon of R survRM2's {@code rmst2}: the smallest of the groups' last observed times, so
     * that no curve is extrapolated.
     *
     * @return τ, or 0 when a group has no observation
     */
    public static double defaultTau(java.util.List<GroupCurve> curves) {
        double tau = Double.POSITIVE_INFINITY;
        for (GroupCurve g : curves) {
            SurvivalCurve c = g.curve();
            tau = Math.min(tau, c.size() == 0 ? 0 : c.timeView()[c.size() - 1]);
        }
        return curves.isEmpty() ? 0 : tau;
    }

    /**
     * Compares two curves up to τ.
     *
     * @param tau       horizon, &gt; 0 (should not exceed the shorter follow-up; see {@link org.survkit.stats.guardrails.Guardrails})
     * @param confLevel e.g. 0.95
     */
    public static RestrictedMeanComparison of(GroupCurve reference, GroupCurve comparison, double tau,
            double confLevel) {
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + confLevel);
        }
        RestrictedMean a = reference.curve().restrictedMean(tau);
        RestrictedMean b = comparison.curve().restrictedMean(tau);
        double z = Normal.quantile(0.5 + confLevel / 2);
        double d = b.estimate() - a.estimate();
        double seD = Math.sqrt(a.stdErr() * a.stdErr() + b.stdErr() * b.stdErr());
        Estimate diff = new Estimate(d, d - z * seD, d + z * seD, seD > 0 ? Normal.twoSidedP(d / seD) : Double.NaN);
        double lr = Math.log(b.estimate() / a.estimate());
        double seR = Math.sqrt(Math.pow(a.stdErr() / a.estimate(), 2) + Math.pow(b.stdErr() / b.estimate(), 2));
        Estimate ratio = new Estimate(Math.exp(lr), Math.exp(lr - z * seR), Math.exp(lr + z * seR),
                seR > 0 ? Normal.twoSidedP(lr / seR) : Double.NaN);
        return new RestrictedMeanComparison(tau, reference.group(), comparison.group(), a, b, diff, ratio, confLevel);
    }
}

package org.survkit.stats.internal;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Distribution functions used across survkit-stats (Apache Commons Statistics). */
public final class Normal {
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private Normal() {
    }

    /** Standard normal quantile, R {@code qnorm(p)}. */
    public static double quantile(double p) {
        return STANDARD.inverseCumulativeProbability(p);
    }

    /** Two-sided p-value of a standard normal statistic, R {@code 2 * pnorm(-|z|)}. */
    public static double twoSidedP(double z) {
        return 2 * STANDARD.survivalProbability(Math.abs(z));
    }

    /** Upper tail of the chi-squared distribution, R {@code pchisq(x, df, lower.tail = FALSE)}. */
    public static double chiSquaredUpper(double x, int df) {
        if (df <= 0 || Double.isNaN(x)) {
            return Double.NaN;
        }
        return ChiSquaredDistribution.of(df).survivalProbability(x);
    }
}

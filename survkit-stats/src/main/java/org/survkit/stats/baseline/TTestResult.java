package org.survkit.stats.baseline;

/**
 * A two-sample t-test for the difference of means, as R {@code t.test(x, y)} reports it.
 *
 * @param statistic  t = (meanX − meanY) / stdErr
 * @param df         degrees of freedom (Welch–Satterthwaite, or nX + nY − 2 pooled)
 * @param pValue     two-sided p-value 2·P(T_df ≥ |t|)
 * @param meanX      mean of the first sample
 * @param meanY      mean of the second sample
 * @param stdErr     standard error of the difference
 * @param lower      lower confidence limit of meanX − meanY
 * @param upper      upper confidence limit of meanX − meanY
 * @param confLevel  confidence level of the limits
 * @param variance   the variance assumption used
 */
public record TTestResult(double statistic, double df, double pValue, double meanX, double meanY, double stdErr,
        double lower, double upper, double confLevel, VarianceAssumption variance) {

    /** meanX − meanY. */
    public double difference() {
        return meanX - meanY;
    }
}

package org.survkit.stats.baseline;

import java.util.Objects;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Two-sample t-test of equal means, R {@code t.test(x, y)} (two-sided, μ = 0).
 *
 * <pre>
 * TTestResult r = TwoSampleTTest.withDefaults().test(x, y);                               // Welch
 * TTestResult s = TwoSampleTTest.withDefaults().with(VarianceAssumption.EQUAL).test(x, y); // Student
 * </pre>
 *
 * <p>With means m, sample variances v and sizes n:
 * <pre>
 *   Welch (default):  se² = vx/nx + vy/ny,
 *                     df = se⁴ / ((vx/nx)²/(nx − 1) + (vy/ny)²/(ny − 1))     (Welch–Satterthwaite)
 *   Student (EQUAL):  se² = s²(1/nx + 1/ny), s² = ((nx − 1)vx + (ny − 1)vy)/(nx + ny − 2),
 *                     df = nx + ny − 2
 *   t = (mx − my)/se,  p = 2·P(T_df ≥ |t|),  CI = (t ∓ t_{df,1−α/2})·se
 * </pre>
 * References: Welch (1947) Biometrika 34:28–35; Satterthwaite (1946) Biometrics Bull 2:110–114.
 * The t distribution is Apache Commons Statistics'.
 *
 * <p>Edge cases, as R: Welch needs at least 2 values per group, Student at least 1 per group and 3
 * in all; data whose standard error is below 10·ε·max(|mx|, |my|) are "essentially constant" and
 * rejected (R stops with that message), as is a standard error of exactly 0 (R would report NaN). Both raise {@link IllegalArgumentException}; a caller that
 * wants a table row instead checks first (as {@link Table1} does). Non-finite values are rejected;
 * remove missing values before calling.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TwoSampleTTest {
    private static final TwoSampleTTest DEFAULTS = new TwoSampleTTest(VarianceAssumption.UNEQUAL, 0.95);
    private static final double EPS = Math.ulp(1.0);

    private final VarianceAssumption variance;
    private final double confLevel;

    private TwoSampleTTest(VarianceAssumption variance, double confLevel) {
        this.variance = variance;
        this.confLevel = confLevel;
    }

    /** Welch's test with 95% confidence limits (R's defaults). */
    public static TwoSampleTTest withDefaults() {
        return DEFAULTS;
    }

    /** A copy with another variance assumption. */
    public TwoSampleTTest with(VarianceAssumption v) {
        return new TwoSampleTTest(Objects.requireNonNull(v, "variance"), confLevel);
    }

    /** A copy with another confidence level in (0, 1). */
    public TwoSampleTTest withConfidenceLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        return new TwoSampleTTest(variance, level);
    }

    public VarianceAssumption variance() {
        return variance;
    }

    /**
     * Tests mean(x) = mean(y).
     *
     * @param x first sample (finite values)
     * @param y second sample (finite values)
     * @throws IllegalArgumentException for too few observations, constant data or non-finite values
     */
    public TTestResult test(double[] x, double[] y) {
        requireFinite(x, "x");
        requireFinite(y, "y");
        int nx = x.length;
        int ny = y.length;
        boolean welch = variance == VarianceAssumption.UNEQUAL;
        if (nx < 1 || (welch && nx < 2)) {
            throw new IllegalArgumentException("not enough 'x' observations (" + nx + ")");
        }
        if (ny < 1 || (welch && ny < 2)) {
            throw new IllegalArgumentException("not enough 'y' observations (" + ny + ")");
        }
        if (!welch && nx + ny < 3) {
            throw new IllegalArgumentException("not enough observations (" + (nx + ny) + ")");
        }
        double mx = SampleMoments.mean(x);
        double my = SampleMoments.mean(y);
        double vx = SampleMoments.variance(x, mx);
        double vy = SampleMoments.variance(y, my);
        double df;
        double se;
        if (welch) {
            double sx = Math.sqrt(vx / nx);
            double sy = Math.sqrt(vy / ny);
            se = Math.sqrt(sx * sx + sy * sy);
            double sx2 = sx * sx;
            double sy2 = sy * sy;
            df = Math.pow(se, 4) / (sx2 * sx2 / (nx - 1) + sy2 * sy2 / (ny - 1));
        } else {
            df = nx + ny - 2;
            double v = 0;
            if (nx > 1) {
                v += (nx - 1) * vx;
            }
            if (ny > 1) {
                v += (ny - 1) * vy;
            }
            v /= df;
            se = Math.sqrt(v * (1.0 / nx + 1.0 / ny));
        }
        if (se < 10 * EPS * Math.max(Math.abs(mx), Math.abs(my)) || se == 0) {
            throw new IllegalArgumentException("data are essentially constant (standard error " + se + ")");
        }
        double t = (mx - my) / se;
        TDistribution dist = TDistribution.of(df);
        double p = 2 * dist.cumulativeProbability(-Math.abs(t));
        double q = dist.inverseSurvivalProbability((1 - confLevel) / 2);
        return new TTestResult(t, df, p, mx, my, se, (t - q) * se, (t + q) * se, confLevel, variance);
    }

    static void requireFinite(double[] x, String name) {
        Objects.requireNonNull(x, name);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + x[i] + ": remove missing values first");
            }
        }
    }
}

package org.survkit.stats.baseline;

import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * One-way analysis of means of k ≥ 2 groups: the classical ANOVA F test (R {@code aov},
 * {@code oneway.test(var.equal = TRUE)}; the default) or Welch's heteroscedastic F test
 * ({@code oneway.test(var.equal = FALSE)}).
 *
 * <p>With group sizes nᵢ, means mᵢ, sample variances vᵢ, N = Σnᵢ and grand mean m:
 * <pre>
 *   EQUAL:   F = [Σ nᵢ(mᵢ − m)² / (k − 1)] / [Σ Σ (x − mᵢ)² / (N − k)],  df = (k − 1, N − k)
 *   UNEQUAL: wᵢ = nᵢ/vᵢ, W = Σwᵢ, m_w = Σwᵢmᵢ/W, λ = Σ(1 − wᵢ/W)²/(nᵢ − 1) / (k² − 1),
 *            F = Σ wᵢ(mᵢ − m_w)² / [(k − 1)(1 + 2(k − 2)λ)],  df = (k − 1, 1/(3λ))
 * </pre>
 * References: Fisher (1925) Statistical Methods for Research Workers; Welch (1951) Biometrika
 * 38:330–336. The F distribution is Apache Commons Statistics'.
 *
 * <p>Edge cases: the classical test accepts groups of one (as {@code aov}; R's {@code oneway.test}
 * refuses them) but needs N − k ≥ 1 and a positive within-group sum of squares; Welch's test needs
 * nᵢ ≥ 2 and vᵢ &gt; 0 in every group. Violations raise {@link IllegalArgumentException}; so do fewer
 * than two groups, empty groups and non-finite values.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class OneWayAnova {
    private static final OneWayAnova DEFAULTS = new OneWayAnova(VarianceAssumption.EQUAL);

    private final VarianceAssumption variance;

    private OneWayAnova(VarianceAssumption variance) {
        this.variance = variance;
    }

    /** The classical F test (equal variances). */
    public static OneWayAnova withDefaults() {
        return DEFAULTS;
    }

    /** A copy with another variance assumption. */
    public OneWayAnova with(VarianceAssumption v) {
        return new OneWayAnova(Objects.requireNonNull(v, "variance"));
    }

    public VarianceAssumption variance() {
        return variance;
    }

    /** Tests equality of the group means. */
    public AnovaResult test(double[]... groups) {
        return test(List.of(groups));
    }

    /**
     * Tests equality of the group means.
     *
     * @param groups the samples (finite values), at least two, none empty
     */
    public AnovaResult test(List<double[]> groups) {
        int k = groups.size();
        if (k < 2) {
            throw new IllegalArgumentException("ANOVA needs at least two groups, got " + k);
        }
        double[] n = new double[k];
        double[] m = new double[k];
        double[] v = new double[k];
        double total = 0;
        for (int i = 0; i < k; i++) {
            double[] g = groups.get(i);
            TwoSampleTTest.requireFinite(g, "group " + (i + 1));
            if (g.length == 0) {
                throw new IllegalArgumentException("group " + (i + 1) + " is empty");
            }
            n[i] = g.length;
            m[i] = SampleMoments.mean(g);
            v[i] = SampleMoments.variance(g, m[i]);
            total += g.length;
        }
        return variance == VarianceAssumption.EQUAL ? classical(groups, n, m, total) : welch(n, m, v);
    }

    private static AnovaResult classical(List<double[]> groups, double[] n, double[] m, double total) {
        int k = n.length;
        if (total - k < 1) {
            throw new IllegalArgumentException("ANOVA needs more observations than groups (" + (int) total + " for " + k + ")");
        }
        double[] all = new double[(int) total];
        int j = 0;
        for (double[] g : groups) {
            System.arraycopy(g, 0, all, j, g.length);
            j += g.length;
        }
        double grand = SampleMoments.mean(all);
        double between = 0;
        double within = 0;
        for (int i = 0; i < k; i++) {
            between += n[i] * (m[i] - grand) * (m[i] - grand);
            for (double x : groups.get(i)) {
                within += (x - m[i]) * (x - m[i]);
            }
        }
        if (!(within > 0)) {
            throw new IllegalArgumentException("no variation within groups: the F statistic is undefined");
        }
        double df1 = k - 1;
        double df2 = total - k;
        double f = (between / df1) / (within / df2);
        return new AnovaResult(f, df1, df2, FDistribution.of(df1, df2).survivalProbability(f), VarianceAssumption.EQUAL);
    }

    private static AnovaResult welch(double[] n, double[] m, double[] v) {
        int k = n.length;
        double[] w = new double[k];
        double sw = 0;
        for (int i = 0; i < k; i++) {
            if (n[i] < 2 || !(v[i] > 0)) {
                throw new IllegalArgumentException("Welch's ANOVA needs at least 2 distinct values in every group (group "
                        + (i + 1) + ")");
            }
            w[i] = n[i] / v[i];
            sw += w[i];
        }
        double lambda = 0;
        double mw = 0;
        for (int i = 0; i < k; i++) {
            double r = 1 - w[i] / sw;
            lambda += r * r / (n[i] - 1);
            mw += w[i] * m[i];
        }
        lambda /= (double) k * k - 1;
        mw /= sw;
        double num = 0;
        for (int i = 0; i < k; i++) {
            num += w[i] * (m[i] - mw) * (m[i] - mw);
        }
        double df1 = k - 1;
        double f = num / (df1 * (1 + 2 * (k - 2) * lambda));
        double df2 = 1 / (3 * lambda);
        return new AnovaResult(f, df1, df2, FDistribution.of(df1, df2).survivalProbability(f), VarianceAssumption.UNEQUAL);
    }
}

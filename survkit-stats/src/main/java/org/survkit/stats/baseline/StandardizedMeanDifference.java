package org.survkit.stats.baseline;

import java.util.ArrayList;
import java.util.List;
import org.survkit.stats.internal.SymmetricEigen;

/**
 * Standardized mean differences (SMD) for Table 1: the difference between groups in units of the
 * pooled standard deviation, which, unlike a p-value, does not grow with the sample size (Austin
 * 2009, Stat Med 28:3083–3107: |SMD| &lt; 0.1 is the usual mark of negligible imbalance).
 *
 * <p>Continuous variable (Cohen's d with the average of the two variances):
 * <pre>
 *   SMD = |x̄₁ − x̄₂| / √((s₁² + s₂²)/2)
 * </pre>
 * Categorical variable with K levels (Yang &amp; Dalton 2012, "A unified approach to measuring the
 * effect size between two groups using SAS", SAS Global Forum paper 335-2012): with p_g the vector
 * of level proportions of group g over levels 2..K (the first level is dropped as redundant),
 * <pre>
 *   T = p₁ − p₂,   S_g = diag(p_g) − p_g p_g',   S = (S₁ + S₂)/2,   SMD = √(T' S⁺ T)
 * </pre>
 * a Mahalanobis distance; S⁺ is the Moore–Penrose inverse (eigenvalues below √ε times the largest
 * are treated as 0), which equals S⁻¹ when S is regular and handles levels empty in both groups.
 * For a binary variable it reduces to |p₁ − p₂| / √((p₁(1 − p₁) + p₂(1 − p₂))/2). These are the
 * values R's tableone reports ({@code ExtractSmd}), including its edge rules:
 * <ul>
 * <li>continuous: 0 when both the difference and the variances are 0 (one constant value overall);
 *     NaN when a group has fewer than 2 values;</li>
 * <li>categorical: when S = 0 (each group concentrated on a single level), 0 if T = 0 and NaN
 *     otherwise; NaN when a group has no non-missing value.</li>
 * </ul>
 * For k &gt; 2 groups every pair is computed; see {@link SmdSummary} for how one number is reported.
 */
public final class StandardizedMeanDifference {
    private StandardizedMeanDifference() {
    }

    /**
     * SMD of a continuous variable between two samples (finite values).
     *
     * @return |x̄₁ − x̄₂| / √((s₁² + s₂²)/2), 0 for one constant value, NaN if a sample has fewer than 2 values
     */
    public static double continuous(double[] x1, double[] x2) {
        TwoSampleTTest.requireFinite(x1, "x1");
        TwoSampleTTest.requireFinite(x2, "x2");
        double m1 = SampleMoments.mean(x1);
        double m2 = SampleMoments.mean(x2);
        double d = m1 - m2;
        double v = (SampleMoments.variance(x1, m1) + SampleMoments.variance(x2, m2)) / 2;
        if (Double.isNaN(d) || Double.isNaN(v)) {
            return Double.NaN;
        }
        if (d == 0 && v == 0) {
            return 0;
        }
        return Math.abs(d / Math.sqrt(v));
    }

    /**
     * SMD of a categorical variable between two groups (Yang &amp; Dalton).
     *
     * @param counts1 counts per level in group 1 (all levels of the variable, same order in both)
     * @param counts2 counts per level in group 2
     */
    public static double categorical(int[] counts1, int[] counts2) {
        if (counts1.length != counts2.length || counts1.length == 0) {
            throw new IllegalArgumentException("both groups need counts for the same levels (" + counts1.length + " and "
                    + counts2.length + ")");
        }
        double[] p1 = proportions(counts1);
        double[] p2 = proportions(counts2);
        if (p1 == null || p2 == null) {
            return Double.NaN;
        }
        int from = p1.length > 1 ? 1 : 0;
        int k = p1.length - from;
        double[] t = new double[k];
        double[][] s = new double[k][k];
        boolean zero = true;
        boolean tZero = true;
        for (int i = 0; i < k; i++) {
            double a1 = p1[i + from];
            double a2 = p2[i + from];
            t[i] = a1 - a2;
            tZero &= t[i] == 0;
            for (int j = 0; j < k; j++) {
                double b1 = p1[j + from];
                double b2 = p2[j + from];
                double s1 = (i == j ? a1 : 0) - a1 * b1;
                double s2 = (i == j ? a2 : 0) - a2 * b2;
                s[i][j] = (s1 + s2) / 2;
                zero &= s[i][j] == 0;
            }
        }
        if (zero) {
            return tZero ? 0 : Double.NaN;
        }
        return Math.sqrt(SymmetricEigen.pseudoInverseQuadraticForm(s, t));
    }

    /** Pairwise SMDs of a continuous variable over k groups (samples of finite values). */
    public static StandardizedDifference continuous(List<String> groups, List<double[]> samples) {
        requireSameSize(groups, samples);
        List<PairwiseSmd> pairs = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                pairs.add(new PairwiseSmd(groups.get(i), groups.get(j), continuous(samples.get(i), samples.get(j))));
            }
        }
        return StandardizedDifference.of(pairs);
    }

    /** Pairwise SMDs of a categorical variable over k groups (counts per level, same levels in every group). */
    public static StandardizedDifference categorical(List<String> groups, List<int[]> counts) {
        requireSameSize(groups, counts);
        List<PairwiseSmd> pairs = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                pairs.add(new PairwiseSmd(groups.get(i), groups.get(j), categorical(counts.get(i), counts.get(j))));
            }
        }
        return StandardizedDifference.of(pairs);
    }

    private static void requireSameSize(List<String> groups, List<?> data) {
        if (groups.size() != data.size() || groups.size() < 2) {
            throw new IllegalArgumentException("need at least two groups and one sample per group (" + groups.size()
                    + " groups, " + data.size() + " samples)");
        }
    }

    private static double[] proportions(int[] counts) {
        double n = 0;
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative count " + c);
            }
            n += c;
        }
        if (n == 0) {
            return null;
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = counts[i] / n;
        }
        return p;
    }
}

package org.survkit.stats.baseline;

/**
 * Which test {@link Table1} reports for a continuous variable across groups.
 *
 * <p>Parametric: Welch's t-test for 2 groups ({@link TwoSampleTTest}, R {@code t.test}), the
 * classical one-way ANOVA F test for more ({@link OneWayAnova}, R {@code aov} /
 * {@code oneway.test(var.equal = TRUE)}). Nonparametric: the Wilcoxon rank-sum test for 2 groups
 * ({@link WilcoxonRankSum}, R {@code wilcox.test}), Kruskal–Wallis for more ({@link KruskalWallis},
 * R {@code kruskal.test}). Groups without any non-missing value take no part in the test.
 */
public enum ContinuousTestChoice {
    /**
     * survkit's default: nonparametric when the Shapiro–Wilk test ({@link ShapiroWilk}, R
     * {@code shapiro.test}) rejects normality at the chosen level (default p &lt; 0.05) in any group,
     * or a group of 3 or more has all values equal; parametric otherwise. Groups with fewer than 3
     * or more than 5000 values are not tested (R's limits) and do not vote; when no group can be
     * tested the parametric test is used. A common Table 1 convention (e.g. tableone users pass
     * {@code nonnormal = } the variables that fail this check); it is a screening rule, not a
     * guarantee: large groups reject trivial departures, small groups rarely reject anything. Fix the
     * choice with {@link #PARAMETRIC} or {@link #NONPARAMETRIC} when the analysis plan names it.
     */
    AUTO,
    /** Always Welch's t-test (2 groups) or one-way ANOVA (more): tableone's default ({@code oneway.test(var.equal = TRUE)}). */
    PARAMETRIC,
    /** Always Wilcoxon rank-sum (2 groups) or Kruskal–Wallis (more): tableone's {@code nonnormal} variables. */
    NONPARAMETRIC
}

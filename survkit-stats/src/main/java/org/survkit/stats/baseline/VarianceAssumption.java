package org.survkit.stats.baseline;

/**
 * Whether tests of means assume equal variances in the groups.
 *
 * <p>The default differs by test, as in R: {@link TwoSampleTTest} uses {@link #UNEQUAL} (R
 * {@code t.test}'s default {@code var.equal = FALSE}, Welch 1947), which keeps its level when
 * variances and group sizes differ and loses little power when they do not; {@link OneWayAnova}
 * uses {@link #EQUAL} (R {@code aov}, {@code oneway.test(var.equal = TRUE)}), the classical F test
 * that Table 1 conventionally reports for more than two groups (tableone's default).
 */
public enum VarianceAssumption {
    /** Welch: each group keeps its own variance; Welch–Satterthwaite degrees of freedom. R {@code var.equal = FALSE}. */
    UNEQUAL,
    /** Pooled variance (Student's t, classical ANOVA F). R {@code var.equal = TRUE}; SAS "Pooled". */
    EQUAL
}

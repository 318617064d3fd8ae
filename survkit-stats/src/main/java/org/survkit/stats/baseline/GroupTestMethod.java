package org.survkit.stats.baseline;

/** The test behind a Table 1 p-value, with its R equivalent. */
public enum GroupTestMethod {
    /** Welch's two-sample t-test, R {@code t.test(x ~ g)}. */
    WELCH_T,
    /** Classical one-way ANOVA F test, R {@code oneway.test(x ~ g, var.equal = TRUE)}, {@code aov}. */
    ANOVA,
    /** Wilcoxon rank-sum (Mann–Whitney) test, R {@code wilcox.test(x ~ g)} (exact or normal by R's rule). */
    WILCOXON,
    /** Kruskal–Wallis rank-sum test, R {@code kruskal.test(x ~ g)}. */
    KRUSKAL_WALLIS,
    /** Pearson's chi-square test without continuity correction, R {@code chisq.test(table)} on a table larger than 2 × 2 (or {@code correct = FALSE}). */
    CHI_SQUARE,
    /** Pearson's chi-square with Yates' correction, R {@code chisq.test(table)} on a 2 × 2 table. */
    CHI_SQUARE_YATES,
    /** Fisher's exact test, R {@code fisher.test(table)}. */
    FISHER_EXACT,
    /** No test: fewer than two groups (or levels) with data, or data that admit none; the reason says why. */
    NONE
}

package org.survkit.stats.baseline;

/**
 * How one standardized difference is reported for a variable compared across k &gt; 2 groups.
 * With two groups both give the single pairwise value.
 */
public enum SmdSummary {
    /**
     * The largest pairwise SMD: the worst imbalance between any two groups, the usual reading
     * of "SMD &lt; 0.1 means balanced" for several arms. survkit's default.
     */
    MAX,
    /**
     * The mean of the k(k − 1)/2 pairwise SMDs: what R tableone prints for k &gt; 2 groups
     * ({@code print(CreateTableOne(...), smd = TRUE)}, column "average" of {@code ExtractSmd}).
     */
    MEAN
}

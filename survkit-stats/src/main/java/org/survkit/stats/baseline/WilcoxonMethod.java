package org.survkit.stats.baseline;

/**
 * How {@link WilcoxonRankSum} computes its p-value.
 */
public enum WilcoxonMethod {
    /**
     * R's default ({@code wilcox.test(exact = NULL)}): the exact distribution when both samples
     * have fewer than 50 values and there are no ties, else the normal approximation. survkit's
     * default.
     */
    AUTO,
    /**
     * The exact permutation distribution (Mann &amp; Whitney 1947), R {@code exact = TRUE}. With ties
     * the exact null distribution of the mid-rank statistic is not the tabulated one; as R, the
     * normal approximation is then used instead (and the result says so).
     */
    EXACT,
    /** The normal approximation with the tie-corrected variance, R {@code exact = FALSE}. SAS and SPSS "asymptotic". */
    NORMAL
}

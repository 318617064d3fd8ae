package org.survkit.stats.baseline;

/**
 * Continuity correction of Pearson's chi-square test of independence.
 */
public enum ContinuityCorrection {
    /**
     * Yates' correction on 2 × 2 tables only, none on larger ones: exactly R's default,
     * {@code chisq.test(table)} with {@code correct = TRUE}, which R applies only when the table is
     * 2 × 2; also tableone's default. The statistic is Σ(|O − E| − c)²/E with
     * c = min(½, min |O − E|). survkit's default, so Table 1 p-values match R's printout.
     */
    YATES_2X2,
    /** No correction on any table: R {@code chisq.test(table, correct = FALSE)}, SAS/SPSS "Pearson Chi-Square". */
    NONE
}

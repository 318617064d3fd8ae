package org.survkit.stats.baseline;

/**
 * Which test {@link Table1} reports for a categorical variable across groups. The table is levels ×
 * groups of the non-missing values, with all-zero rows and columns left out.
 */
public enum CategoricalTestChoice {
    /**
     * survkit's default: Fisher's exact test ({@link FisherExact}, R {@code fisher.test}) when any
     * expected count is below the minimum (default 5, Cochran's rule in its strict form), else
     * Pearson's chi-square ({@link ChiSquareIndependence}, R {@code chisq.test}, Yates-corrected on
     * 2 × 2 tables as R's default). tableone's rule is the same except that it reports both and
     * leaves the choice to the user ({@code print(..., exact = )}). When Fisher's network algorithm
     * exceeds its work limit the chi-square test is reported with a warning.
     */
    AUTO,
    /** Always Pearson's chi-square (with the {@link ContinuityCorrection} chosen); warns about small expected counts. */
    CHI_SQUARE,
    /** Always Fisher's exact test (chi-square with a warning if the table is too large for it). */
    FISHER
}

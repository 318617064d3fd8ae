package org.survkit.stats.baseline;

/**
 * Fisher's exact test of independence of an r × c table (two-sided).
 *
 * @param pValue    the probability, given the margins, of a table at most as probable as the observed one
 * @param rows      rows of the table tested (after all-zero rows are dropped)
 * @param columns   columns of the table tested (after all-zero columns are dropped)
 * @param algorithm how the p-value was computed
 */
public record FisherExactResult(double pValue, int rows, int columns, Algorithm algorithm) {

    /** How a Fisher p-value was computed. */
    public enum Algorithm {
        /** 2 × 2: the hypergeometric distribution of the first cell (R's 2 × 2 code path). */
        HYPERGEOMETRIC,
        /** r × c: exact sum over all tables with the observed margins, by a network algorithm (R: FEXACT). */
        NETWORK,
        /** Fewer than 2 non-empty rows or columns: only one table has these margins, p = 1. */
        SINGLE_TABLE
    }
}

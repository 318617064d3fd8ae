package org.survkit.io;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Receives a table from a {@link TableSources source} one row at a time: first the header, then each data row
 * that is not blank. Blank rows are skipped by the sources (with a warning when data follows them).
 */
interface RowHandler {

    /**
     * Receives the variable labels of a file that has them (SPSS {@code .sav}/{@code .zsav}, Stata {@code .dta}),
     * before {@link #header}: the descriptive names such as "Age at diagnosis (years)" that the statistics
     * package shows beside the short column names; a report may use them as Table 1 labels. Not called for text
     * files and workbooks.
     *
     * @param variableLabels column name → label, in column order, only for columns that have a label
     */
    default void labels(Map<String, String> variableLabels) {
    }

    /**
     * Receives the header and chooses the columns to extract.
     *
     * @param context where the table comes from
     * @param names   the trimmed column names, checked to be non-blank and unique
     * @param line    the line (or row) of the header
     * @return the header index of each column wanted, in the order {@link #row} receives them (may repeat)
     */
    int[] header(SourceContext context, List<String> names, int line);

    /**
     * Receives one data row.
     *
     * @param line  the line (or row) where the row starts
     * @param text  the raw (untrimmed, never null) text of each wanted column, in the order chosen by
     *              {@link #header}; reused between calls
     * @param dates for workbooks, the date of each wanted cell that is an Excel date cell, else null; for
     *              statistics files, the date of each wanted value of a date-formatted variable, else null;
     *              null for text files; reused between calls
     */
    void row(int line, String[] text, LocalDate[] dates);

    /**
     * Receives one data row of a text file read in parallel ({@link ParallelTextReader}); by default as
     * {@link #row} with the cells' texts.
     *
     * @param line  the line where the row starts
     * @param cells the wanted cells, in the order chosen by {@link #header}; valid only during the call
     */
    default void cells(int line, RowCells cells) {
        row(line, cells.texts(), null);
    }

    /**
     * Receives an estimate of the number of data rows (from the file size and the first megabytes), before the rows,
     * so that columns can be sized once; may be called never, and the count may be a little off either way.
     *
     * @param rows the estimated number of rows
     */
    default void expectRows(int rows) {
    }

    /**
     * Receives a warning about the table (blank lines skipped, file encoding, ...).
     *
     * @param message one sentence set for the user
     */
    void warn(String message);

    /** {@return true once the handler wants no more rows} */
    default boolean done() {
        return false;
    }
}

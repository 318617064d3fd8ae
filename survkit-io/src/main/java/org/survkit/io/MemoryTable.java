package org.survkit.io;

import java.util.List;

/**
 * A table held in memory that {@link CohortReader#read(MemoryTable, CohortSpec)} reads exactly as it reads a
 * file: the same column mapping, missing-value codes, checks, exclusions, covariate typing and warnings, so that
 * a cohort derived in memory and the same cells written to a CSV file and read back are {@link Cohort#equals
 * equal}. survkit-report's analysis dataset is one: it derives times, events and groups, exports them as
 * {@code analysis.csv}, and gives every analysis its cohort without reading the export back.
 *
 * <p>The header is line 1 in messages; every row is a data row (a memory table has no blank lines).
 */
public interface MemoryTable {

    /** {@return what the cohort records as its {@link Cohort#source() source}, e.g. the path of the export} */
    String source();

    /** {@return the name that starts messages about the table, e.g. {@code analysis.csv}} */
    String name();

    /** {@return the column names, trimmed, non-blank and unique} */
    List<String> columns();

    /** {@return the number of data rows} */
    int size();

    /**
     * The line that names a row in messages and in {@link Cohort#line()}: for a table that is also written as a
     * file, the line where the row starts there.
     *
     * @param row the 0-based data row
     * @return its line, greater than 1 and increasing with the row
     */
    int line(int row);

    /**
     * The text of a cell, as a file would hold it (the reader trims it and applies the missing-value codes).
     *
     * @param row    the 0-based data row
     * @param column the 0-based column
     * @return the text, never null (empty for a missing value)
     */
    String text(int row, int column);
}

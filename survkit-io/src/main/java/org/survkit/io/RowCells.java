package org.survkit.io;

/**
 * One data row of a text table as the parallel reader ({@link ParallelTextReader}) hands it over: the wanted
 * columns' cells, each readable as text (created only when asked for, or shared with the rows before when the
 * column has few distinct values) or, when the cell is a plain number, as the number parsed while the file was
 * split, so that a continuous column costs no string per row.
 */
interface RowCells {

    /**
     * Returns a wanted cell's text.
     *
     * @param slot the index among the wanted columns ({@link RowHandler#header}'s order)
     * @return the raw (untrimmed) text, as {@link RowHandler#row} receives it
     */
    String text(int slot);

    /**
     * Returns a wanted cell's value when it is a plain number: optional spaces, an optional minus sign, digits with
     * at most one decimal mark (the given one; no thousands separators, no exponent), at most 15 significant digits.
     * Such a text has the value {@link LocalNumbers#parse} gives, bit for bit, and is never a missing-value code
     * unless the user gave a number as one.
     *
     * @param slot the index among the wanted columns
     * @param mark the column's decimal mark, POINT or COMMA
     * @return the value, or NaN when the cell is anything else (then read {@link #text})
     */
    double number(int slot, DecimalMark mark);

    /** {@return the texts of every wanted cell, in a new array} */
    String[] texts();
}

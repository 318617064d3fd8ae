package org.survkit.io;

import java.util.Locale;

/**
 * Caps checked while a table is read, so that a broken or hostile file ends in an {@link InputException} that
 * says what is wrong instead of exhausting memory or time: the columns of the header, the characters of one
 * value, and the bytes an {@code .xlsx} workbook unpacks to.
 *
 * <p>The {@link #withDefaults() defaults} are generous, for the command line on the user's own files: 100,000
 * columns, 1,000,000 characters per value, 8 GiB unpacked. A server that reads uploads sets tighter caps
 * (for example Excel's own limit of 32,767 characters per cell). Immutable; change a copy with the withers:
 * {@code ReadLimits.withDefaults().withMaxColumns(5_000).withMaxCellChars(32_767)}.
 *
 * <p>How each cap is checked: columns as the header is split (a text file) or as the scan below counts a
 * row's cells (a workbook); a text value's characters as it is split; a workbook before it is opened, by
 * unpacking every part once without keeping it and counting the bytes, each cell's characters (UTF-8 lead
 * bytes of the text inside one {@code <c>}, {@code <si>} or {@code <is>} element) and each row's cells.
 *
 * @param maxColumns       the most columns a header may have (and, in a workbook, at least Excel's 16,384 cells
 *                         per row), ≥ 1
 * @param maxCellChars     the most characters of one value, ≥ 1
 * @param maxUnpackedBytes the most bytes the parts of an {@code .xlsx} workbook may unpack to together, ≥ 1
 */
public record ReadLimits(int maxColumns, int maxCellChars, long maxUnpackedBytes) {

    /** Excel's own limits: 16,384 columns and 32,767 characters per cell. */
    public static final int EXCEL_COLUMNS = 16_384;

    /** Excel's limit of characters in one cell. */
    public static final int EXCEL_CELL_CHARS = 32_767;

    private static final ReadLimits DEFAULTS = new ReadLimits(100_000, 1_000_000, 8L << 30);

    /**
     * Checks the caps.
     *
     * @throws IllegalArgumentException if a cap is below 1
     */
    public ReadLimits {
        if (maxColumns < 1 || maxCellChars < 1 || maxUnpackedBytes < 1) {
            throw new IllegalArgumentException("read limits must be at least 1: columns " + maxColumns
                    + ", cell characters " + maxCellChars + ", unpacked bytes " + maxUnpackedBytes);
        }
    }

    /** {@return the command line's generous caps: 100,000 columns, 1,000,000 characters, 8 GiB unpacked} */
    public static ReadLimits withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another column cap.
     *
     * @param columns the most columns, ≥ 1
     * @return the copy
     */
    public ReadLimits withMaxColumns(int columns) {
        return new ReadLimits(columns, maxCellChars, maxUnpackedBytes);
    }

    /**
     * A copy with another cap on the characters of one value.
     *
     * @param chars the most characters, ≥ 1
     * @return the copy
     */
    public ReadLimits withMaxCellChars(int chars) {
        return new ReadLimits(maxColumns, chars, maxUnpackedBytes);
    }

    /**
     * A copy with another cap on the unpacked size of a workbook.
     *
     * @param bytes the most bytes, ≥ 1
     * @return the copy
     */
    public ReadLimits withMaxUnpackedBytes(long bytes) {
        return new ReadLimits(maxColumns, maxCellChars, bytes);
    }

    /** {@return the most cells a workbook row may have: the column cap, but never below Excel's 16,384} */
    int maxCellsPerRow() {
        return Math.max(maxColumns, EXCEL_COLUMNS);
    }

    /** {@return a count as the messages show it, e.g. 1,000,000} */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@return a size as the messages show it: whole MB (MiB), or KB below one MB} */
    static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? count(bytes / (1024 * 1024)) + " MB" : count(Math.max(1, bytes / 1024)) + " KB";
    }

    /**
     * The error for a header wider than the cap.
     *
     * @param where the file and line of the header
     * @return the exception
     */
    InputException tooManyColumns(String where) {
        return new InputException(where + ": the header has more than " + count(maxColumns) + " columns, more than"
                + " survkit reads here. Is this a table with one column per variable and one row per patient? Save a"
                + " copy that keeps only the columns the analysis needs and use that.");
    }

    /**
     * The error for a value longer than the cap.
     *
     * @param where the file, line and column of the value
     * @return the exception
     */
    InputException cellTooLong(String where) {
        return new InputException(where + ": a value is longer than " + count(maxCellChars) + " characters, more"
                + " than survkit reads in one cell. A cell holds one value (a number, a date, a code); check that no"
                + " double quote (\") is left open in a text file, or shorten or remove that value.");
    }
}

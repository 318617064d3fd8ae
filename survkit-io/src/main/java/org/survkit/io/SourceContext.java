package org.survkit.io;

/**
 * Where a value came from, for the start of error messages: {@code lung.csv, line 17, column 'time'} in a text
 * file, {@code cohort.xlsx, sheet 'Data', row 5, column 'time'} in a workbook.
 *
 * @param fileName the file name without directories
 * @param sheet    the sheet name, or null for text files
 * @param delimiter the delimiter of a text file (a hint for the decimal mark: a semicolon file is a decimal-comma
 *                  file), or 0 when unknown or not a text file
 */
record SourceContext(String fileName, String sheet, char delimiter) {

    /**
     * Creates a context without a delimiter.
     *
     * @param fileName the file name
     * @param sheet    the sheet name, or null
     */
    SourceContext(String fileName, String sheet) {
        this(fileName, sheet, (char) 0);
    }

    /**
     * Creates the context of a delimited text file.
     *
     * @param fileName  the file name
     * @param delimiter the delimiter
     * @return the context
     */
    static SourceContext text(String fileName, char delimiter) {
        return new SourceContext(fileName, null, delimiter);
    }

    /**
     * Creates the context of a text file.
     *
     * @param fileName the file name
     * @return the context
     */
    static SourceContext text(String fileName) {
        return new SourceContext(fileName, null);
    }

    /**
     * Creates the context of one workbook sheet.
     *
     * @param fileName the file name
     * @param sheet    the sheet name
     * @return the context
     */
    static SourceContext excel(String fileName, String sheet) {
        return new SourceContext(fileName, sheet);
    }

    /** {@return the file, and the sheet for workbooks} */
    String file() {
        return sheet == null ? fileName : fileName + ", sheet '" + sheet + "'";
    }

    /** {@return "line" for text files, "row" for workbooks} */
    String lineWord() {
        return sheet == null ? "line" : "row";
    }

    /**
     * Names a line: {@code lung.csv, line 17}.
     *
     * @param line the line or row number
     * @return the file and line
     */
    String at(int line) {
        return file() + ", " + lineWord() + " " + line;
    }

    /**
     * Names a cell: {@code lung.csv, line 17, column 'time'}.
     *
     * @param line   the line or row number
     * @param column the column name
     * @return the file, line and column
     */
    String at(int line, String column) {
        return at(line) + ", column '" + column + "'";
    }

    /**
     * Names a column position as the user sees it: {@code column 4}, or {@code column D} in a workbook.
     *
     * @param index the 0-based column index
     * @return the position text
     */
    String position(int index) {
        if (sheet == null) {
            return "column " + (index + 1);
        }
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return "column " + letters;
    }
}

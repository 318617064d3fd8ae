package org.survkit.io;

/**
 * Where a value came from, for the start of error messages: {@code lung.csv, line 17, column 'time'} in a text
 * file, {@code cohort.xlsx, sheet 'Data', row 5, column 'time'} in a workbook, {@code cohort.sav, case 17,
 * column 'time'} in a statistics package's file (whose header is no row: it has number 0 and is named by the
 * file alone).
 *
 * @param fileName the file name without directories
 * @param sheet    the sheet name, or null for text files and statistics files
 * @param lineWord what a row is called: "line" for text files, "row" for workbooks, "case" or "observation"
 *                 for statistics files
 * @param delimiter the delimiter of a text file (a semicolon file is a decimal-comma file), or 0 when unknown
 */
record SourceContext(String fileName, String sheet, String lineWord, char delimiter) {

    /**
     * Creates a context without a delimiter.
     *
     * @param fileName the file name
     * @param sheet    the sheet name, or null
     * @param lineWord what a row is called
     */
    SourceContext(String fileName, String sheet, String lineWord) {
        this(fileName, sheet, lineWord, (char) 0);
    }

    /**
     * Creates the context of a delimited text file whose delimiter is known (a semicolon file is a decimal-comma
     * file: a hint for the decimal mark).
     *
     * @param fileName  the file name
     * @param delimiter the delimiter
     * @return the context
     */
    static SourceContext text(String fileName, char delimiter) {
        return new SourceContext(fileName, null, "line", delimiter);
    }

    /**
     * Creates the context of a text file.
     *
     * @param fileName the file name
     * @return the context
     */
    static SourceContext text(String fileName) {
        return new SourceContext(fileName, null, "line");
    }

    /**
     * Creates the context of one workbook sheet.
     *
     * @param fileName the file name
     * @param sheet    the sheet name
     * @return the context
     */
    static SourceContext excel(String fileName, String sheet) {
        return new SourceContext(fileName, sheet, "row");
    }

    /**
     * Creates the context of a statistics package's file (SPSS, Stata), whose rows are numbered from 1 as the
     * package shows them and whose header has number 0.
     *
     * @param fileName the file name
     * @param rowWord  what the package calls a row: "case" (SPSS) or "observation" (Stata)
     * @return the context
     */
    static SourceContext records(String fileName, String rowWord) {
        return new SourceContext(fileName, null, rowWord);
    }

    /** {@return true for a delimited text file (whose single-column header may mean a wrong delimiter)} */
    boolean isText() {
        return sheet == null && "line".equals(lineWord);
    }

    /** {@return the file, and the sheet for workbooks} */
    String file() {
        return sheet == null ? fileName : fileName + ", sheet '" + sheet + "'";
    }

    /**
     * Names a line: {@code lung.csv, line 17}; line 0 (the header of a statistics file) is named by the file.
     *
     * @param line the line or row number
     * @return the file and line
     */
    String at(int line) {
        return line <= 0 ? file() : file() + ", " + lineWord + " " + line;
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

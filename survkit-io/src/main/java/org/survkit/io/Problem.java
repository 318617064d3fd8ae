package org.survkit.io;

import java.util.Objects;

/**
 * One thing wrong in a table, named so that the user can find and fix it: where (file, line or row, column),
 * the value, what is wrong with it and what to do.
 *
 * <p>{@link #message()} is the sentence the command line prints, e.g. {@code cohort.csv, line 17, column 'age':
 * value "62,5" uses a decimal comma, but this column's decimal mark is a dot. Correct the value, or give
 * --decimal ,.}
 *
 * @param file   the file (and sheet of a workbook), e.g. {@code cohort.xlsx, sheet 'Data'}
 * @param line   the line of a text file or the row of a workbook (0 when the problem is not about one row)
 * @param column the column, or null when the problem is not about one column
 * @param value  the cell text as written (trimmed), or null
 * @param what   what is wrong, as the rest of a sentence after the value ("is not a number")
 * @param fix    what to do, one or more sentences
 * @param kind   a short stable name of the kind of problem, the same for every row with it (e.g.
 *               {@code not-a-number}), for programs and for counting excluded rows per reason
 * @param lineWord what the file calls a row: "line" (text), "row" (workbook), "case" (SPSS), "observation" (Stata)
 */
public record Problem(String file, int line, String column, String value, String what, String fix, String kind,
        String lineWord) {

    /** Checks the required parts. */
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(kind, "kind");
        fix = fix == null ? "" : fix;
        lineWord = lineWord == null ? file.contains(", sheet '") ? "row" : "line" : lineWord;
    }

    /** A problem whose file says what a row is called (a workbook's sheet: "row", else "line"). */
    public Problem(String file, int line, String column, String value, String what, String fix, String kind) {
        this(file, line, column, value, what, fix, kind, null);
    }

    /** {@return where, as the start of a message: {@code cohort.csv, line 17, column 'age'}} */
    public String where() {
        return file + (line > 0 ? ", " + lineWord + " " + line : "") + (column == null ? "" : ", column '" + column + "'");
    }

    /** {@return the full sentence for the user: where, value, what is wrong, what to do} */
    public String message() {
        return where() + ": " + (value == null ? "" : "value \"" + value + "\" ") + what
                + (what.endsWith(".") ? "" : ".") + (fix.isEmpty() ? "" : " " + fix);
    }

    @Override
    public String toString() {
        return message();
    }
}

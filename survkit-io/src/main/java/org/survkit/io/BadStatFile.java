package org.survkit.io;

/**
 * A structural fault found while a statistics file (SPSS, Stata) or a Parquet file is read: its message says what
 * is wrong in a few words ("variable 3 has an unknown type 7"); the source turns it into an {@link InputException}
 * that names the file and says what to do.
 */
final class BadStatFile extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the fault.
     *
     * @param what what is wrong, without the file name
     */
    BadStatFile(String what) {
        super(what);
    }
}

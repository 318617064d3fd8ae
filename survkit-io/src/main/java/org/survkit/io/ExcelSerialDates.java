package org.survkit.io;

import java.time.LocalDate;

/**
 * Excel's date serial numbers (1900 date system: serial 1 = 1900-01-01, with Excel's fictitious
 * 1900-02-29 as serial 60; serial 43831 = 2020-01-01).
 *
 * <p>Used when a date column holds plain numbers, for instance a CSV saved from Excel with the date
 * formatting lost. To avoid reading real numbers as dates only whole numbers from 3654 (1910-01-01) to
 * 109574 (2199-12-31) are taken as serials, and the reader warns when it does so.
 */
final class ExcelSerialDates {

    /** The first serial read as a date: 1910-01-01. */
    static final int FIRST = 3654;
    /** The last serial read as a date: 2199-12-31. */
    static final int LAST = 109574;
    private static final long EPOCH_1900 = LocalDate.of(1899, 12, 30).toEpochDay();

    private ExcelSerialDates() {
    }

    /**
     * Reads a trimmed text as an Excel serial date.
     *
     * @param s the text, e.g. {@code 43831} or {@code 43831.0}
     * @return the day number ({@link LocalDate#toEpochDay()}), or {@link DateReader#NOT_A_DATE}
     */
    static long parse(String s) {
        double v = DecimalParser.parse(s);
        if (!(v >= FIRST && v <= LAST) || v != Math.rint(v)) {
            return DateReader.NOT_A_DATE;
        }
        return EPOCH_1900 + (long) v;
    }
}

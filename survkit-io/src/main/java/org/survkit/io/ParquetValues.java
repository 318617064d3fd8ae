package org.survkit.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The values of one flat Parquet column in one row group (or its dictionary), one per row, and how each becomes
 * the text (and date) a {@link RowHandler} receives.
 *
 * <p>Null is empty text, and so is a floating-point NaN (as a missing value of SPSS and Stata is). Integers as
 * written (unsigned ones without a sign); decimals in plain notation without trailing zeros ({@code 12.5});
 * FLOAT with its own shortest digits and DOUBLE with the shortest digits that give the same double back
 * ({@link Double#toString}), in plain notation, so that a double read from the text equals the one in the file;
 * booleans {@code true}/{@code false} (which survkit's event words read as event/censored); text as UTF-8. A DATE,
 * a TIMESTAMP (ms, µs, ns; local or UTC, shown as written) and an INT96 timestamp arrive as their date
 * ({@code yyyy-MM-dd} and the {@link LocalDate}), as a date-time of SPSS or Stata does; a TIME as
 * {@code HH:mm:ss}.
 */
final class ParquetValues {

    private static final long MAX_DAYS = 1_000_000_000L;
    private static final long JULIAN_EPOCH = 2_440_588L;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final ParquetColumn column;
    private final boolean[] missing;
    private final long[] longs;
    private final double[] doubles;
    private final byte[][] bytes;
    private final String[] texts;

    /**
     * Creates room for the values.
     *
     * @param column the column
     * @param size   the rows (or dictionary entries)
     */
    ParquetValues(ParquetColumn column, int size) {
        this.column = column;
        this.missing = column.optional() ? new boolean[size] : null;
        int physical = column.physical();
        boolean integer = physical == ParquetColumn.BOOLEAN || physical == ParquetColumn.INT32
                || physical == ParquetColumn.INT64;
        boolean floating = physical == ParquetColumn.FLOAT || physical == ParquetColumn.DOUBLE;
        boolean text = column.meaning() == ParquetColumn.Meaning.TEXT;
        this.longs = integer ? new long[size] : null;
        this.doubles = floating ? new double[size] : null;
        this.bytes = integer || floating || text ? null : new byte[size][];
        this.texts = text ? new String[size] : null;
    }

    /** {@return the number of values} */
    int size() {
        return longs != null ? longs.length : doubles != null ? doubles.length : bytes != null ? bytes.length
                : texts.length;
    }

    /**
     * Stores the values of one page.
     *
     * @param present for an optional column, whether each row of the page has a value; null if all have
     * @param from    the first row of the page
     * @param n       the rows of the page
     * @param dense   the page's non-null values: long[], double[] or byte[][] as this column stores them (for a
     *                text column byte[][], or String[] from its dictionary, each decoded once)
     */
    void fill(boolean[] present, int from, int n, Object dense) {
        int next = 0;
        for (int i = 0; i < n; i++) {
            boolean has = present == null || present[i];
            if (missing != null) {
                missing[from + i] = !has;
            }
            if (has) {
                if (longs != null) {
                    longs[from + i] = ((long[]) dense)[next];
                } else if (doubles != null) {
                    doubles[from + i] = ((double[]) dense)[next];
                } else if (bytes != null) {
                    bytes[from + i] = ((byte[][]) dense)[next];
                } else {
                    texts[from + i] = dense instanceof String[] decoded ? decoded[next]
                            : new String(((byte[][]) dense)[next], StandardCharsets.UTF_8);
                }
                next++;
            }
        }
    }

    /**
     * Looks up dictionary entries.
     *
     * @param indices the entries
     * @return their values, as {@link #fill} takes them
     * @throws BadStatFile if an index lies outside the dictionary
     */
    Object pick(int[] indices) {
        int size = size();
        for (int index : indices) {
            if (index < 0 || index >= size) {
                throw new BadStatFile("column '" + column.name() + "' refers to entry " + index + " of a dictionary"
                        + " of " + size);
            }
        }
        if (longs != null) {
            long[] out = new long[indices.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = longs[indices[i]];
            }
            return out;
        }
        if (doubles != null) {
            double[] out = new double[indices.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = doubles[indices[i]];
            }
            return out;
        }
        if (texts != null) {
            String[] out = new String[indices.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = texts[indices[i]];
            }
            return out;
        }
        byte[][] out = new byte[indices.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes[indices[i]];
        }
        return out;
    }

    /**
     * Delivers one row's value.
     *
     * @param row  the row in the row group
     * @param text the text of the row
     * @param days the dates of the row
     * @param slot where in the row
     */
    void deliver(int row, String[] text, LocalDate[] days, int slot) {
        days[slot] = null;
        if (missing != null && missing[row]) {
            text[slot] = "";
            return;
        }
        int physical = column.physical();
        switch (column.meaning()) {
            case INTEGER -> text[slot] = Long.toString(longs[row]);
            case UNSIGNED -> text[slot] = physical == ParquetColumn.INT32
                    ? Integer.toUnsignedString((int) longs[row]) : Long.toUnsignedString(longs[row]);
            case DECIMAL -> text[slot] = plain(new BigDecimal(longs != null ? BigInteger.valueOf(longs[row])
                    : new BigInteger(bytes[row].length == 0 ? new byte[1] : bytes[row]), column.scale()));
            case DATE -> date(longs[row], text, days, slot);
            case TIMESTAMP -> date(Math.floorDiv(longs[row], 86_400L * column.scale()), text, days, slot);
            case INT96_TIMESTAMP -> int96(bytes[row], text, days, slot);
            case TIME -> time(longs[row], text, slot);
            case FLOAT -> text[slot] = Double.isNaN(doubles[row]) ? "" : StatColumn.floatText((float) doubles[row]);
            case DOUBLE -> text[slot] = doubleText(doubles[row]);
            case BOOLEAN -> text[slot] = longs[row] != 0 ? "true" : "false";
            case UUID -> text[slot] = uuid(bytes[row]);
            default -> text[slot] = texts[row];
        }
    }

    private void date(long epochDay, String[] text, LocalDate[] days, int slot) {
        if (Math.abs(epochDay) >= MAX_DAYS) {
            text[slot] = Long.toString(epochDay);
            return;
        }
        days[slot] = LocalDate.ofEpochDay(epochDay);
        text[slot] = days[slot].toString();
    }

    private void int96(byte[] value, String[] text, LocalDate[] days, int slot) {
        ParquetEncodings in = new ParquetEncodings(value, 0, value.length);
        long nanos = in.int64();
        long julian = in.int32() & 0xFFFF_FFFFL;
        date(julian - JULIAN_EPOCH + Math.floorDiv(nanos, NANOS_PER_DAY), text, days, slot);
    }

    private void time(long value, String[] text, int slot) {
        long nanos = value * (1_000_000_000L / column.scale());
        text[slot] = nanos >= 0 && nanos < NANOS_PER_DAY ? LocalTime.ofNanoOfDay(nanos).toString()
                : Long.toString(value);
    }

    /**
     * Shows a double with the shortest digits that read back as the same double, in plain notation.
     *
     * @param value the number
     * @return its text; empty for NaN
     */
    static String doubleText(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String few = fewDecimals(value);
        if (few != null) {
            return few;
        }
        String shortest = Double.toString(value);
        return shortest.indexOf('E') < 0 ? shortest : plain(new BigDecimal(shortest));
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    /**
     * The fast path for the usual clinical number ({@code 62.5}, {@code 0.125}): the fewest decimals k ≤ 8 for
     * which n / 10^k, n an integer below 2^53, is the double itself (n and 10^k are exact doubles and division is
     * correctly rounded, so the text reads back as the same double, as {@link Double#parseDouble} rounds the same
     * rational correctly).
     *
     * @return the text, or null when more decimals are needed
     */
    private static String fewDecimals(double value) {
        if (Math.abs(value) >= 1e7) {
            return null;
        }
        for (int k = 1; k < POWERS.length; k++) {
            long n = Math.round(value * POWERS[k]);
            if (n / POWERS[k] == value) {
                String digits = Long.toString(Math.abs(n));
                if (digits.length() <= k) {
                    digits = "0".repeat(k - digits.length() + 1) + digits;
                }
                int point = digits.length() - k;
                return (value < 0 ? "-" : "") + digits.substring(0, point) + "." + digits.substring(point);
            }
        }
        return null;
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String uuid(byte[] value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out.append('-');
            }
            out.append(String.format("%02x", value[i] & 0xFF));
        }
        return out.toString();
    }
}

package org.survkit.io;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One variable of a statistics file (SPSS, Stata) as survkit delivers it: its name and label, and how a
 * non-missing number becomes text and a date.
 *
 * <p>A number that has a value label is delivered as the label ({@code 1 = "Dead"} arrives as {@code Dead});
 * else a number of a date-formatted variable as its date ({@code 2020-01-31} and the {@link LocalDate}; a
 * date-time as its date); else the number as {@link ExcelCells#number} shows it ({@code 12.5}, {@code 3}).
 */
final class StatColumn {

    /** How a numeric variable holds dates, if it does. */
    enum Dates {
        /** Not a date. */
        NONE(null, 0),
        /** SPSS: seconds since 14 October 1582. */
        SPSS_SECONDS(LocalDate.of(1582, 10, 14), 86_400L),
        /** Stata {@code %td}: days since 1 January 1960. */
        STATA_DAYS(LocalDate.of(1960, 1, 1), 1L),
        /** Stata {@code %tc}, {@code %tC}: milliseconds since 1 January 1960. */
        STATA_MILLIS(LocalDate.of(1960, 1, 1), 86_400_000L);

        /** Days beyond which a value is shown as a number, not a date (about 2.7 million years). */
        private static final double MAX_DAYS = 1e9;

        private final LocalDate epoch;
        private final long unitsPerDay;

        Dates(LocalDate epoch, long unitsPerDay) {
            this.epoch = epoch;
            this.unitsPerDay = unitsPerDay;
        }

        /**
         * Converts a value.
         *
         * @param value the number held
         * @return its date, or null if this is no date kind or the value is far out of range
         */
        LocalDate date(double value) {
            if (epoch == null) {
                return null;
            }
            double days = Math.floor(value / unitsPerDay);
            return Math.abs(days) < MAX_DAYS ? epoch.plusDays((long) days) : null;
        }
    }

    private final String name;
    private final String label;
    private final Map<Double, String> valueLabels;
    private final Dates dates;

    /**
     * Creates a column.
     *
     * @param name        the variable name
     * @param label       the variable label, or "" for none
     * @param valueLabels value → label, possibly empty
     * @param dates       how the variable holds dates
     */
    StatColumn(String name, String label, Map<Double, String> valueLabels, Dates dates) {
        this.name = name;
        this.label = label;
        this.valueLabels = valueLabels;
        this.dates = dates;
    }

    /** {@return the variable name} */
    String name() {
        return name;
    }

    /** {@return the variable label, or "" for none} */
    String label() {
        return label;
    }

    /**
     * Delivers a non-missing number.
     *
     * @param value  the number
     * @param single true for a single-precision (float) value, shown with float's shortest digits
     * @param text   the text of the row
     * @param days   the dates of the row
     * @param slot   where in the row
     */
    void number(double value, boolean single, String[] text, LocalDate[] days, int slot) {
        days[slot] = null;
        if (!valueLabels.isEmpty()) {
            String shown = valueLabels.get(key(value));
            if (shown != null) {
                text[slot] = shown;
                return;
            }
        }
        LocalDate date = dates.date(value);
        if (date != null) {
            days[slot] = date;
            text[slot] = date.toString();
            return;
        }
        text[slot] = single ? floatText((float) value) : numberText(value);
    }

    /**
     * The key of a value in a value-label map: -0 is 0.
     *
     * @param value the value
     * @return the key
     */
    static Double key(double value) {
        return value == 0 ? 0.0 : value;
    }

    /**
     * Shows a double as Excel's "General" format does (at most 15 significant digits, no exponent).
     *
     * @param value the number, not NaN
     * @return its text
     */
    static String numberText(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return ExcelCells.number(new BigDecimal(value));
    }

    /**
     * Shows a single-precision number with its own shortest digits ({@code 12.3}, not {@code 12.3000001907349}).
     *
     * @param value the number, not NaN
     * @return its text
     */
    static String floatText(float value) {
        if (Float.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return ExcelCells.number(new BigDecimal(Float.toString(value)));
    }
}

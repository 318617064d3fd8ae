package org.survkit.io;

import java.util.Locale;

/**
 * The unit of follow-up time computed from two date columns.
 *
 * <p>The time is {@code (end date − start date) in days / days()}. Months and years use the average Julian
 * lengths, 365.25 days per year and 365.25 / 12 = 30.4375 days per month, as do R's {@code survminer}
 * ({@code xscale = "d_m"}, {@code "d_y"}) and {@code lubridate}'s durations. {@link #DAYS} is the default.
 * A numeric time column is taken as it is and not converted.
 */
public enum TimeUnit {
    /** Days (default): the date difference itself. */
    DAYS(1),
    /** Weeks of 7 days. */
    WEEKS(7),
    /** Months of 30.4375 days (365.25 / 12). */
    MONTHS(30.4375),
    /** Years of 365.25 days. */
    YEARS(365.25);

    private final double days;

    TimeUnit(double days) {
        this.days = days;
    }

    /**
     * Returns the length of one unit in days.
     *
     * @return days per unit
     */
    public double days() {
        return days;
    }

    /**
     * Parses a unit name, ignoring case and surrounding blanks; singular and plural both work
     * ({@code "month"}, {@code "Months"}).
     *
     * @param text the unit name
     * @return the unit
     * @throws InputException if the name is not a known unit
     */
    public static TimeUnit parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (TimeUnit unit : values()) {
            String plural = unit.name().toLowerCase(Locale.ROOT);
            if (key.equals(plural) || key.equals(plural.substring(0, plural.length() - 1))) {
                return unit;
            }
        }
        throw new InputException("Unknown time unit \"" + text + "\". Use days, weeks, months or years with "
                + OptionNames.TIME_UNIT + ".");
    }
}

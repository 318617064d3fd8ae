package org.survkit.io;

/**
 * The command-line option names that error messages cite as the fix, kept in one place so that they match
 * survkit-cli.
 */
final class OptionNames {
    static final String TIME = "--time";
    static final String START_DATE = "--start-date";
    static final String END_DATE = "--end-date";
    static final String TIME_UNIT = "--time-unit";
    static final String DATE_FORMAT = "--date-format";
    static final String EVENT = "--event";
    static final String EVENT_VALUE = "--event-value";
    static final String GROUP = "--group";
    static final String STRATA = "--strata";
    static final String NA = "--na";
    static final String SHEET = "--sheet";

    private OptionNames() {
    }
}

package org.survkit.io;

/**
 * The command-line option names that error messages cite as the fix, kept in one place so that they match
 * survkit-cli.
 */
final class OptionNames {
    /** The numeric time column. */
    static final String TIME = "--time";
    /** The start date column. */
    static final String START_DATE = "--start-date";
    /** The end date column. */
    static final String END_DATE = "--end-date";
    /** The unit of times from dates. */
    static final String TIME_UNIT = "--time-unit";
    /** The date pattern. */
    static final String DATE_FORMAT = "--date-format";
    /** The event column. */
    static final String EVENT = "--event";
    /** The value marking an event. */
    static final String EVENT_VALUE = "--event-value";
    /** The values marking censored rows. */
    static final String CENSOR_VALUE = "--censor-value";
    /** The decimal mark. */
    static final String DECIMAL = "--decimal";
    /** What to do with invalid rows. */
    static final String INVALID = "--invalid";
    /** The group column. */
    static final String GROUP = "--group";
    /** The strata column. */
    static final String STRATA = "--strata";
    /** Extra missing-value codes. */
    static final String NA = "--na";
    /** The Excel sheet. */
    static final String SHEET = "--sheet";
    /** The model covariates (terms). */
    static final String COVARIATES = "--covariates";
    /** Covariates forced to be categorical. */
    static final String CATEGORICAL = "--categorical";
    /** The case-weight column. */
    static final String WEIGHTS = "--weights";
    /** The cluster column. */
    static final String CLUSTER = "--cluster";
    /** The entry (start) time column. */
    static final String START = "--start";

    private OptionNames() {
    }
}

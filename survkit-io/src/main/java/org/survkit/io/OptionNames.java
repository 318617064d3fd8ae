package org.survkit.io;

/**
 * The command-line flags of a cohort's columns and of how its cells are read, which survkit-io's messages cite as the
 * fix. Their one home: survkit-study's {@code StudyKeys.Flags} (the flags of every study key, which survkit-cli's
 * options and the study keys use) takes these from here, since survkit-io sits below survkit-study and cannot see it.
 */
public final class OptionNames {
    /** The numeric time column. */
    public static final String TIME = "--time";
    /** The start date column. */
    public static final String START_DATE = "--start-date";
    /** The end date column. */
    public static final String END_DATE = "--end-date";
    /** The unit of times from dates. */
    public static final String TIME_UNIT = "--time-unit";
    /** The date pattern. */
    public static final String DATE_FORMAT = "--date-format";
    /** The event column. */
    public static final String EVENT = "--event";
    /** The value marking an event. */
    public static final String EVENT_VALUE = "--event-value";
    /** The values marking censored rows. */
    public static final String CENSOR_VALUE = "--censor-value";
    /** The decimal mark. */
    public static final String DECIMAL = "--decimal";
    /** What to do with invalid rows. */
    public static final String INVALID = "--invalid";
    /** The group column. */
    public static final String GROUP = "--group";
    /** The strata column. */
    public static final String STRATA = "--strata";
    /** Extra missing-value codes. */
    public static final String NA = "--na";
    /** The Excel sheet. */
    public static final String SHEET = "--sheet";
    /** The model covariates (terms). */
    public static final String COVARIATES = "--covariates";
    /** Covariates forced to be categorical. */
    public static final String CATEGORICAL = "--categorical";
    /** The case-weight column. */
    public static final String WEIGHTS = "--weights";
    /** The cluster column. */
    public static final String CLUSTER = "--cluster";
    /** The entry (start) time column. */
    public static final String START = "--start";

    private OptionNames() {
    }
}

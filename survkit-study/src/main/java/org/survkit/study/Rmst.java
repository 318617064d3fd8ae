package org.survkit.study;

/** When a study compares restricted mean survival times (RMST) between groups ({@code comparisons.rmst}). */
public enum Rmst {
    /** When hazards do not look proportional (crossing curves, or a failed PH test of the group): the default. */
    AUTO,
    /** Always. */
    YES,
    /** Never. */
    NO;

    /** {@return the word in study files and on the command line} */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

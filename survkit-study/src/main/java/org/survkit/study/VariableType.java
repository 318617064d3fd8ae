package org.survkit.study;

/** How a Table 1 variable is summarized ({@code table1[].type}). */
public enum VariableType {
    /** Continuous when every value is a number and there are more than 5 distinct values; else categorical. */
    AUTO,
    /** n (%) per level. */
    CATEGORICAL,
    /** mean ± SD or median [IQR]. */
    CONTINUOUS;

    /** {@return the word in study files} */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

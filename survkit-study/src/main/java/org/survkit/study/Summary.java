package org.survkit.study;

/** Which summary a continuous Table 1 variable shows ({@code table1[].summary}). */
public enum Summary {
    /** mean ± SD when the test chosen is parametric, median [IQR] when it is a rank test. */
    AUTO,
    /** mean ± SD. */
    MEAN_SD,
    /** median [Q1, Q3] (R quantile type 7). */
    MEDIAN_IQR;

    /** {@return the word in study files} */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

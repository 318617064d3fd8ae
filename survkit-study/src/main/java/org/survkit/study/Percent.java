package org.survkit.study;

/** How Table 1 shows a level's count ({@code table1.percent}). */
public enum Percent {
    /** The count, its denominator and the percentage: 9/43 (20.9) (survkit's default: N shows missing values). */
    N_OF_N("n/N (%)"),
    /** The count and the percentage: 9 (20.9) (tableone's and gtsummary's default). */
    N("n (%)");

    private final String word;

    Percent(String word) {
        this.word = word;
    }

    /** {@return the words in study files and on the command line: "n/N (%)" or "n (%)"} */
    public String word() {
        return word;
    }
}

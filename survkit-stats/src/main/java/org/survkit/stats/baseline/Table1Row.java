package org.survkit.stats.baseline;

import java.util.List;

/**
 * One variable's rows in a Table 1: its summaries overall and per group, the test across groups
 * and the standardized difference.
 */
public sealed interface Table1Row {

    /** The variable's name. */
    String variable();

    /** The test across groups. */
    GroupTest test();

    /** Pairwise standardized differences with their max and mean. */
    StandardizedDifference pairwiseSmd();

    /** The standardized difference reported (the chosen {@link SmdSummary} of {@link #pairwiseSmd()}). */
    double smd();

    /**
     * A continuous variable: mean ± SD, median [IQR], range.
     *
     * @param variable    name
     * @param overall     summary over all analysed subjects
     * @param groups      summary per group, in group order
     * @param normality   Shapiro–Wilk per group (NaN where a group was not tested)
     * @param test        the test across groups
     * @param pairwiseSmd pairwise SMDs
     * @param smd         the SMD reported
     */
    record Continuous(String variable, ContinuousSummary overall, List<ContinuousSummary> groups,
            List<ShapiroWilkResult> normality, GroupTest test, StandardizedDifference pairwiseSmd, double smd)
            implements Table1Row {
        public Continuous {
            groups = List.copyOf(groups);
            normality = List.copyOf(normality);
        }
    }

    /**
     * A categorical variable: n (%) per level, percentages of the non-missing values.
     *
     * @param variable    name
     * @param levels      the levels in display order
     * @param overall     counts over all analysed subjects
     * @param groups      counts per group, in group order
     * @param test        the test across groups
     * @param pairwiseSmd pairwise SMDs (Yang &amp; Dalton)
     * @param smd         the SMD reported
     */
    record Categorical(String variable, List<String> levels, CategoricalSummary overall, List<CategoricalSummary> groups,
            GroupTest test, StandardizedDifference pairwiseSmd, double smd) implements Table1Row {
        public Categorical {
            levels = List.copyOf(levels);
            groups = List.copyOf(groups);
        }
    }
}

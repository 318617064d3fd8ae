package org.survkit.stats.baseline;

import java.util.Objects;

/**
 * The test of a Table 1 row: which test, its statistic and p-value, and why it was chosen.
 *
 * @param method    the test
 * @param statistic t, F, W, H or X²; NaN for Fisher's test and {@link GroupTestMethod#NONE}
 * @param df        degrees of freedom (t, χ², numerator of F); NaN when the test has none
 * @param df2       denominator degrees of freedom of F; NaN otherwise
 * @param pValue    two-sided p-value; NaN for {@link GroupTestMethod#NONE}
 * @param rationale the rule that chose the test, or why there is none, in plain words
 */
public record GroupTest(GroupTestMethod method, double statistic, double df, double df2, double pValue,
        String rationale) {

    public GroupTest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rationale, "rationale");
    }

    static GroupTest none(String why) {
        return new GroupTest(GroupTestMethod.NONE, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why);
    }
}

package org.survkit.stats.competing;

import java.util.List;
import org.survkit.stats.internal.Columns;

/**
 * Gray's k-sample test that the cumulative incidence of one cause is the same in every group (R cmprsk
 * {@code cuminc(...)$Tests}): the statistic s'V⁻¹s on k − 1 degrees of freedom, s the scores of the first
 * k − 1 groups. NaN statistic and p-value when V is singular (cmprsk reports −1 there).
 *
 * @param cause     the cause code
 * @param groups    group labels in level order
 * @param strata    stratum labels (empty when unstratified)
 * @param rho       power of the weight (1 − F(t−))^ρ
 * @param score     the scores of the first k − 1 groups
 * @param variance  their (k − 1) × (k − 1) covariance
 * @param statistic the chi-square statistic
 * @param df        k − 1
 * @param pValue    upper-tail chi-square probability
 */
public record GrayTestResult(double cause, List<String> groups, List<String> strata, double rho, double[] score,
        double[][] variance, double statistic, int df, double pValue) {

    public GrayTestResult {
        groups = List.copyOf(groups);
        strata = List.copyOf(strata);
        score = score.clone();
        variance = Columns.copy(variance);
    }

    @Override
    public double[] score() {
        return score.clone();
    }

    @Override
    public double[][] variance() {
        return Columns.copy(variance);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayTestResult t && Double.compare(cause, t.cause) == 0 && groups.equals(t.groups)
                && strata.equals(t.strata) && Double.compare(rho, t.rho) == 0
                && java.util.Arrays.equals(score, t.score) && java.util.Arrays.deepEquals(variance, t.variance)
                && Double.compare(statistic, t.statistic) == 0 && df == t.df
                && Double.compare(pValue, t.pValue) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(cause, groups, statistic, df);
    }
}

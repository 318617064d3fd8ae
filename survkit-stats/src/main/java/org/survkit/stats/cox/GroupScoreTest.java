package org.survkit.stats.cox;

import java.util.ArrayList;
import java.util.List;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.DesignMatrixBuilder;
import org.survkit.stats.model.Factor;

/**
 * The comparison of groups by the score test of a Cox model with the group alone (treatment contrasts against the
 * first level with rows), R's {@code summary(coxph(Surv(start, stop, event) ~ group + strata(s), weights = w))}:
 * the log-rank test's counterpart for what R's {@code survdiff} does not take, case weights and (start, stop] rows.
 *
 * <p>Without tied event times the score test of the group is the (stratified) log-rank test of the same risk sets
 * (Therneau &amp; Grambsch 2000, §3.4); with ties it is the Efron version. With whole-number weights it is the
 * test of the rows each repeated as often as its weight. With a non-integer weight R's coxph uses the robust
 * variance, and so the robust score test ({@code summary(fit)$robscore}; Lin &amp; Wei 1989) is returned, as for
 * {@link CoxModel#robustScoreTest()}.
 *
 * @param test   the score test, or the robust score test
 * @param robust whether it is the robust one
 * @param model  the fitted model (the hazard ratios of the levels against the first)
 */
public record GroupScoreTest(ChiSquareTest test, boolean robust, CoxModel model) {

    /**
     * The test among the rows of some groups: a pairwise comparison, or the groups a figure shows.
     *
     * @param start     entry times, or null
     * @param stop      exit times
     * @param event     event at stop
     * @param weights   case weights, or null
     * @param labels    each row's group
     * @param order     the groups in display order (the first kept one with rows is the reference)
     * @param kept      the groups whose rows are compared, or null for all
     * @param strata    each row's stratum, or null
     * @param confLevel the level of the hazard ratios' intervals
     * @return the test on those rows
     */
    public static GroupScoreTest among(double[] start, double[] stop, boolean[] event, double[] weights,
            String[] labels, List<String> order, java.util.Collection<String> kept, String[] strata,
            double confLevel) {
        int n = 0;
        for (String l : labels) {
            n += kept == null || kept.contains(l) ? 1 : 0;
        }
        double[] a = start == null ? null : new double[n];
        double[] b = new double[n];
        boolean[] e = new boolean[n];
        double[] w = weights == null ? null : new double[n];
        String[] g = new String[n];
        String[] s = strata == null ? null : new String[n];
        for (int r = 0, i = 0; r < labels.length; r++) {
            if (kept != null && !kept.contains(labels[r])) {
                continue;
            }
            b[i] = stop[r];
            e[i] = event[r];
            g[i] = labels[r];
            if (a != null) {
                a[i] = start[r];
            }
            if (w != null) {
                w[i] = weights[r];
            }
            if (s != null) {
                s[i] = strata[r];
            }
            i++;
        }
        return of(a, b, e, w, Factor.ordered(g, order), s == null ? null : Factor.of(s).codes(), confLevel);
    }

    /**
     * Fits the model and returns its score test.
     *
     * @param start     entry times (each below its stop), or null for right-censored rows
     * @param stop      exit times
     * @param event     event at stop
     * @param weights   case weights (≥ 0), or null
     * @param group     the groups; levels without rows are left out, the first level with rows is the reference
     * @param strata    strata codes (a separate baseline hazard each), or null
     * @param confLevel the level of the hazard ratios' intervals
     * @return the test
     * @throws IllegalArgumentException with fewer than two groups with rows
     */
    public static GroupScoreTest of(double[] start, double[] stop, boolean[] event, double[] weights, Factor group,
            int[] strata, double confLevel) {
        int[] codes = group.codes();
        int[] counts = new int[group.levelCount()];
        for (int c : codes) {
            counts[c]++;
        }
        List<String> present = new ArrayList<>();
        for (int l = 0; l < counts.length; l++) {
            if (counts[l] > 0) {
                present.add(group.levels().get(l));
            }
        }
        if (present.size() < 2) {
            throw new IllegalArgumentException("the score test compares groups: " + present.size()
                    + " group with rows");
        }
        String[] labels = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            labels[i] = group.levels().get(codes[i]);
        }
        DesignMatrix design = DesignMatrixBuilder.of(codes.length).categorical("group", labels, present,
                present.get(0)).build(List.of("group"));
        CoxModel m = CoxRegression.withDefaults().withConfLevel(confLevel)
                .fit(new CoxData(start, stop, event, design, weights, strata, null));
        boolean robust = m.robustScoreTest() != null;
        return new GroupScoreTest(robust ? m.robustScoreTest() : m.scoreTest(), robust, m);
    }
}

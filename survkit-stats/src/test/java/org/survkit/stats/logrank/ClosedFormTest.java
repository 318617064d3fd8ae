package org.survkit.stats.logrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.MedianRule;
import org.survkit.stats.km.RestrictedMean;
import org.survkit.stats.km.SurvivalAtTime;
import org.survkit.stats.km.SurvivalCurve;

/**
 * Tiny data sets worked by hand: every expected number is derived in the comments from the
 * published formulas (Klein &amp; Moeschberger §4.2, §4.5, §7.3; Therneau &amp; Grambsch §2.3;
 * Berry, Kitchin &amp; Mock 1991), with exact fractions where there are some.
 */
class ClosedFormTest {
    private static final double EPS = 1e-12;
    /** R: qnorm(0.975). */
    private static final double Z = 1.959963984540054;

    // (a) times 1, 2, 2, 3+, 4: deaths at 1, 2, 2, 4; censored at 3
    private static final double[] A_TIME = {1, 2, 2, 3, 4};
    private static final boolean[] A_EVENT = {true, true, true, false, true};

    /**
     * <pre>
     * t  n.risk n.event n.censor  S                    Greenwood Σ d/(n(n−d))        se(S) = S·sqrt(Σ)
     * 1  5      1       0         4/5 = 0.8            1/(5·4) = 1/20                0.8·sqrt(0.05) = 0.178885
     * 2  4      2       0         4/5·2/4 = 2/5 = 0.4  1/20 + 2/(4·2) = 3/10        0.4·sqrt(0.3)  = 0.219089
     * 3  2      0       1         0.4                  3/10                          0.219089
     * 4  1      1       0         0.4·0/1 = 0          (n = d: undefined)            NA
     * Nelson–Aalen Σ d/n: 1/5 = 0.2; 0.2 + 2/4 = 0.7; 0.7; 0.7 + 1/1 = 1.7,
     * its se sqrt(Σ d/n²): sqrt(1/25) = 0.2; sqrt(1/25 + 2/16) = sqrt(0.165); same; sqrt(1.165).
     * </pre>
     */
    @Test
    void kaplanMeierByHand() {
        SurvivalCurve s = KaplanMeier.withDefaults().with(ConfidenceType.LOG).fit(A_TIME, A_EVENT);
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.events()).isEqualTo(4);
        assertThat(s.time()).containsExactly(1, 2, 3, 4);
        assertThat(s.nRisk()).containsExactly(5, 4, 2, 1);
        assertThat(s.nEvent()).containsExactly(1, 2, 0, 1);
        assertThat(s.nCensor()).containsExactly(0, 0, 1, 0);
        assertThat(s.survival()).containsExactly(new double[] {0.8, 0.4, 0.4, 0}, within(EPS));
        double[] se = s.stdErr();
        assertThat(se[0]).isCloseTo(0.8 * Math.sqrt(1.0 / 20), within(EPS)).isCloseTo(0.178885, within(1e-6));
        assertThat(se[1]).isCloseTo(0.4 * Math.sqrt(3.0 / 10), within(EPS)).isCloseTo(0.219089, within(1e-6));
        assertThat(se[2]).isEqualTo(se[1]);
        assertThat(se[3]).isNaN();
        assertThat(s.cumHaz()).containsExactly(new double[] {0.2, 0.7, 0.7, 1.7}, within(EPS));
        assertThat(s.stdErrCumHaz()).containsExactly(
                new double[] {0.2, Math.sqrt(0.165), Math.sqrt(0.165), Math.sqrt(1.165)}, within(EPS));
        // log CI at t = 1: 0.8·exp(∓1.959964·sqrt(1/20)) = 0.8·exp(∓0.438261) → 0.516126, 1.24 capped at 1
        assertThat(s.lower()[0]).isCloseTo(0.8 * Math.exp(-Z * Math.sqrt(0.05)), within(EPS))
                .isCloseTo(0.516126, within(1e-6));
        assertThat(s.upper()[0]).isEqualTo(1.0);
        // median: S first below 0.5 at t = 2 (S = 0.4); no stretch at exactly 0.5, so all rules agree
        for (MedianRule rule : MedianRule.values()) {
            assertThat(s.median(rule).estimate()).as(rule.id()).isEqualTo(2.0);
        }
        // S(2.5) = 0.4 with 2 at risk (the censored-at-3 and the death at 4); before t = 1 S = 1
        SurvivalAtTime at = s.at(2.5).get(0);
        assertThat(at.survival()).isCloseTo(0.4, within(EPS));
        assertThat(at.nRisk()).isEqualTo(2);
        assertThat(s.at(0.5).get(0).survival()).isEqualTo(1.0);
    }

    /**
     * The median where S is exactly 0.5 ({@link MedianRule}).
     * <pre>
     * 1, 2, 3, 4 all deaths: S = 3/4, 1/2, 1/4, 0. S = 0.5 on [2, 3), drops at 3:
     *   R print.survfit: (2 + 3)/2 = 2.5;  R quantile.survfit / Prism: 2.5;  lifelines (first S ≤ 0.5): 2
     * 1, 2 deaths, 3+, 4+ censored: S = 3/4, 1/2, 1/2, 1/2, never below 0.5:
     *   R print.survfit: 2 (no later drop);  quantile.survfit: (2 + last time 4)/2 = 3;  lifelines: 2
     * </pre>
     */
    @Test
    void medianRulesAtExactlyOneHalf() {
        SurvivalCurve drop = KaplanMeier.withDefaults().fit(new double[] {1, 2, 3, 4},
                new boolean[] {true, true, true, true});
        assertThat(drop.median(MedianRule.R).estimate()).isEqualTo(2.5);
        assertThat(drop.median(MedianRule.MIDPOINT).estimate()).isEqualTo(2.5);
        assertThat(drop.median(MedianRule.FIRST_AT_OR_BELOW).estimate()).isEqualTo(2.0);
        SurvivalCurve flat = KaplanMeier.withDefaults().fit(new double[] {1, 2, 3, 4},
                new boolean[] {true, true, false, false});
        assertThat(flat.median(MedianRule.R).estimate()).isEqualTo(2.0);
        assertThat(flat.median(MedianRule.MIDPOINT).estimate()).isEqualTo(3.0);
        assertThat(flat.median(MedianRule.FIRST_AT_OR_BELOW).estimate()).isEqualTo(2.0);
    }

    /**
     * log-log limits at t = 2 (Kalbfleisch &amp; Prentice): with σ = sqrt(3/10) = 0.547723 the se of
     * log S and log S = log 0.4 = −0.916291, the limits are S^exp(±z σ / |log S|):
     * z σ/|log S| = 1.959964·0.547723/0.916291 = 1.171589, so lower = 0.4^exp(1.171589) =
     * 0.4^3.227118 = 0.051976 and upper = 0.4^exp(−1.171589) = 0.4^0.309874 = 0.752816.
     * Plain at t = 1: 0.8 ∓ 1.959964·0.178885 = 0.449391, 1.150609 → capped at 1.
     */
    @Test
    void confidenceLimitsByHand() {
        SurvivalCurve ll = KaplanMeier.withDefaults().fit(A_TIME, A_EVENT);
        double k = Z * Math.sqrt(0.3) / -Math.log(0.4);
        assertThat(ll.lower()[1]).isCloseTo(Math.pow(0.4, Math.exp(k)), within(EPS)).isCloseTo(0.051976, within(1e-6));
        assertThat(ll.upper()[1]).isCloseTo(Math.pow(0.4, Math.exp(-k)), within(EPS)).isCloseTo(0.752816, within(1e-6));
        SurvivalCurve plain = KaplanMeier.withDefaults().with(ConfidenceType.PLAIN).fit(A_TIME, A_EVENT);
        assertThat(plain.lower()[0]).isCloseTo(0.8 - Z * 0.8 * Math.sqrt(0.05), within(EPS))
                .isCloseTo(0.449391, within(1e-6));
        assertThat(plain.upper()[0]).isEqualTo(1.0);
    }

    // (b) group A: 1, 3 (both deaths); group B: 2 (death), 4+ (censored)
    private static final double[] B_TIME = {1, 3, 2, 4};
    private static final boolean[] B_EVENT = {true, true, true, false};
    private static final String[] B_GROUP = {"A", "A", "B", "B"};

    /**
     * <pre>
     * t  at risk A  B  n  d (group)  E_A = d·n_A/n  E_B    V = d(n−d)/(n−1)·(n_A/n)(1 − n_A/n)
     * 1          2  2  4  1 (A)      1/2            1/2    1·3/3·(1/2)(1/2) = 1/4
     * 2          1  2  3  1 (B)      1/3            2/3    1·2/2·(1/3)(2/3) = 2/9
     * 3          1  1  2  1 (A)      1/2            1/2    1·1/1·(1/2)(1/2) = 1/4
     * 4          0  1  1  0          —              —      —
     * O_A = 2, E_A = 1/2 + 1/3 + 1/2 = 4/3;  O_B = 1, E_B = 5/3  (E_A + E_B = 3 = deaths)
     * V = 1/4 + 2/9 + 1/4 = 13/18;  U_A = O_A − E_A = 2/3 = −U_B
     * chi-square = U²/V = (4/9)·(18/13) = 8/13 = 0.615385, 1 df;
     * p = P(χ²₁ ≥ 8/13) = 2·(1 − Φ(sqrt(8/13))) = 2·(1 − Φ(0.784465)) = 0.432768
     * Prism's conservative Σ (O − E)²/E = (4/9)/(4/3) + (4/9)/(5/3) = 1/3 + 4/15 = 3/5
     * </pre>
     */
    @Test
    void logRankByHand() {
        LogRankResult r = LogRankTest.withDefaults().test(B_TIME, B_EVENT, B_GROUP);
        List<GroupSummary> g = r.groups();
        assertThat(g.get(0).group()).isEqualTo("A");
        assertThat(g.get(0).n()).isEqualTo(2);
        assertThat(g.get(0).observed()).isEqualTo(2);
        assertThat(g.get(0).expected()).isCloseTo(4.0 / 3, within(EPS));
        assertThat(g.get(1).observed()).isEqualTo(1);
        assertThat(g.get(1).expected()).isCloseTo(5.0 / 3, within(EPS));
        assertThat(r.score()).containsExactly(new double[] {2.0 / 3, -2.0 / 3}, within(EPS));
        double[][] v = r.variance();
        assertThat(v[0]).containsExactly(new double[] {13.0 / 18, -13.0 / 18}, within(EPS));
        assertThat(v[1]).containsExactly(new double[] {-13.0 / 18, 13.0 / 18}, within(EPS));
        assertThat(r.statistic()).isCloseTo(8.0 / 13, within(EPS));
        assertThat(r.df()).isEqualTo(1);
        double p = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.sqrt(8.0 / 13));
        assertThat(r.pValue()).isCloseTo(p, within(EPS)).isCloseTo(0.432768, within(1e-6));
        assertThat(r.conservative().statistic()).isCloseTo(0.6, within(EPS));
        assertThat(r.conservative().df()).isEqualTo(1);
    }

    /**
     * (b′) tied deaths, which bring in the hypergeometric factor d(n − d)/(n − 1) of V. The data of
     * (a) split as A: 1, 2 (deaths); B: 2 (death), 3+, 4 (death):
     * <pre>
     * t  at risk A  B  n  d  d_A  E_A = d·n_A/n  V = d(n−d)/(n−1)·(n_A/n)(1 − n_A/n)
     * 1          2  3  5  1  1    2/5            1·4/4·(2/5)(3/5) = 6/25
     * 2          1  3  4  2  1    2·1/4 = 1/2    2·2/3·(1/4)(3/4) = 1/4   (without the factor: 2·3/16 = 3/8)
     * 3          0  2  2  0  —    (censoring)
     * 4          0  1  1  1  0    0              0 (group A not at risk)
     * O_A = 2, E_A = 9/10, U_A = 11/10;  O_B = 2, E_B = 3/5 + 3/2 + 1 = 31/10  (E_A + E_B = 4 deaths)
     * V = 6/25 + 1/4 = 49/100;  chi-square = (121/100)/(49/100) = 121/49 = 2.469388
     * </pre>
     */
    @Test
    void logRankWithTiedDeathsByHand() {
        String[] group = {"A", "A", "B", "B", "B"};
        LogRankResult r = LogRankTest.withDefaults().test(A_TIME, A_EVENT, group);
        assertThat(r.groups().get(0).expected()).isCloseTo(0.9, within(EPS));
        assertThat(r.groups().get(1).expected()).isCloseTo(3.1, within(EPS));
        assertThat(r.score()[0]).isCloseTo(1.1, within(EPS));
        assertThat(r.variance()[0][0]).isCloseTo(0.49, within(EPS));
        assertThat(r.statistic()).isCloseTo(121.0 / 49, within(EPS)).isCloseTo(2.469388, within(1e-6));
    }

    /**
     * The weighted members on (b), same risk sets, U_A = Σ w (d_A − E_A), V = Σ w² V_t:
     * <pre>
     * Gehan w = n: 4, 3, 2.  U = 4·(1/2) + 3·(−1/3) + 2·(1/2) = 2;  V = 16/4 + 9·2/9 + 4/4 = 7;  χ² = 4/7
     * Peto w = pooled S(t−): 1, 3/4, 1/2 (= n/4: nobody censored before t = 3), so χ² = 4/7 as Gehan:
     *   U = 1/2 − 1/4 + 1/4 = 1/2;  V = 1/4 + (9/16)(2/9) + (1/4)(1/4) = 7/16;  χ² = (1/4)/(7/16) = 4/7
     * Tarone–Ware w = √n: U = 2/2 − √3/3 + √2/2 = 1.129757;  V = 4/4 + 3·2/9 + 2/4 = 13/6;
     *   χ² = U²/V = 0.589085
     * Fleming–Harrington G(0, 1), w = 1 − S(t−): 0, 1/4, 1/2.  U = −1/12 + 1/4 = 1/6;
     *   V = (1/16)(2/9) + (1/4)(1/4) = 1/72 + 1/16 = 11/144;  χ² = (1/36)/(11/144) = 4/11
     * </pre>
     */
    @Test
    void weightedLogRankByHand() {
        assertThat(stat(LogRankTest.withDefaults().with(Weighting.GEHAN))).isCloseTo(4.0 / 7, within(EPS));
        assertThat(stat(LogRankTest.withDefaults().with(Weighting.PETO))).isCloseTo(4.0 / 7, within(EPS));
        double u = 1 - Math.sqrt(3) / 3 + Math.sqrt(2) / 2;
        assertThat(stat(LogRankTest.withDefaults().with(Weighting.TARONE_WARE))).isCloseTo(u * u / (13.0 / 6),
                within(EPS)).isCloseTo(0.589085, within(1e-6));
        assertThat(stat(LogRankTest.withDefaults().withFlemingHarrington(0, 1))).isCloseTo(4.0 / 11, within(EPS));
        LogRankResult gehan = LogRankTest.withDefaults().with(Weighting.GEHAN).test(B_TIME, B_EVENT, B_GROUP);
        assertThat(gehan.score()).containsExactly(new double[] {2, -2}, within(EPS));
        assertThat(gehan.variance()[0][0]).isCloseTo(7, within(EPS));
        // O and E are unweighted whatever the weights
        assertThat(gehan.groups().get(0).expected()).isCloseTo(4.0 / 3, within(EPS));
    }

    private static double stat(LogRankTest t) {
        return t.test(B_TIME, B_EVENT, B_GROUP).statistic();
    }

    /**
     * (c) Hazard ratio of B versus A (A, the first level, is the reference):
     * <pre>
     * log-rank:  HR = (O_B/E_B)/(O_A/E_A) = (1/(5/3))/(2/(4/3)) = (3/5)/(3/2) = 2/5 = 0.4
     *            CI exp(log 0.4 ∓ z·sqrt(1/E_A + 1/E_B)) = exp(log 0.4 ∓ z·sqrt(3/4 + 3/5)), sqrt(27/20) = 1.161895
     *            → 0.4·exp(∓2.277272) = 0.041025, 3.900020
     * Mantel–Haenszel: log HR = (O_B − E_B)/V = (−2/3)/(13/18) = −12/13 → HR = exp(−12/13) = 0.397295
     *            CI exp(−12/13 ∓ z/sqrt(13/18)), 1/sqrt(13/18) = sqrt(18/13) = 1.176697
     *            → exp(−0.923077 ∓ 2.306283) = 0.039583, 3.987667
     * </pre>
     */
    @Test
    void hazardRatiosByHand() {
        TwoGroupHazardRatios hr = LogRankTest.withDefaults().hazardRatio(B_TIME, B_EVENT, B_GROUP, null, 0.95);
        assertThat(hr.reference()).isEqualTo("A");
        assertThat(hr.comparison()).isEqualTo("B");
        double half = Z * Math.sqrt(27.0 / 20);
        assertThat(hr.logrank().estimate()).isCloseTo(0.4, within(EPS));
        assertThat(hr.logrank().lower()).isCloseTo(0.4 * Math.exp(-half), within(EPS)).isCloseTo(0.041025, within(1e-6));
        assertThat(hr.logrank().upper()).isCloseTo(0.4 * Math.exp(half), within(EPS)).isCloseTo(3.900020, within(1e-6));
        double halfMh = Z * Math.sqrt(18.0 / 13);
        assertThat(hr.mantelHaenszel().estimate()).isCloseTo(Math.exp(-12.0 / 13), within(EPS))
                .isCloseTo(0.397295, within(1e-6));
        assertThat(hr.mantelHaenszel().lower()).isCloseTo(Math.exp(-12.0 / 13 - halfMh), within(EPS))
                .isCloseTo(0.039583, within(1e-6));
        assertThat(hr.mantelHaenszel().upper()).isCloseTo(Math.exp(-12.0 / 13 + halfMh), within(EPS))
                .isCloseTo(3.987667, within(1e-6));
    }

    /**
     * (d) RMST of (a) up to τ = 3.5, by rectangles under the step function:
     * <pre>
     * [0, 1) × 1 = 1;  [1, 2) × 0.8 = 0.8;  [2, 3) × 0.4 = 0.4;  [3, 3.5) × 0.4 = 0.2;  RMST = 2.4
     * Var = Σ_{event times ≤ τ} A_i² d_i/(n_i(n_i − d_i)), A_i = area from t_i to τ:
     *   t = 1: A = 0.8 + 0.4 + 0.2 = 1.4, 1.96·1/(5·4) = 0.098;  t = 2: A = 0.4 + 0.2 = 0.6, 0.36·2/(4·2) = 0.09
     *   Var = 0.188, se = 0.433590
     * τ = 4.5, past the last death: 1 + 0.8 + 0.4 + 0.4 + [4, 4.5) × 0 = 2.6
     * τ = 0.5, before the first death: 0.5 with se 0
     * </pre>
     */
    @Test
    void restrictedMeanByHand() {
        SurvivalCurve s = KaplanMeier.withDefaults().fit(A_TIME, A_EVENT);
        RestrictedMean r = s.restrictedMean(3.5);
        assertThat(r.estimate()).isCloseTo(2.4, within(EPS));
        assertThat(r.stdErr()).isCloseTo(Math.sqrt(0.188), within(EPS)).isCloseTo(0.433590, within(1e-6));
        assertThat(s.restrictedMean(4.5).estimate()).isCloseTo(2.6, within(EPS));
        assertThat(s.restrictedMean(0.5).estimate()).isCloseTo(0.5, within(EPS));
        assertThat(s.restrictedMean(0.5).stdErr()).isZero();
    }
}

package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.stats.Tolerance;

/**
 * Harrell's C and its standard error against R. Expected values: R 4.2.2, survival 3.5-3,
 * {@code concordance(fit)} for the coxph fits of {@code reference/cox-zph-concordance/refgen_zph_concordance.R}
 * (equal to {@code summary(fit)$concordance}, checked by the script). Tolerances: 1e-6 relative for C,
 * 1e-5 for its standard error and the Cox-model variance; pair counts are sums of weight products, exact
 * up to rounding.
 */
class ConcordanceIndexTest {

    static Stream<ZphConcordanceCase> cases() {
        return ZphConcordanceCase.all();
    }

    private static ConcordanceIndex.Detail detail(ZphConcordanceCase c, double[] lp) {
        CoxData d = c.data;
        return ConcordanceIndex.detail(d.start(), d.stop(), d.event(), lp, d.strata(), d.weights(), c.cluster);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> casesByWalk() {
        return cases().flatMap(c -> Stream.of(ConcordanceIndex.Algorithm.TIME_ORDER, ConcordanceIndex.Algorithm.SCORE_ORDER)
                .map(a -> org.junit.jupiter.params.provider.Arguments.of(c, a)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesByWalk")
    void matchesRGivenRsLinearPredictor(ZphConcordanceCase c, ConcordanceIndex.Algorithm walk) {
        // R 4.2.2, survival 3.5-3: concordance(fit) of the case's coxph fit (JSON block "concordance");
        // both walks give every count and the variance, the time-order walk also the Cox-model variance
        JsonNode ref = c.json.get("concordance");
        CoxData d = c.data;
        ConcordanceIndex.Detail x = ConcordanceIndex.detail(d.start(), d.stop(), d.event(), c.rLinearPredictors,
                d.strata(), d.weights(), c.cluster, walk);
        ZphConcordanceCase.relative(c.name + " C", x.estimate(), ref.get("estimate"), 1e-6);
        ZphConcordanceCase.relative(c.name + " se", x.stdErr(), ref.get("se"), 1e-5);
        ZphConcordanceCase.relative(c.name + " var", x.variance(), ref.get("var"), 1e-5);
        if (walk == ConcordanceIndex.Algorithm.TIME_ORDER) {
            ZphConcordanceCase.relative(c.name + " cvar", x.coxVariance(), ref.get("cvar"), 1e-5);
        }
        JsonNode count = ref.get("count");
        Tolerance.close(c.name + " concordant", x.concordant(), count.get("concordant"), 1e-10);
        Tolerance.close(c.name + " discordant", x.discordant(), count.get("discordant"), 1e-10);
        Tolerance.close(c.name + " tied.x", x.tiedRisk(), count.get("tied_x"), 1e-10);
        Tolerance.close(c.name + " tied.y", x.tiedTime(), count.get("tied_y"), 1e-10);
        Tolerance.close(c.name + " tied.xy", x.tiedRiskAndTime(), count.get("tied_xy"), 1e-10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesRGivenOurFit(ZphConcordanceCase c) {
        // R 4.2.2, survival 3.5-3: concordance(fit); our linear predictor ranks the subjects as R's does
        JsonNode ref = c.json.get("concordance");
        ConcordanceIndex.Detail x = detail(c, c.fit().linearPredictors());
        ZphConcordanceCase.relative(c.name + " C", x.estimate(), ref.get("estimate"), 1e-6);
        ZphConcordanceCase.relative(c.name + " se", x.stdErr(), ref.get("se"), 1e-5);
    }

    static Stream<CoxCase> coxCases() {
        return CoxCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coxCases")
    void matchesTheCoxReferenceFits(CoxCase c) {
        // R 4.2.2, survival 3.5-3: summary(fit)$concordance of reference/cox/refgen_cox.R (JSON fit.concordance);
        // includes delayed entry, counting process with clusters, aliased and diverging coefficients
        CoxModel m = CoxRegression.withDefaults().with(c.ties).fit(c.data);
        CoxData d = c.data;
        Concordance x = ConcordanceIndex.detail(d.start(), d.stop(), d.event(), m.linearPredictors(), d.strata(),
                d.weights(), d.cluster()).concordance();
        JsonNode ref = c.json.get("fit").get("concordance");
        ZphConcordanceCase.relative(c.name + " C", x.estimate(), ref.get("estimate"), 1e-6);
        ZphConcordanceCase.relative(c.name + " se", x.stdErr(), ref.get("se"), 1e-5);
    }

    @Test
    void lungLiteral() {
        ZphConcordanceCase c = ZphConcordanceCase.named("lung_efron");
        CoxData d = c.data;
        Concordance x = ConcordanceIndex.of(d.stop(), d.event(), c.fit().linearPredictors(), null, null);
        // R 4.2.2, survival 3.5-3: summary(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung))$concordance
        assertThat(x.estimate()).isCloseTo(0.637135493000455, within(1e-6 * 0.637135493000455));
        assertThat(x.stdErr()).isCloseTo(0.0250679738530796, within(1e-5 * 0.0250679738530796));
    }

    @Test
    void stratifiedWeightedLiteral() {
        ZphConcordanceCase c = ZphConcordanceCase.named("ties_strata_weights_breslow");
        CoxData d = c.data;
        Concordance x = ConcordanceIndex.of(d.stop(), d.event(), c.rLinearPredictors, d.strata(), d.weights());
        // R 4.2.2, survival 3.5-3: concordance(coxph(Surv(time, status == 1) ~ x1 + x2 + grp + strata(site),
        //   ties.csv, weights = w, ties = "breslow")): 14 strata, so R uses its disjoint-time trick
        assertThat(x.estimate()).isCloseTo(0.544567, within(1e-6));
        assertThat(x.estimate()).isCloseTo(c.json.get("concordance").get("estimate").asDouble(), within(1e-9));
        assertThat(x.stdErr()).isCloseTo(c.json.get("concordance").get("se").asDouble(), within(1e-9));
    }

    @Test
    void handCountedExample() {
        // 4 subjects: events at 1 (score 3) and 2 (score 1), censored at 2 (score 2) and 3 (score 1).
        // Comparable pairs: event at 1 vs the 3 later subjects: scores 1, 2, 1 all lower -> 3 concordant;
        // event at 2 vs censored at 2 (score 2, higher) -> discordant, vs censored at 3 (score 1) -> tied.
        // C = (3 + 0.5) / 5 = 0.7
        ConcordanceIndex.Detail x = ConcordanceIndex.detail(null, new double[] {1, 2, 2, 3},
                new boolean[] {true, true, false, false}, new double[] {3, 1, 2, 1}, null, null, null);
        assertThat(x.concordant()).isEqualTo(3);
        assertThat(x.discordant()).isEqualTo(1);
        assertThat(x.tiedRisk()).isEqualTo(1);
        assertThat(x.estimate()).isCloseTo(0.7, within(1e-15));
    }

    @Test
    void noComparablePairGivesNaN() {
        Concordance none = ConcordanceIndex.of(new double[] {1, 2, 3}, new boolean[3], new double[] {1, 2, 3}, null, null);
        assertThat(none.estimate()).isNaN();
        assertThat(none.stdErr()).isNaN();
        // two events at the same time only: tied on time, not comparable
        ConcordanceIndex.Detail tied = ConcordanceIndex.detail(null, new double[] {1, 1}, new boolean[] {true, true},
                new double[] {1, 2}, null, null, null);
        assertThat(tied.estimate()).isNaN();
        assertThat(tied.tiedTime()).isEqualTo(1);
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> ConcordanceIndex.of(new double[] {1, 2}, new boolean[] {true}, new double[] {1, 2},
                null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one entry");
        assertThatThrownBy(() -> ConcordanceIndex.of(new double[] {1, 2}, new boolean[] {true, false},
                new double[] {1, Double.NaN}, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("observation 2");
        assertThatThrownBy(() -> ConcordanceIndex.of(new double[] {1, 2}, new boolean[] {true, false},
                new double[] {1, 2}, null, new double[] {1, -1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight");
    }

    /** Seeded random data with heavy ties in time and score, optional entry times, strata and weights. */
    private record Sample(double[] start, double[] stop, boolean[] event, double[] score, int[] strata, double[] w,
            int[] cluster) {
        static Sample random(Random rnd, int n, boolean counting, boolean strata, boolean weights, boolean clusters) {
            double[] start = counting ? new double[n] : null;
            double[] stop = new double[n];
            boolean[] event = new boolean[n];
            double[] score = new double[n];
            int[] s = strata ? new int[n] : null;
            double[] w = weights ? new double[n] : null;
            int[] cl = clusters ? new int[n] : null;
            for (int i = 0; i < n; i++) {
                stop[i] = 1 + rnd.nextInt(8);
                if (counting) {
                    start[i] = rnd.nextInt((int) stop[i]);
                }
                event[i] = rnd.nextDouble() < 0.6;
                score[i] = rnd.nextInt(5) * 0.5;
                if (strata) {
                    s[i] = rnd.nextInt(3) * 2; // codes 0, 2, 4: not dense
                }
                if (weights) {
                    w[i] = rnd.nextInt(4) * 0.5;
                }
                if (clusters) {
                    cl[i] = rnd.nextInt(7) - 3;
                }
            }
            return new Sample(start, stop, event, score, s, w, cl);
        }

        ConcordanceIndex.Detail fast() {
            return ConcordanceIndex.detail(start, stop, event, score, strata, w, cluster);
        }


        double wt(int i) {
            return w == null ? 1 : w[i];
        }

        boolean atRisk(int j, double t) {
            return (start == null || start[j] < t) && stop[j] >= t;
        }

        /** Every pair enumerated from the definition: O(n²). */
        double[] bruteForce() {
            int n = stop.length;
            double con = 0;
            double dis = 0;
            double tie = 0;
            double tieTime = 0;
            double tieBoth = 0;
            double[] diff = new double[n];
            double[] tot = new double[n];
            for (int i = 0; i < n; i++) {
                if (!event[i]) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (j == i || strata != null && strata[i] != strata[j]) {
                        continue;
                    }
                    double pw = wt(i) * wt(j);
                    if (event[j] && stop[j] == stop[i]) {
                        if (j > i) {
                            if (score[i] == score[j]) {
                                tieBoth += pw;
                            } else {
                                tieTime += pw;
                            }
                        }
                        continue;
                    }
                    if (!atRisk(j, stop[i])) {
                        continue;
                    }
                    double sign = Math.signum(score[i] - score[j]);
                    if (sign > 0) {
                        con += pw;
                    } else if (sign < 0) {
                        dis += pw;
                    } else {
                        tie += pw;
                    }
                    diff[i] += sign * wt(j);
                    diff[j] += sign * wt(i);
                    tot[i] += wt(j);
                    tot[j] += wt(i);
                }
            }
            double pairs = con + dis + tie;
            double somers = (con - dis) / pairs;
            java.util.Map<Integer, Double> byCluster = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                double dfb = wt(i) * (diff[i] / pairs - somers * tot[i] / pairs);
                byCluster.merge(cluster == null ? i : cluster[i], dfb, Double::sum);
            }
            double var = byCluster.values().stream().mapToDouble(v -> v * v).sum() / 4;
            // Cox variance: at each event time, the weighted variance of the rank residuals in the risk set
            double cox = 0;
            java.util.Set<String> done = new java.util.HashSet<>();
            for (int i = 0; i < n; i++) {
                int si = strata == null ? 0 : strata[i];
                if (!event[i] || !done.add(si + "@" + stop[i])) {
                    continue;
                }
                double t = stop[i];
                double dead = 0;
                double riskW = 0;
                double z2 = 0;
                for (int k = 0; k < n; k++) {
                    if (strata != null && strata[k] != si || !atRisk(k, t)) {
                        continue;
                    }
                    riskW += wt(k);
                    if (event[k] && stop[k] == t) {
                        dead += wt(k);
                    }
                    double r = 0;
                    for (int j = 0; j < n; j++) {
                        if ((strata == null || strata[j] == si) && atRisk(j, t)) {
                            r += wt(j) * Math.signum(score[j] - score[k]);
                        }
                    }
                    z2 += wt(k) * r * r;
                }
                if (riskW > 0) {
                    cox += dead * z2 / riskW;
                }
            }
            return new double[] {con, dis, tie, tieTime, tieBoth, (somers + 1) / 2, var, cox / (4 * pairs * pairs)};
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(value = ConcordanceIndex.Algorithm.class, names = {"TIME_ORDER", "SCORE_ORDER"})
    void walkEqualsPairEnumeration(ConcordanceIndex.Algorithm algorithm) {
        // 300 seeded samples (ties in time and score, entry times, strata, weights, clusters): every
        // count and both variances; the score-order walk leaves the Cox-model variance NaN
        Random rnd = new Random(20240607);
        boolean cvar = algorithm == ConcordanceIndex.Algorithm.TIME_ORDER;
        for (int rep = 0; rep < 300; rep++) {
            Sample s = Sample.random(rnd, 5 + rnd.nextInt(60), rep % 2 == 1, rep % 3 == 0, rep % 4 < 2, rep % 5 == 0);
            ConcordanceIndex.Detail x = ConcordanceIndex.detail(s.start, s.stop, s.event, s.score, s.strata, s.w,
                    s.cluster, algorithm);
            double[] b = s.bruteForce();
            double[] got = {x.concordant(), x.discordant(), x.tiedRisk(), x.tiedTime(), x.tiedRiskAndTime(), x.estimate(),
                    x.variance(), cvar ? x.coxVariance() : b[7]};
            for (int k = 0; k < b.length; k++) {
                if (Double.isNaN(b[k])) {
                    assertThat(got[k]).as("rep " + rep + " item " + k).isNaN();
                } else {
                    assertThat(got[k]).as("rep " + rep + " item " + k)
                            .isCloseTo(b[k], within(1e-12 * Math.max(1, Math.abs(b[k]))));
                }
            }
            if (!cvar) {
                assertThat(x.coxVariance()).isNaN();
            }
        }
    }

    @Test
    void bothWalksAgreeOnContinuousScoresAndManyRows() {
        // few distinct times, continuous scores: the case the score-order walk is chosen for
        Random rnd = new Random(99);
        for (int rep = 0; rep < 20; rep++) {
            int n = 2000 + rnd.nextInt(3000);
            double[] start = rep % 2 == 0 ? new double[n] : null;
            double[] stop = new double[n];
            boolean[] event = new boolean[n];
            double[] score = new double[n];
            int[] strata = rep % 3 == 0 ? new int[n] : null;
            double[] w = rep % 4 == 0 ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                stop[i] = 1 + rnd.nextInt(40);
                if (start != null) {
                    start[i] = rnd.nextInt((int) stop[i]);
                }
                event[i] = rnd.nextDouble() < 0.5;
                score[i] = rnd.nextGaussian();
                if (strata != null) {
                    strata[i] = rnd.nextInt(4);
                }
                if (w != null) {
                    w[i] = 0.5 + rnd.nextDouble();
                }
            }
            ConcordanceIndex.Detail a = ConcordanceIndex.detail(start, stop, event, score, strata, w, null);
            ConcordanceIndex.Detail b = ConcordanceIndex.detail(start, stop, event, score, strata, w, null,
                    ConcordanceIndex.Algorithm.SCORE_ORDER);
            Concordance auto = ConcordanceIndex.forModel(start, stop, event, score, strata, w, null);
            double tol = 1e-9;
            assertThat(b.concordant()).isCloseTo(a.concordant(), within(tol * a.concordant()));
            assertThat(b.discordant()).isCloseTo(a.discordant(), within(tol * a.discordant()));
            assertThat(b.tiedTime()).isCloseTo(a.tiedTime(), within(tol * Math.max(1, a.tiedTime())));
            assertThat(b.estimate()).isCloseTo(a.estimate(), within(1e-12));
            assertThat(b.variance()).isCloseTo(a.variance(), within(1e-9 * a.variance()));
            assertThat(auto.estimate()).isCloseTo(a.estimate(), within(1e-12));
            assertThat(auto.stdErr()).isCloseTo(a.stdErr(), within(1e-9 * a.stdErr()));
        }
    }

    @Test
    void invariantUnderPermutationAndReversedScore() {
        Random rnd = new Random(7);
        for (int rep = 0; rep < 50; rep++) {
            Sample s = Sample.random(rnd, 40, rep % 2 == 0, rep % 3 == 0, true, false);
            ConcordanceIndex.Detail x = s.fast();
            int n = s.stop.length;
            int[] perm = java.util.stream.IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            double[] st = s.start == null ? null : new double[n];
            double[] sp = new double[n];
            boolean[] ev = new boolean[n];
            double[] sc = new double[n];
            double[] neg = new double[n];
            int[] str = s.strata == null ? null : new int[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                int k = perm[i];
                if (st != null) {
                    st[i] = s.start[k];
                }
                sp[i] = s.stop[k];
                ev[i] = s.event[k];
                sc[i] = s.score[k];
                neg[i] = -s.score[k];
                if (str != null) {
                    str[i] = s.strata[k];
                }
                w[i] = s.w[k];
            }
            ConcordanceIndex.Detail y = ConcordanceIndex.detail(st, sp, ev, sc, str, w, null);
            assertThat(y.estimate()).isCloseTo(x.estimate(), within(1e-12));
            assertThat(y.variance()).isCloseTo(x.variance(), within(1e-12));
            ConcordanceIndex.Detail r = ConcordanceIndex.detail(st, sp, ev, neg, str, w, null);
            assertThat(r.estimate()).isCloseTo(1 - x.estimate(), within(1e-12));
            assertThat(r.variance()).isCloseTo(x.variance(), within(1e-12));
            assertThat(r.concordant()).isEqualTo(x.discordant());
        }
    }

    @Test
    void earlyCensoredSubjectChangesNothing() {
        // a subject censored before the first event is in no comparable pair: C and se unchanged
        double[] t = {3, 4, 5, 6, 7, 8};
        boolean[] e = {true, false, true, true, false, true};
        double[] s = {2, 1, 3, 0.5, 1, 0};
        Concordance base = ConcordanceIndex.of(t, e, s, null, null);
        Concordance more = ConcordanceIndex.of(new double[] {3, 4, 5, 6, 7, 8, 1},
                new boolean[] {true, false, true, true, false, true, false}, new double[] {2, 1, 3, 0.5, 1, 0, 9}, null, null);
        assertThat(more.estimate()).isEqualTo(base.estimate());
        assertThat(more.stdErr()).isCloseTo(base.stdErr(), within(1e-15));
    }

    @Test
    void nearEqualTimesAreMergedAsTimefix() {
        // 0.1 + 0.2 and 0.3 are one time for R (aeqSurv): the two events are tied on time, not comparable
        ConcordanceIndex.Detail x = ConcordanceIndex.detail(null, new double[] {0.1 + 0.2, 0.3, 1},
                new boolean[] {true, true, false}, new double[] {1, 2, 0}, null, null, null);
        assertThat(x.tiedTime()).isEqualTo(1);
        assertThat(x.concordant()).isEqualTo(2);
        assertThat(x.discordant()).isZero();
    }
}

package org.survkit.stats.logrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.survkit.stats.RandomCohortPropertyTest.EXAMPLES;
import static org.survkit.stats.RandomCohortPropertyTest.SEED;
import static org.survkit.stats.RandomCohortPropertyTest.assertClose;
import static org.survkit.stats.RandomCohortPropertyTest.cohortsWithGroups;
import static org.survkit.stats.RandomCohortPropertyTest.draw;
import static org.survkit.stats.RandomCohortPropertyTest.permutation;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.RandomCohortPropertyTest.Cohort;
import org.survkit.stats.RandomCohortPropertyTest;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.model.Factor;

/**
 * Invariants of the log-rank family (every {@link Weighting}, strata, pairwise, trend, hazard
 * ratios): order of subjects, labels and time scale do not matter; an all-censored group that is
 * never at risk at an event leaves the others' statistic unchanged (R {@code survival}'s own test
 * idea); a single stratum is no stratification; with two groups the trend test is the log-rank test.
 */
class LogRankPropertyTest {

    /** Every weighting, with two Fleming–Harrington members besides Peto's G(1, 0). */
    static final List<LogRankTest> ENGINES = List.of(
            LogRankTest.withDefaults(),
            LogRankTest.withDefaults().with(Weighting.GEHAN),
            LogRankTest.withDefaults().with(Weighting.TARONE_WARE),
            LogRankTest.withDefaults().with(Weighting.PETO),
            LogRankTest.withDefaults().withFlemingHarrington(0, 1),
            LogRankTest.withDefaults().withFlemingHarrington(0.5, 2));

    private static final LogRankTest LOGRANK = LogRankTest.withDefaults();

    /** Cohorts with at least two groups, so that every test is defined. */
    static Gen<Cohort> comparable() {
        return cohortsWithGroups(2, 4, true);
    }

    /** Cohorts with exactly two groups, A and B. */
    static Gen<Cohort> twoGroups() {
        return cohortsWithGroups(2, 2, true);
    }

    static void assertSameTest(String what, LogRankResult actual, LogRankResult expected) {
        assertClose(what + " statistic", actual.statistic(), expected.statistic());
        assertThat(actual.df()).as(what + " df").isEqualTo(expected.df());
        assertClose(what + " p", actual.pValue(), expected.pValue());
        assertThat(actual.groups()).as(what + " groups (N, O, E)").isEqualTo(expected.groups());
        assertClose(what + " score", actual.score(), expected.score());
        for (int j = 0; j < expected.variance().length; j++) {
            assertClose(what + " variance row " + j, actual.variance()[j], expected.variance()[j]);
        }
    }

    // ---- 1. order of subjects ----

    @Test
    void permutingSubjectsChangesNoTest() {
        Gen<Pair<Cohort, int[]>> gen = rs -> {
            Cohort c = comparable().generate(rs);
            return Pair.of(c, permutation(rs, c.n()));
        };
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(gen.describedAs(p -> p._1.toString()))
                .checkAssert(p -> {
                    Cohort c = p._1;
                    Cohort s = c.permute(p._2);
                    for (LogRankTest engine : ENGINES) {
                        assertSameTest(engine.toString(), engine.test(s.time(), s.event(), s.group(), s.strata()),
                                engine.test(c.time(), c.event(), c.group(), c.strata()));
                    }
                    for (PValueAdjustment adj : PValueAdjustment.values()) {
                        List<PairwiseComparison> a = LOGRANK.pairwise(s.time(), s.event(), s.group(), s.strata(), adj);
                        List<PairwiseComparison> b = LOGRANK.pairwise(c.time(), c.event(), c.group(), c.strata(), adj);
                        assertThat(a).hasSameSizeAs(b);
                        for (int i = 0; i < b.size(); i++) {
                            String w = adj + " pair " + b.get(i).group1() + "-" + b.get(i).group2();
                            assertThat(a.get(i).group1() + a.get(i).group2()).isEqualTo(b.get(i).group1() + b.get(i).group2());
                            assertClose(w + " statistic", a.get(i).statistic(), b.get(i).statistic());
                            assertThat(a.get(i).df()).as(w + " df").isEqualTo(b.get(i).df());
                            assertClose(w + " p", a.get(i).pValue(), b.get(i).pValue());
                            assertClose(w + " adjusted p", a.get(i).pAdjusted(), b.get(i).pAdjusted());
                        }
                    }
                });
    }

    // ---- 4. an all-censored group that is never at risk at an event ----

    @Test
    void groupCensoredBeforeTheFirstEventChangesNothing() {
        AtomicInteger checked = new AtomicInteger();
        Gen<Pair<Cohort, Cohort>> gen = rs -> {
            // times + 1, so that there is room before the first event time
            Cohort c0 = comparable().generate(rs);
            Cohort c = c0.withTime(Arrays.stream(c0.time()).map(x -> x + 1).toArray());
            double first = c.firstEventTime();
            int m = draw(rs, 1, 5);
            // "@" sorts before the letters, "~" after them: the new level is first or last
            String label = draw(rs, 0, 1) == 0 ? "@censored" : "~censored";
            int n = c.n();
            double[] t = Arrays.copyOf(c.time(), n + m);
            boolean[] e = Arrays.copyOf(c.event(), n + m);
            String[] g = Arrays.copyOf(c.group(), n + m);
            String[] s = c.strata() == null ? null : Arrays.copyOf(c.strata(), n + m);
            for (int i = n; i < n + m; i++) {
                // 0, 1/4, 1/2 or 3/4 of the first event time: strictly before it
                t[i] = Double.isNaN(first) ? 0 : first * draw(rs, 0, 3) / 4;
                e[i] = false;
                g[i] = label;
                if (s != null) {
                    s[i] = RandomCohortPropertyTest.STRATA[draw(rs, 0, 2)];
                }
            }
            return Pair.of(c, new Cohort(t, e, g, s));
        };
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(gen.describedAs(p -> p._2.toString()))
                .checkAssert(p -> {
                    Cohort c = p._1;
                    Cohort plus = p._2;
                    if (Double.isNaN(c.firstEventTime())) {
                        return; // no event
                    }
                    checked.incrementAndGet();
                    for (LogRankTest engine : ENGINES) {
                        LogRankResult base = engine.test(c.time(), c.event(), c.group(), c.strata());
                        LogRankResult more = engine.test(plus.time(), plus.event(), plus.group(), plus.strata());
                        String w = engine.toString();
                        assertClose(w + " statistic", more.statistic(), base.statistic());
                        assertThat(more.df()).as(w + " df").isEqualTo(base.df());
                        assertClose(w + " p", more.pValue(), base.pValue());
                        GroupSummary extra = more.groups().stream().filter(x -> x.group().endsWith("censored"))
                                .findFirst().orElseThrow();
                        assertThat(extra.observed()).isZero();
                        assertThat(extra.expected()).as("expected events of the censored group").isZero();
                        List<GroupSummary> others = more.groups().stream()
                                .filter(x -> !x.group().endsWith("censored")).toList();
                        assertThat(others).isEqualTo(base.groups());
                    }
                });
        assertThat(checked.get()).as("non-vacuous examples").isGreaterThan(EXAMPLES / 2);
    }

    // ---- 5. labels and time scale ----

    @Test
    void swappingTwoGroupLabelsSwapsOAndEButNotTheStatistic() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(twoGroups()).checkAssert(c -> {
            String[] swapped = Arrays.stream(c.group()).map(g -> g.equals("A") ? "B" : "A").toArray(String[]::new);
            for (LogRankTest engine : ENGINES) {
                LogRankResult r = engine.test(c.time(), c.event(), c.group(), c.strata());
                LogRankResult s = engine.test(c.time(), c.event(), swapped, c.strata());
                String w = engine.toString();
                // U_A = -U_B up to rounding in the sums: allow 1e-9 absolute for a statistic near 0
                assertClose(w + " statistic", s.statistic(), r.statistic(), 1e-9);
                assertThat(s.df()).isEqualTo(r.df());
                assertClose(w + " p", s.pValue(), r.pValue(), 1e-9);
                for (int j = 0; j < 2; j++) {
                    GroupSummary a = s.groups().get(j);
                    GroupSummary b = r.groups().get(1 - j);
                    assertThat(new double[] {a.n(), a.observed(), a.expected()}).as(w + " N, O, E swap")
                            .containsExactly(b.n(), b.observed(), b.expected());
                    assertClose(w + " U swaps", s.score()[j], r.score()[1 - j]);
                }
            }
            TwoGroupHazardRatios hr = LOGRANK.hazardRatio(c.time(), c.event(), c.group(), c.strata(), 0.95);
            TwoGroupHazardRatios rh = LOGRANK.hazardRatio(c.time(), c.event(), swapped, c.strata(), 0.95);
            if (Double.isFinite(Math.log(hr.logrank().estimate()))) {
                assertClose("log-rank HR inverts", rh.logrank().estimate() * hr.logrank().estimate(), 1, 1e-12);
                assertClose("log-rank CI inverts", rh.logrank().lower() * hr.logrank().upper(), 1, 1e-12);
            }
            if (Double.isFinite(Math.log(hr.mantelHaenszel().estimate()))) {
                assertClose("MH HR inverts", rh.mantelHaenszel().estimate() * hr.mantelHaenszel().estimate(), 1, 1e-9);
                assertClose("MH CI inverts", rh.mantelHaenszel().lower() * hr.mantelHaenszel().upper(), 1, 1e-9);
            }
        });
    }

    /**
     * Rank tests depend on the times only through their order: scaling (days → years) and other
     * increasing maps leave every statistic unchanged. The grid spacing (≥ 0.1) and the maps keep
     * neighbouring times far apart relative to TimeFix's 1.5e-8, so timefix merges nothing.
     */
    @Test
    void increasingTimeTransformsChangeNothing() {
        List<DoubleUnaryOperator> maps = List.of(t -> t * 1e-3, t -> t * 365.25, Math::sqrt, t -> Math.expm1(t / 40),
                t -> t * t + t);
        Gen<Pair<Cohort, Integer>> gen = rs -> Pair.of(comparable().generate(rs), draw(rs, 0, maps.size() - 1));
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(gen.describedAs(p -> p._1 + " map " + p._2))
                .checkAssert(p -> {
                    Cohort c = p._1;
                    double[] mapped = Arrays.stream(c.time()).map(maps.get(p._2)).toArray();
                    for (LogRankTest engine : ENGINES) {
                        assertSameTest(engine + " map " + p._2,
                                engine.test(mapped, c.event(), c.group(), c.strata()),
                                engine.test(c.time(), c.event(), c.group(), c.strata()));
                    }
                    List<GroupCurve> a = KaplanMeier.withDefaults().fit(mapped, c.event(), c.group());
                    List<GroupCurve> b = KaplanMeier.withDefaults().fit(c.time(), c.event(), c.group());
                    for (int g = 0; g < b.size(); g++) {
                        assertThat(a.get(g).curve().survival()).isEqualTo(b.get(g).curve().survival());
                        assertThat(a.get(g).curve().nRisk()).isEqualTo(b.get(g).curve().nRisk());
                    }
                });
    }

    // ---- 6. strata ----

    @Test
    void oneStratumIsNoStratification() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(cohortsWithGroups(2, 4, false))
                .checkAssert(c -> {
                    String[] one = new String[c.n()];
                    Arrays.fill(one, "only");
                    for (LogRankTest engine : ENGINES) {
                        LogRankResult s = engine.test(c.time(), c.event(), c.group(), one);
                        assertThat(s.strata()).containsExactly("only");
                        assertSameTest(engine.toString(), s, engine.test(c.time(), c.event(), c.group(), null));
                    }
                    TrendTestResult ts = LOGRANK.trend(c.time(), c.event(), c.group(), one, null);
                    TrendTestResult tu = LOGRANK.trend(c.time(), c.event(), c.group(), null, null);
                    assertClose("trend", ts.statistic(), tu.statistic());
                    assertClose("trend p", ts.pValue(), tu.pValue());
                });
    }

    /**
     * Strata = groups: every risk set holds one group, so O = E, U = 0 and V = 0. R's survdiff
     * stops here ({@code solve(vv, temp2)} on a zero matrix: "system is exactly singular"); survkit
     * returns statistic 0 with p NaN (no information), and df = (groups with events) − 1 as
     * print.survdiff counts them (not the rank of V, which is 0); with events in one group only,
     * df 0 and p 1 (as survdiff); with no events at all df 0 and p NaN.
     */
    @Test
    void strataEqualToGroupsGiveStatisticZero() {
        AtomicInteger withEvents = new AtomicInteger();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(comparable()).checkAssert(c -> {
            int groupsWithEvents = (int) java.util.stream.IntStream.range(0, c.n()).filter(i -> c.event()[i])
                    .mapToObj(i -> c.group()[i]).distinct().count();
            for (LogRankTest engine : ENGINES) {
                LogRankResult r = engine.test(c.time(), c.event(), c.group(), c.group());
                String w = engine.toString();
                assertThat(r.statistic()).as(w + " statistic").isZero();
                assertThat(r.score()).as(w + " U").containsOnly(0.0);
                for (GroupSummary g : r.groups()) {
                    assertThat(g.observed()).as(w + " O = E in " + g.group()).isEqualTo(g.expected());
                }
                if (groupsWithEvents == 0) {
                    assertThat(r.df()).isZero();
                    assertThat(r.pValue()).as(w + " p without events").isNaN();
                } else if (groupsWithEvents == 1) {
                    assertThat(r.df()).as(w + " df").isZero();
                    assertThat(r.pValue()).as(w + " p, as R survdiff with one group expecting events").isEqualTo(1.0);
                } else {
                    // groups that never share a risk set carry no information: V = 0, p undefined
                    assertThat(r.df()).as(w + " df").isEqualTo(groupsWithEvents - 1);
                    assertThat(r.pValue()).as(w + " p without information").isNaN();
                }
            }
            if (groupsWithEvents > 0) {
                withEvents.incrementAndGet();
            }
        });
        assertThat(withEvents.get()).isGreaterThan(EXAMPLES / 2);
    }

    // ---- 11. trend with two groups ----

    /**
     * With two groups c'U = (c₂ − c₁)·U₂ and c'Vc = (c₂ − c₁)²·V₂₂ because U₁ = −U₂ and V is
     * singular with zero row sums: the trend statistic is the log-rank statistic, whatever the
     * (distinct) scores. Tolerance 1e-9: U₁ + U₂ is 0 only up to rounding, which enters c'U.
     */
    @Test
    void trendWithTwoGroupsIsTheTwoGroupTest() {
        AtomicInteger oneDf = new AtomicInteger();
        Gen<Pair<Cohort, double[]>> gen = rs -> {
            Cohort c = twoGroups().generate(rs);
            double c1 = draw(rs, -3, 3);
            double c2 = c1 + (draw(rs, 0, 1) == 0 ? -1 : 1) * draw(rs, 1, 4) / 2.0;
            return Pair.of(c, draw(rs, 0, 1) == 0 ? null : new double[] {c1, c2});
        };
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(gen.describedAs(p -> p._1 + " scores " + Arrays.toString(p._2))).checkAssert(p -> {
                    Cohort c = p._1;
                    for (LogRankTest engine : ENGINES) {
                        LogRankResult r = engine.test(c.time(), c.event(), c.group(), c.strata());
                        TrendTestResult t = engine.trend(c.time(), c.event(), c.group(), c.strata(), p._2);
                        assertThat(t.df()).isEqualTo(1);
                        assertClose(engine + " trend statistic", t.statistic(), r.statistic(), 1e-9);
                        // p only where V > 0; see trendAndLogRankAgreeOnPWithoutInformation
                        if (r.df() == 1 && r.variance()[1][1] > 0) {
                            oneDf.incrementAndGet();
                            assertClose(engine + " trend p", t.pValue(), r.pValue(), 1e-9);
                        }
                    }
                });
        assertThat(oneDf.get()).isGreaterThan(EXAMPLES);
    }

    /**
     * k groups, score 1 for group j and 0 for the others: c'U = U_j and c'Vc = V_jj, so the trend
     * statistic is the two-group test of j against the other groups pooled; and by Cauchy–Schwarz
     * no trend statistic exceeds the k-group statistic U'V⁻U.
     */
    @Test
    void trendWithAnIndicatorScoreIsOneGroupAgainstTheRest() {
        AtomicInteger compared = new AtomicInteger();
        Gen<Pair<Cohort, Integer>> gen = rs -> {
            Cohort c = cohortsWithGroups(3, 4, true).generate(rs);
            return Pair.of(c, draw(rs, 0, c.groupCount() - 1));
        };
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(gen.describedAs(p -> p._1 + " group " + p._2))
                .checkAssert(p -> {
                    Cohort c = p._1;
                    Factor f = Factor.of(c.group());
                    String target = f.levels().get(p._2);
                    double[] scores = new double[f.levelCount()];
                    scores[p._2] = 1;
                    String[] pooled = Arrays.stream(c.group()).map(g -> g.equals(target) ? "target" : "rest")
                            .toArray(String[]::new);
                    for (LogRankTest engine : ENGINES) {
                        LogRankResult all = engine.test(c.time(), c.event(), c.group(), c.strata());
                        TrendTestResult t = engine.trend(c.time(), c.event(), c.group(), c.strata(), scores);
                        LogRankResult two = engine.test(c.time(), c.event(), pooled, c.strata());
                        assertClose(engine + " trend = " + target + " vs rest", t.statistic(), two.statistic(), 1e-9);
                        assertThat(t.statistic()).as(engine + " trend <= k-group statistic")
                                .isLessThanOrEqualTo(all.statistic() * (1 + 1e-9) + 1e-12);
                        compared.incrementAndGet();
                    }
                });
        assertThat(compared.get()).isGreaterThan(EXAMPLES * ENGINES.size() * 9 / 10);
    }

    /**
     * Minimal counterexample to "trend p = log-rank p with two groups": two subjects, one per
     * group, who die at the same time. E = (1, 1) > 0, so the log-rank test keeps both groups
     * (df 1), but V = d(n − d)/(n − 1)·… = 2·0/1·… = 0: there is no information. The log-rank
     * test reports statistic 0, df 1, p 1; the trend test reports statistic 0, df 1, p NaN
     * (c'Vc = 0). R survdiff stops here (solve() on a zero matrix). The same happens whenever
     * everybody at risk at every event time dies, e.g. all subjects dead at one time.
     */
    @Test
    void trendAndLogRankAgreeOnPWithoutInformation() {
        double[] time = {0, 0};
        boolean[] event = {true, true};
        String[] group = {"A", "B"};
        LogRankResult r = LOGRANK.test(time, event, group);
        TrendTestResult t = LOGRANK.trend(time, event, group, null, null);
        assertThat(r.statistic()).isZero();
        assertThat(t.statistic()).isZero();
        assertClose("p", t.pValue(), r.pValue());
    }
}

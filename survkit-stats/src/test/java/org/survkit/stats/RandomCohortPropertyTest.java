package org.survkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * The random cohorts that the property tests of this package draw, and checks that they cover
 * the awkward cases (a property is only as strong as its inputs): n from 1 to 80, times on a
 * small grid so that ties are frequent, time 0, no or heavy censoring, 1–4 groups, optional
 * strata. A failing property prints its (shrunk) cohort as R code, to paste into
 * {@code survfit}/{@code survdiff}.
 */
public class RandomCohortPropertyTest {
    /** Fixed seeds: no test in this package draws unseeded random numbers. */
    public static final long SEED = 20240611L;
    public static final int EXAMPLES = 400;

    public static final String[] GROUPS = {"A", "B", "C", "D"};
    public static final String[] STRATA = {"s1", "s2", "s3"};
    /** Grid spacings: ≫ TimeFix.TOLERANCE, including 0.1 whose multiples carry rounding noise. */
    public static final List<Double> SPACINGS = List.of(1.0, 0.1, 7.0, 30.4375);

    /**
     * A right-censored sample.
     *
     * @param strata null when unstratified
     */
    public record Cohort(double[] time, boolean[] event, String[] group, String[] strata) {
        public int n() {
            return time.length;
        }

        public int groupCount() {
            return (int) Arrays.stream(group).distinct().count();
        }

        public int events() {
            int d = 0;
            for (boolean e : event) {
                d += e ? 1 : 0;
            }
            return d;
        }

        /** Smallest event time, NaN without events. */
        public double firstEventTime() {
            double m = Double.NaN;
            for (int i = 0; i < time.length; i++) {
                if (event[i] && !(time[i] >= m)) {
                    m = time[i];
                }
            }
            return m;
        }

        /** The same subjects in another order: row i of the result is row perm[i] of this. */
        public Cohort permute(int[] perm) {
            int n = n();
            double[] t = new double[n];
            boolean[] e = new boolean[n];
            String[] g = new String[n];
            String[] s = strata == null ? null : new String[n];
            for (int i = 0; i < n; i++) {
                t[i] = time[perm[i]];
                e[i] = event[perm[i]];
                g[i] = group[perm[i]];
                if (s != null) {
                    s[i] = strata[perm[i]];
                }
            }
            return new Cohort(t, e, g, s);
        }

        public Cohort withTime(double[] t) {
            return new Cohort(t, event, group, strata);
        }

        public Cohort withGroup(String[] g) {
            return new Cohort(time, event, g, strata);
        }

        public Cohort withStrata(String[] s) {
            return new Cohort(time, event, group, s);
        }

        /** R code that rebuilds the cohort. */
        @Override
        public String toString() {
            StringJoiner t = new StringJoiner(", ", "time = c(", ")");
            StringJoiner e = new StringJoiner(", ", "status = c(", ")");
            for (int i = 0; i < time.length; i++) {
                t.add(String.format(Locale.ROOT, "%.17g", time[i]).replaceAll("\\.?0+$", ""));
                e.add(event[i] ? "1" : "0");
            }
            String g = Arrays.stream(group).map(x -> "\"" + x + "\"").collect(Collectors.joining(", ", "g = c(", ")"));
            String s = strata == null ? ""
                    : Arrays.stream(strata).map(x -> "\"" + x + "\"").collect(Collectors.joining(", ", ", st = c(", ")"));
            return "data.frame(" + t + ", " + e + ", " + g + s + ")";
        }
    }

    /** Cohorts with every feature switched on. */
    public static Gen<Cohort> cohorts() {
        return cohorts(80, 4, true, true);
    }

    /**
     * Random cohorts.
     *
     * @param maxN      largest sample size (≥ 1)
     * @param maxGroups at most this many groups (1–4); levels may be absent
     * @param censoring false for complete data
     * @param strata    whether some cohorts have 1–3 strata
     */
    public static Gen<Cohort> cohorts(int maxN, int maxGroups, boolean censoring, boolean strata) {
        return cohorts(maxN, 1, maxGroups, censoring, strata);
    }

    /**
     * Cohorts with k groups, k drawn from [minGroups, maxGroups], all of which occur when n ≥ k
     * (and n ≥ minGroups always): the first k subjects get the k labels (subjects are
     * exchangeable, as the permutation properties check), the others random ones.
     */
    public static Gen<Cohort> cohortsWithGroups(int minGroups, int maxGroups, boolean strata) {
        return cohorts(80, minGroups, maxGroups, true, strata);
    }

    private static Gen<Cohort> cohorts(int maxN, int minGroups, int maxGroups, boolean censoring, boolean strata) {
        Gen<Integer> size = Generate.range(Math.max(1, minGroups), maxN);
        Gen<Integer> gridMax = Generate.range(0, 12);
        Gen<Double> spacing = Generate.pick(SPACINGS);
        Gen<Integer> censorPercent = censoring ? Generate.pick(List.of(0, 20, 50, 90, 100)) : Generate.constant(0);
        Gen<Integer> groups = Generate.range(minGroups, maxGroups);
        Gen<Integer> strataCount = strata ? Generate.range(0, 3) : Generate.constant(0);
        Gen<Integer> percent = Generate.range(0, 99);
        Gen<Cohort> gen = rs -> {
            int n = size.generate(rs);
            int g = gridMax.generate(rs);
            double unit = spacing.generate(rs);
            int cens = censorPercent.generate(rs);
            int k = groups.generate(rs);
            int ns = strataCount.generate(rs);
            double[] time = new double[n];
            boolean[] event = new boolean[n];
            String[] group = new String[n];
            String[] st = ns == 0 ? null : new String[n];
            for (int i = 0; i < n; i++) {
                time[i] = draw(rs, 0, g) * unit;
                event[i] = percent.generate(rs) >= cens;
                group[i] = GROUPS[minGroups > 1 && i < k ? i : draw(rs, 0, k - 1)];
                if (st != null) {
                    st[i] = STRATA[draw(rs, 0, ns - 1)];
                }
            }
            return new Cohort(time, event, group, st);
        };
        return gen.describedAs(Cohort::toString);
    }

    /** A uniform integer in [lo, hi] from the theory's randomness (so that it shrinks). */
    public static int draw(RandomnessSource rs, int lo, int hi) {
        return lo == hi ? lo : Generate.range(lo, hi).generate(rs);
    }

    /** A random permutation of 0..n-1 (Fisher–Yates on the theory's randomness). */
    public static int[] permutation(RandomnessSource rs, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = draw(rs, 0, i);
            int x = p[i];
            p[i] = p[j];
            p[j] = x;
        }
        return p;
    }

    /** Equal as R's NA-aware identical(), or within 1e-12 relative (absolute below 1). */
    public static void assertClose(String what, double actual, double expected) {
        assertClose(what, actual, expected, 1e-12);
    }

    public static void assertClose(String what, double actual, double expected, double tol) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertThat(actual).as(what + " (NaN on one side only)").isNaN();
            assertThat(expected).as(what + " (NaN on one side only)").isNaN();
            return;
        }
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(tol * Math.max(1, Math.abs(expected)));
    }

    public static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertClose(what + "[" + i + "]", actual[i], expected[i]);
        }
    }

    // ---- the generator itself: these fail if it stops producing the cases the properties need ----

    @Test
    void generatorCoversTheAwkwardCases() {
        AtomicInteger total = new AtomicInteger();
        AtomicInteger withTies = new AtomicInteger();
        AtomicInteger withZero = new AtomicInteger();
        AtomicInteger single = new AtomicInteger();
        AtomicInteger noEvents = new AtomicInteger();
        AtomicInteger complete = new AtomicInteger();
        AtomicInteger fourGroups = new AtomicInteger();
        AtomicInteger oneGroup = new AtomicInteger();
        AtomicInteger stratified = new AtomicInteger();
        AtomicInteger large = new AtomicInteger();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(cohorts()).checkAssert(c -> {
            total.incrementAndGet();
            assertThat(c.n()).isBetween(1, 80);
            for (double t : c.time()) {
                assertThat(t).isFinite().isGreaterThanOrEqualTo(0);
            }
            Set<Double> distinct = new LinkedHashSet<>();
            for (double t : c.time()) {
                distinct.add(t);
            }
            count(withTies, distinct.size() < c.n());
            count(withZero, distinct.contains(0.0));
            count(single, c.n() == 1);
            count(noEvents, c.events() == 0);
            count(complete, c.events() == c.n() && c.n() > 1);
            count(fourGroups, c.groupCount() == 4);
            count(oneGroup, c.groupCount() == 1);
            count(stratified, c.strata() != null);
            count(large, c.n() >= 60);
        });
        assertThat(total.get()).as("examples run").isGreaterThan(EXAMPLES * 9 / 10);
        int tenth = EXAMPLES / 10;
        assertThat(withTies.get()).as("cohorts with tied times").isGreaterThan(EXAMPLES / 2);
        assertThat(withZero.get()).as("cohorts with a time 0").isGreaterThan(tenth);
        assertThat(single.get()).as("cohorts of one").isGreaterThan(0);
        assertThat(noEvents.get()).as("cohorts without events").isGreaterThan(tenth);
        assertThat(complete.get()).as("cohorts without censoring").isGreaterThan(tenth);
        assertThat(fourGroups.get()).as("cohorts with 4 groups").isGreaterThan(tenth);
        assertThat(oneGroup.get()).as("cohorts with 1 group").isGreaterThan(tenth);
        assertThat(stratified.get()).as("stratified cohorts").isGreaterThan(tenth);
        assertThat(large.get()).as("cohorts with n >= 60").isGreaterThan(tenth);
    }

    @Test
    void permutationIsAPermutation() {
        Gen<int[]> perms = rs -> permutation(rs, draw(rs, 1, 80));
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(perms).checkAssert(p -> {
            int[] sorted = p.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                assertThat(sorted[i]).isEqualTo(i);
            }
        });
    }

    private static void count(AtomicInteger counter, boolean condition) {
        if (condition) {
            counter.incrementAndGet();
        }
    }
}

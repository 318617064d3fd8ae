package org.survkit.stats.competing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.survkit.stats.RandomCohortPropertyTest.EXAMPLES;
import static org.survkit.stats.RandomCohortPropertyTest.SEED;
import static org.survkit.stats.RandomCohortPropertyTest.assertClose;
import static org.survkit.stats.RandomCohortPropertyTest.draw;
import static org.survkit.stats.RandomCohortPropertyTest.permutation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.survkit.stats.RandomCohortPropertyTest;
import org.survkit.stats.cox.CoxControl;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.DesignMatrixBuilder;

/**
 * Invariants of the competing-risks estimators on seeded random cohorts (the {@link RandomCohortPropertyTest}
 * generator — ties, time 0, heavy censoring, 1–4 groups, strata — with each event given one of 1–3 causes
 * and a covariate): the cumulative incidences of all causes and the all-cause Kaplan–Meier survival add up to
 * 1 at every time; with a single cause the Aalen–Johansen estimate is 1 − Kaplan–Meier; curves are
 * non-decreasing probabilities inside their limits; nothing depends on the order of the subjects or on the
 * order of the group labels; without competing events Fine–Gray is the Cox model with Breslow ties and
 * robust standard errors. Expected values come from other code paths ({@link KaplanMeier},
 * {@link CoxRegression}), never from the result under test.
 */
class CompetingRisksPropertyTest {
    private static final CumulativeIncidence CIF = CumulativeIncidence.withDefaults();
    /** Kaplan–Meier without timefix: cmprsk uses the times as given. */
    private static final KaplanMeier KM = KaplanMeier.withDefaults().withTimeFix(false);

    /** A competing-risks sample: status 0 censored, 1..k a cause. */
    record CrCohort(double[] time, double[] status, String[] group, String[] strata, double[] x) {
        int n() {
            return time.length;
        }

        boolean[] anyEvent() {
            boolean[] e = new boolean[time.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = status[i] != 0;
            }
            return e;
        }

        CrCohort permute(int[] perm) {
            int n = n();
            double[] t = new double[n];
            double[] s = new double[n];
            String[] g = new String[n];
            String[] st = strata == null ? null : new String[n];
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = time[perm[i]];
                s[i] = status[perm[i]];
                g[i] = group[perm[i]];
                z[i] = x[perm[i]];
                if (st != null) {
                    st[i] = strata[perm[i]];
                }
            }
            return new CrCohort(t, s, g, st, z);
        }

        /** R code that rebuilds the cohort, for cuminc/crr. */
        @Override
        public String toString() {
            StringJoiner t = new StringJoiner(", ", "time = c(", ")");
            StringJoiner s = new StringJoiner(", ", "status = c(", ")");
            StringJoiner z = new StringJoiner(", ", "x = c(", ")");
            for (int i = 0; i < time.length; i++) {
                t.add(String.format(Locale.ROOT, "%.17g", time[i]));
                s.add(Integer.toString((int) status[i]));
                z.add(Double.toString(x[i]));
            }
            String g = Arrays.stream(group).map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "g = c(", ")"));
            String st = strata == null ? ""
                    : Arrays.stream(strata).map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", ", st = c(", ")"));
            return "data.frame(" + t + ", " + s + ", " + g + ", " + z + st + ")";
        }
    }

    /** Random cohorts with 1..maxCauses causes. */
    static Gen<CrCohort> crCohorts(int maxCauses) {
        Gen<RandomCohortPropertyTest.Cohort> base = RandomCohortPropertyTest.cohorts();
        return rs -> {
            RandomCohortPropertyTest.Cohort c = base.generate(rs);
            int k = draw(rs, 1, maxCauses);
            int n = c.n();
            double[] status = new double[n];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                status[i] = c.event()[i] ? draw(rs, 1, k) : 0;
                x[i] = draw(rs, -20, 20) / 10.0;
            }
            return new CrCohort(c.time(), status, c.group(), c.strata(), x);
        };
    }

    @Test
    void causesAndSurvivalAddUpToOne() {
        AtomicInteger multiCause = new AtomicInteger();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(crCohorts(3)).checkAssert(c -> {
            CumulativeIncidenceResult r = CIF.fit(c.time(), c.status(), 0, c.group(), null);
            if (r.causes().length > 1) {
                multiCause.incrementAndGet();
            }
            for (GroupCurve gc : KM.fit(c.time(), c.anyEvent(), c.group())) {
                SurvivalCurve s = gc.curve();
                double[] t = s.time();
                for (int i = 0; i < t.length; i++) {
                    double total = s.survival()[i];
                    for (double cause : r.causes()) {
                        total += r.curve(gc.group(), cause).at(t[i]).get(0).cif();
                    }
                    assertClose("Σ F_c + S at " + t[i] + " in " + gc.group(), total, 1.0, 1e-12);
                }
            }
        });
        assertThat(multiCause.get()).as("cohorts with several causes").isGreaterThan(EXAMPLES / 3);
    }

    @Test
    void oneCauseIsOneMinusKaplanMeier() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(crCohorts(1)).checkAssert(c -> {
            CumulativeIncidenceResult r = CIF.fit(c.time(), c.status(), 0, c.group(), null);
            for (GroupCurve gc : KM.fit(c.time(), c.anyEvent(), c.group())) {
                SurvivalCurve s = gc.curve();
                if (s.events() == 0) {
                    if (r.causes().length > 0) {
                        assertThat(r.curve(gc.group(), 1).size()).isZero();
                    }
                    continue;
                }
                CumulativeIncidenceCurve f = r.curve(gc.group(), 1);
                assertThat((double) f.events()).isEqualTo(s.events());
                double[] t = s.time();
                for (int i = 0; i < t.length; i++) {
                    assertClose("F at " + t[i], f.at(t[i]).get(0).cif(), 1 - s.survival()[i], 1e-12);
                }
            }
        });
    }

    @Test
    void curvesAreNonDecreasingProbabilitiesInsideTheirLimits() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(crCohorts(3)).checkAssert(c -> {
            for (ConfidenceType type : ConfidenceType.values()) {
                CumulativeIncidenceResult r = CIF.with(type).fit(c.time(), c.status(), 0, c.group(), null);
                for (CumulativeIncidenceCurve k : r.curves()) {
                    double prev = 0;
                    for (CumulativeIncidenceRow row : k.rows()) {
                        assertThat(row.cif()).as("F increases at an event of the cause").isGreaterThan(prev);
                        assertThat(row.cif()).isLessThanOrEqualTo(1 + 1e-15);
                        assertThat(row.variance()).as("variance").isGreaterThanOrEqualTo(-1e-15);
                        if (!Double.isNaN(row.lower())) {
                            assertThat(row.lower()).isBetween(0.0, row.cif() + 1e-12);
                            assertThat(row.upper()).isBetween(row.cif() - 1e-12, 1.0);
                        }
                        prev = row.cif();
                    }
                }
            }
        });
    }

    @Test
    void permutingSubjectsChangesNothing() {
        Gen<Pair<CrCohort, int[]>> gen = rs -> {
            CrCohort c = crCohorts(3).generate(rs);
            return Pair.of(c, permutation(rs, c.n()));
        };
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(gen.describedAs(p -> p._1.toString())).checkAssert(p -> {
            CrCohort c = p._1;
            CrCohort s = c.permute(p._2);
            // exact: the same counts enter the same sums in the same (time) order
            assertThat(CIF.fit(s.time(), s.status(), 0, s.group(), s.strata()))
                    .isEqualTo(CIF.fit(c.time(), c.status(), 0, c.group(), c.strata()));
            FineGrayModel a = fineGray(c);
            FineGrayModel b = fineGray(s);
            assertThat(a == null).isEqualTo(b == null);
            if (a != null) {
                // sums within tied times change order: equal to rounding
                assertClose("coef", b.coef()[0], a.coef()[0], 1e-9);
                assertClose("se", b.coefficients().get(0).se(), a.coefficients().get(0).se(), 1e-9);
                assertClose("loglik", b.loglik(), a.loglik(), 1e-9);
            }
        });
    }

    @Test
    void grayTestDoesNotDependOnTheOrderOfTheGroups() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(crCohorts(3)).checkAssert(c -> {
            // the reverse labels: "A" becomes "zD", "D" becomes "zA", so the first level (left out of s) changes
            String[] reversed = Arrays.stream(c.group()).map(g -> "z" + (char) ('A' + 'D' - g.charAt(0)))
                    .toArray(String[]::new);
            CumulativeIncidenceResult a = CIF.fit(c.time(), c.status(), 0, c.group(), c.strata());
            CumulativeIncidenceResult b = CIF.fit(c.time(), c.status(), 0, reversed, c.strata());
            assertThat(b.tests()).hasSameSizeAs(a.tests());
            for (GrayTestResult t : a.tests()) {
                GrayTestResult u = b.test(t.cause());
                if (Double.isNaN(t.statistic()) || Double.isNaN(u.statistic())) {
                    continue; // rank decisions at the tolerance may differ
                }
                assertClose("Gray statistic, cause " + t.cause(), u.statistic(), t.statistic(), 1e-7);
                assertThat(u.df()).isEqualTo(t.df());
            }
        });
    }

    @Test
    void withoutCompetingEventsFineGrayIsCoxBreslowWithRobustErrors() {
        AtomicInteger compared = new AtomicInteger();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(crCohorts(1)).checkAssert(c -> {
            // both fits to full precision, so that their different stopping rules do not matter
            FineGrayModel fg = fineGray(c, new FineGrayControl(1e-13, 50, FineGrayControl.DEFAULT.tolerChol()));
            if (fg == null || !fg.converged()) {
                return;
            }
            int n = c.n();
            int[] id = new int[n];
            for (int i = 0; i < n; i++) {
                id[i] = i;
            }
            DesignMatrix design = DesignMatrixBuilder.of(n).numeric("x", c.x()).build(List.of("x"));
            CoxModel cox = CoxRegression.withDefaults().with(Ties.BRESLOW)
                    .with(new CoxControl(1e-15, CoxControl.DEFAULT.tolerChol(), 50, CoxControl.DEFAULT.tolerInf()))
                    .fit(new CoxData(null, c.time(), c.anyEvent(), design, null, null, id));
            if (!cox.converged() || !cox.diagnostics().isEmpty() || fg.coefficients().get(0).aliased()) {
                return; // monotone likelihood: both diverge, each by its own stopping rule
            }
            compared.incrementAndGet();
            assertClose("coef", fg.coef()[0], cox.coef()[0], 1e-6);
            assertClose("robust se", fg.coefficients().get(0).se(), cox.coefficients().get(0).robustSe(), 1e-6);
            assertClose("model se", fg.coefficients().get(0).modelSe(), cox.coefficients().get(0).se(), 1e-6);
        });
        assertThat(compared.get()).as("cohorts compared").isGreaterThan(EXAMPLES / 4);
    }

    /** Fine–Gray of cause 1 on x, or null when cause 1 does not occur. */
    private static FineGrayModel fineGray(CrCohort c) {
        return fineGray(c, FineGrayControl.DEFAULT);
    }

    private static FineGrayModel fineGray(CrCohort c, FineGrayControl control) {
        if (Arrays.stream(c.status()).noneMatch(s -> s == 1)) {
            return null;
        }
        DesignMatrix design = DesignMatrixBuilder.of(c.n()).numeric("x", c.x()).build(List.of("x"));
        return FineGrayRegression.withDefaults().with(control).fit(c.time(), c.status(), 0, 1, design);
    }
}

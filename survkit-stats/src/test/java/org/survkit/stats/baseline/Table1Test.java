package org.survkit.stats.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.survkit.stats.baseline.Table1Reference.close;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.internal.Normal;

/**
 * Behaviour of {@link Table1} around the numbers that {@link Table1ReferenceTest} checks against R:
 * missing data, group order, the choice rules and their overrides, fallbacks and diagnostics.
 */
class Table1Test {

    private static final String[] ARM = {"B", "A", "B", null, "A", "B", "A", "A"};

    @Test
    void subjectsWithoutGroupAreLeftOutAndReported() {
        double[] age = {50, 60, 70, 99, 40, 55, 65, Double.NaN};
        Table1Result t = Table1.withDefaults().summarize(ARM, List.of(Table1Variable.continuous("age", age)));
        assertThat(t.groups()).containsExactly("A", "B");
        assertThat(t.groupSizes()).containsExactly(4, 3);
        assertThat(t.n()).isEqualTo(7);
        assertThat(t.excluded()).isEqualTo(1);
        assertThat(t.diagnostics()).extracting(Diagnostic::code).contains("missing-group");
        Table1Row.Continuous row = (Table1Row.Continuous) t.row("age");
        assertThat(row.overall().n()).isEqualTo(6); // 99 belongs to the excluded subject
        assertThat(row.overall().missing()).isEqualTo(1);
        assertThat(row.overall().max()).isEqualTo(70);
        assertThat(row.groups().get(0).n()).isEqualTo(3);
        assertThat(row.groups().get(0).missing()).isEqualTo(1);
        assertThat(row.groups().get(1).mean()).isEqualTo((50 + 70 + 55) / 3.0);
    }

    @Test
    void explicitGroupOrderAndLevels() {
        String[] grade = {"II", "I", null, "II", "II", "I", "II", "I"};
        Table1Result t = Table1.withDefaults().summarize(ARM, List.of("B", "A", "C"),
                List.of(Table1Variable.categorical("grade", grade, List.of("I", "II", "III"))));
        assertThat(t.groups()).containsExactly("B", "A", "C");
        assertThat(t.groupSizes()).containsExactly(3, 4, 0);
        Table1Row.Categorical row = (Table1Row.Categorical) t.row("grade");
        assertThat(row.levels()).containsExactly("I", "II", "III");
        assertThat(row.overall().counts()).containsExactly(3, 3, 0); // row 4 (no group) is left out
        assertThat(row.groups().get(0).counts()).containsExactly(1, 1, 0); // B: II, missing, I
        assertThat(row.groups().get(0).missing()).isEqualTo(1);
        assertThat(row.groups().get(1).counts()).containsExactly(2, 2, 0); // A: I, II, II, I
        assertThat(row.groups().get(2).nonMissing()).isZero();
        // the empty level and the empty group are left out of the test: a 2 x 2 table remains
        assertThat(row.test().method()).isEqualTo(GroupTestMethod.FISHER_EXACT);
        // R 4.2.2: fisher.test(matrix(c(1, 1, 2, 2), 2))$p.value = 1
        close("p", row.test().pValue(), 1.0, 1e-12);
        assertThat(row.pairwiseSmd().pairs()).hasSize(3);
        assertThat(row.smd()).isNaN(); // pairs with the empty group C are undefined
    }

    @Test
    void misuseIsReportedWithTheValue() {
        assertThatThrownBy(() -> Table1.withDefaults().summarize(ARM, List.of("A"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'B'").hasMessageContaining("row 1");
        assertThatThrownBy(() -> Table1.withDefaults().summarize(ARM, List.of(Table1Variable.continuous("x", new double[3]))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x' has 3 values for 8");
        String[] bad = {"I", "I", "I", "I", "IV", "I", "I", "I"};
        assertThatThrownBy(() -> Table1.withDefaults().summarize(ARM,
                List.of(Table1Variable.categorical("grade", bad, List.of("I", "II")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'IV'").hasMessageContaining("row 5");
        Table1Variable v = Table1Variable.continuous("x", new double[8]);
        assertThatThrownBy(() -> Table1.withDefaults().summarize(ARM, List.of(v, v)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void noTestWhenNothingToCompare() {
        String[] one = {"x", "x", "x", "x", "x", "x", "x", "x"};
        double[] allMissingInB = {1, 2, Double.NaN, 0, 3, Double.NaN, 4, 5};
        Table1Result t = Table1.withDefaults().summarize(ARM, List.of(Table1Variable.categorical("single", one),
                Table1Variable.continuous("onlyA", allMissingInB)));
        assertThat(t.row("single").test().method()).isEqualTo(GroupTestMethod.NONE);
        assertThat(t.row("single").test().rationale()).contains("one level");
        assertThat(t.row("single").smd()).isZero(); // one level in both groups: tableone's 0
        assertThat(t.row("onlyA").test().method()).isEqualTo(GroupTestMethod.NONE);
        assertThat(t.row("onlyA").test().pValue()).isNaN();
        assertThat(t.diagnostics()).extracting(Diagnostic::code).contains("no-test");

        Table1Result single = Table1.withDefaults().summarize(new String[] {"a", "a", "a"},
                List.of(Table1Variable.continuous("x", new double[] {1, 2, 3})));
        assertThat(single.row("x").test().method()).isEqualTo(GroupTestMethod.NONE);
        assertThat(single.row("x").smd()).isNaN();
    }

    @Test
    void constantContinuousDataGetNoTestButAReason() {
        String[] g = {"a", "a", "a", "b", "b", "b"};
        double[] x = {5, 5, 5, 5, 5, 5};
        Table1Result t = Table1.withDefaults().with(ContinuousTestChoice.PARAMETRIC).summarize(g,
                List.of(Table1Variable.continuous("x", x)));
        assertThat(t.row("x").test().method()).isEqualTo(GroupTestMethod.NONE);
        assertThat(t.row("x").test().rationale()).contains("essentially constant");
        assertThat(t.row("x").smd()).isZero();
    }

    /** The automatic rule on seeded data: normal groups → Welch / ANOVA; a skewed group → Wilcoxon / Kruskal–Wallis. */
    @Test
    void automaticContinuousChoice() {
        Random rnd = new Random(12);
        int n = 40;
        String[] g2 = new String[2 * n];
        String[] g3 = new String[3 * n];
        double[] normal2 = new double[2 * n];
        double[] skew2 = new double[2 * n];
        double[] normal3 = new double[3 * n];
        double[] skew3 = new double[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            String label = String.valueOf(i / n);
            double z = Normal.quantile(((i % n) + 1 - 0.375) / (n + 0.25)) + i / n; // exact normal scores
            double e = Math.exp(2 * rnd.nextGaussian());
            if (i < 2 * n) {
                g2[i] = label;
                normal2[i] = z;
                skew2[i] = e;
            }
            g3[i] = label;
            normal3[i] = z;
            skew3[i] = e;
        }
        Table1Result two = Table1.withDefaults().summarize(g2, List.of(Table1Variable.continuous("n", normal2),
                Table1Variable.continuous("s", skew2)));
        Table1Result three = Table1.withDefaults().summarize(g3, List.of(Table1Variable.continuous("n", normal3),
                Table1Variable.continuous("s", skew3)));
        assertThat(two.row("n").test().method()).isEqualTo(GroupTestMethod.WELCH_T);
        assertThat(two.row("s").test().method()).isEqualTo(GroupTestMethod.WILCOXON);
        assertThat(two.row("s").test().rationale()).contains("Shapiro-Wilk p =");
        assertThat(three.row("n").test().method()).isEqualTo(GroupTestMethod.ANOVA);
        assertThat(three.row("s").test().method()).isEqualTo(GroupTestMethod.KRUSKAL_WALLIS);
        // overrides
        assertThat(Table1.withDefaults().with(ContinuousTestChoice.PARAMETRIC).summarize(g2,
                List.of(Table1Variable.continuous("s", skew2))).row("s").test().method()).isEqualTo(GroupTestMethod.WELCH_T);
        assertThat(Table1.withDefaults().with(ContinuousTestChoice.NONPARAMETRIC).summarize(g3,
                List.of(Table1Variable.continuous("n", normal3))).row("n").test().method())
                .isEqualTo(GroupTestMethod.KRUSKAL_WALLIS);
        // a stricter level can only move variables towards the parametric test
        Table1Result strict = Table1.withDefaults().withNormalityLevel(1e-300).summarize(g2,
                List.of(Table1Variable.continuous("s", skew2)));
        assertThat(strict.row("s").test().method()).isEqualTo(GroupTestMethod.WELCH_T);
        // every group's normality result is reported
        assertThat(((Table1Row.Continuous) two.row("s")).normality()).allMatch(ShapiroWilkResult::tested);
    }

    @Test
    void categoricalChoiceAndOverrides() {
        // 2 x 2 with expected counts >= 5: Yates-corrected chi-square, R's default
        String[] g = new String[40];
        String[] y = new String[40];
        for (int i = 0; i < 40; i++) {
            g[i] = i < 20 ? "a" : "b";
            y[i] = (i < 20 ? i < 14 : i < 27) ? "yes" : "no";
        }
        Table1Row row = Table1.withDefaults().summarize(g, List.of(Table1Variable.categorical("y", y))).row("y");
        assertThat(row.test().method()).isEqualTo(GroupTestMethod.CHI_SQUARE_YATES);
        // R 4.2.2: chisq.test(matrix(c(6, 14, 13, 7), 2)) X-squared = 3.60902255639098, p-value = 0.0574668858304141
        close("X2", row.test().statistic(), 3.60902255639098, 1e-12);
        close("p", row.test().pValue(), 0.0574668858304141, 1e-12);
        assertThat(Table1.withDefaults().with(ContinuityCorrection.NONE).summarize(g,
                List.of(Table1Variable.categorical("y", y))).row("y").test().method()).isEqualTo(GroupTestMethod.CHI_SQUARE);
        assertThat(Table1.withDefaults().with(CategoricalTestChoice.FISHER).summarize(g,
                List.of(Table1Variable.categorical("y", y))).row("y").test().method()).isEqualTo(GroupTestMethod.FISHER_EXACT);
        // a forced chi-square on small counts warns
        String[] small = {"yes", "no", "yes", null, "no", "yes", "yes", "no"};
        Table1Result forced = Table1.withDefaults().with(CategoricalTestChoice.CHI_SQUARE).summarize(ARM,
                List.of(Table1Variable.categorical("y", small)));
        assertThat(forced.row("y").test().method()).isEqualTo(GroupTestMethod.CHI_SQUARE_YATES);
        assertThat(forced.diagnostics()).extracting(Diagnostic::code).contains("small-expected");
        // a lower minimum expected count keeps the chi-square test
        assertThat(Table1.withDefaults().withMinimumExpected(0).summarize(ARM, List.of(Table1Variable.categorical("y",
                small))).row("y").test().method()).isEqualTo(GroupTestMethod.CHI_SQUARE_YATES);
    }

    @Test
    void fisherBeyondItsWorkLimitFallsBackToChiSquare() {
        Random rnd = new Random(4);
        int n = 3000;
        String[] g = new String[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            g[i] = "g" + rnd.nextInt(5);
            y[i] = "level" + (rnd.nextInt(12) == 0 ? 9 : rnd.nextInt(9)); // one rare level: expected < 5 somewhere
        }
        y[0] = "rare";
        Table1Result t = Table1.withDefaults().with(FisherExact.withDefaults().withWorkLimit(1000)).summarize(g,
                List.of(Table1Variable.categorical("y", y)));
        assertThat(t.row("y").test().method()).isEqualTo(GroupTestMethod.CHI_SQUARE);
        assertThat(t.diagnostics()).extracting(Diagnostic::code).contains("fisher-too-large");
    }

    @Test
    void smdSummaryOverThreeGroups() {
        String[] g = {"1", "1", "1", "2", "2", "2", "3", "3", "3"};
        double[] x = {1, 2, 3, 2, 3, 4, 10, 11, 12};
        Table1Row max = Table1.withDefaults().summarize(g, List.of(Table1Variable.continuous("x", x))).row("x");
        Table1Row mean = Table1.withDefaults().with(SmdSummary.MEAN).summarize(g, List.of(Table1Variable.continuous("x", x)))
                .row("x");
        // pairs: |1 - 2| / 1 = 1, |1 - 11| / 1 = 10... means 2, 3, 11 with variances 1: SMDs 1, 9, 8
        assertThat(max.pairwiseSmd().pairs()).extracting(PairwiseSmd::smd).containsExactly(1.0, 9.0, 8.0);
        assertThat(max.smd()).isEqualTo(9.0);
        assertThat(mean.smd()).isEqualTo(6.0);
    }

    /** Permuting subjects changes nothing (seeded). */
    @Test
    void permutationInvariance() {
        Random rnd = new Random(77);
        int n = 120;
        String[] g = new String[n];
        double[] x = new double[n];
        String[] c = new String[n];
        for (int i = 0; i < n; i++) {
            g[i] = rnd.nextInt(10) == 0 ? null : "arm" + rnd.nextInt(3);
            x[i] = rnd.nextInt(15) == 0 ? Double.NaN : Math.round(rnd.nextGaussian() * 10) / 2.0;
            c[i] = rnd.nextInt(12) == 0 ? null : "c" + rnd.nextInt(4);
        }
        Table1Result a = Table1.withDefaults().summarize(g, List.of(Table1Variable.continuous("x", x),
                Table1Variable.categorical("c", c)));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, rnd);
        String[] g2 = new String[n];
        double[] x2 = new double[n];
        String[] c2 = new String[n];
        for (int i = 0; i < n; i++) {
            g2[i] = g[order.get(i)];
            x2[i] = x[order.get(i)];
            c2[i] = c[order.get(i)];
        }
        Table1Result b = Table1.withDefaults().summarize(g2, List.of(Table1Variable.continuous("x", x2),
                Table1Variable.categorical("c", c2)));
        for (String v : List.of("x", "c")) {
            assertThat(b.row(v).test().method()).isEqualTo(a.row(v).test().method());
            close(v + " p", b.row(v).test().pValue(), a.row(v).test().pValue(), 1e-12);
            close(v + " smd", b.row(v).smd(), a.row(v).smd(), 1e-12);
        }
        Table1Row.Continuous ra = (Table1Row.Continuous) a.row("x");
        Table1Row.Continuous rb = (Table1Row.Continuous) b.row("x");
        assertThat(rb.groups()).extracting(ContinuousSummary::median).containsExactlyElementsOf(
                ra.groups().stream().map(ContinuousSummary::median).toList());
        assertThat(b.row("c")).isEqualTo(a.row("c"));
    }

    @Test
    void enginesAreImmutable() {
        Table1 d = Table1.withDefaults();
        Table1 other = d.with(SmdSummary.MEAN).with(ContinuousTestChoice.NONPARAMETRIC);
        assertThat(other).isNotSameAs(d);
        assertThat(d.summarize(new String[] {"a", "b"}, List.of()).smdSummary()).isEqualTo(SmdSummary.MAX);
        assertThatThrownBy(() -> d.withNormalityLevel(0)).isInstanceOf(IllegalArgumentException.class);
        double[] values = {1, 2};
        Table1Variable v = Table1Variable.continuous("x", values);
        values[0] = 99;
        assertThat(((Table1Variable.Continuous) v).values()[0]).isEqualTo(1);
    }
}

package org.survkit.stats.baseline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.model.Factor;

/**
 * "Table 1" of a clinical study: patient characteristics overall and by group, each with a test
 * across groups and a standardized difference, matching R 4.2.2 base/stats.
 *
 * <pre>
 * Table1Result t = Table1.withDefaults().summarize(arm, List.of(
 *         Table1Variable.continuous("age", age),
 *         Table1Variable.categorical("grade", grade)));
 * Table1Result u = Table1.withDefaults().with(ContinuousTestChoice.NONPARAMETRIC).with(SmdSummary.MEAN)
 *         .summarize(arm, List.of("placebo", "low", "high"), variables);
 * </pre>
 *
 * <p>Per variable:
 * <ul>
 * <li>continuous ({@link ContinuousSummary}): n, missing, mean ± SD, median [Q1, Q3] (R
 *     {@code quantile(type = 7)}), min–max, overall and per group; test by
 *     {@link ContinuousTestChoice} (default: Shapiro–Wilk p &lt; 0.05 in any group → Wilcoxon /
 *     Kruskal–Wallis, else Welch t / one-way ANOVA); SMD of means;</li>
 * <li>categorical ({@link CategoricalSummary}): n (%) per level with the non-missing values as
 *     denominator, missing count; test by {@link CategoricalTestChoice} (default: any expected count
 *     &lt; 5 → Fisher's exact test, else Pearson's chi-square, Yates-corrected on 2 × 2 as R's
 *     {@code chisq.test} default); Yang–Dalton SMD.</li>
 * </ul>
 * With k &gt; 2 groups the SMD is computed for every pair and summarized by {@link SmdSummary}
 * (default the maximum; tableone prints the mean).
 *
 * <p>Subjects: a row whose group label is null is left out of every column, including "overall",
 * and counted in {@link Table1Result#excluded()} with a diagnostic. Missing values of a variable
 * (NaN, null) are counted per column and left out of its statistics and tests (R's
 * {@code na.rm = TRUE}, tableone's behaviour). Groups without a non-missing value of a variable
 * take no part in its test; with fewer than two groups left, or data that admit no test (e.g. a
 * single distinct value), the row's test is {@link GroupTestMethod#NONE} with the reason. Nothing
 * here throws for data problems of one variable; misuse (lengths that differ, a label outside the
 * given group order or level list, an infinite value, a duplicated variable name) raises
 * {@link IllegalArgumentException} naming the variable, row and value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Table1 {
    private static final Table1 DEFAULTS = new Table1(ContinuousTestChoice.AUTO, CategoricalTestChoice.AUTO,
            ContinuityCorrection.YATES_2X2, SmdSummary.MAX, 0.05, 5.0, FisherExact.withDefaults());

    private final ContinuousTestChoice continuousChoice;
    private final CategoricalTestChoice categoricalChoice;
    private final ContinuityCorrection correction;
    private final SmdSummary smdSummary;
    private final double normalityLevel;
    private final double minimumExpected;
    private final FisherExact fisher;

    private Table1(ContinuousTestChoice continuousChoice, CategoricalTestChoice categoricalChoice,
            ContinuityCorrection correction, SmdSummary smdSummary, double normalityLevel, double minimumExpected,
            FisherExact fisher) {
        this.continuousChoice = continuousChoice;
        this.categoricalChoice = categoricalChoice;
        this.correction = correction;
        this.smdSummary = smdSummary;
        this.normalityLevel = normalityLevel;
        this.minimumExpected = minimumExpected;
        this.fisher = fisher;
    }

    /** Automatic test choices, R's chi-square default, max pairwise SMD, α = 0.05, minimum expected count 5. */
    public static Table1 withDefaults() {
        return DEFAULTS;
    }

    public Table1 with(ContinuousTestChoice c) {
        return new Table1(Objects.requireNonNull(c, "choice"), categoricalChoice, correction, smdSummary, normalityLevel,
                minimumExpected, fisher);
    }

    public Table1 with(CategoricalTestChoice c) {
        return new Table1(continuousChoice, Objects.requireNonNull(c, "choice"), correction, smdSummary, normalityLevel,
                minimumExpected, fisher);
    }

    public Table1 with(ContinuityCorrection c) {
        return new Table1(continuousChoice, categoricalChoice, Objects.requireNonNull(c, "correction"), smdSummary,
                normalityLevel, minimumExpected, fisher);
    }

    public Table1 with(SmdSummary s) {
        return new Table1(continuousChoice, categoricalChoice, correction, Objects.requireNonNull(s, "smd summary"),
                normalityLevel, minimumExpected, fisher);
    }

    /** The engine for Fisher's test (e.g. with another work limit). */
    public Table1 with(FisherExact f) {
        return new Table1(continuousChoice, categoricalChoice, correction, smdSummary, normalityLevel, minimumExpected,
                Objects.requireNonNull(f, "fisher"));
    }

    /** Shapiro–Wilk level below which {@link ContinuousTestChoice#AUTO} calls a group non-normal (default 0.05). */
    public Table1 withNormalityLevel(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("normality level must be in (0, 1), got " + alpha);
        }
        return new Table1(continuousChoice, categoricalChoice, correction, smdSummary, alpha, minimumExpected, fisher);
    }

    /** Expected count below which {@link CategoricalTestChoice#AUTO} uses Fisher's test (default 5). */
    public Table1 withMinimumExpected(double count) {
        if (!(count >= 0) || Double.isInfinite(count)) {
            throw new IllegalArgumentException("minimum expected count must be finite and >= 0, got " + count);
        }
        return new Table1(continuousChoice, categoricalChoice, correction, smdSummary, normalityLevel, count, fisher);
    }

    /** Table 1 with groups in their natural order (numeric when every label is a number, else text). */
    public Table1Result summarize(String[] group, List<Table1Variable> variables) {
        Objects.requireNonNull(group, "group");
        List<String> labels = new ArrayList<>();
        for (String g : group) {
            if (g != null) {
                labels.add(g);
            }
        }
        return summarize(group, Factor.of(labels.toArray(new String[0])).levels(), variables);
    }

    /**
     * Table 1 with groups in the given order (groups without subjects are shown with n = 0).
     *
     * @param group      one label per subject; null = missing (subject excluded)
     * @param groupOrder the column order; every non-null label must be in it
     * @param variables  the rows, each with one value per subject
     */
    public Table1Result summarize(String[] group, List<String> groupOrder, List<Table1Variable> variables) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(variables, "variables");
        List<String> groups = List.copyOf(groupOrder);
        if (new HashSet<>(groups).size() != groups.size()) {
            throw new IllegalArgumentException("group order has duplicates: " + groups);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            index.put(groups.get(i), i);
        }
        int k = groups.size();
        int[] code = new int[group.length];
        int[] sizes = new int[k];
        int excluded = 0;
        for (int i = 0; i < group.length; i++) {
            if (group[i] == null) {
                code[i] = -1;
                excluded++;
                continue;
            }
            Integer c = index.get(group[i]);
            if (c == null) {
                throw new IllegalArgumentException("group label '" + group[i] + "' of row " + (i + 1)
                        + " is not in the group order " + groups + ": add it or set the row's group to missing");
            }
            code[i] = c;
            sizes[c]++;
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (excluded > 0) {
            diagnostics.add(Diagnostic.warning("missing-group", excluded + " subject" + (excluded == 1 ? " has" : "s have")
                    + " no group label and " + (excluded == 1 ? "is" : "are") + " left out of every column, overall included."));
        }
        Set<String> names = new HashSet<>();
        List<Table1Row> rows = new ArrayList<>();
        Cohort cohort = new Cohort(groups, code);
        for (Table1Variable v : variables) {
            Objects.requireNonNull(v, "variable");
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("variable '" + v.name() + "' appears twice");
            }
            if (v instanceof Table1Variable.Continuous c) {
                checkLength(v.name(), c.view().length, group.length);
                rows.add(continuousRow(c, cohort, diagnostics));
            } else if (v instanceof Table1Variable.Categorical c) {
                checkLength(v.name(), c.view().length, group.length);
                rows.add(categoricalRow(c, cohort, diagnostics));
            }
        }
        return new Table1Result(groups, sizes, group.length - excluded, excluded, rows, smdSummary, diagnostics);
    }

    private static void checkLength(String name, int n, int expected) {
        if (n != expected) {
            throw new IllegalArgumentException("variable '" + name + "' has " + n + " values for " + expected
                    + " group labels: give one value per subject (NaN or null when missing)");
        }
    }

    /** Group codes per subject (−1 = excluded). */
    private record Cohort(List<String> groups, int[] code) {
    }

    // ---------------------------------------------------------------- continuous

    private Table1Row continuousRow(Table1Variable.Continuous v, Cohort cohort, List<Diagnostic> diagnostics) {
        double[] x = v.view();
        int k = cohort.groups().size();
        double[][] obs = new double[k][];
        int[] nObs = new int[k];
        int[] missing = new int[k];
        int overallMissing = 0;
        for (int i = 0; i < x.length; i++) {
            int g = cohort.code()[i];
            if (g < 0) {
                continue;
            }
            if (Double.isNaN(x[i])) {
                missing[g]++;
                overallMissing++;
            } else if (Double.isInfinite(x[i])) {
                throw new IllegalArgumentException("variable '" + v.name() + "', row " + (i + 1) + ": value " + x[i]
                        + " is infinite; give a finite number or NaN for missing");
            } else {
                nObs[g]++;
            }
        }
        for (int g = 0; g < k; g++) {
            obs[g] = new double[nObs[g]];
        }
        int[] fill = new int[k];
        double[] all = new double[Arrays.stream(nObs).sum()];
        int a = 0;
        for (int i = 0; i < x.length; i++) {
            int g = cohort.code()[i];
            if (g >= 0 && !Double.isNaN(x[i])) {
                obs[g][fill[g]++] = x[i];
                all[a++] = x[i];
            }
        }
        ContinuousSummary overall = ContinuousSummary.ofObserved(all, overallMissing);
        List<ContinuousSummary> perGroup = new ArrayList<>();
        List<ShapiroWilkResult> normality = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            perGroup.add(ContinuousSummary.ofObserved(obs[g], missing[g]));
            normality.add(normality(obs[g]));
        }
        GroupTest test = continuousTest(v.name(), cohort.groups(), obs, normality, diagnostics);
        StandardizedDifference smd = k < 2 ? StandardizedDifference.of(List.of())
                : StandardizedMeanDifference.continuous(cohort.groups(), Arrays.asList(obs));
        return new Table1Row.Continuous(v.name(), overall, perGroup, normality, test, smd, smd.value(smdSummary));
    }

    private static ShapiroWilkResult normality(double[] x) {
        if (x.length < ShapiroWilk.MIN_N || x.length > ShapiroWilk.MAX_N || allEqual(x)) {
            return ShapiroWilkResult.notTested(x.length);
        }
        return ShapiroWilk.test(x);
    }

    private static boolean allEqual(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    private GroupTest continuousTest(String name, List<String> groups, double[][] obs, List<ShapiroWilkResult> normality,
            List<Diagnostic> diagnostics) {
        List<double[]> samples = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (int g = 0; g < obs.length; g++) {
            if (obs[g].length > 0) {
                samples.add(obs[g]);
                present.add(groups.get(g));
            } else {
                absent.add(groups.get(g));
            }
        }
        if (samples.size() < 2) {
            return groups.size() < 2 ? GroupTest.none("one group: nothing to compare")
                    : noTest(name, "fewer than two groups have a value", diagnostics);
        }
        if (!absent.isEmpty()) {
            diagnostics.add(Diagnostic.note("group-without-values", "'" + name + "': group" + (absent.size() > 1 ? "s " : " ")
                    + String.join(", ", absent) + " without any value left out of the test."));
        }
        boolean nonparametric;
        String why;
        switch (continuousChoice) {
            case PARAMETRIC -> {
                nonparametric = false;
                why = "parametric test requested";
            }
            case NONPARAMETRIC -> {
                nonparametric = true;
                why = "rank test requested";
            }
            default -> {
                String reject = null;
                String untested = null;
                for (int g = 0; g < obs.length && reject == null; g++) {
                    int n = obs[g].length;
                    ShapiroWilkResult sw = normality.get(g);
                    if (sw.tested() && sw.pValue() < normalityLevel) {
                        reject = "Shapiro-Wilk p = " + fmt(sw.pValue()) + " < " + fmt(normalityLevel) + " in group "
                                + groups.get(g);
                    } else if (!sw.tested() && n >= ShapiroWilk.MIN_N && n <= ShapiroWilk.MAX_N) {
                        reject = "all " + n + " values of group " + groups.get(g) + " are equal";
                    } else if (!sw.tested() && n > ShapiroWilk.MAX_N) {
                        untested = groups.get(g);
                    }
                }
                nonparametric = reject != null;
                why = nonparametric ? reject : "Shapiro-Wilk p >= " + fmt(normalityLevel) + " in every group tested";
                if (untested != null && !nonparametric) {
                    diagnostics.add(Diagnostic.note("normality-not-tested", "'" + name + "': the Shapiro-Wilk test is limited"
                            + " to 5000 values, so group " + untested + " was not checked for normality (with so many"
                            + " values the t-test/ANOVA is robust to non-normality)."));
                }
            }
        }
        try {
            if (samples.size() == 2) {
                if (nonparametric) {
                    WilcoxonResult w = WilcoxonRankSum.withDefaults().test(samples.get(0), samples.get(1));
                    String how = w.exact() ? "exact p-value" : "normal approximation with continuity correction"
                            + (w.ties() ? " and tie correction" : "");
                    return new GroupTest(GroupTestMethod.WILCOXON, w.statistic(), Double.NaN, Double.NaN, w.pValue(),
                            "Wilcoxon rank-sum test, " + how + " (" + why + ")");
                }
                TTestResult t = TwoSampleTTest.withDefaults().test(samples.get(0), samples.get(1));
                return new GroupTest(GroupTestMethod.WELCH_T, t.statistic(), t.df(), Double.NaN, t.pValue(),
                        "Welch two-sample t-test (" + why + ")");
            }
            if (nonparametric) {
                ChiSquareTest h = KruskalWallis.test(samples);
                return new GroupTest(GroupTestMethod.KRUSKAL_WALLIS, h.statistic(), h.df(), Double.NaN, h.pValue(),
                        "Kruskal-Wallis rank-sum test (" + why + ")");
            }
            AnovaResult f = OneWayAnova.withDefaults().test(samples);
            return new GroupTest(GroupTestMethod.ANOVA, f.statistic(), f.df1(), f.df2(), f.pValue(),
                    "one-way ANOVA F test (" + why + ")");
        } catch (IllegalArgumentException e) {
            return noTest(name, "the data admit no test: " + e.getMessage(), diagnostics);
        }
    }

    private static GroupTest noTest(String name, String why, List<Diagnostic> diagnostics) {
        diagnostics.add(Diagnostic.warning("no-test", "'" + name + "': no p-value, " + why + "."));
        return GroupTest.none(why);
    }

    // ---------------------------------------------------------------- categorical

    private Table1Row categoricalRow(Table1Variable.Categorical v, Cohort cohort, List<Diagnostic> diagnostics) {
        String[] x = v.view();
        List<String> levels = v.levels();
        if (levels == null) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (cohort.code()[i] >= 0 && x[i] != null) {
                    seen.add(x[i]);
                }
            }
            levels = seen.isEmpty() ? List.of() : Factor.of(seen.toArray(new String[0])).levels();
        } else if (new HashSet<>(levels).size() != levels.size()) {
            throw new IllegalArgumentException("variable '" + v.name() + "': levels have duplicates: " + levels);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        int k = cohort.groups().size();
        int[][] counts = new int[k][levels.size()];
        int[] missing = new int[k];
        for (int i = 0; i < x.length; i++) {
            int g = cohort.code()[i];
            if (g < 0) {
                continue;
            }
            if (x[i] == null) {
                missing[g]++;
                continue;
            }
            Integer l = index.get(x[i]);
            if (l == null) {
                throw new IllegalArgumentException("variable '" + v.name() + "', row " + (i + 1) + ": value '" + x[i]
                        + "' is not one of the levels " + levels + "; add it to the levels or set it to missing");
            }
            counts[g][l]++;
        }
        int[] overallCounts = new int[levels.size()];
        int overallMissing = 0;
        List<CategoricalSummary> perGroup = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            for (int l = 0; l < levels.size(); l++) {
                overallCounts[l] += counts[g][l];
            }
            overallMissing += missing[g];
            perGroup.add(new CategoricalSummary(levels, counts[g], Arrays.stream(counts[g]).sum(), missing[g]));
        }
        CategoricalSummary overall = new CategoricalSummary(levels, overallCounts, Arrays.stream(overallCounts).sum(),
                overallMissing);
        GroupTest test = categoricalTest(v.name(), levels, counts, k, diagnostics);
        StandardizedDifference smd = k < 2 || levels.isEmpty() ? StandardizedDifference.of(List.of())
                : StandardizedMeanDifference.categorical(cohort.groups(), Arrays.asList(counts));
        return new Table1Row.Categorical(v.name(), levels, overall, perGroup, test, smd, smd.value(smdSummary));
    }

    private GroupTest categoricalTest(String name, List<String> levels, int[][] counts, int k,
            List<Diagnostic> diagnostics) {
        if (k < 2) {
            return GroupTest.none("one group: nothing to compare");
        }
        if (levels.isEmpty()) {
            return noTest(name, "no non-missing value", diagnostics);
        }
        int[][] table = new int[levels.size()][k]; // levels x groups, as R's table(x, g)
        for (int g = 0; g < k; g++) {
            for (int l = 0; l < levels.size(); l++) {
                table[l][g] = counts[g][l];
            }
        }
        int[][] reduced = ContingencyTables.withoutEmptyMargins(table);
        if (ContingencyTables.rows(reduced) < 2) {
            return noTest(name, "only one level is observed", diagnostics);
        }
        if (ContingencyTables.columns(reduced) < 2) {
            return noTest(name, "fewer than two groups have a value", diagnostics);
        }
        double minExpected = ContingencyTables.min(ContingencyTables.expected(reduced));
        boolean small = minExpected < minimumExpected;
        boolean useFisher = categoricalChoice == CategoricalTestChoice.FISHER
                || (categoricalChoice == CategoricalTestChoice.AUTO && small);
        String expectedText = "smallest expected count " + fmt(minExpected);
        if (useFisher) {
            try {
                FisherExactResult f = fisher.test(table);
                String why = categoricalChoice == CategoricalTestChoice.FISHER ? "exact test requested"
                        : expectedText + " < " + fmt(minimumExpected);
                return new GroupTest(GroupTestMethod.FISHER_EXACT, Double.NaN, Double.NaN, Double.NaN, f.pValue(),
                        "Fisher's exact test (" + why + ")");
            } catch (IllegalStateException e) {
                diagnostics.add(Diagnostic.warning("fisher-too-large", "'" + name + "': Fisher's exact test is too large"
                        + " to compute exactly (" + e.getMessage() + "); the chi-square test is reported instead and is"
                        + " approximate with " + expectedText + "."));
            }
        } else if (small) {
            diagnostics.add(Diagnostic.warning("small-expected", "'" + name + "': chi-square test with " + expectedText
                    + " (< " + fmt(minimumExpected) + "): the p-value is approximate; Fisher's exact test is preferable."));
        }
        ChiSquareIndependenceResult c = ChiSquareIndependence.withDefaults().with(correction).test(table);
        String why = categoricalChoice == CategoricalTestChoice.CHI_SQUARE ? "chi-square test requested"
                : small ? "Fisher's test not computable" : "all expected counts >= " + fmt(minimumExpected);
        return new GroupTest(c.yates() ? GroupTestMethod.CHI_SQUARE_YATES : GroupTestMethod.CHI_SQUARE, c.statistic(),
                c.df(), Double.NaN, c.pValue(), "Pearson's chi-square test" + (c.yates() ? " with Yates' correction" : "")
                        + " (" + why + ")");
    }

    /** Three significant digits for rationale texts: 0.05 → "0.05", 0.000123 → "1.23e-04". */
    private static String fmt(double v) {
        if (v != 0 && Math.abs(v) < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }
}

package org.survkit.stats.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survkit.stats.baseline.Table1Reference.P;
import static org.survkit.stats.baseline.Table1Reference.STAT;
import static org.survkit.stats.baseline.Table1Reference.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.stats.ChiSquareTest;

/**
 * Table 1 on the shared cohorts against R 4.2.2 (reference/table1/refgen_table1.R):
 * <ul>
 * <li>{@code table1_gbsg_hormon}: R {@code survival::gbsg} by hormon (2 groups, no missing values);</li>
 * <li>{@code table1_rotterdam_size}: {@code survival::rotterdam} by size, 3 groups in the order
 *     {@code <=20, 20-50, >50};</li>
 * <li>{@code table1_lung_sex}: {@code survival::lung} by sex, with missing values (meal.cal 47,
 *     wt.loss 14, ph.ecog 1) and a sparse ECOG level (Fisher's test, 4 × 2).</li>
 * </ul>
 * Every number: summaries ({@code mean, sd, median, quantile(type = 7), min, max}), every test R
 * ran ({@code t.test}, {@code t.test(var.equal = TRUE)}, {@code oneway.test(var.equal = TRUE/FALSE)},
 * {@code wilcox.test}, {@code kruskal.test}, {@code shapiro.test} per group, {@code chisq.test}
 * with and without correction, {@code fisher.test}), the SMDs (R code of Yang &amp; Dalton as
 * tableone computes them), and the test the Table 1 rule picks with its p-value.
 */
class Table1ReferenceTest {

    static Stream<String> cases() {
        return Stream.of("table1_gbsg_hormon", "table1_rotterdam_size", "table1_lung_sex");
    }

    private static Table1Result build(JsonNode ref, Table1 engine) {
        Table1Reference.Dataset d = Table1Reference.dataset(ref.get("file").asText());
        List<Table1Variable> vars = new ArrayList<>();
        for (JsonNode c : ref.get("continuous")) {
            String v = c.get("variable").asText();
            vars.add(Table1Variable.continuous(v, d.numbers(v)));
        }
        for (JsonNode c : ref.get("categorical")) {
            String v = c.get("variable").asText();
            vars.add(Table1Variable.categorical(v, d.labels(v)));
        }
        String[] group = d.labels(ref.get("group").asText());
        return engine.summarize(group, Table1Reference.strings(ref.get("groups")), vars);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void groupsAndCounts(String name) {
        JsonNode ref = Table1Reference.json(name);
        Table1Result t = build(ref, Table1.withDefaults());
        assertThat(t.groups()).containsExactlyElementsOf(Table1Reference.strings(ref.get("groups")));
        assertThat(t.groupSizes()).containsExactly(Table1Reference.ints(ref.get("group_sizes")));
        assertThat(t.excluded()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void continuousSummaries(String name) {
        JsonNode ref = Table1Reference.json(name);
        Table1Result t = build(ref, Table1.withDefaults());
        for (JsonNode c : ref.get("continuous")) {
            Table1Row.Continuous row = (Table1Row.Continuous) t.row(c.get("variable").asText());
            summary(name + " " + row.variable() + " overall", row.overall(), c.get("overall"));
            for (int g = 0; g < row.groups().size(); g++) {
                summary(name + " " + row.variable() + " group " + t.groups().get(g), row.groups().get(g), c.get("groups").get(g));
            }
        }
    }

    /** R 4.2.2: n, sum(is.na), mean, sd, median, quantile(type = 7) at .25/.75, min, max. */
    private static void summary(String w, ContinuousSummary s, JsonNode r) {
        assertThat(s.n()).as(w + " n").isEqualTo(r.get("n").asInt());
        assertThat(s.missing()).as(w + " missing").isEqualTo(r.get("missing").asInt());
        close(w + " mean", s.mean(), r.get("mean"), STAT);
        close(w + " sd", s.sd(), r.get("sd"), STAT);
        close(w + " median", s.median(), r.get("median"), STAT);
        close(w + " q1", s.q1(), r.get("q1"), STAT);
        close(w + " q3", s.q3(), r.get("q3"), STAT);
        close(w + " min", s.min(), r.get("min"), STAT);
        close(w + " max", s.max(), r.get("max"), STAT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void continuousTests(String name) {
        JsonNode ref = Table1Reference.json(name);
        Table1Reference.Dataset d = Table1Reference.dataset(ref.get("file").asText());
        List<String> groups = Table1Reference.strings(ref.get("groups"));
        String[] g = d.labels(ref.get("group").asText());
        for (JsonNode c : ref.get("continuous")) {
            String v = c.get("variable").asText();
            String w = name + " " + v;
            List<double[]> samples = split(d.numbers(v), g, groups);
            if (samples.size() == 2) {
                // R 4.2.2: t.test(x1, x2) and t.test(x1, x2, var.equal = TRUE)
                ttest(w + " welch", TwoSampleTTest.withDefaults().test(samples.get(0), samples.get(1)), c.get("welch"));
                ttest(w + " student", TwoSampleTTest.withDefaults().with(VarianceAssumption.EQUAL)
                        .test(samples.get(0), samples.get(1)), c.get("student"));
                // R 4.2.2: wilcox.test(x1, x2)
                WilcoxonResult wr = WilcoxonRankSum.withDefaults().test(samples.get(0), samples.get(1));
                close(w + " wilcoxon W", wr.statistic(), c.get("wilcoxon").get("statistic"), STAT);
                close(w + " wilcoxon p", wr.pValue(), c.get("wilcoxon").get("p_value"), P);
                assertThat(wr.exact()).as(w + " wilcoxon exact").isEqualTo(c.get("wilcoxon").get("exact").asBoolean());
            }
            // R 4.2.2: oneway.test(x ~ g, var.equal = TRUE) (= aov) and var.equal = FALSE
            anova(w + " anova", OneWayAnova.withDefaults().test(samples), c.get("anova"));
            anova(w + " welch anova", OneWayAnova.withDefaults().with(VarianceAssumption.UNEQUAL).test(samples),
                    c.get("welch_anova"));
            // R 4.2.2: kruskal.test(list(...))
            ChiSquareTest h = KruskalWallis.test(samples);
            close(w + " kruskal H", h.statistic(), c.get("kruskal").get("statistic"), STAT);
            assertThat((double) h.df()).isEqualTo(c.get("kruskal").get("df").asDouble());
            close(w + " kruskal p", h.pValue(), c.get("kruskal").get("p_value"), P);
            // R 4.2.2: shapiro.test(x) per group
            for (int k = 0; k < samples.size(); k++) {
                JsonNode sw = c.get("shapiro").get(k);
                if (sw.isNull()) {
                    continue;
                }
                ShapiroWilkResult s = ShapiroWilk.test(samples.get(k));
                close(w + " shapiro W " + groups.get(k), s.statistic(), sw.get("statistic"), STAT);
                close(w + " shapiro p " + groups.get(k), s.pValue(), sw.get("p_value"), P);
            }
        }
    }

    private static void ttest(String w, TTestResult t, JsonNode r) {
        close(w + " t", t.statistic(), r.get("statistic"), STAT);
        close(w + " df", t.df(), r.get("df"), STAT);
        close(w + " p", t.pValue(), r.get("p_value"), P);
        close(w + " se", t.stdErr(), r.get("std_err"), STAT);
        close(w + " lower", t.lower(), r.get("lower"), STAT);
        close(w + " upper", t.upper(), r.get("upper"), STAT);
    }

    private static void anova(String w, AnovaResult a, JsonNode r) {
        close(w + " F", a.statistic(), r.get("statistic"), STAT);
        close(w + " df1", a.df1(), r.get("df1"), STAT);
        close(w + " df2", a.df2(), r.get("df2"), STAT);
        close(w + " p", a.pValue(), r.get("p_value"), P);
    }

    static List<double[]> split(double[] x, String[] g, List<String> groups) {
        List<double[]> out = new ArrayList<>();
        for (String level : groups) {
            List<Double> v = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (level.equals(g[i]) && !Double.isNaN(x[i])) {
                    v.add(x[i]);
                }
            }
            out.add(v.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void categoricalSummariesAndTests(String name) {
        JsonNode ref = Table1Reference.json(name);
        Table1Result t = build(ref, Table1.withDefaults());
        for (JsonNode c : ref.get("categorical")) {
            Table1Row.Categorical row = (Table1Row.Categorical) t.row(c.get("variable").asText());
            String w = name + " " + row.variable();
            assertThat(row.levels()).as(w + " levels").containsExactlyElementsOf(Table1Reference.strings(c.get("levels")));
            // R 4.2.2: table(x, g) without NA; rowSums; sum(is.na(x)) per group
            assertThat(row.overall().counts()).containsExactly(Table1Reference.ints(c.get("overall").get("counts")));
            assertThat(row.overall().nonMissing()).isEqualTo(c.get("overall").get("n").asInt());
            assertThat(row.overall().missing()).isEqualTo(c.get("overall").get("missing").asInt());
            for (int g = 0; g < row.groups().size(); g++) {
                JsonNode rg = c.get("groups").get(g);
                assertThat(row.groups().get(g).counts()).containsExactly(Table1Reference.ints(rg.get("counts")));
                assertThat(row.groups().get(g).nonMissing()).isEqualTo(rg.get("n").asInt());
                assertThat(row.groups().get(g).missing()).isEqualTo(rg.get("missing").asInt());
            }
            for (int l = 0; l < row.levels().size(); l++) {
                // R 4.2.2: 100 * rowSums(tab) / sum(tab)
                close(w + " percent " + row.levels().get(l), row.overall().percent(l), c.get("percent_overall").get(l), STAT);
            }
            int[][] table = new int[row.levels().size()][t.groups().size()];
            for (int g = 0; g < t.groups().size(); g++) {
                for (int l = 0; l < row.levels().size(); l++) {
                    table[l][g] = row.groups().get(g).count(l);
                }
            }
            // R 4.2.2: chisq.test(tab, correct = FALSE), chisq.test(tab), fisher.test(tab)
            ChiSquareIndependenceResult c0 = ChiSquareIndependence.withDefaults().with(ContinuityCorrection.NONE).test(table);
            close(w + " chisq", c0.statistic(), c.get("chisq").get("statistic"), STAT);
            close(w + " chisq p", c0.pValue(), c.get("chisq").get("p_value"), P);
            assertThat((double) c0.df()).isEqualTo(c.get("chisq").get("df").asDouble());
            close(w + " min expected", c0.minExpected(), c.get("min_expected"), STAT);
            ChiSquareIndependenceResult cd = ChiSquareIndependence.withDefaults().test(table);
            close(w + " chisq default", cd.statistic(), c.get("chisq_default").get("statistic"), STAT);
            close(w + " chisq default p", cd.pValue(), c.get("chisq_default").get("p_value"), P);
            assertThat(cd.yates()).isEqualTo(c.get("chisq_default").get("yates").asBoolean());
            JsonNode f = c.get("fisher").get("p_value");
            if (!f.isNull()) {
                close(w + " fisher p", FisherExact.withDefaults().test(table).pValue(), f, P);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void testChosenByTheRule(String name) {
        JsonNode ref = Table1Reference.json(name);
        Table1Result t = build(ref, Table1.withDefaults());
        List<JsonNode> all = new ArrayList<>();
        ref.get("continuous").forEach(all::add);
        ref.get("categorical").forEach(all::add);
        for (JsonNode c : all) {
            Table1Row row = t.row(c.get("variable").asText());
            String w = name + " " + row.variable();
            assertThat(row.test().method().name()).as(w + " method").isEqualTo(c.get("choice").get("method").asText());
            close(w + " chosen p", row.test().pValue(), c.get("choice").get("p_value"), P);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void standardizedDifferences(String name) {
        JsonNode ref = Table1Reference.json(name);
        Table1Result max = build(ref, Table1.withDefaults());
        Table1Result mean = build(ref, Table1.withDefaults().with(SmdSummary.MEAN));
        List<JsonNode> all = new ArrayList<>();
        ref.get("continuous").forEach(all::add);
        ref.get("categorical").forEach(all::add);
        for (JsonNode c : all) {
            String v = c.get("variable").asText();
            JsonNode smd = c.get("smd");
            Table1Row row = max.row(v);
            for (int i = 0; i < smd.get("pairs").size(); i++) {
                JsonNode p = smd.get("pairs").get(i);
                PairwiseSmd s = row.pairwiseSmd().pairs().get(i);
                assertThat(s.group1()).isEqualTo(p.get("group1").asText());
                assertThat(s.group2()).isEqualTo(p.get("group2").asText());
                close(name + " " + v + " smd " + s.group1() + " vs " + s.group2(), s.smd(), p.get("smd"), STAT);
            }
            close(name + " " + v + " smd max", row.smd(), smd.get("max"), STAT);
            close(name + " " + v + " smd mean", mean.row(v).smd(), smd.get("mean"), STAT);
        }
    }
}

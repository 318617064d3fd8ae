package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.Tolerance;
import org.survkit.stats.model.DesignMatrix;

/**
 * The proportional-hazards score test against R. Expected values: R 4.2.2, survival 3.5-3,
 * {@code cox.zph(fit, transform, terms)} for the coxph fits of
 * {@code reference/cox-zph-concordance/refgen_zph_concordance.R} (JSON block "zph": table, x, time,
 * strata, y, var). Our own Cox fit supplies β̂. Tolerances: 1e-5 relative for the statistics and
 * p-values; 1e-5 relative (absolute below 1) for the scaled residuals, which cross zero, and their variance.
 */
class ProportionalHazardsTestTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        ZphConcordanceCase.all().forEach(c -> {
            JsonNode zph = c.json.get("zph");
            for (int k = 0; k < zph.size(); k++) {
                JsonNode z = zph.get(k);
                out.add(Arguments.of(c, z.get("transform").asText() + (z.get("terms").asBoolean() ? "" : " by column"), k));
            }
        });
        return out.stream();
    }

    /** Our column name as R spells it: {@code celltype=large} is R's {@code celltypelarge}. */
    private static String rName(String ours) {
        return ours.replace("=", "");
    }

    /** The tests alone ({@code tests}, what the command line prints) are {@code of}'s, bit for bit, on every R case. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void testsAloneEqualTheFullResult(ZphConcordanceCase c, String label, int k) {
        JsonNode ref = c.json.get("zph").get(k);
        CoxModel model = c.fit();
        ZphTransform transform = ZphTransform.parse(ref.get("transform").asText());
        boolean byTerm = ref.get("terms").asBoolean();
        ZphResult full = ProportionalHazardsTest.of(c.data, model, transform, byTerm);
        ZphResult tests = ProportionalHazardsTest.tests(c.data, model, transform, byTerm);
        assertThat(tests.terms()).as(label).isEqualTo(full.terms());
        assertThat(tests.global()).isEqualTo(full.global());
        assertThat(tests.variance()).isDeepEqualTo(full.variance());
        assertThat(tests.diagnostics()).isEqualTo(full.diagnostics());
        assertThat(tests.columnNames()).isEqualTo(full.columnNames());
        assertThat(tests.scaledResiduals()).isEmpty();
        assertThat(full.scaledResiduals()).isNotEmpty();
    }

    /**
     * One preparation for the fit and its test ({@link PreparedCoxData}, what the command line does) gives the model
     * and the test of the {@link CoxData} entry points, bit for bit, on every R case (strata, weights, delayed entry,
     * aliased columns, offsets where the cases have them).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void onePreparationForFitAndTestGivesTheSameResults(ZphConcordanceCase c, String label, int k) {
        JsonNode ref = c.json.get("zph").get(k);
        ZphTransform transform = ZphTransform.parse(ref.get("transform").asText());
        boolean byTerm = ref.get("terms").asBoolean();
        CoxModel model = c.fit();
        PreparedCoxData prepared = PreparedCoxData.of(c.data);
        CoxModel shared = CoxRegression.withDefaults().with(c.ties()).fit(prepared, null);
        assertThat(shared.coef()).as(label).isEqualTo(model.coef());
        assertThat(shared.loglik()).isEqualTo(model.loglik());
        assertThat(shared.variance()).isDeepEqualTo(model.variance());
        assertThat(shared.concordance()).isEqualTo(model.concordance());
        assertThat(shared.linearPredictors()).isEqualTo(model.linearPredictors());
        ZphResult alone = ProportionalHazardsTest.of(c.data, model, transform, byTerm);
        ZphResult tests = ProportionalHazardsTest.tests(prepared, shared, transform, byTerm);
        assertThat(tests.terms()).isEqualTo(alone.terms());
        assertThat(tests.global()).isEqualTo(alone.global());
        assertThat(tests.variance()).isDeepEqualTo(alone.variance());
        ZphResult full = ProportionalHazardsTest.of(prepared, shared, transform, byTerm);
        assertThat(full.scaledResiduals()).isDeepEqualTo(alone.scaledResiduals());
        assertThat(full.transformedTime()).isEqualTo(alone.transformedTime());
        // the fit and the test together (the test's sums from the fit's last evaluation, at the fit's own scaled β̂
        // rather than β̂ scaled again): the fit bit for bit, the test to rounding
        TestedCoxModel both = CoxRegression.withDefaults().with(c.ties()).fitAndTest(prepared, null, transform, byTerm);
        assertThat(both.model().coef()).isEqualTo(model.coef());
        assertThat(both.model().variance()).isDeepEqualTo(model.variance());
        assertThat(both.model().concordance()).isEqualTo(model.concordance());
        assertThat(both.model().diagnostics()).isEqualTo(model.diagnostics());
        sameToRounding(label, both.proportionalHazards(), alone);
        assertThat(both.proportionalHazards().diagnostics()).isEqualTo(tests.diagnostics());
    }

    /** Two results of the test equal to 1e-12 relative (terms, global test, variance). */
    static void sameToRounding(String what, ZphResult actual, ZphResult expected) {
        assertThat(actual.terms()).as(what).hasSameSizeAs(expected.terms());
        for (int t = 0; t <= expected.terms().size(); t++) {
            ZphTerm a = t < expected.terms().size() ? actual.terms().get(t) : actual.global();
            ZphTerm e = t < expected.terms().size() ? expected.terms().get(t) : expected.global();
            assertThat(a.term()).as(what).isEqualTo(e.term());
            assertThat(a.df()).as(what + " " + e.term()).isEqualTo(e.df());
            assertThat(a.statistic()).as(what + " " + e.term()).isCloseTo(e.statistic(),
                    within(1e-12 * Math.abs(e.statistic())));
            assertThat(a.pValue()).as(what + " " + e.term()).isCloseTo(e.pValue(), within(1e-12 * e.pValue()));
        }
        for (int i = 0; i < expected.variance().length; i++) {
            for (int j = 0; j < expected.variance()[i].length; j++) {
                double v = expected.variance()[i][j];
                assertThat(actual.variance()[i][j]).as(what + " variance").isCloseTo(v, within(1e-12 * Math.abs(v)));
            }
        }
    }

    @Test
    void fitAndTestHasNoTestWithoutEvents() {
        ZphConcordanceCase c = ZphConcordanceCase.all().findFirst().orElseThrow();
        CoxData censored = new CoxData(c.data.start(), c.data.stop(), new boolean[c.data.size()], c.data.design(),
                c.data.weights(), c.data.strata(), null);
        TestedCoxModel t = CoxRegression.withDefaults().fitAndTest(PreparedCoxData.of(censored), null, ZphTransform.KM,
                true);
        assertThat(t.model().events()).isZero();
        assertThat(t.proportionalHazards()).isNull();
    }

    @Test
    void fitAndTestRethrowsTheTestsMessage() {
        // a log transform needs positive event times: the test's own message, not a wrapper's
        DesignMatrix x = new DesignMatrix(List.of("x"), new int[] {0}, List.of("x"),
                new double[][] {{0.5, 1.5, 0.2, 1.1, 0.7, 0.1}});
        CoxData d = CoxData.of(new double[] {0, 1, 2, 3, 4, 5}, new boolean[] {true, true, false, true, true, true}, x);
        assertThatThrownBy(() -> CoxRegression.withDefaults().fitAndTest(PreparedCoxData.of(d), null, ZphTransform.LOG,
                true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log transform");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesR(ZphConcordanceCase c, String label, int k) {
        JsonNode ref = c.json.get("zph").get(k);
        CoxModel model = c.fit();
        JsonNode rCoef = c.json.get("fit").get("coef");
        for (int j = 0; j < rCoef.size(); j++) {
            Tolerance.close(c.name + " coef " + j, model.coef()[j], rCoef.get(j), 1e-6);
        }
        ZphResult z = ProportionalHazardsTest.of(c.data, model, ZphTransform.parse(ref.get("transform").asText()),
                ref.get("terms").asBoolean());
        String w = c.name + " " + label;
        // R 4.2.2, survival 3.5-3: cox.zph(fit, transform, terms)$table
        JsonNode table = ref.get("table");
        assertThat(z.terms()).hasSize(table.size() - 1);
        for (int t = 0; t < table.size(); t++) {
            JsonNode row = table.get(t);
            ZphTerm ours = t < z.terms().size() ? z.terms().get(t) : z.global();
            String v = w + " " + row.get("term").asText();
            assertThat(rName(ours.term())).as(v).isEqualTo(row.get("term").asText());
            ZphConcordanceCase.relative(v + " chisq", ours.statistic(), row.get("chisq"), 1e-5);
            assertThat(ours.df()).as(v + " df").isEqualTo(row.get("df").asInt());
            ZphConcordanceCase.relative(v + " p", ours.pValue(), row.get("p"), 1e-5);
        }
        // R: $x (transformed times), $time, $strata, $y (scaled residuals + beta), $var
        JsonNode x = ref.get("x");
        JsonNode time = ref.get("time");
        assertThat(z.transformedTime()).hasSize(x.size());
        for (int r = 0; r < x.size(); r++) {
            Tolerance.close(w + " x " + r, z.transformedTime()[r], x.get(r), 1e-9);
            Tolerance.close(w + " time " + r, z.eventTime()[r], time.get(r), 1e-12);
        }
        if (ref.hasNonNull("strata")) {
            JsonNode levels = c.json.get("strata_levels");
            for (int r = 0; r < x.size(); r++) {
                assertThat(levels.get(z.strata()[r]).asText()).as(w + " strata " + r).isEqualTo(ref.get("strata").get(r).asText());
            }
        } else {
            assertThat(z.strata()).isNull();
        }
        assertThat(z.columnNames().stream().map(ProportionalHazardsTestTest::rName).toList())
                .isEqualTo(ZphConcordanceCase.stream(ref.get("terms_y")).map(JsonNode::asText).toList());
        JsonNode y = ref.get("y");
        double[][] ours = z.scaledResiduals();
        for (int r = 0; r < y.size(); r++) {
            for (int col = 0; col < y.get(r).size(); col++) {
                Tolerance.close(w + " y[" + r + "," + col + "]", ours[r][col], y.get(r).get(col), 1e-5);
            }
        }
        JsonNode var = ref.get("var");
        for (int r = 0; r < var.size(); r++) {
            for (int col = 0; col < var.size(); col++) {
                Tolerance.close(w + " var[" + r + "," + col + "]", z.variance()[r][col], var.get(r).get(col), 1e-5);
            }
        }
    }

    static Stream<CoxCase> coxCases() {
        // R 3.5-3's cox.zph fails on integer case weights (JSON zph.error): those fits have no reference
        return CoxCase.all().filter(c -> !c.json.get("zph").has("error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coxCases")
    void matchesTheCoxReferenceFits(CoxCase c) {
        // R 4.2.2, survival 3.5-3: cox.zph(fit)$table of reference/cox/refgen_cox.R (JSON zph.table); includes
        // delayed entry, an empty factor level and an aliased column, a diverging coefficient, strata
        ZphResult z = ProportionalHazardsTest.of(c.data, CoxRegression.withDefaults().with(c.ties).fit(c.data));
        JsonNode table = c.json.get("zph").get("table");
        assertThat(z.terms()).hasSize(table.size() - 1);
        for (int t = 0; t < table.size(); t++) {
            JsonNode row = table.get(t);
            ZphTerm ours = t < z.terms().size() ? z.terms().get(t) : z.global();
            String v = c.name + " " + row.get("term").asText();
            assertThat(ours.term()).as(v).isEqualTo(row.get("term").asText());
            ZphConcordanceCase.relative(v + " chisq", ours.statistic(), row.get("statistic"), 1e-5);
            assertThat(ours.df()).as(v + " df").isEqualTo(row.get("df").asInt());
            ZphConcordanceCase.relative(v + " p", ours.pValue(), row.get("p_value"), 1e-5);
        }
    }

    @Test
    void lungLiteral() {
        ZphConcordanceCase c = ZphConcordanceCase.named("lung_efron");
        ZphResult z = ProportionalHazardsTest.of(c.data, c.fit());
        // R 4.2.2, survival 3.5-3: cox.zph(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung))
        //          chisq df     p
        // age      0.188  1 0.665
        // sex      2.305  1 0.129
        // ph.ecog  2.054  1 0.152
        // GLOBAL   4.464  3 0.216
        assertThat(z.term("age").statistic()).isCloseTo(0.18798767365229, within(1e-5));
        assertThat(z.term("sex").statistic()).isCloseTo(2.30543722740497, within(1e-5 * 2.30543722740497));
        assertThat(z.term("ph.ecog").statistic()).isCloseTo(2.05424877405441, within(1e-5 * 2.05424877405441));
        assertThat(z.global().statistic()).isCloseTo(4.46365758875861, within(1e-5 * 4.46365758875861));
        assertThat(z.global().df()).isEqualTo(3);
        assertThat(z.global().pValue()).isCloseTo(0.215554945341796, within(1e-5));
        assertThat(z.transform()).isEqualTo(ZphTransform.KM);
        assertThat(z.diagnostics()).isEmpty();
    }

    @Test
    void factorIsOneTermWithItsColumnsAsDf() {
        ZphConcordanceCase c = ZphConcordanceCase.named("veteran_efron");
        ZphResult z = ProportionalHazardsTest.of(c.data, c.fit());
        // R 4.2.2, survival 3.5-3: cox.zph(coxph(Surv(time, status) ~ trt + karno + diagtime + age + prior
        //   + celltype, veteran))$table["celltype", ] = 15.2273639238783, df 3
        assertThat(z.term("celltype").df()).isEqualTo(3);
        assertThat(z.term("celltype").statistic()).isCloseTo(15.2273639238783, within(1e-5 * 15.2273639238783));
        assertThat(z.global().df()).isEqualTo(8);
        assertThat(z.columnNames()).containsExactly("trt", "karno", "diagtime", "age", "prior", "celltype");
    }

    @Test
    void aliasedColumnIsLeftOutWithANote() {
        ZphConcordanceCase c = ZphConcordanceCase.named("lung_aliased_efron");
        ZphResult z = ProportionalHazardsTest.of(c.data, c.fit());
        assertThat(z.terms()).extracting(ZphTerm::term).containsExactly("age", "sex", "ph.ecog");
        assertThat(z.diagnostics()).extracting(Diagnostic::code).containsExactly("zph-aliased");
        // the same numbers as without the aliased column: R 4.2.2, survival 3.5-3, GLOBAL 4.46365758875861
        assertThat(z.global().statistic()).isCloseTo(4.46365758875861, within(1e-5 * 4.46365758875861));
    }

    @Test
    void rowOrderDoesNotChangeTheTests() {
        ZphConcordanceCase c = ZphConcordanceCase.named("ties_strata_efron");
        ZphResult z = ProportionalHazardsTest.of(c.data, c.fit());
        CoxData d = c.data;
        int n = d.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = (i * 37 + 11) % n; // n = 400, gcd(37, 400) = 1
        }
        double[][] cols = d.design().columns();
        double[][] pc = new double[cols.length][n];
        double[] stop = new double[n];
        boolean[] event = new boolean[n];
        int[] strata = new int[n];
        for (int i = 0; i < n; i++) {
            stop[i] = d.stop()[perm[i]];
            event[i] = d.event()[perm[i]];
            strata[i] = d.strata()[perm[i]];
            for (int j = 0; j < cols.length; j++) {
                pc[j][i] = cols[j][perm[i]];
            }
        }
        DesignMatrix pd = new DesignMatrix(d.design().columnNames(), d.design().assign(), d.design().termLabels(), pc);
        CoxData permuted = new CoxData(null, stop, event, pd, null, strata, null);
        ZphResult y = ProportionalHazardsTest.of(permuted, CoxRegression.withDefaults().fit(permuted));
        for (int t = 0; t < z.terms().size(); t++) {
            assertThat(y.terms().get(t).statistic()).isCloseTo(z.terms().get(t).statistic(),
                    within(1e-8 * Math.max(1, z.terms().get(t).statistic())));
        }
        assertThat(y.global().statistic()).isCloseTo(z.global().statistic(), within(1e-8 * z.global().statistic()));
    }

    @Test
    void rejectsAModelOfOtherData() {
        ZphConcordanceCase lung = ZphConcordanceCase.named("lung_efron");
        ZphConcordanceCase vet = ZphConcordanceCase.named("veteran_efron");
        assertThatThrownBy(() -> ProportionalHazardsTest.of(lung.data, vet.fit()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not fitted to these data");
    }
}

package org.survkit.stats.guardrails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.ReferenceCase;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxReferenceTest;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.ProportionalHazardsTest;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;

/** The study-design guardrails: power, horizon and immortal time. */
class GuardrailsTest {

    @Test
    void minimumDetectableHazardRatioBySchoenfeld() {
        // Schoenfeld (1983): D = (z_.975 + z_.8)^2 / (p(1-p) log^2 HR); for HR = 2 and p = 1/2,
        // D = 4 * 7.84887 / 0.480453 = 65.35 events. Inverting at D = 65.35 gives back HR = 2.
        double z = 1.959963984540054 + 0.8416212335729143;
        double d = 4 * z * z / Math.pow(Math.log(2), 2);
        assertThat(d).isCloseTo(65.345, within(1e-3));
        assertThat(Guardrails.minimumDetectableHazardRatio(66, 0.5, 0.05, 0.8)).isCloseTo(
                Math.exp(z / Math.sqrt(66 * 0.25)), within(1e-12)).isLessThan(2);
        assertThat(Guardrails.minimumDetectableHazardRatio(65, 0.5, 0.05, 0.8)).isGreaterThan(2);
        assertThat(Guardrails.minimumDetectableHazardRatio(0, 0.5, 0.05, 0.8)).isInfinite();
    }

    @Test
    void immortalTimeIsFlaggedWhenEveryoneSurvivedAMinimumTime() {
        double[] t = {14, 20, 33, 60, 72, 12.5, 40};
        boolean[] e = {true, false, true, false, false, true, true};
        List<Diagnostic> d = Guardrails.forImmortalTime(t, e, "months");
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("immortal-time");
            assertThat(x.message()).contains("at least 12.5 months").contains("landmark");
        });
        double[] early = {0.5, 20, 33, 60};
        assertThat(Guardrails.forImmortalTime(early, new boolean[] {true, false, true, false}, "months")).isEmpty();
    }

    @Test
    void horizonBeyondMedianFollowUp() {
        double[] t = {5, 10, 12, 20, 24, 30, 36, 40, 48, 62};
        boolean[] e = {true, false, false, true, false, false, true, false, false, false};
        KaplanMeier km = KaplanMeier.withDefaults();
        List<GroupCurve> curves = List.of(new GroupCurve("all", km.fit(t, e)));
        List<GroupCurve> fu = List.of(new GroupCurve("all", km.reverse(t, e)));
        List<Diagnostic> d = Guardrails.forHorizon(curves, fu, 60, "months");
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("follow-up-short");
            assertThat(x.message()).contains("the cohort").contains("horizon of 60 months").contains("(1)");
        });
    }

    @Test
    void fewAtRiskNamesTheUnitAndLeavesTheHorizonToForHorizon() {
        double[] t = {5, 10, 12, 20, 24, 30, 36, 40, 48, 62};
        boolean[] e = {true, false, false, true, false, false, true, false, false, false};
        KaplanMeier km = KaplanMeier.withDefaults();
        List<GroupCurve> curves = List.of(new GroupCurve("A", km.fit(t, e)), new GroupCurve("B", km.fit(t, e)));
        double[] at = {12, 48, 60, 70};
        // at 48: 2 at risk (48, 62); at 60: 1; 70 is beyond the last time (62)
        List<Diagnostic> all = Guardrails.forCurves(curves, at, Double.NaN, "months", Double.NaN);
        assertThat(all).filteredOn(x -> x.code().equals("few-at-risk")).hasSize(4)
                .allSatisfy(x -> assertThat(x.message()).containsPattern("at (48|60) months").contains("of group "));
        assertThat(all).filteredOn(x -> x.code().equals("beyond-follow-up")).hasSize(2)
                .allSatisfy(x -> assertThat(x.message()).contains("at 70 months").contains("(62 months)"));
        List<Diagnostic> withHorizon = Guardrails.forCurves(curves, at, Double.NaN, "months", 60);
        assertThat(withHorizon).filteredOn(x -> x.code().equals("few-at-risk")).hasSize(2)
                .allSatisfy(x -> assertThat(x.message()).contains("at 48 months"));
    }

    @Test
    void fewEventsInAGroupWithTheMinimumDetectableHazardRatio() {
        // group A: 20 subjects, 1 event; group B: 20 subjects, 9 events -> 10 events in all
        double[] t = new double[40];
        boolean[] e = new boolean[40];
        String[] g = new String[40];
        for (int i = 0; i < 40; i++) {
            t[i] = i + 1;
            g[i] = i < 20 ? "A" : "B";
            e[i] = i == 3 || i >= 20 && i < 29;
        }
        List<GroupCurve> curves = KaplanMeier.withDefaults().fit(t, e, g);
        List<Diagnostic> d = Guardrails.forCurves(curves, new double[0], Double.NaN);
        // Schoenfeld: HR = exp((z.975 + z.8) / sqrt(D p (1 - p))) with D = 10, p = 1/2: exp(2.8016 / 1.5811) = 5.88
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("few-events");
            assertThat(x.message()).startsWith("Group A has only 1 event among 20 subjects")
                    .contains("With 10 events in all").contains("(20 of 40 subjects)")
                    .contains("hazard ratio of 5.88 (or 0.17)");
        });
    }

    @Test
    void baselineImbalanceAboveTheSmdThreshold() {
        List<Diagnostic> d = Guardrails.forBaselineImbalance(List.of("Age", "Grade", "Site"),
                new double[] {0.05, 0.594, Double.NaN});
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("unadjusted-comparison");
            assertThat(x.message()).contains("Grade (SMD 0.59)").doesNotContain("Age").doesNotContain("Site")
                    .contains("above 0.1").contains("adjusted for it:");
        });
        assertThat(Guardrails.forBaselineImbalance(List.of("Age"), new double[] {0.1})).isEmpty();
        assertThat(Guardrails.forBaselineImbalance(List.of(), new double[0])).isEmpty();
    }

    @Test
    void lowPowerNoteForNonSignificantTwoGroupComparison() {
        // R's aml: survdiff p = 0.065 with 18 events
        double[] time = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45};
        boolean[] event = {true, true, false, true, true, false, true, true, false, true, false,
                           true, true, true, true, true, false, true, true, true, true, true, true};
        String[] arm = new String[23];
        for (int i = 0; i < 23; i++) {
            arm[i] = i < 11 ? "M" : "N";
        }
        LogRankResult r = LogRankTest.withDefaults().test(time, event, arm);
        List<Diagnostic> d = Guardrails.forPower(r);
        assertThat(d).singleElement().satisfies(x -> assertThat(x.message()).contains("with 18 events")
                .contains(String.format(java.util.Locale.ROOT, "%.2f",
                        Guardrails.minimumDetectableHazardRatio(18, 11 / 23.0, 0.05, 0.8))));
    }

    @Test
    void eventsPerCoefficientAndProportionalHazards() {
        assertThat(Guardrails.forEventsPerCoefficient(30, 3)).isEmpty();
        assertThat(Guardrails.forEventsPerCoefficient(29, 3)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("29 events for 3 coefficients (9.7 per coefficient)"));
        assertThat(Guardrails.forEventsPerCoefficient(5, 0)).isEmpty();
        // veteran trt + karno + celltype: cox.zph p for karno 0.000344 and celltype 0.00226 (R 4.2.2, survival 3.5-3),
        // trt 0.65: two findings
        ReferenceCase v = ReferenceCase.named("veteran_trt");
        List<String> terms = List.of("trt", "karno", "celltype");
        CoxData data = CoxReferenceTest.data(v, terms);
        CoxModel m = CoxRegression.withDefaults().fit(data);
        List<Diagnostic> d = Guardrails.forProportionalHazards(ProportionalHazardsTest.of(data, m));
        assertThat(d).extracting(Diagnostic::message).hasSize(2).anySatisfy(x -> assertThat(x).contains("'karno'"))
                .anySatisfy(x -> assertThat(x).contains("'celltype'"));
    }
}

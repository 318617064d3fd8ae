package org.survkit.stats.logrank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.ReferenceCase;
import org.survkit.stats.Tolerance;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.RestrictedMean;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.km.SurvivalQuantile;

/**
 * The blocks that only {@code reference/refgen_extra.R} writes (R 4.2.2, survival 3.5-3):
 * RMST at several horizons ({@code print(survfit, rmean = tau)}), median follow-up by reverse
 * Kaplan–Meier ({@code survfit(Surv(t, 1 - s) ~ g)}), pairwise and stratified versions of every
 * weighted test (checked in R against {@code survdiff(rho = 0, 0.5, 1)}), the trend test
 * ((c'U)²/c'Vc), Prism's conservative statistic and the log-rank / Mantel–Haenszel hazard ratios.
 */
class ExtraReferenceTest {

    static Stream<ReferenceCase> cases() {
        return ReferenceCase.all().filter(c -> c.name.startsWith("extra_"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void restrictedMeanAtSeveralHorizons(ReferenceCase rc) {
        for (String type : List.of("log-log", "log", "plain")) {
            JsonNode b = rc.json.get("km").get(type);
            List<GroupCurve> curves = KaplanMeier.withDefaults().with(ConfidenceType.parse(type)).fit(rc.time, rc.event,
                    rc.group);
            for (int k = 0; k < curves.size(); k++) {
                JsonNode multi = b.get("groups").get(k).get("rmst_multi");
                if (multi == null) {
                    continue;
                }
                for (JsonNode r : multi) {
                    double tau = r.get("tau").asDouble();
                    if (tau <= 0) {
                        continue; // survkit requires tau > 0
                    }
                    RestrictedMean m = curves.get(k).curve().restrictedMean(tau);
                    String w = rc.name + " " + curves.get(k).group() + " tau=" + tau;
                    Tolerance.close(w + " rmst", m.estimate(), r.get("estimate"), Tolerance.EST);
                    Tolerance.close(w + " se", m.stdErr(), r.get("se"), Tolerance.EST);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void medianFollowUp(ReferenceCase rc) {
        JsonNode fu = rc.json.get("followup");
        if (fu == null) {
            return;
        }
        int checked = 0;
        for (JsonNode r : fu) {
            KaplanMeier km = KaplanMeier.withDefaults().with(ConfidenceType.parse(r.get("conf_type").asText()));
            String g = r.get("group").asText();
            SurvivalCurve c = g.equals("all") && !List.of(rc.group).contains("all")
                    ? km.reverse(rc.time, rc.event)
                    : km.reverse(rc.time, rc.event, rc.group).stream().filter(x -> x.group().equals(g)).findFirst()
                            .orElseThrow().curve();
            SurvivalQuantile m = c.median();
            String w = rc.name + " follow-up " + g + " " + r.get("conf_type").asText();
            Tolerance.close(w, m.estimate(), r.get("median"), Tolerance.EST);
            Tolerance.close(w + " lower", m.lower(), r.get("lower"), Tolerance.EST);
            Tolerance.close(w + " upper", m.upper(), r.get("upper"), Tolerance.EST);
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pairwiseForEveryWeight(ReferenceCase rc) {
        JsonNode pw = rc.json.get("pairwise");
        if (pw == null) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = pw.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            LogRankTest engine = LogRankReferenceTest.engine(e.getKey());
            for (String method : List.of("holm", "bonferroni", "bh")) {
                List<PairwiseComparison> r = engine.pairwise(rc.time, rc.event, rc.group, null,
                        PValueAdjustment.parse(method));
                assertThat(r).hasSize(e.getValue().size());
                for (int i = 0; i < r.size(); i++) {
                    JsonNode x = e.getValue().get(i);
                    PairwiseComparison c = r.get(i);
                    String w = rc.name + " " + e.getKey() + " " + c.group1() + " vs " + c.group2();
                    assertThat(c.group1() + "|" + c.group2()).as(w)
                            .isEqualTo(x.get("group1").asText() + "|" + x.get("group2").asText());
                    Tolerance.close(w + " statistic", c.statistic(), x.get("statistic"), Tolerance.EST);
                    assertThat(c.df()).as(w + " df").isEqualTo(x.get("df").asInt());
                    Tolerance.close(w + " p", c.pValue(), x.get("p_value"), Tolerance.P);
                    Tolerance.close(w + " p_" + method, c.pAdjusted(), x.get("p_" + method), Tolerance.P);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stratifiedForEveryWeight(ReferenceCase rc) {
        JsonNode st = rc.json.get("stratified");
        if (st == null || !st.isObject() || st.isEmpty()) {
            return;
        }
        Object[] d = rc.rowsWithStratum();
        Iterator<Map.Entry<String, JsonNode>> it = st.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            LogRankResult r = LogRankReferenceTest.engine(e.getKey()).test((double[]) d[0], (boolean[]) d[1],
                    (String[]) d[2], (String[]) d[3]);
            LogRankReferenceTest.check(rc.name + " stratified " + e.getKey(), r, e.getValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trend(ReferenceCase rc) {
        JsonNode tr = rc.json.get("trend");
        if (tr == null || !tr.isObject() || tr.isEmpty()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = tr.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode x = e.getValue();
            double[] scores = new double[x.get("scores").size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = x.get("scores").get(i).asDouble();
            }
            TrendTestResult r;
            if (e.getKey().startsWith("stratified")) {
                Object[] d = rc.rowsWithStratum();
                r = LogRankTest.withDefaults().trend((double[]) d[0], (boolean[]) d[1], (String[]) d[2],
                        (String[]) d[3], scores);
            } else {
                r = LogRankTest.withDefaults().trend(rc.time, rc.event, rc.group, null, scores);
            }
            String w = rc.name + " trend " + e.getKey();
            Tolerance.close(w + " statistic", r.statistic(), x.get("statistic"), Tolerance.EST);
            Tolerance.close(w + " p", r.pValue(), x.get("p_value"), Tolerance.P);
            if (e.getKey().equals("value")) {
                // default scores = numeric group values
                TrendTestResult dflt = LogRankTest.withDefaults().trend(rc.time, rc.event, rc.group, null, null);
                Tolerance.close(w + " default scores", dflt.statistic(), x.get("statistic"), Tolerance.EST);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conservativeAndHazardRatio(ReferenceCase rc) {
        JsonNode cons = rc.json.get("conservative");
        if (cons != null && cons.isObject() && !cons.isEmpty()) {
            ChiSquareTest c = LogRankTest.withDefaults().test(rc.time, rc.event, rc.group).conservative();
            Tolerance.close(rc.name + " conservative", c.statistic(), cons.get("statistic"), Tolerance.EST);
            assertThat(c.df()).isEqualTo(cons.get("df").asInt());
            Tolerance.close(rc.name + " conservative p", c.pValue(), cons.get("p_value"), Tolerance.P);
        }
        JsonNode hr = rc.json.get("hazard_ratio");
        if (hr != null && hr.isObject() && hr.has("logrank")) {
            TwoGroupHazardRatios h = LogRankTest.withDefaults().hazardRatio(rc.time, rc.event, rc.group, null,
                    hr.get("conf_level").asDouble());
            assertThat(h.reference()).isEqualTo(hr.get("reference").asText());
            assertThat(h.comparison()).isEqualTo(hr.get("comparison").asText());
            ratio(rc.name + " HR logrank", h.logrank(), hr.get("logrank"));
            ratio(rc.name + " HR MH", h.mantelHaenszel(), hr.get("mantel_haenszel"));
        }
    }

    private static void ratio(String w, HazardRatio h, JsonNode x) {
        Tolerance.close(w, h.estimate(), x.get("hr"), Tolerance.EST);
        Tolerance.close(w + " lower", h.lower(), x.get("lower"), Tolerance.EST);
        Tolerance.close(w + " upper", h.upper(), x.get("upper"), Tolerance.EST);
    }
}

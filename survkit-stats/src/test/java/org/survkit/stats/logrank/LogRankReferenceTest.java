package org.survkit.stats.logrank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.ReferenceCase;
import org.survkit.stats.Tolerance;

/**
 * Log-rank family parity with R: every {@code compare}, {@code pairwise_logrank} and
 * {@code stratified_logrank} block. Expected values: R 4.2.2, survival 3.5-3; the weighted tests
 * by refgen.R's {@code wlr()} (checked there against {@code survdiff(rho = 0)} and
 * {@code survdiff(rho = 1)}), pairwise by {@code survdiff} on each pair with {@code p.adjust},
 * stratified by {@code survdiff(Surv(t, s) ~ g + strata(st))}.
 */
class LogRankReferenceTest {

    static Stream<ReferenceCase> cases() {
        return ReferenceCase.all().filter(c -> c.json.has("compare"));
    }

    static LogRankTest engine(String name) {
        switch (name) {
            case "fh11":
                return LogRankTest.withDefaults().withFlemingHarrington(1, 1);
            case "fh01":
                return LogRankTest.withDefaults().withFlemingHarrington(0, 1);
            case "fh10":
                return LogRankTest.withDefaults().withFlemingHarrington(1, 0);
            case "fh05_2":
                return LogRankTest.withDefaults().withFlemingHarrington(0.5, 2);
            default:
                return LogRankTest.withDefaults().with(Weighting.parse(name));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void kGroupTests(ReferenceCase rc) {
        Iterator<Map.Entry<String, JsonNode>> it = rc.json.get("compare").fields();
        int checked = 0;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            LogRankResult r = engine(e.getKey()).test(rc.time, rc.event, rc.group);
            check(rc.name + " " + e.getKey(), r, e.getValue());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    static void check(String where, LogRankResult r, JsonNode x) {
        Tolerance.close(where + " statistic", r.statistic(), x.get("statistic"), Tolerance.EST);
        assertThat(r.df()).as(where + " df").isEqualTo(x.get("df").asInt());
        Tolerance.close(where + " p", r.pValue(), x.get("p_value"), Tolerance.P);
        JsonNode groups = x.get("groups");
        if (groups != null) {
            assertThat(r.groups()).hasSize(groups.size());
            for (int j = 0; j < groups.size(); j++) {
                JsonNode g = groups.get(j);
                GroupSummary s = r.groups().get(j);
                assertThat(s.group()).as(where).isEqualTo(g.get("group").asText());
                assertThat(s.n()).as(where + " n").isEqualTo(g.get("n").asInt());
                Tolerance.close(where + " observed " + s.group(), s.observed(), g.get("observed"), Tolerance.EST);
                Tolerance.close(where + " expected " + s.group(), s.expected(), g.get("expected"), Tolerance.EST);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pairwiseLogrank(ReferenceCase rc) {
        JsonNode pw = rc.json.get("pairwise_logrank");
        if (pw == null) {
            return;
        }
        for (String method : List.of("holm", "bonferroni", "bh")) {
            List<PairwiseComparison> r = LogRankTest.withDefaults().pairwise(rc.time, rc.event, rc.group, null,
                    PValueAdjustment.parse(method));
            assertThat(r).hasSize(pw.size());
            for (int i = 0; i < pw.size(); i++) {
                JsonNode x = pw.get(i);
                PairwiseComparison c = r.get(i);
                String where = rc.name + " " + c.group1() + " vs " + c.group2();
                assertThat(c.group1()).as(where).isEqualTo(x.get("group1").asText());
                assertThat(c.group2()).as(where).isEqualTo(x.get("group2").asText());
                Tolerance.close(where + " statistic", c.statistic(), x.get("statistic"), Tolerance.EST);
                Tolerance.close(where + " p", c.pValue(), x.get("p_value"), Tolerance.P);
                Tolerance.close(where + " p_" + method, c.pAdjusted(), x.get("p_" + method), Tolerance.P);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stratifiedLogrank(ReferenceCase rc) {
        JsonNode st = rc.json.get("stratified_logrank");
        if (st == null || st.isEmpty()) {
            return;
        }
        assertThat(rc.strata).isNotNull();
        Object[] d = rc.rowsWithStratum();
        LogRankResult r = LogRankTest.withDefaults().test((double[]) d[0], (boolean[]) d[1], (String[]) d[2],
                (String[]) d[3]);
        check(rc.name + " stratified", r, st);
        assertThat(r.stratified()).isTrue();
    }
}

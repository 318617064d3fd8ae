package org.survkit.stats.km;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.stats.ReferenceCase;
import org.survkit.stats.Tolerance;

/**
 * Kaplan–Meier parity with R: every {@code km} block of every reference case.
 * Expected values: R 4.2.2, survival 3.5-3, {@code survfit(Surv(t, s) ~ g, conf.type = ...)} via
 * {@code summary(fit, censored = TRUE)}, {@code summary(fit, rmean = tau)$table} and
 * {@code summary(fit, times = at, extend = TRUE)} (reference/shared-tools/refgen.R, reference/refgen_extra.R).
 */
class KaplanMeierReferenceTest {

    static Stream<ReferenceCase> cases() {
        return ReferenceCase.all().filter(c -> c.json.has("km"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesR(ReferenceCase rc) {
        Iterator<Map.Entry<String, JsonNode>> blocks = rc.json.get("km").fields();
        int checked = 0;
        while (blocks.hasNext()) {
            Map.Entry<String, JsonNode> block = blocks.next();
            ConfidenceType type = ConfidenceType.parse(block.getKey());
            JsonNode b = block.getValue();
            KaplanMeier km = KaplanMeier.withDefaults().with(type).withConfLevel(b.get("conf_level").asDouble());
            List<GroupCurve> curves = km.fit(rc.time, rc.event, rc.group);
            JsonNode groups = b.get("groups");
            assertThat(curves).hasSize(groups.size());
            for (int k = 0; k < groups.size(); k++) {
                JsonNode g = groups.get(k);
                GroupCurve gc = curves.get(k);
                String where = rc.name + " " + type.rName() + " group " + gc.group();
                assertThat(gc.group()).as(where).isEqualTo(g.get("group").asText());
                checkCurve(where, gc.curve(), g);
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    static void checkCurve(String where, SurvivalCurve c, JsonNode g) {
        double tol = Tolerance.EST;
        assertThat(c.n()).as(where + " n").isEqualTo(g.get("n").asInt());
        assertThat(c.events()).as(where + " events").isEqualTo(g.get("events").asInt());
        JsonNode table = g.get("table");
        assertThat(c.size()).as(where + " rows").isEqualTo(table.size());
        double[] t = c.time();
        double[] nr = c.nRisk();
        double[] ne = c.nEvent();
        double[] nc = c.nCensor();
        double[] s = c.survival();
        double[] se = c.stdErr();
        double[] lo = c.lower();
        double[] hi = c.upper();
        for (int i = 0; i < table.size(); i++) {
            JsonNode r = table.get(i);
            String w = where + " row " + i + " t=" + t[i];
            Tolerance.close(w + " time", t[i], r.get("time"), tol);
            assertThat(nr[i]).as(w + " n_risk").isEqualTo(r.get("n_risk").asInt());
            assertThat(ne[i]).as(w + " n_event").isEqualTo(r.get("n_event").asInt());
            assertThat(nc[i]).as(w + " n_censor").isEqualTo(r.get("n_censor").asInt());
            Tolerance.close(w + " survival", s[i], r.get("survival"), tol);
            Tolerance.close(w + " std_err", se[i], r.get("std_err"), tol);
            Tolerance.close(w + " lower", lo[i], r.get("lower"), tol);
            Tolerance.close(w + " upper", hi[i], r.get("upper"), tol);
        }
        JsonNode med = g.get("median");
        SurvivalQuantile m = c.median();
        Tolerance.close(where + " median", m.estimate(), med.get("estimate"), tol);
        Tolerance.close(where + " median lower", m.lower(), med.get("lower"), tol);
        Tolerance.close(where + " median upper", m.upper(), med.get("upper"), tol);
        JsonNode rm = g.get("rmst");
        if (rm != null && !rm.isNull()) {
            RestrictedMean r = c.restrictedMean(rm.get("tau").asDouble());
            Tolerance.close(where + " rmst", r.estimate(), rm.get("estimate"), tol);
            Tolerance.close(where + " rmst se", r.stdErr(), rm.get("se"), tol);
        }
        JsonNode at = g.get("at");
        if (at != null) {
            for (JsonNode a : at) {
                double time = a.get("time").asDouble();
                SurvivalAtTime x = c.at(time).get(0);
                String w = where + " at " + time;
                assertThat(x.nRisk()).as(w + " n_risk").isEqualTo(a.get("n_risk").asInt());
                Tolerance.close(w + " survival", x.survival(), a.get("survival"), tol);
                Tolerance.close(w + " std_err", x.stdErr(), a.get("std_err"), tol);
                Tolerance.close(w + " lower", x.lower(), a.get("lower"), tol);
                Tolerance.close(w + " upper", x.upper(), a.get("upper"), tol);
            }
        }
        JsonNode qs = g.get("quantiles");
        if (qs != null) {
            for (JsonNode q : qs) {
                double p = q.get("p").asDouble();
                SurvivalQuantile x = c.quantile(p);
                Tolerance.close(where + " q" + p, x.estimate(), q.get("estimate"), tol);
                Tolerance.close(where + " q" + p + " lower", x.lower(), q.get("lower"), tol);
                Tolerance.close(where + " q" + p + " upper", x.upper(), q.get("upper"), tol);
            }
        }
        JsonNode ch = g.get("cumhaz");
        if (ch != null) {
            double[] h = c.cumHaz();
            double[] sh = c.stdErrCumHaz();
            assertThat(ch.size()).as(where + " cumhaz rows").isEqualTo(h.length);
            for (int i = 0; i < h.length; i++) {
                Tolerance.close(where + " cumhaz " + i, h[i], ch.get(i).get("cumhaz"), tol);
                Tolerance.close(where + " std_chaz " + i, sh[i], ch.get(i).get("std_chaz"), tol);
            }
        }
    }
}

package org.survkit.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.survkit.cli.result.KmResult;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.RestrictedMean;
import org.survkit.stats.km.SurvivalAtTime;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.km.SurvivalQuantile;
import org.survkit.stats.km.SurvivalRow;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.study.Estimates;

/** {@code survkit km} as JSON: the estimation settings, the data, the test, and per group every summary and table. */
final class KmJson {
    private static final double[] QUARTILES = {0.25, 0.5, 0.75};
    /** A curve's table: R's summary(fit) columns, one object per time. */
    private static final JsonNumberTable<SurvivalRow> TABLE = new JsonNumberTable<>(
            List.of("time", "n_risk", "n_event", "n_censor", "survival", "std_err", "lower", "upper", "cumhaz",
                    "std_cumhaz"),
            List.of(SurvivalRow::time, SurvivalRow::nRisk, SurvivalRow::nEvent, SurvivalRow::nCensor,
                    SurvivalRow::survival, SurvivalRow::stdErr, SurvivalRow::lower, SurvivalRow::upper,
                    SurvivalRow::cumHaz, SurvivalRow::stdErrCumHaz));

    private KmJson() {
    }

    static JsonDocument of(KmResult r) {
        Estimates e = r.estimates();
        ObjectNode o = Json.object();
        o.put("conf_type", e.confType().rName());
        Json.put(o, "conf_level", e.confLevel());
        o.put("median_rule", e.medianRule().id());
        o.put("preset", e.preset().id());
        Json.putCohort(o, r.cohort());
        o.set("warnings", Json.warnings(r.cohort(), r.diagnostics()));
        LogRankResult test = r.test();
        if (test != null) {
            ObjectNode t = o.putObject("test");
            t.put("test", test.weighting().id());
            Json.put(t, "statistic", test.statistic());
            t.put("df", test.df());
            Json.put(t, "p_value", test.pValue());
        }
        if (r.weighted()) {
            o.put("weights", r.weights());
        }
        if (r.counting()) {
            o.put("start", r.start());
        }
        int nGroups = r.curves().size();
        ObjectNode[] heads = new ObjectNode[nGroups];
        java.util.List<java.util.List<SurvivalRow>> tables = new java.util.ArrayList<>();
        ArrayNode[] atTimes = new ArrayNode[nGroups];
        for (int k = 0; k < nGroups; k++) {
            GroupCurve gc = r.curves().get(k);
            SurvivalCurve s = gc.curve();
            ObjectNode g = Json.object();
            heads[k] = g;
            g.put("group", gc.group());
            g.put("n", s.n());
            Json.put(g, "events", s.events());
            if (r.weighted() || r.counting()) { // R's summary(fit)$table: n.max and n.start
                Json.put(g, "n_max", s.nMax());
                Json.put(g, "n_start", s.nStart());
            }
            g.set("median", quantile(s.median(e.medianRule()), false));
            ArrayNode qs = g.putArray("quantiles");
            for (double p : QUARTILES) {
                qs.add(quantile(s.quantile(p), true));
            }
            if (!Double.isNaN(e.tau())) {
                RestrictedMean rm = s.restrictedMean(e.tau());
                ObjectNode x = g.putObject("rmst");
                Json.put(x, "tau", rm.tau());
                Json.put(x, "estimate", rm.estimate());
                Json.put(x, "se", rm.stdErr());
            }
            SurvivalQuantile fu = r.followUp().get(k).curve().median();
            ObjectNode f = g.putObject("median_follow_up");
            Json.put(f, "estimate", fu.estimate());
            Json.put(f, "lower", fu.lower());
            Json.put(f, "upper", fu.upper());
            tables.add(s.rows());
            ArrayNode ats = Json.object().arrayNode();
            atTimes[k] = ats;
            for (SurvivalAtTime a : s.at(e.at())) {
                ObjectNode x = ats.addObject();
                Json.put(x, "time", a.time());
                Json.put(x, "n_risk", a.nRisk());
                Json.put(x, "survival", a.survival());
                Json.put(x, "std_err", a.stdErr());
                Json.put(x, "lower", a.lower());
                Json.put(x, "upper", a.upper());
            }
        }
        // the curves' tables (~10⁵ rows for 10⁶ patients): formatted in chunks on every core, not built as a tree
        return gen -> {
            gen.writeStartObject();
            JsonDocument.fields(o, gen);
            gen.writeArrayFieldStart("groups");
            for (int k = 0; k < nGroups; k++) {
                gen.writeStartObject();
                JsonDocument.fields(heads[k], gen);
                TABLE.writeField(gen, "table", tables.get(k));
                gen.writeFieldName("at");
                gen.writeTree(atTimes[k]);
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        };
    }

    private static ObjectNode quantile(SurvivalQuantile q, boolean withP) {
        ObjectNode m = Json.object();
        if (withP) {
            Json.put(m, "p", q.probability());
        }
        Json.put(m, "estimate", q.estimate());
        Json.put(m, "lower", q.lower());
        Json.put(m, "upper", q.upper());
        return m;
    }
}

package org.survkit.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private KmJson() {
    }

    static ObjectNode of(KmResult r) {
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
        ArrayNode groups = o.putArray("groups");
        for (int k = 0; k < r.curves().size(); k++) {
            GroupCurve gc = r.curves().get(k);
            SurvivalCurve s = gc.curve();
            ObjectNode g = groups.addObject();
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
            ArrayNode tab = g.putArray("table");
            for (SurvivalRow row : s.rows()) {
                ObjectNode x = tab.addObject();
                Json.put(x, "time", row.time());
                Json.put(x, "n_risk", row.nRisk());
                Json.put(x, "n_event", row.nEvent());
                Json.put(x, "n_censor", row.nCensor());
                Json.put(x, "survival", row.survival());
                Json.put(x, "std_err", row.stdErr());
                Json.put(x, "lower", row.lower());
                Json.put(x, "upper", row.upper());
                Json.put(x, "cumhaz", row.cumHaz());
                Json.put(x, "std_cumhaz", row.stdErrCumHaz());
            }
            ArrayNode ats = g.putArray("at");
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
        return o;
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

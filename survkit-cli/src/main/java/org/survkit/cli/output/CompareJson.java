package org.survkit.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.survkit.cli.result.CompareResult;
import org.survkit.stats.km.RestrictedMeanComparison;
import org.survkit.stats.logrank.GroupSummary;
import org.survkit.stats.logrank.HazardRatio;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.PairwiseComparison;
import org.survkit.stats.logrank.TrendTestResult;
import org.survkit.stats.logrank.TwoGroupHazardRatios;
import org.survkit.stats.logrank.Weighting;

/** {@code survkit compare} as JSON (what survkit-web's {@code /api/analyses} answers for a comparison). */
final class CompareJson {
    private CompareJson() {
    }

    static ObjectNode of(CompareResult result) {
        LogRankResult r = result.test();
        ObjectNode o = Json.object();
        o.put("test", r.weighting().id());
        if (r.weighting() == Weighting.FLEMING_HARRINGTON || r.weighting() == Weighting.PETO) {
            Json.put(o, "rho", r.rho());
            Json.put(o, "gamma", r.gamma());
        }
        Json.put(o, "statistic", r.statistic());
        o.put("df", r.df());
        Json.put(o, "p_value", r.pValue());
        Json.putText(o, "strata", result.strata());
        Json.putCohort(o, result.cohort());
        ArrayNode groups = o.putArray("groups");
        for (GroupSummary s : r.groups()) {
            ObjectNode x = groups.addObject();
            x.put("group", s.group());
            x.put("n", s.n());
            Json.put(x, "observed", s.observed());
            Json.put(x, "expected", s.expected());
        }
        if (result.comparisons().pairwise()) {
            o.put("adjust", result.comparisons().adjust().id());
            ArrayNode pw = o.putArray("pairwise");
            for (PairwiseComparison p : result.pairwise()) {
                ObjectNode x = pw.addObject();
                x.put("group1", p.group1());
                x.put("group2", p.group2());
                Json.put(x, "statistic", p.statistic());
                Json.put(x, "p_value", p.pValue());
                Json.put(x, "p_adjusted", p.pAdjusted());
            }
        }
        TwoGroupHazardRatios hr = result.hazardRatio();
        if (hr != null) {
            ObjectNode h = o.putObject("hazard_ratio");
            h.put("reference", hr.reference());
            h.put("comparison", hr.comparison());
            Json.put(h, "conf_level", hr.confLevel());
            h.set("logrank", ratio(hr.logrank()));
            h.set("mantel_haenszel", ratio(hr.mantelHaenszel()));
        } else {
            o.putNull("hazard_ratio");
        }
        TrendTestResult tr = result.trend();
        if (tr != null) {
            ObjectNode t = o.putObject("trend");
            ArrayNode sc = t.putArray("scores");
            for (double s : tr.scores()) {
                sc.add(Numbers.json(s));
            }
            Json.put(t, "statistic", tr.statistic());
            t.put("df", tr.df());
            Json.put(t, "p_value", tr.pValue());
        }
        if (result.comparisons().conservative()) {
            o.set("conservative", Json.chiSquare(r.conservative()));
        }
        if (!result.rmst().isEmpty()) {
            ArrayNode rm = o.putArray("rmst");
            for (RestrictedMeanComparison x : result.rmst()) {
                ObjectNode e = rm.addObject();
                e.put("reference", x.reference());
                e.put("comparison", x.comparison());
                Json.put(e, "tau", x.tau());
                Json.put(e, "rmst_reference", x.rmstReference().estimate());
                Json.put(e, "se_reference", x.rmstReference().stdErr());
                Json.put(e, "rmst_comparison", x.rmstComparison().estimate());
                Json.put(e, "se_comparison", x.rmstComparison().stdErr());
                e.set("difference", estimate(x.difference()));
                e.set("ratio", estimate(x.ratio()));
            }
        }
        o.set("warnings", Json.warnings(result.cohort(), result.diagnostics()));
        return o;
    }

    private static ObjectNode estimate(RestrictedMeanComparison.Estimate e) {
        ObjectNode x = Json.object();
        Json.put(x, "estimate", e.estimate());
        Json.put(x, "lower", e.lower());
        Json.put(x, "upper", e.upper());
        Json.put(x, "p_value", e.pValue());
        return x;
    }

    private static ObjectNode ratio(HazardRatio h) {
        ObjectNode x = Json.object();
        Json.put(x, "hr", h.estimate());
        Json.put(x, "lower", h.lower());
        Json.put(x, "upper", h.upper());
        return x;
    }
}

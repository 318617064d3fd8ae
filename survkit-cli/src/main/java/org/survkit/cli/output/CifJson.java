package org.survkit.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.survkit.cli.result.CauseCodes;
import org.survkit.cli.result.CifResult;
import org.survkit.stats.competing.CumulativeIncidenceAtTime;
import org.survkit.stats.competing.CumulativeIncidenceCurve;
import org.survkit.stats.competing.CumulativeIncidenceRow;
import org.survkit.stats.competing.GrayTestResult;

/** {@code survkit cif} as JSON: the codes, estimation settings, the data, every curve's table and Gray's tests. */
final class CifJson {
    private CifJson() {
    }

    static ObjectNode of(CifResult r) {
        CauseCodes codes = r.codes();
        ObjectNode o = Json.object();
        o.put("event", codes.eventColumn());
        Json.putCode(o, "censor_value", codes, codes.censorCode());
        o.set("causes", Json.causes(codes));
        Json.putText(o, "group_column", r.cohort().group());
        Json.putText(o, "strata", r.strata());
        o.put("conf_type", r.estimates().confType().rName());
        Json.put(o, "conf_level", r.estimates().confLevel());
        Json.put(o, "rho", r.rho());
        if (r.entry() != null) {
            o.put("entry", r.entry());
        }
        o.put("variance_method", r.variance().displayName());
        o.put("n", r.cohort().rowsAnalysed());
        Json.putCohort(o, r.cohort());
        ArrayNode groups = o.putArray("groups");
        double[] at = r.estimates().at();
        for (CumulativeIncidenceCurve c : r.curves()) {
            ObjectNode g = groups.addObject();
            g.put("group", c.group());
            Json.putCode(g, "cause", codes, c.cause());
            g.put("n", c.n());
            g.put("events", c.events());
            Json.put(g, "last_follow_up", c.lastTime());
            ArrayNode tab = g.putArray("table");
            for (CumulativeIncidenceRow row : c.rows()) {
                ObjectNode x = tab.addObject();
                Json.put(x, "time", row.time());
                x.put("n_risk", row.nRisk());
                x.put("n_event", row.nEvent());
                Json.put(x, "cif", row.cif());
                Json.put(x, "variance", row.variance());
                Json.put(x, "lower", row.lower());
                Json.put(x, "upper", row.upper());
            }
            ArrayNode ats = g.putArray("at");
            for (CumulativeIncidenceAtTime a : c.at(at)) {
                ObjectNode x = ats.addObject();
                Json.put(x, "time", a.time());
                Json.put(x, "cif", a.cif());
                Json.put(x, "variance", a.variance());
                Json.put(x, "lower", a.lower());
                Json.put(x, "upper", a.upper());
            }
        }
        ArrayNode gray = o.putArray("gray_test");
        for (GrayTestResult t : r.tests()) {
            ObjectNode x = gray.addObject();
            Json.putCode(x, "cause", codes, t.cause());
            Json.put(x, "statistic", t.statistic());
            x.put("df", t.df());
            Json.put(x, "p_value", t.pValue());
        }
        o.set("warnings", Json.warnings(r.cohort(), r.diagnostics()));
        return o;
    }
}

package org.survkit.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.survkit.cli.result.ReconstructResult;
import org.survkit.stats.reconstruct.ReconstructedIpd;

/** {@code survkit reconstruct} as JSON: the files, per group the counts and numbers at risk, totals, messages. */
final class ReconstructJson {
    private ReconstructJson() {
    }

    static ObjectNode of(ReconstructResult r) {
        ObjectNode o = Json.object();
        o.put("method", "guyot2012");
        o.put("curve", r.curve());
        o.put("at_risk", r.atRisk());
        o.put("output", r.output());
        o.put("survival_scale", r.percent() ? "percent" : "proportion");
        ArrayNode groups = o.putArray("groups");
        int n = 0;
        int events = 0;
        for (ReconstructResult.Group g : r.groups()) {
            ReconstructedIpd ipd = g.ipd();
            ObjectNode x = groups.addObject();
            x.put("group", g.group());
            x.put("n", ipd.n());
            x.put("events", ipd.events());
            x.put("censored", ipd.censored());
            if (g.totalEvents() == null) {
                x.putNull("total_events");
            } else {
                x.put("total_events", g.totalEvents());
            }
            x.put("points", ipd.curve().size());
            ArrayNode rt = x.putArray("risk_table");
            double[] times = ipd.riskTime();
            for (int i = 0; i < times.length; i++) {
                ObjectNode t = rt.addObject();
                Json.put(t, "time", times[i]);
                t.put("published", ipd.publishedRisk()[i]);
                t.put("reconstructed", ipd.reconstructedRisk()[i]);
            }
            n += ipd.n();
            events += ipd.events();
        }
        o.put("n", n);
        o.put("events", events);
        o.put("censored", n - events);
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        ArrayNode notes = o.putArray("notes");
        r.allNotes().forEach(notes::add);
        return o;
    }
}

package org.survkit.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.survkit.cli.result.PlanResult;

/** {@code survkit plan} as JSON: events (rounded up and exact), patients, power, the simulation and the inputs. */
final class PlanJson {
    private PlanJson() {
    }

    static ObjectNode of(PlanResult r) {
        PlanResult.Design d = r.design();
        ObjectNode o = Json.object();
        o.put("method", r.method().name().toLowerCase(Locale.ROOT));
        Json.put(o, "events", Math.ceil(r.events()));
        Json.put(o, "events_exact", r.events());
        if (d == null) {
            o.putNull("patients");
        } else {
            Json.put(o, "patients", Math.ceil(d.patients()));
        }
        Json.put(o, "power", r.power());
        PlanResult.Simulation s = r.simulation();
        if (s != null) {
            ObjectNode so = o.putObject("simulation");
            so.put("trials", s.power().trials());
            so.put("seed", s.seed());
            so.put("patients", s.patients());
            Json.put(so, "power", s.power().power());
            Json.put(so, "std_err", s.power().stdErr());
            Json.put(so, "mean_events", s.power().meanEvents());
        }
        ObjectNode in = o.putObject("inputs");
        Json.put(in, "hr", r.hr());
        Json.put(in, "alpha", r.alpha());
        Json.put(in, "power", r.targetPower());
        Json.put(in, "allocation", r.allocation());
        if (d != null) {
            Json.put(in, "accrual", d.accrual());
            Json.put(in, "follow_up", d.followUp());
            Json.put(in, "control_hazard", d.controlHazard());
            Json.put(in, "dropout", d.dropout());
        }
        return o;
    }
}

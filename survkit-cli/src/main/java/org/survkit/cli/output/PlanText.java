package org.survkit.cli.output;

import org.survkit.cli.result.PlanResult;
import org.survkit.stats.planning.SampleSize;

/** {@code survkit plan} as text: the formula, the inputs, the events (or power), the patients and the simulation. */
final class PlanText {
    private PlanText() {
    }

    static String of(PlanResult r) {
        StringBuilder sb = new StringBuilder("Sample size for a two-group log-rank test (")
                .append(r.method() == SampleSize.Method.SCHOENFELD ? "Schoenfeld 1983" : "Freedman 1982")
                .append(")\n");
        sb.append("  hazard ratio ").append(Numbers.text(r.hr(), 4)).append(", two-sided alpha ")
                .append(Numbers.text(r.alpha(), 3)).append(", allocation ").append(Numbers.text(r.allocation(), 3))
                .append(" experimental\n");
        if (r.eventsGiven()) {
            sb.append("  power with ").append(Numbers.text(r.events(), 6)).append(" events: ")
                    .append(Numbers.text(100 * r.power(), 3)).append("%\n");
        } else {
            sb.append("  events needed for ").append(Numbers.text(100 * r.targetPower(), 3)).append("% power: ")
                    .append((long) Math.ceil(r.events())).append(" (").append(Numbers.text(r.events(), 5))
                    .append(")\n");
        }
        PlanResult.Design d = r.design();
        if (d != null) {
            sb.append("  patients needed: ").append((long) Math.ceil(d.patients()))
                    .append(" (exponential survival, control median ")
                    .append(Numbers.text(Math.log(2) / d.controlHazard(), 4)).append(", uniform accrual over ")
                    .append(Numbers.text(d.accrual(), 4)).append(", follow-up ").append(Numbers.text(d.followUp(), 4))
                    .append(d.dropout() > 0 ? ", dropout hazard " + Numbers.text(d.dropout(), 3) : "").append(")\n");
        }
        PlanResult.Simulation s = r.simulation();
        if (s != null) {
            sb.append("  simulated power: ").append(Numbers.text(100 * s.power().power(), 3))
                    .append("% (Monte-Carlo SE ").append(Numbers.text(100 * s.power().stdErr(), 2)).append("%; ")
                    .append(s.power().trials()).append(" trials of ").append(s.patients()).append(" patients, seed ")
                    .append(s.seed()).append("; mean events ").append(Numbers.text(s.power().meanEvents(), 4))
                    .append(")\n");
        }
        return sb.toString();
    }
}

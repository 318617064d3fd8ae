package org.survkit.cli;

import org.survkit.cli.output.Numbers;
import org.survkit.cli.output.Json;
import org.survkit.cli.output.OutputFormat;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.survkit.stats.planning.SampleSize;
import org.survkit.stats.planning.SimulatedPower;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code survkit plan}: events and patients for a two-group log-rank comparison, or its power. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plan a two-group survival comparison (log-rank test): the events needed for a hazard ratio",
            "(Schoenfeld or Freedman), the patients needed given accrual, follow-up and the control arm's survival",
            "(exponential model, uniform accrual, optional dropout), or the power of a given number of events."})
public final class PlanCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--hr", paramLabel = "HR", required = true, description = "Hazard ratio to detect (e.g. 0.5).")
    double hr;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "Two-sided significance level. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--power", paramLabel = "P", defaultValue = "0.8", description = "Power. Default: ${DEFAULT-VALUE}.")
    double power;

    @Option(names = "--allocation", paramLabel = "F", defaultValue = "0.5",
            description = "Fraction of patients in the experimental arm (0.5 = 1:1, 0.667 = 2:1). Default: ${DEFAULT-VALUE}.")
    double allocation;

    @Option(names = "--method", paramLabel = "M", defaultValue = "schoenfeld",
            description = "schoenfeld (default) or freedman.")
    String method;

    @Option(names = "--events", paramLabel = "D", description = "Instead: the power of a study with D events.")
    Double events;

    @Option(names = "--accrual", paramLabel = "A", description = "Accrual period (uniform), in the time unit of --median.")
    Double accrual;

    @Option(names = "--follow-up", paramLabel = "F", description = "Additional follow-up after accrual ends.")
    Double followUp;

    @Option(names = "--median", paramLabel = "M", description = "Median survival of the control arm.")
    Double median;

    @Option(names = "--survival-at", paramLabel = "T,S", split = ",",
            description = "Or: survival S of the control arm at time T (e.g. 60,0.7).")
    double[] survivalAt;

    @Option(names = "--dropout", paramLabel = "H", defaultValue = "0",
            description = "Dropout hazard per time unit (exponential). Default: ${DEFAULT-VALUE}.")
    double dropout;

    @Option(names = "--simulate", paramLabel = "N",
            description = "Also estimate the power by simulating N trials analysed with survkit's log-rank test"
                    + " (needs the accrual design).")
    Integer simulate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the simulation. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--patients", paramLabel = "N", description = "Patients per simulated trial (default: the computed number).")
    Integer patientsGiven;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        SampleSize s = SampleSize.withDefaults().with(SampleSize.Method.parse(method)).withAlpha(alpha)
                .withPower(power).withAllocation(allocation);
        double d;
        double pow;
        if (events != null) {
            d = events;
            pow = s.power(hr, d);
        } else {
            d = s.events(hr);
            pow = power;
        }
        Double patients = null;
        Double controlHazard = null;
        if (median != null || survivalAt != null || accrual != null || followUp != null) {
            if (accrual == null || followUp == null || (median == null) == (survivalAt == null)) {
                throw new UsageException("patients need --accrual, --follow-up and the control arm's survival: --median M"
                        + " or --survival-at T,S (one of the two).");
            }
            if (survivalAt != null && survivalAt.length != 2) {
                throw new UsageException("--survival-at takes a time and a survival, e.g. --survival-at 60,0.7");
            }
            controlHazard = median != null ? SampleSize.hazardFromMedian(median)
                    : SampleSize.hazardFromSurvival(survivalAt[0], survivalAt[1]);
            double pc = SampleSize.eventProbability(controlHazard, accrual, followUp, dropout);
            double pe = SampleSize.eventProbability(controlHazard * hr, accrual, followUp, dropout);
            patients = Math.ceil(d) / ((1 - allocation) * pc + allocation * pe);
        }
        SimulatedPower sim = null;
        if (simulate != null) {
            if (controlHazard == null) {
                throw new UsageException("--simulate needs the design: --accrual, --follow-up and --median or --survival-at.");
            }
            if (simulate < 1) {
                throw new UsageException("--simulate takes the number of trials, e.g. --simulate 2000.");
            }
            int n = patientsGiven != null ? patientsGiven : (int) Math.ceil(patients);
            Progress progress = new Progress(spec.commandLine().getErr(), "simulating", "trials done");
            sim = SimulatedPower.run(n, allocation, hr, controlHazard, accrual, followUp, dropout, alpha, simulate, seed,
                    progress);
            progress.done(simulate);
        }
        ObjectNode o = Json.object();
        o.put("method", s.method().name().toLowerCase(java.util.Locale.ROOT));
        Json.put(o, "events", Math.ceil(d));
        Json.put(o, "events_exact", d);
        if (patients == null) {
            o.putNull("patients");
        } else {
            Json.put(o, "patients", Math.ceil(patients));
        }
        Json.put(o, "power", pow);
        if (sim != null) {
            ObjectNode so = o.putObject("simulation");
            so.put("trials", sim.trials());
            so.put("seed", seed);
            so.put("patients", patientsGiven != null ? patientsGiven : (long) Math.ceil(patients));
            Json.put(so, "power", sim.power());
            Json.put(so, "std_err", sim.stdErr());
            Json.put(so, "mean_events", sim.meanEvents());
        }
        ObjectNode in = o.putObject("inputs");
        Json.put(in, "hr", hr);
        Json.put(in, "alpha", alpha);
        Json.put(in, "power", power);
        Json.put(in, "allocation", allocation);
        if (controlHazard != null) {
            Json.put(in, "accrual", accrual);
            Json.put(in, "follow_up", followUp);
            Json.put(in, "control_hazard", controlHazard);
            Json.put(in, "dropout", dropout);
        }
        if (output.format == OutputFormat.JSON) {
            output.emit(spec.commandLine().getOut(), Json.write(o));
            return ExitCodes.OK;
        }
        StringBuilder sb = new StringBuilder("Sample size for a two-group log-rank test (")
                .append(s.method() == SampleSize.Method.SCHOENFELD ? "Schoenfeld 1983" : "Freedman 1982").append(")\n");
        sb.append("  hazard ratio ").append(Numbers.text(hr, 4)).append(", two-sided alpha ").append(Numbers.text(alpha, 3))
                .append(", allocation ").append(Numbers.text(allocation, 3)).append(" experimental\n");
        if (events != null) {
            sb.append("  power with ").append(Numbers.text(d, 6)).append(" events: ").append(Numbers.text(100 * pow, 3)).append("%\n");
        } else {
            sb.append("  events needed for ").append(Numbers.text(100 * power, 3)).append("% power: ")
                    .append((long) Math.ceil(d)).append(" (").append(Numbers.text(d, 5)).append(")\n");
        }
        if (patients != null) {
            sb.append("  patients needed: ").append((long) Math.ceil(patients)).append(" (exponential survival, control")
                    .append(" median ").append(Numbers.text(Math.log(2) / controlHazard, 4)).append(", uniform accrual over ")
                    .append(Numbers.text(accrual, 4)).append(", follow-up ").append(Numbers.text(followUp, 4))
                    .append(dropout > 0 ? ", dropout hazard " + Numbers.text(dropout, 3) : "").append(")\n");
        }
        if (sim != null) {
            sb.append("  simulated power: ").append(Numbers.text(100 * sim.power(), 3)).append("% (Monte-Carlo SE ")
                    .append(Numbers.text(100 * sim.stdErr(), 2)).append("%; ").append(sim.trials()).append(" trials of ")
                    .append(patientsGiven != null ? patientsGiven : (long) Math.ceil(patients)).append(" patients, seed ")
                    .append(seed).append("; mean events ").append(Numbers.text(sim.meanEvents(), 4)).append(")\n");
        }
        output.emit(spec.commandLine().getOut(), sb.toString());
        return ExitCodes.OK;
    }
}

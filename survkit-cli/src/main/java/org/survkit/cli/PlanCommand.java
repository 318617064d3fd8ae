package org.survkit.cli;

import java.util.concurrent.Callable;
import org.survkit.cli.output.Serializer;
import org.survkit.cli.result.PlanResult;
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
        PlanResult.Simulation simulation = null;
        if (simulate != null) {
            if (controlHazard == null) {
                throw new UsageException("--simulate needs the design: --accrual, --follow-up and --median or --survival-at.");
            }
            if (simulate < 1) {
                throw new UsageException("--simulate takes the number of trials, e.g. --simulate 2000.");
            }
            int n = patientsGiven != null ? patientsGiven : (int) Math.ceil(patients);
            Progress progress = new Progress(spec.commandLine().getErr(), "simulating", "trials done");
            SimulatedPower sim = SimulatedPower.run(n, allocation, hr, controlHazard, accrual, followUp, dropout, alpha,
                    simulate, seed, progress);
            progress.done(simulate);
            simulation = new PlanResult.Simulation(sim, seed, n);
        }
        PlanResult.Design design = controlHazard == null ? null
                : new PlanResult.Design(accrual, followUp, controlHazard, dropout, patients);
        PlanResult result = new PlanResult(s.method(), hr, alpha, power, allocation, events != null, d, pow, design,
                simulation);
        output.emit(spec.commandLine().getOut(), Serializer.PLAN, result);
        return ExitCodes.OK;
    }
}

package org.survkit.cli.result;

import java.util.Objects;
import org.survkit.stats.planning.SampleSize;
import org.survkit.stats.planning.SimulatedPower;

/**
 * What {@code survkit plan} found for a two-group log-rank comparison: the events needed for a hazard ratio (or the
 * power of a given number of events), the patients needed under an accrual design, and the power simulated.
 *
 * @param method      the events formula (Schoenfeld or Freedman)
 * @param hr          the hazard ratio to detect
 * @param alpha       the two-sided significance level
 * @param targetPower the power asked for
 * @param allocation  the fraction of patients in the experimental arm
 * @param eventsGiven whether the events were given ({@code --events}: the power is computed) rather than computed
 * @param events      the events, exact (the output rounds them up)
 * @param power       the power: of the events given, else the power asked for
 * @param design      the accrual design and the patients it needs, or null when none was given
 * @param simulation  the simulated trials, or null when none were asked for
 */
public record PlanResult(SampleSize.Method method, double hr, double alpha, double targetPower, double allocation,
        boolean eventsGiven, double events, double power, Design design, Simulation simulation) {

    public PlanResult {
        Objects.requireNonNull(method, "method");
        if (simulation != null && design == null) {
            throw new IllegalArgumentException("a simulation needs the accrual design");
        }
    }

    /**
     * An accrual design (exponential survival, uniform accrual, exponential dropout) and the patients it needs.
     *
     * @param accrual       the accrual period
     * @param followUp      the follow-up after accrual ends
     * @param controlHazard the control arm's hazard
     * @param dropout       the dropout hazard
     * @param patients      the patients needed, exact (the output rounds them up)
     */
    public record Design(double accrual, double followUp, double controlHazard, double dropout, double patients) {
    }

    /**
     * Trials simulated under the design and analysed with survkit's log-rank test.
     *
     * @param power    the simulated power
     * @param seed     the seed of the simulation
     * @param patients the patients per trial
     */
    public record Simulation(SimulatedPower power, long seed, long patients) {

        public Simulation {
            Objects.requireNonNull(power, "power");
        }
    }
}

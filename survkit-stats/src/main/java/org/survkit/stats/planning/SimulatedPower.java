package org.survkit.stats.planning;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;

/**
 * Power of the two-group log-rank test by simulation: seeded trials with exponential survival
 * (control hazard λ, experimental HR·λ), uniform accrual over A, analysis at A + F (administrative
 * censoring) and exponential dropout η; each trial is analysed with survkit's own {@link LogRankTest},
 * and the power is the fraction with p &lt; α, with its Monte-Carlo standard error sqrt(p(1−p)/trials).
 * The same seed gives the same result.
 *
 * @param trials    simulated trials
 * @param rejected  trials with p &lt; α
 * @param power     rejected / trials
 * @param stdErr    Monte-Carlo standard error of the power
 * @param meanEvents average number of events per trial
 */
public record SimulatedPower(int trials, int rejected, double power, double stdErr, double meanEvents) {

    /**
     * Runs the simulation.
     *
     * @param patients      patients per trial
     * @param allocation    fraction in the experimental arm
     * @param hr            hazard ratio experimental / control
     * @param controlHazard exponential hazard of the control arm
     * @param accrual       accrual period A (uniform entry), ≥ 0
     * @param followUp      follow-up after accrual F, ≥ 0 (A + F &gt; 0)
     * @param dropout       dropout hazard η ≥ 0
     * @param alpha         two-sided level
     * @param trials        number of trials
     * @param seed          random seed
     * @param progress      receives the number of trials done (every 1%); may be a no-op
     */
    public static SimulatedPower run(int patients, double allocation, double hr, double controlHazard, double accrual,
            double followUp, double dropout, double alpha, int trials, long seed, IntConsumer progress) {
        if (patients < 2 || trials < 1 || !(allocation > 0 && allocation < 1) || !(hr > 0) || !(controlHazard > 0)
                || !(accrual >= 0) || !(followUp >= 0) || accrual + followUp <= 0 || !(dropout >= 0)
                || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("invalid simulation design");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        LogRankTest test = LogRankTest.withDefaults();
        int nExp = (int) Math.round(patients * allocation);
        double[] time = new double[patients];
        boolean[] event = new boolean[patients];
        String[] arm = new String[patients];
        int rejected = 0;
        long events = 0;
        int step = Math.max(1, trials / 100);
        for (int t = 0; t < trials; t++) {
            for (int i = 0; i < patients; i++) {
                boolean experimental = i < nExp;
                double lambda = experimental ? controlHazard * hr : controlHazard;
                double entry = accrual * rnd.nextDouble();
                double admin = accrual + followUp - entry;
                double death = -Math.log(1 - rnd.nextDouble()) / lambda;
                double drop = dropout > 0 ? -Math.log(1 - rnd.nextDouble()) / dropout : Double.POSITIVE_INFINITY;
                double obs = Math.min(death, Math.min(drop, admin));
                time[i] = obs;
                event[i] = death <= drop && death <= admin;
                arm[i] = experimental ? "E" : "C";
                if (event[i]) {
                    events++;
                }
            }
            LogRankResult r = test.test(time, event, arm);
            if (r.pValue() < alpha) {
                rejected++;
            }
            if ((t + 1) % step == 0) {
                progress.accept(t + 1);
            }
        }
        double p = (double) rejected / trials;
        return new SimulatedPower(trials, rejected, p, Math.sqrt(p * (1 - p) / trials), (double) events / trials);
    }
}

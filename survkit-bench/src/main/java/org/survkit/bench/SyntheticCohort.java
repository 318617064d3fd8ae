package org.survkit.bench;

import java.util.SplittableRandom;

/**
 * A seeded Java generator that mimics {@code reference/shared-tools/make_big.R}: the same model,
 * not the same random numbers (R's Mersenne-Twister stream is not reproduced).
 *
 * <pre>
 * group  ~ uniform over {A, B, C}
 * x1..x8 ~ N(0, 1)
 * lp     = x·(0.2, −0.1, 0.05, 0, 0.3, −0.2, 0, 0.1) + {A: 0, B: 0.3, C: −0.2}[group]
 * event time   ~ Exponential(rate = exp(lp) / 50)
 * censor time  ~ Uniform(0, 120)
 * time   = round(min(event, censor), 2);  status = event ≤ censor
 * </pre>
 *
 * <p>So the data have R's shape: three groups of about n/3, roughly 40% censored, and ties from
 * rounding to 0.01 (some tens of thousands of distinct times), which is what the engines' cost
 * depends on. The covariates are drawn only to form the linear predictor and are not kept.
 */
final class SyntheticCohort {
    private static final double[] BETA = {0.2, -0.1, 0.05, 0, 0.3, -0.2, 0, 0.1};
    private static final String[] LEVELS = {"A", "B", "C"};
    private static final double[] GROUP_EFFECT = {0, 0.3, -0.2};

    private SyntheticCohort() {
    }

    static Cohort generate(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        String[] group = new String[n];
        for (int i = 0; i < n; i++) {
            int g = rng.nextInt(LEVELS.length);
            double lp = GROUP_EFFECT[g];
            for (double b : BETA) {
                lp += b * rng.nextGaussian();
            }
            double rate = Math.exp(lp) / 50;
            double ev = -Math.log1p(-rng.nextDouble()) / rate;
            double ce = 120 * rng.nextDouble();
            group[i] = LEVELS[g];
            event[i] = ev <= ce;
            time[i] = Math.rint(Math.min(ev, ce) * 100) / 100;
        }
        return new Cohort(time, event, group);
    }
}

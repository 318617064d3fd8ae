package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link RiskSetWalk} walked in ranges of time, each range from the later ranges' risk sets (as a cluster's
 * partitions walk), equals the one walk over all the keys (reference: {@link RiskSetWalk#walk}, the path of
 * {@link SummedRiskSets}, itself equal to the in-memory fit in SummedRiskSetsTest) to 1e-12 relative: ℓ, U, I for
 * Efron and Breslow, and the cox.zph sums, with 3 strata, tied deaths and empty ranges. Seeded.
 */
class RiskSetWalkTest {
    private static final int P = 2;

    /** Per (stratum, whole time) key: the censored rows' and the deaths' sums at β, r = w e^{x'β}. */
    private static CoxRiskSetSums sums(long seed, double[] beta) {
        Random r = new Random(seed);
        int rs = CoxRiskSetSums.riskStride(P);
        int ds = CoxRiskSetSums.deadStride(P);
        int strata = 3;
        int times = 40;
        double[] cens = new double[strata * times * rs];
        double[] dead = new double[strata * times * rs];
        double[] tot = new double[strata * times * ds];
        int[] stratum = new int[strata * times];
        double[] time = new double[strata * times];
        for (int k = 0; k < strata * times; k++) {
            stratum[k] = k / times;
            time[k] = 1 + k % times;
        }
        for (int i = 0; i < 600; i++) {
            int k = r.nextInt(strata * times);
            double[] x = {r.nextGaussian(), r.nextBoolean() ? 1 : 0};
            double w = 1 + r.nextInt(2);
            double eta = beta[0] * x[0] + beta[1] * x[1];
            double risk = w * Math.exp(eta);
            boolean death = r.nextInt(3) > 0;
            double[] target = death ? dead : cens;
            target[k * rs] += risk;
            for (int a = 0, idx = k * rs + 1 + P; a < P; a++) {
                target[k * rs + 1 + a] += risk * x[a];
                for (int b = 0; b <= a; b++, idx++) {
                    target[idx] += risk * x[a] * x[b];
                }
            }
            if (death) {
                tot[k * ds] += 1;
                tot[k * ds + 1] += w;
                tot[k * ds + 2] += w * eta;
                for (int a = 0; a < P; a++) {
                    tot[k * ds + 3 + a] += w * x[a];
                }
            }
        }
        return new CoxRiskSetSums(P, stratum, time, cens, dead, tot);
    }

    /** The keys cut at the given times into ranges, each walked from the later ranges' per-stratum totals. */
    private static double[] byRanges(CoxRiskSetSums s, double[] cuts, java.util.function.Supplier<RiskSetWalk> walk) {
        int rs = CoxRiskSetSums.riskStride(P);
        int ds = CoxRiskSetSums.deadStride(P);
        int strata = 3;
        int ranges = cuts.length + 1;
        double[][] totals = new double[ranges][strata * rs];
        for (int k = 0; k < s.size(); k++) {
            int g = range(cuts, s.time()[k]);
            for (int t = 0; t < rs; t++) {
                totals[g][s.stratum()[k] * rs + t] += s.censoredRisk()[k * rs + t] + s.deadRisk()[k * rs + t];
            }
        }
        double[] sum = null;
        double[] later = new double[strata * rs];
        for (int g = ranges - 1; g >= 0; g--) {
            RiskSetWalk w = walk.get();
            for (int st = 0; st < strata; st++) {
                w.startStratum(later, st * rs);
                for (int k = s.size() - 1; k >= 0; k--) { // keys by stratum, then increasing time
                    if (s.stratum()[k] == st && range(cuts, s.time()[k]) == g) {
                        w.time(s.time()[k], Arrays.copyOfRange(s.censoredRisk(), k * rs, (k + 1) * rs),
                                Arrays.copyOfRange(s.deadRisk(), k * rs, (k + 1) * rs),
                                Arrays.copyOfRange(s.deadTotals(), k * ds, (k + 1) * ds));
                    }
                }
            }
            double[] res = w.result();
            if (sum == null) {
                sum = res;
            } else {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += res[i];
                }
            }
            for (int i = 0; i < later.length; i++) {
                later[i] += totals[g][i];
            }
        }
        return sum;
    }

    private static int range(double[] cuts, double t) {
        int g = 0;
        while (g < cuts.length && cuts[g] <= t) {
            g++;
        }
        return g;
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-12 * Math.max(1, Math.abs(expected[i]))));
        }
    }

    @Test
    void walkingRangesFromTheLaterRangesRiskSetsEqualsOneWalk() {
        Random r = new Random(42);
        DoubleUnaryOperator g = t -> t / 40 - 0.4;
        for (int example = 0; example < 50; example++) {
            double[] beta = {r.nextGaussian() * 0.5, r.nextGaussian() * 0.5};
            CoxRiskSetSums s = sums(example, beta);
            List<Double> cuts = new ArrayList<>();
            for (int c = r.nextInt(6); c > 0; c--) {
                cuts.add((double) r.nextInt(45)); // beyond 40: empty ranges; repeated: empty too
            }
            double[] cut = cuts.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            for (Ties ties : List.of(Ties.EFRON, Ties.BRESLOW)) {
                assertClose(byRanges(s, cut, () -> RiskSetWalk.likelihood(P, ties)),
                        RiskSetWalk.walk(s, RiskSetWalk.likelihood(P, ties)));
                assertClose(byRanges(s, cut, () -> RiskSetWalk.proportionalHazards(P, ties, g)),
                        RiskSetWalk.walk(s, RiskSetWalk.proportionalHazards(P, ties, g)));
            }
        }
    }
}

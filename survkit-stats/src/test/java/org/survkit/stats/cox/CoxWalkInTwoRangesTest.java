package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.survkit.stats.model.DesignMatrix;

/**
 * From 65,536 rows (without entry times or exact ties) {@link CoxRiskSets#evaluate} walks the risk sets in two
 * ranges on two threads, the second starting from the risk set the first range's rows of its stratum make: the
 * log-likelihood, score, information and the PH test's g-weighted sums must equal the walk on one thread up to
 * the order of additions. (Identities between two ways of summing, not reference values: the R reference cases
 * are below the threshold and walk on one thread.)
 */
class CoxWalkInTwoRangesTest {
    private static final int N = 120_000;

    /** Seeded rows: times rounded to 0.05 (many ties), weights, four columns (one 0/1). */
    private static CoxData data(int[] strata, double[] weights, double tiedShare) {
        Random rnd = new Random(8675309);
        double[][] x = new double[4][N];
        double[] time = new double[N];
        boolean[] event = new boolean[N];
        for (int i = 0; i < N; i++) {
            x[0][i] = rnd.nextGaussian();
            x[1][i] = rnd.nextGaussian() * 2 + 1;
            x[2][i] = Math.round(rnd.nextDouble() * 100) / 10.0;
            x[3][i] = rnd.nextInt(2);
            double rate = Math.exp(0.3 * x[0][i] - 0.1 * x[1][i] + 0.5 * x[3][i]);
            time[i] = rnd.nextDouble() < tiedShare ? 1.0
                    : Math.max(0.05, Math.round(-Math.log(rnd.nextDouble()) / rate * 20) / 20.0);
            event[i] = rnd.nextDouble() < 0.7;
        }
        DesignMatrix design = new DesignMatrix(List.of("a", "b", "c", "d"), new int[] {0, 1, 2, 3},
                List.of("a", "b", "c", "d"), x);
        return new CoxData(null, time, event, design, weights, strata, null);
    }

    private static void assertSameSums(CoxData data, Ties ties, boolean expectMidStratum) {
        CoxRiskSets rs = CoxRiskSets.of(data, ties, null);
        int split = rs.splitRow();
        assertThat(split).as("the walk is split").isLessThan(rs.n).isGreaterThan(0);
        boolean startsStratum = java.util.Arrays.binarySearch(rs.blocks, split) >= 0;
        assertThat(startsStratum).as("split row starts a stratum").isEqualTo(!expectMidStratum);
        double[] beta = {0.25, -0.15, 0.05, 0.4};
        Random rnd = new Random(42);
        double[] g = new double[rs.distinctTimes];
        for (int t = 0; t < g.length; t++) {
            g[t] = rnd.nextDouble() - 0.5;
        }
        CoxRiskSets.TimeWeighted one = new CoxRiskSets.TimeWeighted(g, rs.p);
        CoxRiskSets.Evaluation a = rs.evaluate(beta, true, one, false);
        CoxRiskSets rs2 = CoxRiskSets.of(data, ties, null);
        CoxRiskSets.TimeWeighted two = new CoxRiskSets.TimeWeighted(g, rs2.p);
        CoxRiskSets.Evaluation b = rs2.evaluate(beta, true, two, true);
        assertThat(b.loglik).isCloseTo(a.loglik, within(1e-11 * Math.abs(a.loglik)));
        close(b.u, a.u);
        for (int i = 0; i < rs.p; i++) {
            close(b.imat[i], a.imat[i]);
        }
        close(two.u, one.u);
        close(two.info1, one.info1);
        close(two.info2, one.info2);
        // and without the information (the step-halving evaluations)
        assertThat(rs2.evaluate(beta, false).loglik).isCloseTo(a.loglik, within(1e-11 * Math.abs(a.loglik)));
    }

    private static void close(double[] actual, double[] expected) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-11 * scale));
        }
    }

    @Test
    void oneStratumEfronAndBreslow() {
        CoxData data = data(null, null, 0);
        assertSameSums(data, Ties.EFRON, true);
        assertSameSums(data, Ties.BRESLOW, true);
    }

    @Test
    void threeStrataWithTheSplitInsideOneAndWeights() {
        int[] strata = new int[N];
        double[] w = new double[N];
        Random rnd = new Random(7);
        for (int i = 0; i < N; i++) {
            strata[i] = rnd.nextInt(3);
            w[i] = 0.5 + rnd.nextDouble() * 2;
        }
        assertSameSums(data(strata, w, 0), Ties.EFRON, true);
        assertSameSums(data(strata, w, 0), Ties.BRESLOW, true);
    }

    @Test
    void theSplitAtAStratumStart() {
        int[] strata = new int[N];
        for (int i = N / 2; i < N; i++) {
            strata[i] = 1; // rows sort by stratum first: stratum 1 starts at row N/2 exactly
        }
        assertSameSums(data(strata, null, 0), Ties.EFRON, false);
    }

    @Test
    void aLargeTiedTimeAcrossTheMiddleMovesTheSplit() {
        // 40 % of the rows exit at t = 1: the group containing row N/2 spans many rows; the split is after it
        assertSameSums(data(null, null, 0.4), Ties.EFRON, true);
    }
}

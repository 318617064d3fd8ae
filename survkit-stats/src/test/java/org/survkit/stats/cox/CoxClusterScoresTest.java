package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The robust (cluster) variance and robust score test of {@link CoxRegression#fit(CoxRiskSetSource, CoxClusterScores)}
 * (risk-set sums, then the rows' score residuals from {@link CoxScoreTerms} summed per cluster) equal
 * {@link CoxRegression#fit(CoxData)} with {@code data.cluster()} on the same rows (reference: survkit's in-memory
 * CoxResiduals.robustVariance, itself checked against R survival 3.5-3 {@code coxph(..., cluster = )} in
 * CoxResidualsTest / the cox_lung golden), to 1e-9 relative: Efron and Breslow, tied and continuous times, strata,
 * weights; and with non-integer weights and no cluster (R: each row its own cluster).
 */
class CoxClusterScoresTest {

    /** The rows' weighted residuals summed per cluster code, row by row, as a cluster would (cluster null: per row). */
    private record RowClusters(SummedRiskSetsTest.Rows rows, int[] cluster) implements CoxClusterScores {
        @Override
        public double[] clusterProducts(CoxScoreTerms atEstimate, CoxScoreTerms atZero) {
            int n = rows.time().length;
            int p = 3;
            int groups = cluster == null ? n : java.util.Arrays.stream(cluster).max().getAsInt() + 1;
            double[][] l = new double[groups][p];
            double[][] t = new double[groups][p];
            double[] x = new double[p];
            double[] res = new double[p];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    x[j] = rows.x()[j][i];
                }
                int s = rows.strata() == null ? 0 : rows.strata()[i];
                double w = rows.weights() == null ? 1 : rows.weights()[i];
                int c = cluster == null ? i : cluster[i];
                atEstimate.residual(s, rows.time()[i], rows.event()[i], x, res);
                for (int j = 0; j < p; j++) {
                    l[c][j] += w * res[j];
                }
                atZero.residual(s, rows.time()[i], rows.event()[i], x, res);
                for (int j = 0; j < p; j++) {
                    t[c][j] += w * res[j];
                }
            }
            double[] out = new double[2 * p * p + p];
            for (int c = 0; c < groups; c++) {
                for (int a = 0; a < p; a++) {
                    out[p * p + a] += t[c][a];
                    for (int b = 0; b < p; b++) {
                        out[a * p + b] += l[c][a] * l[c][b];
                        out[p * p + p + a * p + b] += t[c][a] * t[c][b];
                    }
                }
            }
            return out;
        }
    }

    private static int[] clusters(long seed, int n, int k) {
        Random r = new Random(seed);
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = r.nextInt(k);
        }
        return c;
    }

    private static void assertSameRobust(CoxModel fromSums, CoxModel inMemory) {
        assertThat(inMemory.robust()).isTrue();
        assertThat(fromSums.robust()).isTrue();
        double[][] a = fromSums.variance();
        double[][] b = inMemory.variance();
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < b.length; j++) {
                assertThat(a[i][j]).as("variance[%d][%d]", i, j).isCloseTo(b[i][j], within(1e-9 * Math.abs(b[i][j])));
            }
            double se = inMemory.coefficients().get(i).robustSe();
            assertThat(fromSums.coefficients().get(i).robustSe()).isCloseTo(se, within(1e-9 * se));
            double z = inMemory.coefficients().get(i).z();
            assertThat(fromSums.coefficients().get(i).z()).isCloseTo(z, within(1e-9 * Math.abs(z)));
        }
        double wald = inMemory.waldTest().statistic();
        assertThat(fromSums.waldTest().statistic()).isCloseTo(wald, within(1e-9 * wald));
        double score = inMemory.robustScoreTest().statistic();
        assertThat(fromSums.robustScoreTest().statistic()).isCloseTo(score, within(1e-9 * score));
        assertThat(fromSums.robustScoreTest().df()).isEqualTo(inMemory.robustScoreTest().df());
        assertThat(fromSums.naiveVariance()[0][0]).isCloseTo(inMemory.naiveVariance()[0][0],
                within(1e-9 * inMemory.naiveVariance()[0][0]));
    }

    private static void check(SummedRiskSetsTest.Rows rows, int[] cluster, CoxRegression engine) {
        CoxData data = rows.data();
        CoxModel inMemory = engine.fit(cluster == null ? data : data.withCluster(cluster));
        CoxModel fromSums = engine.fit(new SummedRiskSetsTest.RowSums(rows), new RowClusters(rows, cluster));
        assertSameRobust(fromSums, inMemory);
    }

    @Test
    void efronWithTiesStrataWeightsAndClustersEqualsTheInMemoryRobustVariance() {
        SummedRiskSetsTest.Rows rows = SummedRiskSetsTest.Rows.random(31, 400, true, 3, true);
        check(rows, clusters(1, 400, 40), CoxRegression.withDefaults());
    }

    @Test
    void breslowWithTiesAndClustersEqualsTheInMemoryRobustVariance() {
        SummedRiskSetsTest.Rows rows = SummedRiskSetsTest.Rows.random(32, 300, true, 2, false);
        check(rows, clusters(2, 300, 25), CoxRegression.withDefaults().with(Ties.BRESLOW));
    }

    @Test
    void continuousTimesWithClustersEqualTheInMemoryRobustVariance() {
        SummedRiskSetsTest.Rows rows = SummedRiskSetsTest.Rows.random(33, 500, false, 1, false);
        check(rows, clusters(3, 500, 60), CoxRegression.withDefaults());
    }

    @Test
    void nonIntegerWeightsWithoutClustersAreRowsAsClustersAsInR() {
        SummedRiskSetsTest.Rows rows = SummedRiskSetsTest.Rows.random(34, 300, true, 2, true);
        Random r = new Random(4);
        for (int i = 0; i < 300; i++) {
            rows.weights()[i] = 0.25 + 2 * r.nextDouble();
        }
        check(rows, null, CoxRegression.withDefaults());
    }

    @Test
    void withoutClustersTheVarianceIsTheModelBasedOne() {
        SummedRiskSetsTest.Rows rows = SummedRiskSetsTest.Rows.random(35, 200, true, 1, false);
        CoxModel m = CoxRegression.withDefaults().fit(new SummedRiskSetsTest.RowSums(rows), null);
        assertThat(m.robust()).isFalse();
        assertThat(m.variance()).isDeepEqualTo(m.naiveVariance());
    }
}

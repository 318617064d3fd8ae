package org.survkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.Factor;

/**
 * R's robust variance by cluster ({@code coxph(..., cluster = )}) on Spark equals survkit's in-memory CoxRegression.fit
 * with {@code CoxData.withCluster} on the same rows (the reference: survkit's in-memory robust variance, robust score
 * test and clustered concordance, themselves checked against R survival 3.5-3 in survkit-stats and by the cox_lung
 * golden), to 1e-9 relative: the robust variance, robust standard errors, z and P, the Wald test on the robust variance,
 * the robust score test and the concordance's standard error. The rows lie over six partitions ({@link TestCohort}: one
 * holding a single time, two sharing the strata, three empty); the cluster is age mod 17, so every cluster has rows in
 * several partitions; strata, whole-day ties (Efron and Breslow), continuous times, frequency weights; and weights
 * that are not whole numbers without a cluster (R: the robust variance with each row its own cluster).
 */
class SparkClusterTest {
    private static final TestCohort DAYS = TestCohort.random(2026, 600, false);
    private static final TestCohort CONTINUOUS = TestCohort.random(7, 500, true);
    private static final int CLUSTERS = 17;
    private static final double TOL = 1e-9;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestCohort.localSession("survkit-spark-cluster-test");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The cohort's rows with the cluster column "inst" = age mod 17 (an integer column, as lung's inst). */
    private static Dataset<Row> data(TestCohort c) {
        return c.dataset(spark).withColumn("inst", pmod(col("age").cast("int"), lit(CLUSTERS)));
    }

    private static int[] clusters(TestCohort c) {
        int[] k = new int[c.age().length];
        for (int i = 0; i < k.length; i++) {
            k[i] = Math.floorMod((int) c.age()[i], CLUSTERS);
        }
        return k;
    }

    private static CoxData coxData(TestCohort c, double[] weights) {
        return coxData(c, weights, true);
    }

    private static CoxData coxData(TestCohort c, double[] weights, boolean clustered) {
        DesignMatrix d = new DesignMatrix(List.of("age", "arm"), new int[] {0, 1}, List.of("age", "arm"),
                new double[][] {c.age(), c.arm()});
        CoxData data = CoxData.of(c.time(), c.event(), d).withStrata(Factor.of(c.strata()).codes());
        data = clustered ? data.withCluster(clusters(c)) : data;
        return weights == null ? data : data.withWeights(weights);
    }

    private static void close(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(TOL * Math.abs(expected)));
    }

    private static void assertSameRobustModel(CoxModel a, CoxModel e) {
        assertThat(e.robust()).isTrue();
        assertThat(a.robust()).as("robust").isTrue();
        double[][] va = a.variance();
        double[][] ve = e.variance();
        for (int i = 0; i < ve.length; i++) {
            for (int j = 0; j < ve.length; j++) {
                close(va[i][j], ve[i][j], "variance[" + i + "][" + j + "]");
                close(a.naiveVariance()[i][j], e.naiveVariance()[i][j], "naive variance");
            }
        }
        for (int j = 0; j < e.coefficients().size(); j++) {
            close(a.coefficients().get(j).coef(), e.coefficients().get(j).coef(), "coef");
            close(a.coefficients().get(j).se(), e.coefficients().get(j).se(), "se");
            close(a.coefficients().get(j).robustSe(), e.coefficients().get(j).robustSe(), "robust se");
            close(a.coefficients().get(j).z(), e.coefficients().get(j).z(), "z");
            close(a.coefficients().get(j).pValue(), e.coefficients().get(j).pValue(), "p");
            close(a.coefficients().get(j).hrLower(), e.coefficients().get(j).hrLower(), "hr lower");
        }
        close(a.waldTest().statistic(), e.waldTest().statistic(), "Wald");
        close(a.robustScoreTest().statistic(), e.robustScoreTest().statistic(), "robust score");
        assertThat(a.robustScoreTest().df()).isEqualTo(e.robustScoreTest().df());
        close(a.scoreTest().statistic(), e.scoreTest().statistic(), "score");
        close(a.concordance().estimate(), e.concordance().estimate(), "C");
        close(a.concordance().stdErr(), e.concordance().stdErr(), "se(C) by cluster");
        assertThat(a.n()).isEqualTo(e.n());
    }

    @Test
    void robustVarianceByClusterEqualsTheInMemoryEngineWithStrataTiesAndContinuousTimes() {
        for (TestCohort c : List.of(DAYS, CONTINUOUS)) {
            for (Ties ties : List.of(Ties.EFRON, Ties.BRESLOW)) {
                CoxRegression cox = CoxRegression.withDefaults().with(ties);
                CoxModel a = SparkSurvival.of(data(c), SurvivalColumns.of("time", "status").withStrata("centre")
                        .withCluster("inst")).cox(cox, List.of("age", "arm"));
                assertSameRobustModel(a, cox.fit(coxData(c, null)));
            }
        }
    }

    @Test
    void robustVarianceByClusterWithFrequencyWeightsEqualsTheInMemoryEngine() {
        CoxRegression cox = CoxRegression.withDefaults();
        SparkSurvival s = SparkSurvival.of(data(DAYS), SurvivalColumns.of("time", "status").withStrata("centre")
                .withWeight("w").withCluster("inst"));
        assertSameRobustModel(s.cox(cox, List.of("age", "arm")), cox.fit(coxData(DAYS, DAYS.weight())));
    }

    /** R coxph with weights that are not whole numbers and no cluster: the robust variance, each row a cluster. */
    @Test
    void nonIntegerWeightsWithoutAClusterGiveRsRobustVarianceAsInMemory() {
        double[] w = new double[DAYS.weight().length];
        for (int i = 0; i < w.length; i++) {
            w[i] = DAYS.weight()[i] * 0.37;
        }
        CoxRegression cox = CoxRegression.withDefaults();
        SparkSurvival s = SparkSurvival.of(data(DAYS).withColumn("fw", col("w").multiply(lit(0.37))),
                SurvivalColumns.of("time", "status").withStrata("centre").withWeight("fw"));
        assertSameRobustModel(s.cox(cox, List.of("age", "arm")), cox.fit(coxData(DAYS, w, false)));
    }

    @Test
    void theClusterChangesTheVarianceAndItsStandardError() {
        // not a test of equality alone: without the cluster the variance is the model-based one
        CoxRegression cox = CoxRegression.withDefaults();
        CoxModel plain = SparkSurvival.of(data(DAYS), SurvivalColumns.of("time", "status").withStrata("centre"))
                .cox(cox, List.of("age", "arm"));
        CoxModel clustered = SparkSurvival.of(data(DAYS), SurvivalColumns.of("time", "status").withStrata("centre")
                .withCluster("inst")).cox(cox, List.of("age", "arm"));
        assertThat(plain.robust()).isFalse();
        assertThat(clustered.coefficients().get(0).robustSe()).isNotCloseTo(plain.coefficients().get(0).se(),
                within(1e-3 * plain.coefficients().get(0).se()));
        assertThat(clustered.concordance().stdErr()).isNotCloseTo(plain.concordance().stdErr(),
                within(1e-6 * plain.concordance().stdErr()));
    }
}

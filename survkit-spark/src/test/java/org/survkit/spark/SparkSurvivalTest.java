package org.survkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.competing.CumulativeIncidence;
import org.survkit.stats.competing.CumulativeIncidenceCurve;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.FineGrayCoefficient;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.FineGrayRegression;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.ProportionalHazardsTest;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.cox.ZphResult;
import org.survkit.stats.cox.ZphTerm;
import org.survkit.stats.cox.ZphTransform;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.SurvivalAtTime;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.PairwiseComparison;
import org.survkit.stats.logrank.TrendTestResult;
import org.survkit.stats.logrank.Weighting;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.Factor;

/**
 * The Spark engine in local mode equals survkit's in-memory engines on the same rows (the reference: survkit
 * in-memory KaplanMeier, LogRankTest and CoxRegression, themselves checked against R survival 3.5-3 in
 * survkit-stats), to 1e-9 relative: the event table, survival at times, median and RMST, the log-rank family and
 * the Cox fit. The Dataset is laid over six partitions: one holding a single time, two sharing the strata and
 * groups, three empty ({@link TestCohort}).
 */
class SparkSurvivalTest {
    private static SparkSession spark;
    private static final java.util.Map<TestCohort, Dataset<Row>> LAID = new java.util.IdentityHashMap<>();
    private static final TestCohort DAYS = TestCohort.random(2026, 600, false);
    private static final TestCohort CONTINUOUS = TestCohort.random(7, 500, true);
    private static final double TOL = 1e-9;

    @BeforeAll
    static void start() {
        spark = TestCohort.localSession("survkit-spark-test");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Equal to 1e-9 relative (NaN: both). */
    static void close(double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(TOL * Math.max(Math.abs(expected), 1e-300)));
        }
    }

    private static void close(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            close(actual[i], expected[i]);
        }
    }

    /** The cohort's Dataset, laid out once per class and cached. */
    private static Dataset<Row> data(TestCohort c) {
        return LAID.computeIfAbsent(c, k -> k.dataset(spark).cache());
    }

    private static SparkSurvival spark(TestCohort c) {
        return SparkSurvival.of(data(c), SurvivalColumns.of("time", "status").withGroup("group")
                .withStrata("centre"));
    }

    @Test
    void theDatasetIsLaidOutAsTheTestsNeed() {
        Dataset<Row> d = data(DAYS);
        List<Row> perPartition = d.groupBy(spark_partition_id().as("p"))
                .agg(org.apache.spark.sql.functions.countDistinct(col("time")).as("times"),
                        org.apache.spark.sql.functions.countDistinct(col("centre")).as("strata"))
                .orderBy("p").collectAsList();
        assertThat(d.rdd().getNumPartitions()).isEqualTo(TestCohort.PARTITIONS);
        assertThat(perPartition).hasSize(3); // partitions 3..5 empty
        assertThat(perPartition.get(0).getLong(1)).isEqualTo(1); // partition 0: a single time
        assertThat(perPartition.get(1).getLong(2)).isEqualTo(2); // both strata in partitions 1 and 2
        assertThat(perPartition.get(2).getLong(2)).isEqualTo(2);
    }

    private static void assertSameCurves(List<GroupCurve> actual, List<GroupCurve> expected) {
        assertThat(actual).extracting(GroupCurve::group).isEqualTo(expected.stream().map(GroupCurve::group).toList());
        for (int g = 0; g < expected.size(); g++) {
            SurvivalCurve a = actual.get(g).curve();
            SurvivalCurve e = expected.get(g).curve();
            assertThat(a.n()).isEqualTo(e.n());
            close(a.events(), e.events());
            close(a.time(), e.time());
            close(a.nRisk(), e.nRisk());
            close(a.nEvent(), e.nEvent());
            close(a.nCensor(), e.nCensor());
            close(a.survival(), e.survival());
            close(a.stdErr(), e.stdErr());
            close(a.lower(), e.lower());
            close(a.upper(), e.upper());
            close(a.median().estimate(), e.median().estimate());
            close(a.median().lower(), e.median().lower());
            close(a.median().upper(), e.median().upper());
            double[] at = {10, 30, 52.5, 100};
            List<SurvivalAtTime> sa = a.at(at);
            List<SurvivalAtTime> se = e.at(at);
            for (int i = 0; i < at.length; i++) {
                close(sa.get(i).survival(), se.get(i).survival());
                close(sa.get(i).lower(), se.get(i).lower());
                close(sa.get(i).upper(), se.get(i).upper());
            }
            close(a.restrictedMean(40).estimate(), e.restrictedMean(40).estimate());
            close(a.restrictedMean(40).stdErr(), e.restrictedMean(40).stdErr());
        }
    }

    @Test
    void kaplanMeierEqualsTheInMemoryEngine() {
        for (TestCohort c : List.of(DAYS, CONTINUOUS)) {
            KaplanMeier km = KaplanMeier.withDefaults();
            assertSameCurves(spark(c).kaplanMeier(km), km.fit(c.time(), c.event(), c.group()));
        }
    }

    @Test
    void theLogRankFamilyEqualsTheInMemoryEngine() {
        for (TestCohort c : List.of(DAYS, CONTINUOUS)) {
            for (Weighting w : Weighting.values()) {
                LogRankTest test = LogRankTest.withDefaults().with(w);
                LogRankResult e = test.test(c.time(), c.event(), c.group(), c.strata());
                LogRankResult a = spark(c).logRank(test);
                close(a.statistic(), e.statistic());
                close(a.pValue(), e.pValue());
                assertThat(a.df()).isEqualTo(e.df());
                assertThat(a.groups()).hasSameSizeAs(e.groups());
                for (int g = 0; g < e.groups().size(); g++) {
                    assertThat(a.groups().get(g).n()).isEqualTo(e.groups().get(g).n());
                    close(a.groups().get(g).observed(), e.groups().get(g).observed());
                    close(a.groups().get(g).expected(), e.groups().get(g).expected());
                }
            }
        }
        LogRankTest test = LogRankTest.withDefaults();
        List<PairwiseComparison> pe = test.pairwise(DAYS.time(), DAYS.event(), DAYS.group(), DAYS.strata(),
                PValueAdjustment.HOLM);
        List<PairwiseComparison> pa = spark(DAYS).pairwise(test, PValueAdjustment.HOLM);
        for (int i = 0; i < pe.size(); i++) {
            assertThat(pa.get(i).group1()).isEqualTo(pe.get(i).group1());
            close(pa.get(i).statistic(), pe.get(i).statistic());
            close(pa.get(i).pAdjusted(), pe.get(i).pAdjusted());
        }
        TrendTestResult te = test.trend(DAYS.time(), DAYS.event(), DAYS.group(), DAYS.strata(), null);
        TrendTestResult ta = spark(DAYS).trend(test, null);
        close(ta.statistic(), te.statistic());
    }

    @Test
    void cumulativeIncidenceAndGraysTestEqualTheInMemoryEngine() {
        for (TestCohort c : List.of(DAYS, CONTINUOUS)) {
            CumulativeIncidence engine = CumulativeIncidence.withDefaults();
            CumulativeIncidenceResult e = engine.fit(c.time(), c.cause(), 0, c.group(), c.strata());
            CumulativeIncidenceResult a = SparkSurvival.of(data(c), SurvivalColumns.of("time", "cause")
                    .withGroup("group").withStrata("centre")).cumulativeIncidence(engine, 0);
            assertThat(a.groups()).isEqualTo(e.groups());
            assertThat(a.curves()).hasSameSizeAs(e.curves());
            for (int i = 0; i < e.curves().size(); i++) {
                CumulativeIncidenceCurve x = a.curves().get(i);
                CumulativeIncidenceCurve y = e.curves().get(i);
                assertThat(x.n()).isEqualTo(y.n());
                close(x.time(), y.time());
                close(x.cif(), y.cif());
                close(x.variance(), y.variance());
                close(x.lower(), y.lower());
                close(x.upper(), y.upper());
            }
            for (int i = 0; i < e.tests().size(); i++) {
                close(a.tests().get(i).statistic(), e.tests().get(i).statistic());
                close(a.tests().get(i).pValue(), e.tests().get(i).pValue());
            }
        }
    }

    private static CoxData coxData(TestCohort c, boolean weighted) {
        DesignMatrix d = new DesignMatrix(List.of("age", "arm"), new int[] {0, 1}, List.of("age", "arm"),
                new double[][] {c.age(), c.arm()});
        CoxData data = CoxData.of(c.time(), c.event(), d).withStrata(Factor.of(c.strata()).codes());
        return weighted ? data.withWeights(c.weight()) : data;
    }

    private static void assertSameModel(CoxModel a, CoxModel e) {
        assertSameFit(a, e);
        // Harrell's C and its infinitesimal-jackknife se, from the cells (stratum, time, status, linear predictor)
        close(a.concordance().estimate(), e.concordance().estimate());
        close(a.concordance().stdErr(), e.concordance().stdErr());
    }

    /** Coefficients, SEs, P, ℓ, the three tests, iterations, n and events equal (not the concordance). */
    static void assertSameFit(CoxModel a, CoxModel e) {
        close(a.coef(), e.coef());
        for (int j = 0; j < e.coefficients().size(); j++) {
            close(a.coefficients().get(j).se(), e.coefficients().get(j).se());
            close(a.coefficients().get(j).pValue(), e.coefficients().get(j).pValue());
        }
        close(a.loglik(), e.loglik());
        close(a.loglikNull(), e.loglikNull());
        close(a.lrTest().statistic(), e.lrTest().statistic());
        close(a.waldTest().statistic(), e.waldTest().statistic());
        close(a.scoreTest().statistic(), e.scoreTest().statistic());
        assertThat(a.iterations()).isEqualTo(e.iterations());
        assertThat(a.n()).isEqualTo(e.n());
        assertThat(a.events()).isEqualTo(e.events());
    }

    @Test
    void coxEqualsTheInMemoryEngineWithStrataTiesAndContinuousTimes() {
        for (TestCohort c : List.of(DAYS, CONTINUOUS)) {
            for (Ties ties : List.of(Ties.EFRON, Ties.BRESLOW)) {
                CoxRegression cox = CoxRegression.withDefaults().with(ties);
                assertSameModel(spark(c).cox(cox, List.of("age", "arm")), cox.fit(coxData(c, false)));
            }
        }
    }

    @Test
    void coxWithFrequencyWeightsEqualsTheInMemoryEngine() {
        CoxRegression cox = CoxRegression.withDefaults();
        SparkSurvival s = SparkSurvival.of(data(DAYS), SurvivalColumns.of("time", "status")
                .withStrata("centre").withWeight("w"));
        assertSameModel(s.cox(cox, List.of("age", "arm")), cox.fit(coxData(DAYS, true)));
    }

    /**
     * The PH test (R cox.zph, transform km) on Spark equals survkit's in-memory ProportionalHazardsTest.tests on the
     * same rows and model (itself checked against R survival 3.5-3 cox.zph in survkit-stats), to 1e-9 relative: each
     * covariate, GLOBAL and the variance, with strata spread over the partitions, ties (Efron, Breslow), continuous
     * times and frequency weights.
     */
    @Test
    void theProportionalHazardsTestEqualsTheInMemoryEngine() {
        SparkSurvival weighted = SparkSurvival.of(data(DAYS), SurvivalColumns.of("time", "status")
                .withStrata("centre").withWeight("w"));
        List<Object[]> cases = List.of(new Object[] {spark(DAYS), coxData(DAYS, false), Ties.EFRON},
                new Object[] {spark(DAYS), coxData(DAYS, false), Ties.BRESLOW},
                new Object[] {spark(CONTINUOUS), coxData(CONTINUOUS, false), Ties.EFRON},
                new Object[] {weighted, coxData(DAYS, true), Ties.EFRON});
        for (Object[] k : cases) {
            CoxRegression cox = CoxRegression.withDefaults().with((Ties) k[2]);
            CoxData data = (CoxData) k[1];
            ZphResult e = ProportionalHazardsTest.tests(data, cox.fit(data), ZphTransform.KM, true);
            SparkSurvival.CoxWithTest fit = ((SparkSurvival) k[0]).coxWithTest(cox, List.of("age", "arm"));
            ZphResult a = fit.proportionalHazards();
            assertThat(a.terms()).extracting(ZphTerm::term).containsExactly("age", "arm");
            for (int t = 0; t < 2; t++) {
                close(a.terms().get(t).statistic(), e.terms().get(t).statistic());
                close(a.terms().get(t).pValue(), e.terms().get(t).pValue());
            }
            close(a.global().statistic(), e.global().statistic());
            close(a.global().pValue(), e.global().pValue());
            for (int r = 0; r < 2; r++) {
                close(a.variance()[r], e.variance()[r]);
            }
        }
    }

    /**
     * Fine–Gray (crr) on Spark equals survkit's in-memory FineGrayRegression on the same rows (itself checked against
     * R cmprsk crr in survkit-stats), to 1e-9 relative: coefficients, crr's robust and the model-based standard
     * errors, the log pseudo-likelihoods and the iterations, for either cause, whole days and continuous times.
     */
    @Test
    void fineGrayEqualsTheInMemoryEngine() {
        for (TestCohort c : List.of(DAYS, CONTINUOUS)) {
            DesignMatrix d = new DesignMatrix(List.of("age", "arm"), new int[] {0, 1}, List.of("age", "arm"),
                    new double[][] {c.age(), c.arm()});
            for (double cause : new double[] {1, 2}) {
                FineGrayModel e = FineGrayRegression.withDefaults().fit(c.time(), c.cause(), 0, cause, d);
                FineGrayModel a = SparkSurvival.of(data(c), SurvivalColumns.of("time", "cause"))
                        .fineGray(FineGrayRegression.withDefaults(), List.of("age", "arm"), cause, 0);
                for (int j = 0; j < 2; j++) {
                    FineGrayCoefficient ce = e.coefficients().get(j);
                    FineGrayCoefficient ca = a.coefficients().get(j);
                    close(ca.coef(), ce.coef());
                    close(ca.se(), ce.se());
                    close(ca.modelSe(), ce.modelSe());
                }
                close(a.loglik(), e.loglik());
                close(a.loglikNull(), e.loglikNull());
                assertThat(a.iterations()).isEqualTo(e.iterations());
                assertThat(a.n()).isEqualTo(e.n());
            }
        }
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThereAre() {
        assertThatThrownBy(() -> SparkSurvival.of(data(DAYS), SurvivalColumns.of("days", "status")))
                .hasMessage("no column 'days' in the data; its columns are time, status, group, centre, age, arm, w,"
                        + " cause");
    }
}

package org.survkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.survkit.cli.Cli;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.FirthCoefficient;
import org.survkit.stats.cox.FirthCoxModel;
import org.survkit.stats.cox.FirthCoxRegression;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.Factor;

/**
 * Firth's penalized Cox fit on Spark ({@link SparkSurvival#firthCox}) equals survkit's in-memory
 * {@code FirthCoxRegression.fit(CoxData)} on the same rows (reference: the in-memory engine, itself checked against an
 * independent R maximization and R coxphf 1.13.4 in survkit-stats' FirthCoxRegressionTest), to 1e-9 relative in every
 * number the command line prints and in the iteration count: the seeded {@link TestCohort} laid over six partitions
 * (a single time in one, both strata spread over two, three empty), tied whole-day times and continuous times, Breslow
 * (coxphf's) and Efron ties, frequency weights, and a covariate that separates the deaths (monotone likelihood, the
 * case Firth's method is for).
 */
class SparkFirthTest {
    private static SparkSession spark;
    private static final TestCohort DAYS = TestCohort.random(2027, 150, false);
    private static final TestCohort CONTINUOUS = TestCohort.random(8, 120, true);
    private static final List<String> COVARIATES = List.of("age", "arm", "marker");

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("survkit-spark-firth-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** 1 for a censored row older than 50, else 0: no death has marker 1, so the Cox MLE of marker is −∞. */
    private static double[] marker(TestCohort c) {
        double[] m = new double[c.time().length];
        for (int i = 0; i < m.length; i++) {
            m[i] = !c.event()[i] && c.age()[i] > 50 ? 1 : 0;
        }
        return m;
    }

    /** The cohort's Dataset (its six partitions kept) with the marker column computed where the rows are. */
    private static Dataset<Row> data(TestCohort c) {
        return c.dataset(spark).withColumn("marker", when(col("status").equalTo(0).and(col("age").gt(50)), lit(1.0))
                .otherwise(lit(0.0)));
    }

    private static CoxData coxData(TestCohort c, boolean weighted) {
        DesignMatrix d = new DesignMatrix(COVARIATES, new int[] {0, 1, 2}, COVARIATES,
                new double[][] {c.age(), c.arm(), marker(c)});
        CoxData data = CoxData.of(c.time(), c.event(), d).withStrata(Factor.of(c.strata()).codes());
        return weighted ? data.withWeights(c.weight()) : data;
    }

    /** Every number 1e-9 relative (NaN to NaN), the rest equal; not the linear predictors (one per row: not collected). */
    private static void assertSameFirth(FirthCoxModel spark, FirthCoxModel inMemory) {
        Comparator<Double> relative = (x, y) -> x.equals(y) || Math.abs(x - y) <= 1e-9 * Math.abs(y) ? 0 : 1;
        assertThat(spark).usingRecursiveComparison().ignoringFields("linearPredictors")
                .withComparatorForType(relative, Double.class).isEqualTo(inMemory);
    }

    @Test
    void breslowWithTiedDaysStrataWeightsAndASeparatingCovariateEqualsTheInMemoryFit() {
        FirthCoxRegression firth = FirthCoxRegression.withDefaults();
        SparkSurvival s = SparkSurvival.of(data(DAYS), SurvivalColumns.of("time", "status").withStrata("centre")
                .withWeight("w"));
        FirthCoxModel inMemory = firth.fit(coxData(DAYS, true));
        assertSameFirth(s.firthCox(firth, COVARIATES), inMemory);
        // the case Firth's method is for: a finite estimate and finite limits where the Cox MLE is −∞
        FirthCoefficient marker = inMemory.coefficient("marker");
        assertThat(marker.coef()).isFinite().isLessThan(-1);
        assertThat(marker.lower()).isFinite();
        assertThat(marker.upper()).isFinite();
    }

    @Test
    void efronWithContinuousTimesAndStrataEqualsTheInMemoryFit() {
        FirthCoxRegression firth = FirthCoxRegression.withDefaults().with(Ties.EFRON);
        SparkSurvival s = SparkSurvival.of(data(CONTINUOUS), SurvivalColumns.of("time", "status")
                .withStrata("centre"));
        assertSameFirth(s.firthCox(firth, COVARIATES), firth.fit(coxData(CONTINUOUS, false)));
    }

    @Test
    void theLocalCommandsFirthRefusalsHoldOnSpark() {
        // the local cox command's own messages (CoxCommand.checkOptions: CoxRules), before a Spark session starts
        String lung = "../examples/lung/lung.csv";
        Cli concordance = Cli.run("cox", lung, "--time", "time", "--event", "status", "--covariates", "age", "--firth",
                "--concordance", "harrell", "--engine", "spark", "--master", "local[1]");
        assertThat(concordance.status()).isEqualTo(2);
        assertThat(concordance.err()).contains("--firth: cannot be combined with --concordance")
                .doesNotContain("Exception");
        Cli exact = Cli.run("cox", lung, "--time", "time", "--event", "status", "--covariates", "age", "--firth",
                "--ties", "exact", "--engine", "spark", "--master", "local[1]");
        assertThat(exact.status()).isEqualTo(2);
        assertThat(exact.err()).contains("--ties: cannot be combined with --firth").doesNotContain("Exception");
    }
}

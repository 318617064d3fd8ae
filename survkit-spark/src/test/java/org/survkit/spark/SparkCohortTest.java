package org.survkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.survkit.io.Exclusion;
import org.survkit.stats.competing.CumulativeIncidence;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.ProportionalHazardsTest;
import org.survkit.stats.cox.ZphResult;
import org.survkit.stats.cox.ZphTerm;
import org.survkit.stats.cox.ZphTransform;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.Weighting;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.Factor;

/**
 * The rows the Spark engine analyses ({@link SparkCohort}: landmark and horizon in Spark SQL) and its factor coding
 * ({@link SparkDesign}) give the in-memory engines' numbers on the rows transformed by the definitions the local
 * cohort applies ({@code Cohort.landmark}: rows with time > L, time − L; {@code Cohort.horizon}: min(t, H), an
 * event only at or before H; for competing risks the censor code beyond H) and on the model frame's indicator
 * columns, to 1e-9, over the laid-out partitions of {@link TestCohort} (one with a single time, strata and groups
 * across two, three empty). The command line's golden cases check the same against the local engine's text.
 */
class SparkCohortTest {
    private static final double LANDMARK = 2;
    private static final double HORIZON = 40;
    private static SparkSession spark;
    private static Dataset<Row> data;
    private static final TestCohort DAYS = TestCohort.random(2026, 600, false);

    @BeforeAll
    static void start() {
        spark = TestCohort.localSession("survkit-spark-cohort-test");
        data = DAYS.dataset(spark).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(Math.abs(expected), 1e-300)));
    }

    private static List<SparkCohort.Slot> slots(String status) {
        return List.of(new SparkCohort.Slot("time", "time"), new SparkCohort.Slot("event", status),
                new SparkCohort.Slot("group", "group"), new SparkCohort.Slot("stratum", "centre"));
    }

    /** The rows kept by the landmark: indexes. */
    private static List<Integer> kept() {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < DAYS.time().length; i++) {
            if (DAYS.time()[i] > LANDMARK) {
                keep.add(i);
            }
        }
        return keep;
    }

    @Test
    void landmarkAndHorizonGiveTheInMemoryTestsOnTheTransformedRows() {
        SparkCohort.Rows rows = SparkCohort.of(data, "laid-out", slots("status"), "time",
                SparkSurvival.column("status").cast("double").equalTo(1.0), null, LANDMARK, HORIZON);
        List<Integer> keep = kept();
        int n = keep.size();
        assertThat(rows.read()).isEqualTo(DAYS.time().length);
        assertThat(rows.excluded()).extracting(Exclusion::reason, Exclusion::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("event or censoring at or before the landmark 2",
                        DAYS.time().length - n));
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        String[] g = new String[n];
        String[] s = new String[n];
        for (int k = 0; k < n; k++) {
            int i = keep.get(k);
            double y = DAYS.time()[i] - LANDMARK;
            t[k] = Math.min(y, HORIZON);
            e[k] = DAYS.event()[i] && y <= HORIZON;
            g[k] = DAYS.group()[i];
            s[k] = DAYS.strata()[i];
        }
        FrequencyTable table = SparkSurvival.of(rows.rows(), rows.columns("group", "centre", null)).table();
        for (Weighting w : Weighting.values()) {
            LogRankTest test = LogRankTest.withDefaults().with(w);
            LogRankResult expected = test.test(t, e, g, s);
            LogRankResult actual = test.test(table.time(), table.event(), table.count(), table.groups(),
                    table.strataFactor());
            close(actual.statistic(), expected.statistic());
            for (int j = 0; j < expected.groups().size(); j++) {
                assertThat(actual.groups().get(j).n()).isEqualTo(expected.groups().get(j).n());
                close(actual.groups().get(j).observed(), expected.groups().get(j).observed());
            }
        }
    }

    @Test
    void theHorizonCensorsCompetingCausesWithTheCensorCode() {
        SparkCohort.Rows rows = SparkCohort.of(data, "laid-out", slots("cause"), "time", null, "cause", null,
                HORIZON).withCodes(org.apache.spark.sql.functions.col(SparkCohort.STATUS).cast("double"), 0.0);
        assertThat(rows.excluded()).isEmpty();
        int n = DAYS.time().length;
        double[] t = new double[n];
        double[] cause = DAYS.cause();
        for (int i = 0; i < n; i++) {
            t[i] = Math.min(DAYS.time()[i], HORIZON);
            cause[i] = DAYS.time()[i] > HORIZON ? 0 : cause[i];
        }
        CumulativeIncidence engine = CumulativeIncidence.withDefaults();
        CumulativeIncidenceResult expected = engine.fit(t, cause, 0, DAYS.group(), DAYS.strata());
        SparkSurvival s = SparkSurvival.of(rows.rows(), rows.columns("group", "centre", null));
        CumulativeIncidenceResult actual = s.cumulativeIncidence(s.table(true), engine, 0);
        for (int c = 0; c < expected.curves().size(); c++) {
            double[] x = actual.curves().get(c).cif();
            double[] y = expected.curves().get(c).cif();
            assertThat(x).hasSameSizeAs(y);
            for (int k = 0; k < y.length; k++) {
                close(x[k], y[k]);
            }
        }
        for (int c = 0; c < expected.tests().size(); c++) {
            close(actual.tests().get(c).statistic(), expected.tests().get(c).statistic());
        }
    }

    /**
     * A text column as a factor with --reference: the model frame's indicator columns (levels in factor order, the
     * reference left out, named COL=LEVEL), the same Cox model as in memory, and the PH test of the factor as one
     * term (R cox.zph terms = TRUE).
     */
    @Test
    void aFactorIsCodedAsTheModelFrameCodesIt() {
        SparkDesign design = SparkDesign.of(data, data, List.of("age", "group"), List.of(),
                Map.of("group", "arm 2"));
        assertThat(design.columnNames()).containsExactly("age", "group=arm 1", "group=arm 3");
        assertThat(design.assign()).containsExactly(0, 1, 1);
        int n = DAYS.time().length;
        double[] a1 = new double[n];
        double[] a3 = new double[n];
        for (int i = 0; i < n; i++) {
            a1[i] = DAYS.group()[i].equals("arm 1") ? 1 : 0;
            a3[i] = DAYS.group()[i].equals("arm 3") ? 1 : 0;
        }
        DesignMatrix d = new DesignMatrix(design.columnNames(), new int[] {0, 1, 1}, List.of("age", "group"),
                new double[][] {DAYS.age(), a1, a3});
        CoxData cd = CoxData.of(DAYS.time(), DAYS.event(), d).withStrata(Factor.of(DAYS.strata()).codes());
        CoxRegression cox = CoxRegression.withDefaults();
        CoxModel expected = cox.fit(cd);
        ZphResult zph = ProportionalHazardsTest.tests(cd, expected, ZphTransform.KM, true);
        SparkSurvival.CoxWithTest actual = SparkSurvival.of(design.rows(), SurvivalColumns.of("time", "status")
                .withStrata("centre")).coxWithTest(cox, design.columnNames(), design.assign(), design.termLabels());
        for (int j = 0; j < 3; j++) {
            close(actual.model().coef()[j], expected.coef()[j]);
            close(actual.model().coefficients().get(j).se(), expected.coefficients().get(j).se());
        }
        assertThat(actual.proportionalHazards().terms()).extracting(ZphTerm::term).containsExactly("age", "group");
        for (int t = 0; t < 2; t++) {
            close(actual.proportionalHazards().terms().get(t).statistic(), zph.terms().get(t).statistic());
            assertThat(actual.proportionalHazards().terms().get(t).df()).isEqualTo(zph.terms().get(t).df());
        }
        close(actual.proportionalHazards().global().statistic(), zph.global().statistic());
    }
}

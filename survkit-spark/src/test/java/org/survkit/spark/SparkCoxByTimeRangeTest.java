package org.survkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survkit.spark.SparkSurvivalTest.assertSameFit;
import static org.survkit.spark.SparkSurvivalTest.close;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.CoxRiskSetSums;
import org.survkit.stats.cox.ProportionalHazardsTest;
import org.survkit.stats.cox.SummedProportionalHazards;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.cox.ZphResult;
import org.survkit.stats.cox.ZphTransform;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.Factor;

/**
 * The Spark Cox fit and PH test with the rows laid out by (merged) time, each partition walking its own times from
 * the later partitions' risk sets, equal to survkit's in-memory engines on the same rows (reference: in-memory
 * CoxRegression.fit and ProportionalHazardsTest.tests, themselves checked against R survival 3.5-3 in survkit-stats)
 * to 1e-9 relative: continuous times, a partition holding a single (heavily tied) time, empty partitions, three
 * strata spread over every partition, frequency weights, Breslow and Efron, and a run of near-equal times (R's
 * timefix) across a partition bound. And the numbers a step brings to the driver do not grow with the distinct
 * times.
 */
class SparkCoxByTimeRangeTest {
    private static SparkSession spark;
    /** The time 60 rows share (deaths and censored), held alone by one partition. */
    private static final double TIED = 200;
    /** A run of five near-equal times t0·(1 + k·1e-12), k = 0..4, that R's timefix merges into t0. */
    private static final double T0 = 123.456789;

    @BeforeAll
    static void start() {
        spark = TestCohort.localSession("survkit-spark-test");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Seeded rows: continuous times, 60 rows tied at {@link #TIED}, the near-equal run at {@link #T0}. */
    private record Rows(double[] time, boolean[] event, String[] stratum, double[] age, double[] arm, double[] w) {
        static Rows random(long seed, int n) {
            Random r = new Random(seed);
            int m = n + 60 + 5;
            double[] time = new double[m];
            boolean[] event = new boolean[m];
            String[] stratum = new String[m];
            double[] age = new double[m];
            double[] arm = new double[m];
            double[] w = new double[m];
            for (int i = 0; i < m; i++) {
                int s = r.nextInt(3);
                stratum[i] = "s" + s;
                age[i] = 40 + 15 * r.nextGaussian();
                arm[i] = r.nextBoolean() ? 1 : 0;
                w[i] = 1 + r.nextInt(3);
                double hazard = Math.exp(0.02 * (age[i] - 40) - 0.5 * arm[i] + 0.2 * s);
                double t = -Math.log(r.nextDouble()) / hazard * 300;
                double c = 20 + r.nextDouble() * 600;
                time[i] = Math.min(t, c);
                event[i] = t <= c;
                if (i >= n && i < n + 60) {
                    time[i] = TIED;
                    event[i] = r.nextInt(3) > 0;
                } else if (i >= n + 60) {
                    time[i] = T0 * (1 + (i - n - 60) * 1e-12);
                    event[i] = true;
                }
            }
            return new Rows(time, event, stratum, age, arm, w);
        }

        Dataset<Row> dataset() {
            StructType schema = new StructType().add("time", DataTypes.DoubleType)
                    .add("status", DataTypes.IntegerType).add("centre", DataTypes.StringType)
                    .add("age", DataTypes.DoubleType).add("arm", DataTypes.DoubleType).add("w", DataTypes.DoubleType);
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < time.length; i++) {
                rows.add(RowFactory.create(time[i], event[i] ? 1 : 0, stratum[i], age[i], arm[i], w[i]));
            }
            return spark.createDataFrame(rows, schema).repartition(4);
        }

        CoxData data(boolean weighted) {
            DesignMatrix d = new DesignMatrix(List.of("age", "arm"), new int[] {0, 1}, List.of("age", "arm"),
                    new double[][] {age, arm});
            CoxData c = CoxData.of(time, event, d).withStrata(Factor.of(stratum).codes());
            return weighted ? c.withWeights(w) : c;
        }

        double maxTime() {
            double m = 0;
            for (double t : time) {
                m = Math.max(m, t);
            }
            return m;
        }
    }

    /**
     * Partitions: [.., 50), [50, t0(1+2e-12)) — the run's first members, to which the others are merged —,
     * [t0(1+2e-12), 200) — nothing of the run —, [200, 200⁺): the tied time alone, [200⁺, 200⁺): empty, then the
     * rest, and two empty partitions beyond the last time.
     */
    private static double[] bounds(Rows rows) {
        double after = Math.nextUp(TIED);
        return new double[] {50, T0 * (1 + 2e-12), TIED, after, after, rows.maxTime() + 1, rows.maxTime() + 2};
    }

    private static void assertSameTest(ZphResult a, ZphResult e) {
        assertThat(a.terms()).hasSameSizeAs(e.terms());
        for (int t = 0; t < e.terms().size(); t++) {
            close(a.terms().get(t).statistic(), e.terms().get(t).statistic());
            close(a.terms().get(t).pValue(), e.terms().get(t).pValue());
        }
        close(a.global().statistic(), e.global().statistic());
        for (int r = 0; r < e.variance().length; r++) {
            for (int c = 0; c < e.variance().length; c++) {
                close(a.variance()[r][c], e.variance()[r][c]);
            }
        }
    }

    /** The PH test on the source: per stratum deaths and whether each covariate varies, from the arrays. */
    private static ZphResult zph(SparkRiskSetSource source, CoxModel m, Rows rows) {
        List<String> levels = Factor.of(rows.stratum).levels();
        int[] events = new int[levels.size()];
        boolean[][] varies = new boolean[levels.size()][2];
        double[][] first = new double[levels.size()][];
        for (int i = 0; i < rows.time.length; i++) {
            int s = levels.indexOf(rows.stratum[i]);
            events[s] += rows.event[i] ? 1 : 0;
            double[] x = {rows.age[i], rows.arm[i]};
            if (first[s] == null) {
                first[s] = x;
            }
            for (int j = 0; j < 2; j++) {
                varies[s][j] |= x[j] != first[s][j];
            }
        }
        return SummedProportionalHazards.tests(source, m, source.proportionalHazardsSums(m.ties()), events, varies,
                new int[] {0, 1}, List.of("age", "arm"));
    }

    @Test
    void fitAndTestEqualTheInMemoryEnginesWithTheRowsLaidOutByTime() {
        Rows rows = Rows.random(11, 700);
        Dataset<Row> data = rows.dataset().cache();
        for (boolean weighted : new boolean[] {false, true}) {
            SurvivalColumns cols = SurvivalColumns.of("time", "status").withStrata("centre");
            if (weighted) {
                cols = cols.withWeight("w");
            }
            for (Ties ties : List.of(Ties.EFRON, Ties.BRESLOW)) {
                CoxRegression cox = CoxRegression.withDefaults().with(ties);
                CoxModel e = cox.fit(rows.data(weighted));
                try (SparkRiskSetSource source = new SparkRiskSetSource(data, cols, List.of("age", "arm"),
                        bounds(rows))) {
                    assertThat(source.mergedRuns()).isEqualTo(1);
                    CoxModel a = cox.fit(source);
                    assertSameFit(a, e);
                    assertSameTest(zph(source, a, rows),
                            ProportionalHazardsTest.tests(rows.data(weighted), e, ZphTransform.KM, true));
                }
            }
        }
        data.unpersist();
    }

    @Test
    void theLayoutHoldsEachTimeInOnePartitionAsPlanned() {
        Rows rows = Rows.random(11, 700);
        SurvivalColumns cols = SurvivalColumns.of("time", "status").withStrata("centre");
        try (SparkRiskSetSource planned = new SparkRiskSetSource(rows.dataset(), cols, List.of("age", "arm"),
                bounds(rows)); SparkRiskSetSource sampled = new SparkRiskSetSource(rows.dataset(), cols,
                        List.of("age", "arm"))) {
            List<double[]> p = ranges(planned);
            assertThat(p).hasSize(8);
            assertThat(p.get(1)[1]).isEqualTo(T0); // the whole run, merged into t0, before the bound inside it
            assertThat(p.get(2)[0]).isGreaterThan(T0 * (1 + 5e-12));
            assertThat(p.get(3)).containsExactly(TIED, TIED, 60, 3); // the tied time alone, all three strata
            assertThat(p.get(4)[2]).isZero();
            assertThat(p.get(6)[2]).isZero();
            assertThat(p.get(7)[2]).isZero();
            assertIncreasing(p);
            // Spark's own range partitioning (the default) keeps each merged time in one partition too
            List<double[]> s = ranges(sampled);
            assertThat(s).hasSize(3); // spark.sql.shuffle.partitions of the test session
            assertIncreasing(s);
            assertThat(s.stream().mapToDouble(r -> r[2]).sum()).isEqualTo(rows.time.length);
        }
    }

    /** Per partition: smallest and largest time, rows, strata present. */
    private static List<double[]> ranges(SparkRiskSetSource source) {
        return source.blocks().map(b -> {
            double lo = Double.NaN;
            double hi = Double.NaN;
            java.util.Set<Integer> strata = new java.util.HashSet<>();
            for (int i = 0; i < b.n; i++) {
                lo = i == 0 ? b.time[i] : Math.min(lo, b.time[i]);
                hi = i == 0 ? b.time[i] : Math.max(hi, b.time[i]);
                strata.add(b.stratum[i]);
            }
            return new double[] {lo, hi, b.n, strata.size()};
        }).collect();
    }

    /** Non-empty partitions hold disjoint, increasing ranges of time. */
    private static void assertIncreasing(List<double[]> ranges) {
        double last = Double.NEGATIVE_INFINITY;
        for (double[] r : ranges) {
            if (r[2] > 0) {
                assertThat(r[0]).isGreaterThan(last);
                last = r[1];
            }
        }
    }

    @Test
    void noRowsIsAModelWithoutEventsNotAnError() {
        Dataset<Row> none = Rows.random(3, 20).dataset().filter("time < 0");
        CoxModel m = SparkSurvival.of(none, SurvivalColumns.of("time", "status").withStrata("centre"))
                .cox(CoxRegression.withDefaults(), List.of("age", "arm"));
        assertThat(m.n()).isZero();
        assertThat(m.events()).isZero();
    }

    @Test
    void aStepBringsTheSameNumbersToTheDriverWhateverTheDistinctTimes() {
        SurvivalColumns cols = SurvivalColumns.of("time", "status").withStrata("centre");
        long[] collected = new long[2];
        int k = 0;
        for (int n : new int[] {300, 3000}) {
            Rows rows = Rows.random(5, n);
            try (SparkRiskSetSource source = new SparkRiskSetSource(rows.dataset(), cols, List.of("age", "arm"),
                    bounds(rows))) {
                CoxModel a = CoxRegression.withDefaults().fit(source);
                assertSameFit(a, CoxRegression.withDefaults().fit(rows.data(false)));
                collected[k++] = source.collectedPerStep();
                // the collect-everything path (riskSetSums, kept for other callers) grows with the keys
                CoxRiskSetSums all = source.riskSetSums(new double[2], new double[] {1, 1}, new double[2]);
                assertThat(all.size()).isGreaterThan(n / 2);
            }
        }
        // 8 partitions: 8 × 3 strata × (1 + 2 + 3) starting risk sums + 8 × (ℓ, U: 2, I: 3)
        assertThat(collected).containsExactly(8 * 3 * 6 + 8 * 6, 8 * 3 * 6 + 8 * 6);
    }
}

package org.survkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.survkit.stats.cox.CoxColumnSums;
import org.survkit.stats.cox.CoxRiskSetSource;
import org.survkit.stats.cox.CoxRiskSetSums;
import org.survkit.stats.cox.CoxStepSums;
import org.survkit.stats.cox.MergedTimes;
import org.survkit.stats.cox.RiskSetWalk;
import org.survkit.stats.cox.SummedProportionalHazards;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.cox.ZphKaplanMeier;
import scala.Tuple2;

/**
 * Cox data in a Spark Dataset, asked for sums by {@link org.survkit.stats.cox.CoxRegression#fit(CoxRiskSetSource)}.
 * The rows used (time, status, stratum, weight, covariates; complete rows only) get R's timefix over their distinct
 * times first ({@link #mergedTimes}: no partition bound can cut a run of near-equal times), are range-partitioned by
 * merged time (every (stratum, time) in one partition, partition k before k + 1 in time, every stratum possibly in
 * every partition), packed once per partition into primitive columns sorted by (stratum, time) ({@link CoxBlock})
 * and persisted. Two passes fix the centring and scaling; each Newton step is two passes ({@link #stepSums}): the
 * partitions' per-stratum totals, then each partition's walk of its own times from the later partitions' risk sets,
 * returning ℓ, U, I. β and the starting risk sets travel in the task closure. {@link #riskSetSums} (every key's sums
 * to the driver) is kept for callers that need them. {@link #close()} releases the persisted blocks.
 */
final class SparkRiskSetSource implements CoxRiskSetSource, AutoCloseable {
    private final JavaRDD<CoxBlock> blocks;
    private final List<String> names;
    private final int p;
    private final int strata;
    private final int mergedRuns;
    /** Doubles brought to the driver by the last step ({@link #stepSums}): for tests and measurements. */
    private long collectedPerStep;

    /**
     * @param data       the Dataset
     * @param c          its survival columns
     * @param covariates numeric covariate columns (the design's columns)
     */
    SparkRiskSetSource(Dataset<Row> data, SurvivalColumns c, List<String> covariates) {
        this(data, c, covariates, null);
    }

    /**
     * @param bounds the partitions' lower time bounds after the first (partition k holds the merged times in
     *               [bounds[k−1], bounds[k])); null: Spark's range partitioning of the merged times into
     *               {@code spark.sql.shuffle.partitions} ranges (adaptive execution may join neighbouring ones). Explicit bounds lay out the rows as a test needs them (a partition of one
     *               time, empty partitions, a bound inside a run of near-equal times).
     */
    SparkRiskSetSource(Dataset<Row> data, SurvivalColumns c, List<String> covariates, double[] bounds) {
        this.names = List.copyOf(covariates);
        this.p = names.size();
        List<Column> cols = new ArrayList<>();
        cols.add(c.strata() == null ? lit("").as("s")
                : SparkSurvival.column(c.strata()).cast("string").as("s"));
        // + 0.0 folds −0.0 into 0.0, as the in-memory ranking of times does
        cols.add(SparkSurvival.column(c.time()).cast("double").plus(lit(0.0)).as("t"));
        cols.add(when(SparkSurvival.isEvent(c), lit(1.0)).otherwise(lit(0.0)).as("e"));
        cols.add(c.weight() == null ? lit(1.0).as("w")
                : SparkSurvival.column(c.weight()).cast("double").as("w"));
        for (int j = 0; j < p; j++) {
            cols.add(SparkSurvival.column(names.get(j)).cast("double").as("x" + j));
        }
        List<String> needed = new ArrayList<>(c.used());
        needed.addAll(names);
        Dataset<Row> rows = SparkSurvival.complete(data, needed).select(cols.toArray(new Column[0]));
        if (c.weight() != null) {
            Row bad = rows.agg(sum(when(col("w").lt(0), 1).otherwise(0))).first();
            if (!bad.isNullAt(0) && bad.getLong(0) > 0) {
                throw new IllegalArgumentException("the weight column '" + c.weight() + "' has " + bad.getLong(0)
                        + " values below 0; case weights are numbers >= 0 (how much each row counts)");
            }
        }
        Map<String, Integer> strataCode = new HashMap<>(SparkSurvival.codes(SparkSurvival.levels(rows, "s")));
        this.strata = Math.max(1, strataCode.size());
        MergedTimes merged = mergedTimes(rows);
        this.mergedRuns = merged.runs();
        Dataset<Row> fixed = merged.runs() == 0 ? rows
                : rows.withColumn("t", udf(new MergeTime(merged), DataTypes.DoubleType).apply(col("t")));
        // spark.sql.shuffle.partitions ranges, which adaptive execution may join (neighbours only: still in order)
        JavaRDD<Row> laid = bounds == null ? fixed.repartitionByRange(col("t")).javaRDD()
                : fixed.javaRDD().mapToPair(r -> new Tuple2<>(r.getDouble(1), r)).partitionBy(new TimeBounds(bounds))
                        .values();
        this.blocks = laid.mapPartitions(new CoxBlock.Pack(p, strataCode)).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * R's timefix over the distinct times of the rows, distributed: the distinct times sorted in ranges (one
     * shuffle of the distinct times), each range summarised ({@link MergedTimes#chunk}: its ends and its runs of
     * near-equal times), the runs joined across the ranges on the driver. Two small jobs on the persisted ranges:
     * the count and Σ|t| (the mean the relative tolerance needs), then the summaries. Driver memory: the runs of
     * merged times (usually none) and two numbers per range.
     */
    static MergedTimes mergedTimes(Dataset<Row> rows) {
        JavaRDD<double[]> ranges = rows.select(col("t")).distinct().repartitionByRange(col("t"))
                .sortWithinPartitions(col("t")).javaRDD().mapPartitions(it -> {
                    double[] t = new double[16];
                    int m = 0;
                    while (it.hasNext()) {
                        if (m == t.length) {
                            t = Arrays.copyOf(t, cells(2L * m, 1));
                        }
                        t[m++] = it.next().getDouble(0);
                    }
                    return List.of(Arrays.copyOf(t, m)).iterator();
                }).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            double count = 0;
            double sumAbs = 0;
            for (double[] cs : ranges.map(t -> {
                double a = 0;
                for (double v : t) {
                    a += Math.abs(v);
                }
                return new double[] {t.length, a};
            }).collect()) {
                count += cs[0];
                sumAbs += cs[1];
            }
            double meanAbs = sumAbs / count;
            List<MergedTimes.Chunk> chunks = new ArrayList<>();
            for (ChunkMessage m : ranges.map(t -> ChunkMessage.of(MergedTimes.chunk(t, meanAbs))).collect()) {
                chunks.add(m.chunk());
            }
            return MergedTimes.of(chunks, meanAbs);
        } finally {
            ranges.unpersist(false);
        }
    }

    /** A {@link MergedTimes.Chunk} as it travels from an executor (survkit-stats' records are not serializable). */
    record ChunkMessage(int count, double first, double last, double firstRunEnd, double lastRunStart,
            double[] runStart, double[] runEnd) implements Serializable {
        static ChunkMessage of(MergedTimes.Chunk c) {
            return new ChunkMessage(c.count(), c.first(), c.last(), c.firstRunEnd(), c.lastRunStart(), c.runStart(),
                    c.runEnd());
        }

        MergedTimes.Chunk chunk() {
            return new MergedTimes.Chunk(count, first, last, firstRunEnd, lastRunStart, runStart, runEnd);
        }
    }

    /** The merged time of a row's time, as a UDF: the runs travel, the lookup is rebuilt where it runs. */
    static final class MergeTime implements UDF1<Double, Double> {
        private static final long serialVersionUID = 1L;
        private final double[] start;
        private final double[] end;
        private transient MergedTimes runs;

        MergeTime(MergedTimes merged) {
            this.start = merged.runStart();
            this.end = merged.runEnd();
        }

        @Override
        public Double call(Double t) {
            if (runs == null) {
                runs = MergedTimes.ofRuns(start, end);
            }
            return runs.merged(t);
        }
    }

    /** Partition k holds the keys in [bounds[k−1], bounds[k]) (bounds non-decreasing; equal bounds: empty). */
    static final class TimeBounds extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final double[] bounds;

        TimeBounds(double[] bounds) {
            this.bounds = bounds.clone();
        }

        @Override
        public int numPartitions() {
            return bounds.length + 1;
        }

        @Override
        public int getPartition(Object key) {
            double t = (Double) key;
            int k = 0;
            while (k < bounds.length && bounds[k] <= t) {
                k++;
            }
            return k;
        }
    }

    /** The packed rows (for the other sums of the same rows: {@link SparkFirthSource}; the layout's tests). */
    JavaRDD<CoxBlock> blocks() {
        return blocks;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public CoxColumnSums columnSums() {
        // fold, not reduce: adaptive execution may leave no partition at all after the layout of no rows
        double[] s = blocks.map(CoxBlock::columnSums).fold(new double[3 + 2 * p], SparkRiskSetSource::add);
        double[] weighted = new double[p];
        boolean[] beyond = new boolean[p];
        for (int j = 0; j < p; j++) {
            weighted[j] = s[3 + 2 * j];
            beyond[j] = s[4 + 2 * j] > 0;
        }
        return new CoxColumnSums(Math.round(s[0]), Math.round(s[1]), s[2], weighted, beyond);
    }

    /** The element-wise sum of two partitions' sums (a new array). */
    static double[] add(double[] a, double[] b) {
        double[] c = a.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += b[i];
        }
        return c;
    }

    @Override
    public double[] absoluteDeviations(double[] centre) {
        return blocks.map(b -> b.absoluteDeviations(centre)).fold(new double[p], SparkRiskSetSource::add);
    }

    /**
     * One Newton step in two passes over the packed rows, each partition holding a range of (merged) times: (a) each
     * partition's per-stratum totals Σr, Σr·x, Σr·x xᵀ; the driver makes from them each partition's starting risk
     * sets (the sums of the later partitions of the same stratum); (b) each partition walks its own keys from those
     * ({@link CoxBlock#walk}) and returns ℓ, U, I. Moved: partitions × strata × (1 + p + p(p+1)/2) doubles each way
     * and partitions × (1 + p + p(p+1)/2) back, whatever the number of rows or distinct times.
     */
    @Override
    public CoxStepSums stepSums(double[] centre, double[] factor, double[] beta, Ties ties) {
        int width = p;
        double[] sum = walkAll(centre, factor, beta, (k, b) -> RiskSetWalk.likelihood(width, ties));
        return CoxStepSums.of(p, sum);
    }

    /** The walk a partition runs (built where it runs: walks are not serializable). */
    private interface WalkOf extends Serializable {
        RiskSetWalk of(int partition, CoxBlock block);
    }

    /** A walk per partition, from the later partitions' risk sets; their results summed. */
    private double[] walkAll(double[] centre, double[] factor, double[] beta, WalkOf walkOf) {
        int rs = CoxRiskSetSums.riskStride(p);
        int nStrata = strata;
        List<double[]> totals = blocks.map(b -> b.stratumTotals(centre, factor, beta, nStrata)).collect();
        int parts = totals.size();
        double[] later = new double[cells((long) parts * nStrata, rs)];
        double[] acc = new double[nStrata * rs];
        for (int k = parts - 1; k >= 0; k--) {
            System.arraycopy(acc, 0, later, k * nStrata * rs, acc.length);
            double[] t = totals.get(k);
            for (int i = 0; i < acc.length; i++) {
                acc[i] += t[i];
            }
        }
        List<double[]> walked = blocks.mapPartitionsWithIndex((k, it) -> {
            List<double[]> out = new ArrayList<>();
            while (it.hasNext()) {
                CoxBlock b = it.next();
                out.add(b.walk(centre, factor, beta, later, k * nStrata * rs, walkOf.of(k, b)));
            }
            return out.iterator();
        }, true).collect();
        collectedPerStep = (long) parts * nStrata * rs + (long) walked.size() * walked.get(0).length;
        double[] sum = walked.get(0).clone(); // a step needs deaths, so rows and a partition
        for (int k = 1; k < walked.size(); k++) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += walked.get(k)[i];
            }
        }
        return sum;
    }

    /**
     * R's {@code cox.zph(transform = "km")} score sums at β̂ the same way: the pooled Kaplan–Meier transform g(t)
     * is a product over time, so three small β-free jobs give each partition the rows after it, the survival before
     * it and the mean of g over the deaths (partitions × 3 numbers), and each partition computes g at its own times;
     * then the two passes of a step with the cox.zph terms ({@link RiskSetWalk#proportionalHazards}).
     */
    SummedProportionalHazards.ScoreSums proportionalHazardsSums(Ties ties) {
        List<Long> rowsPer = blocks.map(b -> (long) b.n).collect();
        int parts = rowsPer.size();
        long[] after = new long[parts];
        for (int k = parts - 2; k >= 0; k--) {
            after[k] = after[k + 1] + rowsPer.get(k + 1);
        }
        List<Double> products = blocks.mapPartitionsWithIndex((k, it) -> {
            List<Double> out = new ArrayList<>();
            while (it.hasNext()) {
                out.add(it.next().kaplanMeier().product(after[k]));
            }
            return out.iterator();
        }, true).collect();
        double[] before = new double[parts];
        double s = 1;
        for (int k = 0; k < parts; k++) {
            before[k] = s;
            s *= products.get(k);
        }
        List<double[]> sums = blocks.mapPartitionsWithIndex((k, it) -> {
            List<double[]> out = new ArrayList<>();
            while (it.hasNext()) {
                ZphKaplanMeier km = it.next().kaplanMeier();
                out.add(new double[] {km.deathWeightedSum(after[k], before[k]), km.deathCount()});
            }
            return out.iterator();
        }, true).collect();
        double weighted = 0;
        double deaths = 0;
        for (double[] d : sums) {
            weighted += d[0];
            deaths += d[1];
        }
        double mean = weighted / deaths;
        int width = p;
        return (centre, factor, beta) -> walkAll(centre, factor, beta, (k, b) -> RiskSetWalk.proportionalHazards(
                width, ties, b.kaplanMeier().centred(after[k], before[k], mean)));
    }

    @Override
    public CoxRiskSetSums riskSetSums(double[] centre, double[] factor, double[] beta) {
        List<CoxBlock.Partial> parts = blocks.map(b -> b.riskSetSums(centre, factor, beta)).collect();
        long keys = 0;
        for (CoxBlock.Partial s : parts) {
            keys += s.time().length;
        }
        int rs = CoxRiskSetSums.riskStride(p);
        int ds = CoxRiskSetSums.deadStride(p);
        int d = cells(keys, 1);
        int[] stratum = new int[d];
        double[] time = new double[d];
        double[] cens = new double[cells(keys, rs)];
        double[] dead = new double[cells(keys, rs)];
        double[] tot = new double[cells(keys, ds)];
        int at = 0;
        for (CoxBlock.Partial s : parts) {
            int m = s.time().length;
            System.arraycopy(s.stratum(), 0, stratum, at, m);
            System.arraycopy(s.time(), 0, time, at, m);
            System.arraycopy(s.censoredRisk(), 0, cens, at * rs, m * rs);
            System.arraycopy(s.deadRisk(), 0, dead, at * rs, m * rs);
            System.arraycopy(s.deadTotals(), 0, tot, at * ds, m * ds);
            at += m;
        }
        return new CoxRiskSetSums(p, stratum, time, cens, dead, tot);
    }

    /** Java's largest array length (a little below 2^31 - 1 on HotSpot). */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * keys × stride as an array length. The sums of every distinct (stratum, time) of every partition come to the
     * driver at each Newton step; with continuous times that is about one key per row, so 45 sums per key
     * (8 covariates) pass 2^31 at ~48 million rows, where {@code d * rs} in int arithmetic wrapped around (a
     * negative or too short array) before.
     *
     * @throws IllegalArgumentException when the product is more than an array holds, saying what to do
     */
    static int cells(long keys, int stride) {
        long cells = keys * stride;
        if (cells > MAX_ARRAY) {
            throw new IllegalArgumentException("the Cox fit on Spark brings the risk-set sums of each partition's"
                    + " distinct (stratum, time) to the driver: " + keys + " of them x " + stride + " numbers is"
                    + " more than a Java array holds (" + MAX_ARRAY + "); round the times (e.g. to whole days) so"
                    + " that fewer are distinct, or use fewer covariates");
        }
        return (int) cells;
    }

    /** Doubles the last {@link #stepSums} (or cox.zph sums) brought to the driver: its two collects. */
    long collectedPerStep() {
        return collectedPerStep;
    }

    /** Runs of near-equal distinct times merged by R's timefix before partitioning. */
    int mergedRuns() {
        return mergedRuns;
    }

    @Override
    public void close() {
        blocks.unpersist(false);
    }
}

package org.survkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.survkit.stats.cox.CoxColumnSums;
import org.survkit.stats.cox.CoxRiskSetSource;
import org.survkit.stats.cox.CoxRiskSetSums;

/**
 * Cox data in a Spark Dataset, asked for sums by {@link org.survkit.stats.cox.CoxRegression#fit(CoxRiskSetSource)}.
 * The rows used (time, status, stratum, weight, covariates; complete rows only) are packed once per partition into
 * primitive columns sorted by (stratum, time) ({@link CoxBlock}) and persisted; then two passes fix the centring
 * and scaling and each Newton step is one pass that returns, per (stratum, time) of each partition, the censored
 * rows' and the deaths' Σr, Σr·x, Σr·x xᵀ and the deaths' count, Σw, Σw·η, Σw·x (x centred and scaled,
 * r = w e<sup>η</sup>): 2(1 + p + p(p+1)/2) + 3 + p numbers per key. β travels in the task closure (p doubles).
 * {@link #close()} releases the persisted blocks.
 */
final class SparkRiskSetSource implements CoxRiskSetSource, AutoCloseable {
    private final JavaRDD<CoxBlock> blocks;
    private final List<String> names;
    private final int p;

    /**
     * @param data       the Dataset
     * @param c          its survival columns
     * @param covariates numeric covariate columns (the design's columns)
     */
    SparkRiskSetSource(Dataset<Row> data, SurvivalColumns c, List<String> covariates) {
        this.names = List.copyOf(covariates);
        this.p = names.size();
        List<Column> cols = new ArrayList<>();
        cols.add(c.strata() == null ? lit("").as("s")
                : SparkSurvival.column(c.strata()).cast("string").as("s"));
        cols.add(SparkSurvival.column(c.time()).cast("double").as("t"));
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
        this.blocks = rows.javaRDD().mapPartitions(new CoxBlock.Pack(p, strataCode))
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** The packed rows (for the other sums of the same rows: {@link SparkFirthSource}). */
    JavaRDD<CoxBlock> blocks() {
        return blocks;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public CoxColumnSums columnSums() {
        double[] s = blocks.map(CoxBlock::columnSums).reduce(SparkRiskSetSource::add);
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
        return blocks.map(b -> b.absoluteDeviations(centre)).reduce(SparkRiskSetSource::add);
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

    @Override
    public void close() {
        blocks.unpersist(false);
    }
}

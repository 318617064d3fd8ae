package org.survkit.spark;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.survkit.stats.competing.FineGraySource;

/**
 * Competing-risks data in a Spark Dataset, asked for sums by
 * {@link org.survkit.stats.competing.FineGrayRegression#fit(FineGraySource, double, double)}. The rows used (time,
 * kind, covariates; complete rows only) are packed once per partition sorted by time ({@link FineGrayBlock}) and
 * persisted; then one job each for the counts per (time, kind) and the column means, one pass per Newton step
 * (per time of each partition: every row's and the competing failures' Σr, Σr·x, Σr·x xᵀ, the cause's count and
 * Σx) and one last pass for crr's robust variance (p × p per partition). β and the per-time residual terms travel in
 * the task closure. {@link #close()} releases the persisted blocks.
 */
final class SparkFineGraySource implements FineGraySource, AutoCloseable {
    private final JavaRDD<FineGrayBlock> blocks;
    private final List<String> names;
    private final int p;

    /**
     * @param cause      the cause of interest (kind 1)
     * @param censorCode the censoring code (kind 0); every other status is a competing cause (kind 2)
     */
    SparkFineGraySource(Dataset<Row> data, SurvivalColumns c, List<String> covariates, double cause,
            double censorCode) {
        this.names = List.copyOf(covariates);
        this.p = names.size();
        Column status = SparkSurvival.column(c.status()).cast("double");
        List<Column> cols = new ArrayList<>();
        cols.add(SparkSurvival.column(c.time()).cast("double").as("t"));
        cols.add(when(status.equalTo(cause), lit(1.0)).when(status.equalTo(censorCode), lit(0.0))
                .otherwise(lit(2.0)).as("k"));
        for (int j = 0; j < p; j++) {
            cols.add(SparkSurvival.column(names.get(j)).cast("double").as("x" + j));
        }
        List<String> needed = new ArrayList<>(c.used());
        needed.addAll(names);
        Dataset<Row> rows = SparkSurvival.complete(data, needed).select(cols.toArray(new Column[0]));
        this.blocks = rows.javaRDD().mapPartitions(new FineGrayBlock.Pack(p)).persist(StorageLevel.MEMORY_AND_DISK());
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public Counts counts() {
        List<double[][]> parts = blocks.map(FineGrayBlock::counts).collect();
        int d = parts.stream().mapToInt(x -> x[0].length).sum();
        double[] t = new double[d];
        byte[] k = new byte[d];
        long[] n = new long[d];
        int at = 0;
        for (double[][] x : parts) {
            for (int i = 0; i < x[0].length; i++, at++) {
                t[at] = x[0][i];
                k[at] = (byte) x[1][i];
                n[at] = (long) x[2][i];
            }
        }
        return new Counts(t, k, n);
    }

    @Override
    public double[] columnMeans() {
        double[] s = blocks.map(FineGrayBlock::columnSums).reduce(SparkRiskSetSource::add);
        double[] m = new double[p];
        for (int j = 0; j < p; j++) {
            m[j] = s[1 + j] / s[0];
        }
        return m;
    }

    @Override
    public Sums sums(int[] columns, double[] centre, double[] beta) {
        List<double[][]> parts = blocks.map(b -> b.sums(columns, centre, beta)).collect();
        int q = columns.length;
        int rs = Sums.stride(q);
        int d = parts.stream().mapToInt(x -> x[0].length).sum();
        double[] t = new double[d];
        double[] all = new double[d * rs];
        double[] comp = new double[d * rs];
        double[] cause = new double[d * (1 + q)];
        int at = 0;
        for (double[][] x : parts) {
            int m = x[0].length;
            System.arraycopy(x[0], 0, t, at, m);
            System.arraycopy(x[1], 0, all, at * rs, m * rs);
            System.arraycopy(x[2], 0, comp, at * rs, m * rs);
            System.arraycopy(x[3], 0, cause, at * (1 + q), m * (1 + q));
            at += m;
        }
        return new Sums(q, t, all, comp, cause);
    }

    @Override
    public double[] residualCrossProducts(int[] columns, double[] centre, double[] beta, ResidualTerms terms) {
        double[][] parts = terms.parts(); // plain arrays travel in the closure; the terms are rebuilt per partition
        return blocks.map(b -> b.residualCrossProducts(columns, centre, beta, parts))
                .reduce(SparkRiskSetSource::add);
    }

    @Override
    public void close() {
        blocks.unpersist(false);
    }
}

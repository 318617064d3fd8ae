package org.survkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.survkit.stats.cox.CoxClusterScores;
import org.survkit.stats.cox.CoxScoreTerms;
import scala.Tuple2;

/**
 * The rows of a Cox fit on Spark summed per cluster for R's robust variance ({@code coxph(..., cluster = )}) and robust
 * score test: {@link org.survkit.stats.cox.CoxRegression#fit(org.survkit.stats.cox.CoxRiskSetSource, CoxClusterScores)}
 * sends the per-(stratum, time) terms of the score residuals at β̂ and at β = 0 ({@link CoxScoreTerms}: 2 + 3p doubles
 * per distinct time and 3 per (stratum, time) key, both sets) to the executors in one broadcast variable; one pass over
 * the rows computes each row's weighted residuals w·L (at β̂) and w·T (at 0) and adds them per cluster within the
 * partition (a hash map keyed by the cluster column's value as text); {@code reduceByKey} adds a cluster's partial sums
 * from the partitions it spans (2p doubles per cluster and partition holding it are shuffled); then each partition of
 * clusters returns Σ L<sub>c</sub> L<sub>c</sub>ᵀ, Σ T<sub>c</sub> and Σ T<sub>c</sub> T<sub>c</sub>ᵀ (2p² + p doubles)
 * and the driver adds them. Without a cluster column (non-integer weights: R's robust variance with each row its own
 * cluster) the partitions return the products of their rows directly, without a shuffle.
 *
 * <p>The rows are those of {@link SparkRiskSetSource} (complete in every column used, the cluster included), with the
 * strata coded as it codes them (their levels in survkit's order).
 */
final class ClusterScores implements CoxClusterScores {
    private final Dataset<Row> rows;
    private final Map<String, Integer> strataCode;
    private final int p;
    private final boolean perRow;

    /**
     * @param data       the Dataset
     * @param c          its survival columns; the cluster column, or null for each row its own cluster
     * @param covariates the design's columns
     */
    ClusterScores(Dataset<Row> data, SurvivalColumns c, List<String> covariates) {
        this.p = covariates.size();
        this.perRow = c.cluster() == null;
        List<Column> cols = new ArrayList<>();
        cols.add(c.strata() == null ? functions.lit("").as("s")
                : SparkSurvival.column(c.strata()).cast("string").as("s"));
        cols.add(perRow ? functions.lit("").as("c") : SparkSurvival.column(c.cluster()).cast("string").as("c"));
        cols.add(SparkSurvival.column(c.time()).cast("double").as("t"));
        cols.add(functions.when(SparkSurvival.isEvent(c), true).otherwise(false).as("e"));
        cols.add(c.weight() == null ? functions.lit(1.0).as("w")
                : SparkSurvival.column(c.weight()).cast("double").as("w"));
        for (int j = 0; j < p; j++) {
            cols.add(SparkSurvival.column(covariates.get(j)).cast("double").as("x" + j));
        }
        List<String> needed = new ArrayList<>(c.used());
        needed.addAll(covariates);
        this.rows = SparkSurvival.complete(data, needed).select(cols.toArray(new Column[0]));
        this.strataCode = new HashMap<>(SparkSurvival.codes(SparkSurvival.levels(rows, "s")));
    }

    /**
     * Whether a case weight of the rows used is not a whole number: R's {@code coxph} then reports the robust variance
     * with each row its own cluster (whole numbers are replication counts and keep the model-based variance). One
     * aggregation.
     */
    static boolean fractionalWeights(Dataset<Row> data, SurvivalColumns c, List<String> covariates) {
        List<String> needed = new ArrayList<>(c.used());
        needed.addAll(covariates);
        Column w = SparkSurvival.column(c.weight()).cast("double");
        Row r = SparkSurvival.complete(data, needed)
                .agg(functions.sum(functions.when(w.notEqual(functions.floor(w)), 1).otherwise(0))).first();
        return !r.isNullAt(0) && r.getLong(0) > 0;
    }

    @Override
    public double[] clusterProducts(CoxScoreTerms atEstimate, CoxScoreTerms atZero) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext());
        Broadcast<double[][][]> terms = jsc.broadcast(new double[][][] {atEstimate.parts(), atZero.parts()});
        try {
            Residuals residuals = new Residuals(p, strataCode, terms);
            int width = p; // not the field: the closures must not capture this (it holds the Dataset)
            if (perRow) {
                return rows.javaRDD().mapPartitions(it -> {
                    Products sum = new Products(width);
                    residuals.each(it, (key, lt) -> sum.add(lt));
                    return List.of(sum.values).iterator();
                }).reduce(SparkRiskSetSource::add);
            }
            return rows.javaRDD().mapPartitionsToPair(residuals::perCluster).reduceByKey(SparkRiskSetSource::add)
                    .values().mapPartitions((FlatMapFunction<Iterator<double[]>, double[]>) it -> {
                        Products sum = new Products(width);
                        it.forEachRemaining(sum::add);
                        return List.of(sum.values).iterator();
                    }).reduce(SparkRiskSetSource::add);
        } finally {
            terms.destroy();
        }
    }

    /** Each row's weighted score residuals at β̂ and at 0 (2p values: w·L then w·T), on an executor. */
    private static final class Residuals implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int p;
        private final Map<String, Integer> strataCode;
        private final Broadcast<double[][][]> terms;

        Residuals(int p, Map<String, Integer> strataCode, Broadcast<double[][][]> terms) {
            this.p = p;
            this.strataCode = strataCode;
            this.terms = terms;
        }

        interface RowSink {
            void accept(String cluster, double[] lt);
        }

        /** Calls {@code sink} with each row's cluster and its 2p residual values (one array, reused). */
        void each(Iterator<Row> it, RowSink sink) {
            CoxScoreTerms fitted = CoxScoreTerms.of(terms.value()[0]);
            CoxScoreTerms nul = CoxScoreTerms.of(terms.value()[1]);
            double[] x = new double[p];
            double[] res = new double[p];
            double[] lt = new double[2 * p];
            while (it.hasNext()) {
                Row r = it.next();
                int s = strataCode.get(r.getString(0));
                double t = r.getDouble(2);
                boolean dead = r.getBoolean(3);
                double w = r.getDouble(4);
                for (int j = 0; j < p; j++) {
                    x[j] = r.getDouble(5 + j);
                }
                fitted.residual(s, t, dead, x, res);
                for (int j = 0; j < p; j++) {
                    lt[j] = w * res[j];
                }
                nul.residual(s, t, dead, x, res);
                for (int j = 0; j < p; j++) {
                    lt[p + j] = w * res[j];
                }
                sink.accept(r.getString(1), lt);
            }
        }

        /** The partition's residuals summed per cluster. */
        Iterator<Tuple2<String, double[]>> perCluster(Iterator<Row> it) {
            Map<String, double[]> sums = new HashMap<>();
            each(it, (cluster, lt) -> {
                double[] sum = sums.computeIfAbsent(cluster, k -> new double[2 * p]);
                for (int j = 0; j < lt.length; j++) {
                    sum[j] += lt[j];
                }
            });
            List<Tuple2<String, double[]>> out = new ArrayList<>(sums.size());
            sums.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
            return out.iterator();
        }
    }

    /** Σ L Lᵀ (p × p), Σ T (p), Σ T Tᵀ (p × p) over clusters' (L, T) vectors of 2p values. */
    private static final class Products {
        final double[] values;
        private final int p;

        Products(int p) {
            this.p = p;
            this.values = new double[2 * p * p + p];
        }

        void add(double[] lt) {
            for (int a = 0; a < p; a++) {
                double la = lt[a];
                double ta = lt[p + a];
                values[p * p + a] += ta;
                for (int b = 0; b < p; b++) {
                    values[a * p + b] += la * lt[b];
                    values[p * p + p + a * p + b] += ta * lt[p + b];
                }
            }
        }
    }
}

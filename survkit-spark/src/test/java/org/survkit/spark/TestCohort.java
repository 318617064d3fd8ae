package org.survkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * A seeded cohort held both as arrays (for the in-memory engines) and as a Dataset laid out on purpose over six
 * partitions: partition 0 holds every row with one time (and nothing else), partitions 1 and 2 the other rows
 * alternately (so each stratum and group is spread over both), partitions 3–5 are empty.
 */
record TestCohort(double[] time, boolean[] event, String[] group, String[] strata, double[] age, double[] arm,
        double[] weight) {
    static final int PARTITIONS = 6;

    /**
     * @param continuous times with many decimals (about as many distinct times as rows), else whole days
     */
    static TestCohort random(long seed, int n, boolean continuous) {
        Random r = new Random(seed);
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        String[] group = new String[n];
        String[] strata = new String[n];
        double[] age = new double[n];
        double[] arm = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            int g = r.nextInt(3);
            group[i] = "arm " + (g + 1);
            strata[i] = r.nextBoolean() ? "north" : "south";
            age[i] = Math.round(40 + 15 * r.nextGaussian());
            arm[i] = g == 2 ? 1 : 0;
            double hazard = Math.exp(0.02 * (age[i] - 40) + 0.4 * g - (strata[i].equals("north") ? 0.3 : 0));
            double t = -Math.log(r.nextDouble()) / hazard * 300;
            double c = 50 + r.nextDouble() * 600;
            double y = Math.min(t, c);
            time[i] = continuous ? y : Math.ceil(y / 7);
            event[i] = t <= c;
            weight[i] = 1 + r.nextInt(3);
        }
        return new TestCohort(time, event, group, strata, age, arm, weight);
    }

    /** A competing-risks status: 0 censored, else cause 1 (even age) or 2 (odd age). */
    double[] cause() {
        double[] c = new double[time.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = !event[i] ? 0 : age[i] % 2 == 0 ? 1 : 2;
        }
        return c;
    }

    /** The tests' Spark session: local[2], 3 shuffle partitions, no UI, no adaptive plans (partitions as laid out). */
    static SparkSession localSession(String appName) {
        return SparkSession.builder().master("local[2]").appName(appName)
                .config("spark.sql.shuffle.partitions", "3")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
    }

    /** The time that partition 0 holds alone: the first row's. */
    double singleTime() {
        return time[0];
    }

    Dataset<Row> dataset(SparkSession spark) {
        StructType schema = new StructType()
                .add("time", DataTypes.DoubleType)
                .add("status", DataTypes.IntegerType)
                .add("group", DataTypes.StringType)
                .add("centre", DataTypes.StringType)
                .add("age", DataTypes.DoubleType)
                .add("arm", DataTypes.DoubleType)
                .add("w", DataTypes.DoubleType)
                .add("cause", DataTypes.IntegerType);
        List<Tuple2<Integer, Row>> rows = new ArrayList<>();
        double single = singleTime();
        int other = 0;
        for (int i = 0; i < time.length; i++) {
            int part = time[i] == single ? 0 : 1 + (other++ % 2);
            rows.add(new Tuple2<>(part, RowFactory.create(time[i], event[i] ? 1 : 0, group[i], strata[i], age[i],
                    arm[i], weight[i], (int) cause()[i])));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaPairRDD<Integer, Row> laid = jsc.parallelizePairs(rows, 2).partitionBy(new ByKey());
        return spark.createDataFrame(laid.values(), schema);
    }

    /** Partition i holds the rows keyed i. */
    private static final class ByKey extends Partitioner {
        private static final long serialVersionUID = 1L;

        @Override
        public int numPartitions() {
            return PARTITIONS;
        }

        @Override
        public int getPartition(Object key) {
            return (Integer) key;
        }
    }
}

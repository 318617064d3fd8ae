import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A Parquet copy of a benchmark CSV (bench/MakeBig.java, reference/shared-tools/make_big.R) written by Spark, for
 * {@code survkit km|compare|cox DATA.parquet --engine spark}. The schema is given (no inference pass over the file):
 * time double, status int, group string, x1..x8 double. Output: a folder of snappy Parquet files.
 *
 * <pre>
 *   java -Xmx4g $OPENS -cp 'survkit-spark/target/lib/*' bench/CsvToParquet.java big_1e8.csv big_1e8.parquet 'local[2]'
 * </pre>
 * ($OPENS: the --add-opens flags of bench/spark.sh; Spark 4 on Java 17 needs them.)
 */
public final class CsvToParquet {
    public static void main(String[] args) {
        String master = args.length > 2 ? args[2] : "local[2]";
        SparkSession spark = SparkSession.builder().appName("csv to parquet").master(master)
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate();
        try {
            long t0 = System.nanoTime();
            spark.read().option("header", "true")
                    .schema("time DOUBLE, status INT, `group` STRING, x1 DOUBLE, x2 DOUBLE, x3 DOUBLE, x4 DOUBLE,"
                            + " x5 DOUBLE, x6 DOUBLE, x7 DOUBLE, x8 DOUBLE")
                    .csv(args[0]).write().mode(SaveMode.Overwrite).parquet(args[1]);
            System.out.printf("wrote %s in %.1f s%n", args[1], (System.nanoTime() - t0) / 1e9);
        } finally {
            spark.stop();
        }
    }
}

package org.survkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.Factor;

/**
 * The Spark engine's benchmark (bench/spark.sh): a seeded cohort of N rows with continuous times (about N distinct
 * times; with {@code --days} rounded up to whole days, a registry's resolution: a few thousand), 3 groups, 4 strata
 * and 4 covariates, written once as Parquet, then Kaplan–Meier by group, the stratified
 * log-rank test and a stratified Efron Cox model with 4 covariates timed on it through SparkSurvival. With
 * {@code --check} the same rows are also analysed by the in-memory engines and the largest relative difference is
 * printed. Not a test: run by hand, results in bench/RESULTS.md.
 *
 * <p>Arguments: ROWS MASTER DIR [PARTITIONS] [--check] [--days]
 */
public final class SparkBench {
    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        String master = args[1];
        Path dir = Path.of(args[2]);
        int parts = args.length > 3 && !args[3].startsWith("--") ? Integer.parseInt(args[3]) : 16;
        boolean check = List.of(args).contains("--check");
        boolean days = List.of(args).contains("--days");
        SparkSession spark = SparkSession.builder().master(master).appName("survkit-spark-bench")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(parts))
                .getOrCreate();
        Path file = dir.resolve("cohort_" + n + (days ? "_days" : "") + ".parquet");
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            Dataset<Row> base = spark.range(0, n, 1, parts)
                    .withColumn("age", floor(lit(55).plus(randn(1).multiply(12))))
                    .withColumn("arm", when(rand(2).lt(0.5), 1.0).otherwise(0.0))
                    .withColumn("bmi", lit(26).plus(randn(3).multiply(4)))
                    .withColumn("score", floor(rand(4).multiply(5)))
                    .withColumn("g", floor(rand(5).multiply(3)))
                    .withColumn("centre", floor(rand(6).multiply(4)).cast("int").cast("string"))
                    .withColumn("group", when(col("g").equalTo(0), "A").when(col("g").equalTo(1), "B").otherwise("C"))
                    .withColumn("hazard", exp(col("age").minus(55).multiply(0.02).plus(col("arm").multiply(-0.4))
                            .plus(col("bmi").minus(26).multiply(0.03)).plus(col("score").multiply(0.1))
                            .plus(col("g").multiply(0.2))))
                    .withColumn("tev", log(rand(7)).multiply(-1000).divide(col("hazard")))
                    .withColumn("tcens", rand(8).multiply(3000))
                    .withColumn("time", days ? org.apache.spark.sql.functions.ceil(least(col("tev"), col("tcens")))
                            .cast("double") : least(col("tev"), col("tcens")))
                    .withColumn("status", when(col("tev").leq(col("tcens")), 1).otherwise(0))
                    .select("time", "status", "group", "centre", "age", "arm", "bmi", "score");
            base.write().parquet(file.toString());
            System.out.printf("generated %d rows in %.1f s -> %s%n", n, (System.nanoTime() - t0) / 1e9, file);
        }
        Dataset<Row> data = spark.read().parquet(file.toString());
        SurvivalColumns cols = SurvivalColumns.of("time", "status").withGroup("group").withStrata("centre");
        SparkSurvival s = SparkSurvival.of(data, cols);
        long t0 = System.nanoTime();
        double c0 = cpuSeconds();
        List<GroupCurve> km = s.kaplanMeier(KaplanMeier.withDefaults());
        double tKm = (System.nanoTime() - t0) / 1e9;
        double cKm = cpuSeconds() - c0;
        t0 = System.nanoTime();
        c0 = cpuSeconds();
        LogRankResult lr = s.logRank(LogRankTest.withDefaults());
        double tLr = (System.nanoTime() - t0) / 1e9;
        double cLr = cpuSeconds() - c0;
        List<String> covariates = List.of("age", "arm", "bmi", "score");
        t0 = System.nanoTime();
        c0 = cpuSeconds();
        CoxModel cox = s.cox(CoxRegression.withDefaults(), covariates);
        double tCox = (System.nanoTime() - t0) / 1e9;
        double cCox = cpuSeconds() - c0;
        int distinct = 0;
        for (GroupCurve g : km) {
            distinct += g.curve().size();
        }
        System.out.printf("rows=%d master=%s partitions=%d%n", n, master, parts);
        System.out.printf("km by group (3 curves, %d rows of event tables): %.1f s (process CPU %.1f s)%n", distinct,
                tKm, cKm);
        System.out.printf("stratified log-rank (chisq %.4f): %.1f s (process CPU %.1f s)%n", lr.statistic(), tLr, cLr);
        System.out.printf("cox efron, 4 covariates, 4 strata: %.1f s (process CPU %.1f s) for %d Newton steps, coef"
                + " %s%n", tCox, cCox, cox.iterations(), java.util.Arrays.toString(cox.coef()));
        if (check) {
            List<Row> rows = data.select("time", "status", "group", "centre", "age", "arm", "bmi", "score")
                    .collectAsList();
            int m = rows.size();
            double[] time = new double[m];
            boolean[] event = new boolean[m];
            String[] group = new String[m];
            String[] centre = new String[m];
            double[][] x = new double[4][m];
            for (int i = 0; i < m; i++) {
                Row r = rows.get(i);
                time[i] = r.getDouble(0);
                event[i] = r.getInt(1) == 1;
                group[i] = r.getString(2);
                centre[i] = r.getString(3);
                for (int j = 0; j < 4; j++) {
                    x[j][i] = ((Number) r.get(4 + j)).doubleValue(); // age and score are bigint (floor)
                }
            }
            rows = null;
            List<GroupCurve> kmMem = KaplanMeier.withDefaults().fit(time, event, group);
            LogRankResult lrMem = LogRankTest.withDefaults().test(time, event, group, centre);
            CoxModel coxMem = CoxRegression.withDefaults().fit(CoxData.of(time, event, new DesignMatrix(covariates,
                    new int[] {0, 1, 2, 3}, covariates, x)).withStrata(Factor.of(centre).codes()));
            double worst = rel(lr.statistic(), lrMem.statistic());
            for (int g = 0; g < km.size(); g++) {
                double[] a = km.get(g).curve().survival();
                double[] b = kmMem.get(g).curve().survival();
                double[] sa = km.get(g).curve().stdErr();
                double[] sb = kmMem.get(g).curve().stdErr();
                for (int i = 0; i < b.length; i++) {
                    worst = Math.max(worst, Math.max(rel(a[i], b[i]), rel(sa[i], sb[i])));
                }
            }
            for (int j = 0; j < 4; j++) {
                worst = Math.max(worst, rel(cox.coef()[j], coxMem.coef()[j]));
                worst = Math.max(worst, rel(cox.coefficients().get(j).se(), coxMem.coefficients().get(j).se()));
            }
            worst = Math.max(worst, rel(cox.loglik(), coxMem.loglik()));
            System.out.printf("check against the in-memory engines: largest relative difference %.2e%n", worst);
        }
        spark.stop();
    }

    /** CPU seconds of the whole JVM so far (driver and local executor threads). */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double rel(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return 0;
        }
        return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    }
}

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
import org.survkit.stats.competing.CumulativeIncidence;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.FineGrayCoefficient;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.FineGrayRegression;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.ProportionalHazardsTest;
import org.survkit.stats.cox.ZphResult;
import org.survkit.stats.cox.ZphTransform;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.Factor;

/**
 * The Spark engine's benchmark (bench/spark.sh): a seeded cohort of N rows with continuous times (about N distinct
 * times; with {@code --days} rounded up to whole days, a registry's resolution: a few thousand), 3 groups, 4 strata,
 * 4 covariates and two causes (the event of interest and a competing one, exponential times, seeded), written once
 * as Parquet, then timed on it through SparkSurvival: Kaplan–Meier by group, the stratified log-rank test, a
 * stratified Efron Cox model with 4 covariates and its PH test (R cox.zph, km), the cumulative incidence by group
 * with the stratified Gray test, and the Fine–Gray model (crr) of the event of interest. {@code status} is 1 for
 * the event of interest, 0 for censored or the competing event (cause-specific: KM, log-rank, Cox); {@code cause}
 * is 0 censored, 1 the event, 2 the competing event. With {@code --check} the same rows are also analysed by the
 * in-memory engines and the largest relative difference per statistic is printed. Not a test: run by hand,
 * results in bench/RESULTS.md.
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
        Path file = dir.resolve("cohort_cr_" + n + (days ? "_days" : "") + ".parquet");
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
                    .withColumn("tcomp", log(rand(9)).multiply(-2000).divide(exp(col("age").minus(55).multiply(0.01)
                            .plus(col("arm").multiply(0.3)))))
                    .withColumn("tcens", rand(8).multiply(3000))
                    .withColumn("tend", least(col("tev"), col("tcomp"), col("tcens")))
                    .withColumn("time", days ? org.apache.spark.sql.functions.ceil(col("tend")).cast("double")
                            : col("tend"))
                    .withColumn("cause", when(col("tev").equalTo(col("tend")), 1)
                            .when(col("tcomp").equalTo(col("tend")), 2).otherwise(0))
                    .withColumn("status", when(col("cause").equalTo(1), 1).otherwise(0))
                    .select("time", "status", "cause", "group", "centre", "age", "arm", "bmi", "score");
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
        SparkSurvival.CoxWithTest coxZph = s.coxWithTest(CoxRegression.withDefaults(), covariates);
        CoxModel cox = coxZph.model();
        double tCox = (System.nanoTime() - t0) / 1e9;
        double cCox = cpuSeconds() - c0;
        SparkSurvival cr = SparkSurvival.of(data, SurvivalColumns.of("time", "cause").withGroup("group")
                .withStrata("centre"));
        t0 = System.nanoTime();
        CumulativeIncidenceResult cif = cr.cumulativeIncidence(CumulativeIncidence.withDefaults(), 0);
        double tCif = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        FineGrayModel fg = SparkSurvival.of(data, SurvivalColumns.of("time", "cause"))
                .fineGray(FineGrayRegression.withDefaults(), covariates, 1, 0);
        double tFg = (System.nanoTime() - t0) / 1e9;
        int distinct = 0;
        for (GroupCurve g : km) {
            distinct += g.curve().size();
        }
        System.out.printf("rows=%d master=%s partitions=%d%n", n, master, parts);
        System.out.printf("km by group (3 curves, %d rows of event tables): %.1f s (process CPU %.1f s)%n", distinct,
                tKm, cKm);
        System.out.printf("stratified log-rank (chisq %.4f): %.1f s (process CPU %.1f s)%n", lr.statistic(), tLr, cLr);
        System.out.printf("cox efron, 4 covariates, 4 strata, with concordance and the PH test (global chisq %.4f):"
                + " %.1f s (process CPU %.1f s) for %d Newton steps (two passes over the time ranges each), coef %s%n",
                coxZph.proportionalHazards().global().statistic(), tCox, cCox, cox.iterations(),
                java.util.Arrays.toString(cox.coef()));
        System.out.printf("cumulative incidence by group, 2 causes, stratified Gray tests (chisq %.4f, %.4f): %.1f s%n",
                cif.tests().get(0).statistic(), cif.tests().get(1).statistic(), tCif);
        System.out.printf("fine-gray (crr), cause 1, 4 covariates: %.1f s for %d Newton steps, coef %s%n", tFg,
                fg.iterations(), java.util.Arrays.toString(fg.coefficients().stream()
                        .mapToDouble(FineGrayCoefficient::coef).toArray()));
        if (check) {
            List<Row> rows = data.select("time", "status", "cause", "group", "centre", "age", "arm", "bmi", "score")
                    .collectAsList();
            int m = rows.size();
            double[] time = new double[m];
            boolean[] event = new boolean[m];
            double[] cause = new double[m];
            String[] group = new String[m];
            String[] centre = new String[m];
            double[][] x = new double[4][m];
            for (int i = 0; i < m; i++) {
                Row r = rows.get(i);
                time[i] = r.getDouble(0);
                event[i] = r.getInt(1) == 1;
                cause[i] = r.getInt(2);
                group[i] = r.getString(3);
                centre[i] = r.getString(4);
                for (int j = 0; j < 4; j++) {
                    x[j][i] = ((Number) r.get(5 + j)).doubleValue(); // age and score are bigint (floor)
                }
            }
            rows = null;
            Worst w = new Worst();
            List<GroupCurve> kmMem = KaplanMeier.withDefaults().fit(time, event, group);
            for (int g = 0; g < km.size(); g++) {
                w.add("Kaplan-Meier survival and std. error", km.get(g).curve().survival(),
                        kmMem.get(g).curve().survival());
                w.add("Kaplan-Meier survival and std. error", km.get(g).curve().stdErr(),
                        kmMem.get(g).curve().stdErr());
            }
            w.add("log-rank chisq", lr.statistic(), LogRankTest.withDefaults().test(time, event, group, centre)
                    .statistic());
            DesignMatrix design = new DesignMatrix(covariates, new int[] {0, 1, 2, 3}, covariates, x);
            CoxData coxData = CoxData.of(time, event, design).withStrata(Factor.of(centre).codes());
            CoxModel coxMem = CoxRegression.withDefaults().fit(coxData);
            for (int j = 0; j < 4; j++) {
                w.add("Cox coef, se, loglik", cox.coef()[j], coxMem.coef()[j]);
                w.add("Cox coef, se, loglik", cox.coefficients().get(j).se(), coxMem.coefficients().get(j).se());
            }
            w.add("Cox coef, se, loglik", cox.loglik(), coxMem.loglik());
            ZphResult zph = ProportionalHazardsTest.tests(coxData, coxMem, ZphTransform.KM, true);
            for (int j = 0; j < 4; j++) {
                w.add("PH test chisq per covariate and global", coxZph.proportionalHazards().terms().get(j)
                        .statistic(), zph.terms().get(j).statistic());
            }
            w.add("PH test chisq per covariate and global", coxZph.proportionalHazards().global().statistic(),
                    zph.global().statistic());
            CumulativeIncidenceResult cifMem = CumulativeIncidence.withDefaults().fit(time, cause, 0, group, centre);
            for (int c = 0; c < cifMem.curves().size(); c++) {
                w.add("cumulative incidence and variance", cif.curves().get(c).cif(), cifMem.curves().get(c).cif());
                w.add("cumulative incidence and variance", cif.curves().get(c).variance(),
                        cifMem.curves().get(c).variance());
            }
            for (int c = 0; c < cifMem.tests().size(); c++) {
                w.add("Gray's test chisq", cif.tests().get(c).statistic(), cifMem.tests().get(c).statistic());
            }
            FineGrayModel fgMem = FineGrayRegression.withDefaults().fit(time, cause, 0, 1, design);
            for (int j = 0; j < 4; j++) {
                FineGrayCoefficient a = fg.coefficients().get(j);
                FineGrayCoefficient b = fgMem.coefficients().get(j);
                w.add("Fine-Gray coef, robust and model se, loglik", a.coef(), b.coef());
                w.add("Fine-Gray coef, robust and model se, loglik", a.se(), b.se());
                w.add("Fine-Gray coef, robust and model se, loglik", a.modelSe(), b.modelSe());
            }
            w.add("Fine-Gray coef, robust and model se, loglik", fg.loglik(), fgMem.loglik());
            System.out.println("check against the in-memory engines on the same rows: largest relative difference");
            w.print();
        }
        spark.stop();
    }

    /** CPU seconds of the whole JVM so far (driver and local executor threads). */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** The largest relative difference per statistic, in the order first seen. */
    private static final class Worst {
        private final java.util.Map<String, double[]> worst = new java.util.LinkedHashMap<>();

        void add(String statistic, double[] a, double[] b) {
            if (a.length != b.length) {
                throw new IllegalStateException(statistic + ": " + a.length + " values on Spark, " + b.length
                        + " in memory");
            }
            for (int i = 0; i < b.length; i++) {
                add(statistic, a[i], b[i]);
            }
        }

        void add(String statistic, double a, double b) {
            double[] w = worst.computeIfAbsent(statistic, k -> new double[2]);
            w[0] = Math.max(w[0], rel(a, b));
            w[1]++;
        }

        void print() {
            double all = 0;
            for (java.util.Map.Entry<String, double[]> e : worst.entrySet()) {
                System.out.printf("  %-45s %.2e  (%d numbers)%n", e.getKey(), e.getValue()[0], (long) e.getValue()[1]);
                all = Math.max(all, e.getValue()[0]);
            }
            System.out.printf("  %-45s %.2e%n", "all", all);
        }
    }

    private static double rel(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return 0;
        }
        return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    }
}

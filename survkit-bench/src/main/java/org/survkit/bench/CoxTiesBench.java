package org.survkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.model.DesignMatrix;

/**
 * Exact against Efron ties on a heavily tied cohort: {@code coxph(Surv(time, status) ~ x1 + x2 + x3, ties = ...)}
 * on {@code ties_exact.csv} from {@code -Dsurvkit.bench.dataDir}, written (and timed in R) by
 * {@code bench/r_cox_ties.R}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class CoxTiesBench {

    @Param({"efron", "exact"})
    public String ties;

    private CoxData data;
    private CoxRegression cox;

    @Setup(Level.Trial)
    public void load() throws IOException {
        String dir = System.getProperty(Cohort.DATA_DIR_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("set -D" + Cohort.DATA_DIR_PROPERTY + "=DIR with ties_exact.csv");
        }
        data = read(Path.of(dir, "ties_exact.csv"));
        cox = CoxRegression.withDefaults().with(Ties.parse(ties));
    }

    /** The CSV of r_cox_ties.R: time,status,x1,x2,x3. */
    static CoxData read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int n = lines.size() - 1;
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        double[][] x = new double[3][n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            time[i] = Double.parseDouble(f[0]);
            event[i] = f[1].equals("1");
            for (int j = 0; j < 3; j++) {
                x[j][i] = Double.parseDouble(f[2 + j]);
            }
        }
        List<String> names = List.of("x1", "x2", "x3");
        return CoxData.of(time, event, new DesignMatrix(names, new int[] {0, 1, 2}, names, x));
    }

    @Benchmark
    public CoxModel fit() {
        return cox.fit(data);
    }
}

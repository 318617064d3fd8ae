package org.survkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.survkit.stats.model.DesignMatrixBuilder;

/**
 * Cox regression, Efron ties, 8 numeric covariates and the 3-level factor {@code group} of
 * make_big.R's cohort: the in-process counterpart of R's
 * {@code coxph(Surv(time, status) ~ x1 + ... + x8 + group)} (which also computes the concordance,
 * as survkit does). Reads {@code big_1e6.csv} from {@code -Dsurvkit.bench.dataDir}, the same file R
 * reads in {@code bench/r_cox.R}.
 *
 * <p>Target (Cox issue): ≤ 0.6 s at 10<sup>6</sup> rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx8g"})
public class CoxBench {

    @Param({"1000000"})
    public int rows;

    private CoxData data;
    private final CoxRegression cox = CoxRegression.withDefaults();

    @Setup(Level.Trial)
    public void load() throws IOException {
        String dir = System.getProperty(Cohort.DATA_DIR_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("set -D" + Cohort.DATA_DIR_PROPERTY + "=DIR with big_1e6.csv (bench/run.sh does)");
        }
        data = read(Path.of(dir, "big_" + Cohort.label(rows) + ".csv"));
    }

    static CoxData read(Path csv) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<String> names = Arrays.asList(in.readLine().replace("\"", "").split(","));
            int cap = 1 << 16;
            double[] time = new double[cap];
            boolean[] event = new boolean[cap];
            String[] group = new String[cap];
            double[][] x = new double[8][cap];
            int n = 0;
            String[] field = new String[names.size()];
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int from = 0;
                for (int f = 0; f < field.length; f++) {
                    int comma = line.indexOf(',', from);
                    int to = comma < 0 ? line.length() : comma;
                    field[f] = line.substring(from, to);
                    from = to + 1;
                }
                if (n == time.length) {
                    time = Arrays.copyOf(time, 2 * n);
                    event = Arrays.copyOf(event, 2 * n);
                    group = Arrays.copyOf(group, 2 * n);
                    for (int j = 0; j < 8; j++) {
                        x[j] = Arrays.copyOf(x[j], 2 * n);
                    }
                }
                time[n] = Double.parseDouble(field[names.indexOf("time")]);
                event[n] = !field[names.indexOf("status")].equals("0");
                group[n] = field[names.indexOf("group")].replace("\"", "").intern();
                for (int j = 0; j < 8; j++) {
                    x[j][n] = Double.parseDouble(field[names.indexOf("x" + (j + 1))]);
                }
                n++;
            }
            DesignMatrixBuilder b = DesignMatrixBuilder.of(n);
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < 8; j++) {
                b.numeric("x" + (j + 1), Arrays.copyOf(x[j], n));
                terms.add("x" + (j + 1));
            }
            b.categorical("group", Arrays.copyOf(group, n));
            terms.add("group");
            return CoxData.of(Arrays.copyOf(time, n), Arrays.copyOf(event, n), b.build(terms));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Benchmark
    public CoxModel efron() {
        return cox.fit(data);
    }
}

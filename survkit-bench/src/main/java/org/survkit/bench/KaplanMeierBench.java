package org.survkit.bench;

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
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;

/**
 * Kaplan–Meier curves by group through the public API, the in-process counterpart of R's
 * {@code survfit(Surv(time, status) ~ group)}: group labels are coded, times ranked (with timefix)
 * and one curve per group built, Greenwood standard errors and log-log limits included.
 *
 * <p>Target (performance issue): ≤ 60 ms at 10<sup>6</sup> rows, ≤ 0.8 s at 10<sup>7</sup>.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx8g"})
public class KaplanMeierBench {

    @Param({"1000000", "10000000"})
    public int rows;

    private Cohort cohort;
    private final KaplanMeier km = KaplanMeier.withDefaults();

    @Setup(Level.Trial)
    public void load() {
        cohort = Cohort.forRows(rows);
    }

    @Benchmark
    public List<GroupCurve> fitByGroup() {
        return km.fit(cohort.time(), cohort.event(), cohort.group());
    }
}

package org.survkit.bench;

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
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;

/**
 * The 3-group log-rank test through the public API, the in-process counterpart of R's
 * {@code survdiff(Surv(time, status) ~ group)}: labels coded, times ranked (with timefix), O, E,
 * U and V accumulated and the chi-squared statistic and p-value formed.
 *
 * <p>Target (performance issue): ≤ 60 ms at 10<sup>6</sup> rows, ≤ 0.8 s at 10<sup>7</sup>.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx8g"})
public class LogRankBench {

    @Param({"1000000", "10000000"})
    public int rows;

    private Cohort cohort;
    private final LogRankTest test = LogRankTest.withDefaults();

    @Setup(Level.Trial)
    public void load() {
        cohort = Cohort.forRows(rows);
    }

    @Benchmark
    public LogRankResult threeGroups() {
        return test.test(cohort.time(), cohort.event(), cohort.group());
    }
}

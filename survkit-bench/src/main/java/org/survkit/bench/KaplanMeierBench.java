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
import org.survkit.stats.model.Factor;

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
    // the weighted fits' data: rows with time > 0, as bench/r_km_weights.R
    private double[] stop;
    private boolean[] event;
    private Factor group;
    private double[] wholeWeights;
    private double[] fractionWeights;
    private double[] entry;

    @Setup(Level.Trial)
    public void load() {
        cohort = Cohort.forRows(rows);
        int n = 0;
        for (double t : cohort.time()) {
            n += t > 0 ? 1 : 0;
        }
        stop = new double[n];
        event = new boolean[n];
        String[] labels = new String[n];
        wholeWeights = new double[n];
        fractionWeights = new double[n];
        entry = new double[n];
        for (int r = 0, k = 0; r < cohort.time().length; r++) {
            double t = cohort.time()[r];
            if (t > 0) {
                int i = k + 1; // R's 1-based index of the kept rows
                stop[k] = t;
                event[k] = cohort.event()[r];
                labels[k] = cohort.group()[r];
                wholeWeights[k] = 1 + i % 3;
                fractionWeights[k] = 0.25 + (i % 7) / 4.0;
                entry[k] = t * (i % 4) / 8;
                k++;
            }
        }
        group = Factor.of(labels);
    }

    @Benchmark
    public List<GroupCurve> fitByGroup() {
        return km.fit(cohort.time(), cohort.event(), cohort.group());
    }

    /** R: {@code survfit(Surv(time, status) ~ group, weights = wi)}, whole-number weights (weighted Greenwood). */
    @Benchmark
    public List<GroupCurve> fitWeightedWhole() {
        return km.fit(stop, event, wholeWeights, group);
    }

    /** R: {@code survfit(..., weights = wf)}, non-integer weights: the robust (infinitesimal jackknife) variance. */
    @Benchmark
    public List<GroupCurve> fitWeightedFraction() {
        return km.fit(stop, event, fractionWeights, group);
    }

    /** R: {@code survfit(Surv(entry, time, status) ~ group)}, (start, stop] rows. */
    @Benchmark
    public List<GroupCurve> fitStartStop() {
        return km.fit(entry, stop, event, null, group);
    }
}

package org.survkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.survkit.cli.output.Serializer;
import org.survkit.cli.result.KmResult;
import org.survkit.io.Cohort;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.Weighting;
import org.survkit.stats.model.Factor;
import org.survkit.study.Estimates;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code survkit km}: Kaplan–Meier curves, medians, survival at times, RMST, median follow-up. */
@Command(name = "km", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Kaplan–Meier survival curves per group: event table with Greenwood standard errors and",
            "confidence intervals, median survival with CI, survival at chosen times, restricted mean",
            "survival time, Nelson–Aalen cumulative hazard and median follow-up (reverse Kaplan–Meier);",
            "with case weights (--weights) and delayed entry (--start), as R's survfit."})
public final class KmCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CohortOptions cohort;

    @Option(names = "--group", paramLabel = "COL", description = "Column defining the groups (one curve each).")
    String group;

    @Option(names = Flags.WEIGHTS, paramLabel = "COL")
    String weights;

    @Option(names = Flags.START, paramLabel = "COL")
    String start;

    @Mixin
    MethodOptions method;

    @Option(names = "--at", paramLabel = "T", split = ",", description = "Times at which to report survival, e.g. 12,36,60.")
    double[] at = new double[0];

    @Option(names = "--tau", paramLabel = "T", description = "Horizon for the restricted mean survival time.")
    Double tau;

    @Option(names = "--table", description = "Text format: print the full event table of each group.")
    boolean table;

    @Option(names = "--test", paramLabel = "TEST",
            description = "Also compare the groups: logrank, gehan, tarone, peto or fh (see 'survkit compare' for more).")
    String test;

    @Mixin
    OutputOptions output;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Integer elsewhere = engine.runElsewhere(spec);
        if (elsewhere != null) {
            return elsewhere;
        }
        for (double t : at) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new UsageException("--at times must be numbers >= 0, got " + t + ".");
            }
        }
        if (tau != null && (!(tau > 0) || tau.isInfinite())) {
            throw new UsageException("--tau must be a positive number, got " + tau + ".");
        }
        Estimates estimates = method.estimates(at, tau);
        KaplanMeier km = KaplanMeier.withDefaults().with(estimates.confType()).withConfLevel(estimates.confLevel());
        Weighting weighting = test == null ? null : Weighting.parse(test);
        if (weighting != null && group == null) {
            throw new UsageException("--test compares groups: give the grouping column with --group.");
        }
        if (weighting != null && (weights != null || start != null)) {
            throw new UsageException("--test cannot be combined with " + (weights != null ? Flags.WEIGHTS : Flags.START)
                    + ": the log-rank family (R's survdiff) has no case weights and no (start, stop] rows. Compare"
                    + " the groups with 'survkit cox' and the group as the only covariate, which takes "
                    + Flags.WEIGHTS + " and " + Flags.START + " (its score test is the log-rank test).");
        }
        Cohort c = weights == null && start == null ? cohort.read(group, null, spec.commandLine().getErr())
                : cohort.read(s -> s.group(group).weights(weights).start(start), spec.commandLine().getErr());
        if (c.size() == 0) {
            throw new UsageException("no rows left to analyse in " + c.source() + " after excluding "
                    + c.rowsExcluded() + " (see the reasons with --format json); check the column names and missing codes.");
        }
        String[] labels = c.group() != null ? c.group() : null;
        List<GroupCurve> curves;
        List<GroupCurve> followUp;
        Concurrently<LogRankResult> testing = null;
        if (weights == null && start == null) {
            // the curves, the follow-up curves and the test are independent: on every core
            Factor f = labels == null ? null : Factor.of(labels);
            if (weighting != null && f != null) {
                testing = Concurrently.start(() -> LogRankTest.withDefaults().with(weighting).test(c.time(), c.event(),
                        f, null));
            }
            Concurrently<List<GroupCurve>> fitting = Concurrently.start(() -> f == null
                    ? List.of(new GroupCurve("all", km.fit(c.time(), c.event()))) : km.fit(c.time(), c.event(), f));
            followUp = f == null ? List.of(new GroupCurve("all", km.reverse(c.time(), c.event())))
                    : km.reverse(c.time(), c.event(), f);
            curves = fitting.result();
        } else {
            Factor f = labels == null ? Factor.single("all", c.size()) : Factor.of(labels);
            curves = km.fit(c.start(), c.time(), c.event(), c.weights(), f);
            followUp = km.reverse(c.start(), c.time(), c.event(), c.weights(), f);
        }
        LogRankResult comparison = null;
        if (weighting != null) {
            if (curves.size() < 2) {
                throw new UsageException("column '" + group + "' has only one group (" + curves.get(0).group()
                        + ") among the " + c.size() + " analysed rows of " + c.source()
                        + ": --test needs at least two groups.");
            }
            comparison = testing != null ? testing.result()
                    : LogRankTest.withDefaults().with(weighting).test(c.time(), c.event(), Factor.of(labels), null);
        }
        List<Diagnostic> diagnostics = CommandGuardrails.km(curves, followUp, estimates, c.time(), c.event(),
                cohort.unitLabel(), start != null, comparison);
        KmResult result = new KmResult(cohort.summary(c, group), estimates, curves, followUp, comparison, diagnostics,
                table, weights, start);
        output.emit(spec.commandLine().getOut(), Serializer.KM, result);
        return ExitCodes.OK;
    }
}

package org.survkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.survkit.cli.output.Serializer;
import org.survkit.cli.result.CompareResult;
import org.survkit.cli.result.OneSampleResult;
import org.survkit.io.Cohort;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.guardrails.Guardrails;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.RestrictedMeanComparison;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.OneSampleLogRank;
import org.survkit.stats.logrank.PairwiseComparison;
import org.survkit.stats.logrank.TrendTestResult;
import org.survkit.stats.logrank.TwoGroupHazardRatios;
import org.survkit.stats.logrank.Weighting;
import org.survkit.stats.model.Factor;
import org.survkit.study.Comparisons;
import org.survkit.study.Estimates;
import org.survkit.study.Rmst;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code survkit compare}: the log-rank family, stratified, trend, pairwise, hazard ratios. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare survival between groups: k-group log-rank and weighted tests (as R survdiff),",
            "stratified tests, the test for trend, pairwise tests with multiplicity adjustment and, for two",
            "groups, hazard ratios by the log-rank and Mantel–Haenszel methods (as GraphPad Prism)."})
public final class CompareCommand implements Callable<Integer> {
    /** More groups than this is almost always a wrong column (an ID or a continuous value). */
    static final int MAX_GROUPS = 100;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CohortOptions cohort;

    @Option(names = "--group", paramLabel = "COL", description = "Column defining the groups (required unless --expected).")
    String group;

    @Option(names = Flags.EXPECTED, paramLabel = "COL")
    String expected;

    @Option(names = Flags.STRATA, paramLabel = "COL")
    String strata;

    @Option(names = Flags.WEIGHTS, paramLabel = "COL", hidden = true,
            description = "Refused: the log-rank family (R's survdiff) has no case weights; use cox --weights.")
    String weights;

    @Option(names = Flags.START, paramLabel = "COL", hidden = true,
            description = "Refused: the log-rank family (R's survdiff) has no (start, stop] rows; use cox --start.")
    String start;

    @Mixin
    ComparisonOptions options;

    @Mixin
    MethodOptions method;

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
        if (weights != null || start != null) {
            String flag = weights != null ? Flags.WEIGHTS : Flags.START;
            throw new UsageException("compare does not take " + flag + ": the log-rank tests follow R's survdiff, which"
                    + " has no " + (weights != null ? "case weights" : "(start, stop] rows (delayed entry)")
                    + ". Compare the groups with 'survkit cox FILE --covariates " + (group == null ? "GROUP" : group)
                    + " " + flag + " COL' (its score test is the log-rank test); 'survkit km " + flag
                    + " COL' gives the curves.");
        }
        Estimates estimates = method.estimates(null, options.tau());
        Comparisons comparisons = options.comparisons(estimates);
        PValueAdjustment adjustment = comparisons.adjust();
        LogRankTest engine = comparisons.engine();
        boolean pairwise = comparisons.pairwise();
        boolean trend = comparisons.trend();
        double[] scores = comparisons.scores().length == 0 ? null : comparisons.scores();
        Double rmst = comparisons.rmst() == Rmst.YES ? estimates.tau() : null;
        double confLevel = estimates.confLevel();
        if (expected != null) {
            return oneSample();
        }
        if (group == null) {
            throw new UsageException("say which column holds the groups: --group COL (or --expected COL for the"
                    + " one-sample log-rank test against expected cumulative hazards).");
        }
        Cohort c = cohort.read(group, strata, spec.commandLine().getErr());
        String[] g = c.group();
        Factor f = Factor.of(g);
        if (f.levelCount() < 2) {
            throw new UsageException("column '" + group + "' has " + (f.levelCount() == 0 ? "no values"
                    : "only one group (" + f.levels().get(0) + ")") + " among the " + c.size()
                    + " analysed rows of " + c.source() + ": a comparison needs at least two groups.");
        }
        if (f.levelCount() > MAX_GROUPS) {
            throw new UsageException("column '" + group + "' has " + f.levelCount() + " distinct values: "
                    + "survkit compares at most " + MAX_GROUPS + " groups. Is it an identifier or a continuous"
                    + " measurement? Choose a grouping column, or categorize the values first.");
        }
        // the curves (for the warnings and RMST) do not depend on the tests: on another core meanwhile
        Concurrently<List<GroupCurve>> fitting = Concurrently.start(() -> KaplanMeier.withDefaults().fit(c.time(),
                c.event(), f));
        LogRankResult r = engine.test(c.time(), c.event(), f, c.strata() == null ? null : Factor.of(c.strata()));
        List<PairwiseComparison> pairs = pairwise
                ? engine.pairwise(c.time(), c.event(), g, c.strata(), adjustment) : List.of();
        TrendTestResult tr = trend ? engine.trend(c.time(), c.event(), g, c.strata(), scores) : null;
        TwoGroupHazardRatios hr = f.levelCount() == 2
                ? engine.hazardRatio(c.time(), c.event(), g, c.strata(), confLevel) : null;
        List<GroupCurve> curves = fitting.result();
        List<RestrictedMeanComparison> rmsts = new ArrayList<>();
        if (rmst != null) {
            for (int a = 0; a < curves.size(); a++) {
                for (int b = a + 1; b < curves.size(); b++) {
                    rmsts.add(RestrictedMeanComparison.of(curves.get(a), curves.get(b), rmst, confLevel));
                }
            }
        }
        List<Diagnostic> diagnostics = CommandGuardrails.compare(r, curves, pairs.size(), adjustment, rmst, c.time(),
                c.event(), cohort.unitLabel());
        CompareResult result = new CompareResult(cohort.summary(c, group), strata, comparisons, r, pairs, tr, hr,
                rmsts, diagnostics);
        output.emit(spec.commandLine().getOut(), Serializer.COMPARE, result);
        return ExitCodes.OK;
    }

    /** {@code --expected COL}: the one-sample log-rank test, without groups (R refuses an offset with groups). */
    private Integer oneSample() {
        if (group != null || strata != null) {
            throw new UsageException("--expected tests the whole cohort against its expected events (the one-sample"
                    + " log-rank test, as R's survdiff with an offset): drop " + (group != null ? "--group" : "--strata")
                    + ", or drop --expected to compare groups.");
        }
        if (options.pairwise || options.trend || options.conservative || options.rmst != null || options.rho != null
                || options.gamma != null || options.test != null
                && FlagValues.parse(StudyKeys.TEST, options.test) != Weighting.LOGRANK) {
            throw new UsageException("--expected gives the one-sample log-rank test only: drop --test, --rho, --gamma,"
                    + " --pairwise, --trend, --conservative and --rmst.");
        }
        if (!Double.isNaN(cohort.horizon()) || cohort.landmark != null) {
            throw new UsageException("--expected cannot be combined with --horizon or --landmark: the expected"
                    + " cumulative hazards are over each subject's whole follow-up; give them for the follow-up you"
                    + " analyse instead.");
        }
        Cohort c = cohort.read(s -> s.covariates(List.of(expected)), spec.commandLine().getErr());
        double[] e = c.covariate(expected).numeric();
        if (e == null) {
            throw new UsageException("--expected: column '" + expected + "' holds text; give each subject's expected"
                    + " cumulative hazard (a number >= 0).");
        }
        OneSampleLogRank.Result r = OneSampleLogRank.test(c.event(), e);
        List<Diagnostic> diagnostics = new ArrayList<>(Guardrails.forImmortalTime(c.time(), c.event(),
                cohort.unitLabel()));
        output.emit(spec.commandLine().getOut(), Serializer.ONE_SAMPLE,
                new OneSampleResult(cohort.summary(c, null), expected, r, diagnostics));
        return ExitCodes.OK;
    }
}

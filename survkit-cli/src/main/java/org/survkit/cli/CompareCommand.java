package org.survkit.cli;

import org.survkit.cli.output.Numbers;
import org.survkit.cli.output.TextTable;
import org.survkit.cli.output.Csv;
import org.survkit.cli.output.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.survkit.io.Cohort;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.guardrails.Guardrails;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.RestrictedMeanComparison;
import org.survkit.stats.logrank.GroupSummary;
import org.survkit.stats.logrank.HazardRatio;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.PairwiseComparison;
import org.survkit.stats.logrank.TrendTestResult;
import org.survkit.stats.logrank.TwoGroupHazardRatios;
import org.survkit.stats.logrank.Weighting;
import org.survkit.stats.model.Factor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.survkit.study.Comparisons;
import org.survkit.study.Rmst;
import org.survkit.study.key.StudyKeys.Flags;
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

    @Option(names = "--group", paramLabel = "COL", required = true, description = "Column defining the groups.")
    String group;

    @Option(names = Flags.STRATA, paramLabel = "COL")
    String strata;

    @Mixin
    ComparisonOptions options;

    @Mixin
    MethodOptions method;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        org.survkit.study.Estimates estimates = method.estimates(null, options.tau());
        Comparisons comparisons = options.comparisons(estimates);
        Weighting weighting = comparisons.test();
        PValueAdjustment adjustment = comparisons.adjust();
        LogRankTest engine = comparisons.engine();
        boolean pairwise = comparisons.pairwise();
        boolean trend = comparisons.trend();
        double[] scores = comparisons.scores().length == 0 ? null : comparisons.scores();
        Double rmst = comparisons.rmst() == Rmst.YES ? estimates.tau() : null;
        double confLevel = method.confLevel();
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
        LogRankResult r = engine.test(c.time(), c.event(), f, c.strata() == null ? null : Factor.of(c.strata()));
        List<PairwiseComparison> pairs = pairwise
                ? engine.pairwise(c.time(), c.event(), g, c.strata(), adjustment) : List.of();
        TrendTestResult tr = trend ? engine.trend(c.time(), c.event(), g, c.strata(), scores) : null;
        TwoGroupHazardRatios hr = f.levelCount() == 2
                ? engine.hazardRatio(c.time(), c.event(), g, c.strata(), confLevel) : null;
        List<GroupCurve> curves = KaplanMeier.withDefaults().fit(c.time(), c.event(), f);
        List<RestrictedMeanComparison> rmsts = new ArrayList<>();
        if (rmst != null) {
            for (int a = 0; a < curves.size(); a++) {
                for (int b = a + 1; b < curves.size(); b++) {
                    rmsts.add(RestrictedMeanComparison.of(curves.get(a), curves.get(b), rmst, confLevel));
                }
            }
        }
        List<Diagnostic> diagnostics = new java.util.ArrayList<>(Guardrails.forCurves(curves, new double[0], Double.NaN));
        diagnostics.addAll(Guardrails.forComparison(r, curves, pairs.size(), adjustment));
        if (rmst != null) {
            diagnostics.addAll(Guardrails.forCurves(curves, new double[0], rmst).stream()
                    .filter(d -> d.code().equals("tau-beyond-follow-up")).toList());
        }
        diagnostics.addAll(Guardrails.forPower(r));
        diagnostics.addAll(Guardrails.forImmortalTime(c.time(), c.event(), cohort.unitLabel()));
        String text;
        switch (output.format) {
            case JSON:
                text = Json.write(json(c, r, pairs, adjustment, tr, hr, diagnostics, rmsts));
                break;
            case CSV:
                text = csv(r, pairs);
                break;
            default:
                text = text(c, r, pairs, adjustment, tr, hr, diagnostics, rmsts);
        }
        output.emit(spec.commandLine().getOut(), text);
        return ExitCodes.OK;
    }

    private ObjectNode json(Cohort c, LogRankResult r, List<PairwiseComparison> pairs, PValueAdjustment adjustment,
            TrendTestResult tr, TwoGroupHazardRatios hr, List<Diagnostic> diagnostics,
            List<RestrictedMeanComparison> rmsts) {
        ObjectNode o = Json.object();
        o.put("test", r.weighting().id());
        if (r.weighting() == Weighting.FLEMING_HARRINGTON || r.weighting() == Weighting.PETO) {
            Json.put(o, "rho", r.rho());
            Json.put(o, "gamma", r.gamma());
        }
        Json.put(o, "statistic", r.statistic());
        o.put("df", r.df());
        Json.put(o, "p_value", r.pValue());
        Json.putText(o, "strata", strata);
        Json.putSource(o, c);
        cohort.putFollowUp(o);
        ArrayNode groups = o.putArray("groups");
        for (GroupSummary s : r.groups()) {
            ObjectNode x = groups.addObject();
            x.put("group", s.group());
            x.put("n", s.n());
            Json.put(x, "observed", s.observed());
            Json.put(x, "expected", s.expected());
        }
        if (options.pairwise) {
            o.put("adjust", adjustment.id());
            ArrayNode pw = o.putArray("pairwise");
            for (PairwiseComparison p : pairs) {
                ObjectNode x = pw.addObject();
                x.put("group1", p.group1());
                x.put("group2", p.group2());
                Json.put(x, "statistic", p.statistic());
                Json.put(x, "p_value", p.pValue());
                Json.put(x, "p_adjusted", p.pAdjusted());
            }
        }
        if (hr != null) {
            ObjectNode h = o.putObject("hazard_ratio");
            h.put("reference", hr.reference());
            h.put("comparison", hr.comparison());
            Json.put(h, "conf_level", hr.confLevel());
            h.set("logrank", ratio(hr.logrank()));
            h.set("mantel_haenszel", ratio(hr.mantelHaenszel()));
        } else {
            o.putNull("hazard_ratio");
        }
        if (tr != null) {
            ObjectNode t = o.putObject("trend");
            ArrayNode sc = t.putArray("scores");
            for (double s : tr.scores()) {
                sc.add(Numbers.json(s));
            }
            Json.put(t, "statistic", tr.statistic());
            t.put("df", tr.df());
            Json.put(t, "p_value", tr.pValue());
        }
        if (options.conservative) {
            o.set("conservative", Json.chiSquare(r.conservative()));
        }
        if (!rmsts.isEmpty()) {
            ArrayNode rm = o.putArray("rmst");
            for (RestrictedMeanComparison x : rmsts) {
                ObjectNode e = rm.addObject();
                e.put("reference", x.reference());
                e.put("comparison", x.comparison());
                Json.put(e, "tau", x.tau());
                Json.put(e, "rmst_reference", x.rmstReference().estimate());
                Json.put(e, "se_reference", x.rmstReference().stdErr());
                Json.put(e, "rmst_comparison", x.rmstComparison().estimate());
                Json.put(e, "se_comparison", x.rmstComparison().stdErr());
                e.set("difference", estimate(x.difference()));
                e.set("ratio", estimate(x.ratio()));
            }
        }
        o.set("warnings", Json.warnings(c.warnings(), diagnostics));
        return o;
    }

    private static ObjectNode estimate(RestrictedMeanComparison.Estimate e) {
        ObjectNode x = Json.object();
        Json.put(x, "estimate", e.estimate());
        Json.put(x, "lower", e.lower());
        Json.put(x, "upper", e.upper());
        Json.put(x, "p_value", e.pValue());
        return x;
    }

    private static ObjectNode ratio(HazardRatio h) {
        ObjectNode x = Json.object();
        Json.put(x, "hr", h.estimate());
        Json.put(x, "lower", h.lower());
        Json.put(x, "upper", h.upper());
        return x;
    }

    private static String csv(LogRankResult r, List<PairwiseComparison> pairs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {r.weighting().id(), "all", "", Numbers.csv(r.statistic()), Integer.toString(r.df()),
            Numbers.csv(r.pValue()), ""});
        for (PairwiseComparison p : pairs) {
            rows.add(new String[] {r.weighting().id(), p.group1(), p.group2(), Numbers.csv(p.statistic()),
                Integer.toString(p.df()), Numbers.csv(p.pValue()), Numbers.csv(p.pAdjusted())});
        }
        return Csv.write(new String[] {"test", "group1", "group2", "statistic", "df", "p_value", "p_adjusted"}, rows);
    }

    private String text(Cohort c, LogRankResult r, List<PairwiseComparison> pairs, PValueAdjustment adjustment,
            TrendTestResult tr, TwoGroupHazardRatios hr, List<Diagnostic> diagnostics,
            List<RestrictedMeanComparison> rmsts) {
        StringBuilder sb = new StringBuilder();
        sb.append(title(r)).append(strata != null ? ", stratified by " + strata : "").append('\n');
        sb.append("data: ").append(c.source()).append("   time: ").append(cohort.timeLabel()).append("   event: ")
                .append(cohort.event).append(cohort.eventValue != null ? " = " + cohort.eventValue : "")
                .append("   group: ").append(group).append(cohort.followUpText()).append('\n');
        sb.append(KmCommand.rowsLine(c)).append('\n');
        List<String[]> rows = new ArrayList<>();
        for (GroupSummary s : r.groups()) {
            double oe = s.expected() > 0 ? Math.pow(s.observed() - s.expected(), 2) / s.expected() : Double.NaN;
            rows.add(new String[] {group + "=" + s.group(), Integer.toString(s.n()), Numbers.text(s.observed(), 6),
                Numbers.text(s.expected(), 4), Numbers.text(oe, 3)});
        }
        sb.append(TextTable.of(new String[] {"", "N", "Observed", "Expected", "(O-E)^2/E"}, rows));
        sb.append("\n Chisq = ").append(Numbers.text(r.statistic(), 4)).append("  on ").append(r.df())
                .append(" degrees of freedom, p = ").append(Numbers.pValue(r.pValue()))
                .append('\n');
        if (options.conservative) {
            ChiSquareTest cs = r.conservative();
            sb.append(" Conservative Σ(O−E)²/E = ").append(Numbers.text(cs.statistic(), 4)).append(", p = ")
                    .append(Numbers.pValue(cs.pValue())).append('\n');
        }
        if (tr != null) {
            sb.append(" Test for trend (scores ").append(String.join(", ",
                    java.util.Arrays.stream(tr.scores()).mapToObj(x -> Numbers.text(x, 4)).toList()))
                    .append("): Chisq = ").append(Numbers.text(tr.statistic(), 4)).append(" on 1 df, p = ")
                    .append(Numbers.pValue(tr.pValue())).append('\n');
        }
        if (hr != null) {
            String pct = Numbers.text(100 * hr.confLevel(), 3) + "% CI";
            sb.append("\nHazard ratio ").append(hr.comparison()).append(" vs ").append(hr.reference()).append('\n');
            sb.append("  Mantel–Haenszel  ").append(ratio(hr.mantelHaenszel(), pct)).append('\n');
            sb.append("  log-rank (O/E)   ").append(ratio(hr.logrank(), pct)).append('\n');
        }
        if (!pairs.isEmpty()) {
            sb.append("\nPairwise comparisons (").append(title(r)).append("; p adjusted: ").append(adjustment.id())
                    .append(")\n");
            List<String[]> pr = new ArrayList<>();
            for (PairwiseComparison p : pairs) {
                pr.add(new String[] {p.group1() + " vs " + p.group2(), Numbers.text(p.statistic(), 4), Numbers.pValue(p.pValue()),
                    Numbers.pValue(p.pAdjusted())});
            }
            sb.append(TextTable.of(new String[] {"", "Chisq", "p", "p adjusted"}, pr));
        }
        if (!rmsts.isEmpty()) {
            String pct = Numbers.text(100 * rmsts.get(0).confLevel(), 3) + "% CI";
            sb.append("\nRestricted mean survival time up to ").append(Numbers.text(rmsts.get(0).tau(), 6)).append('\n');
            List<String[]> rr = new ArrayList<>();
            for (RestrictedMeanComparison x : rmsts) {
                rr.add(new String[] {x.comparison() + " vs " + x.reference(),
                    Numbers.text(x.rmstComparison().estimate(), 4) + " vs " + Numbers.text(x.rmstReference().estimate(), 4),
                    Numbers.text(x.difference().estimate(), 4) + " (" + Numbers.text(x.difference().lower(), 4) + " to "
                        + Numbers.text(x.difference().upper(), 4) + ")", Numbers.pValue(x.difference().pValue()),
                    Numbers.text(x.ratio().estimate(), 4) + " (" + Numbers.text(x.ratio().lower(), 4) + " to "
                        + Numbers.text(x.ratio().upper(), 4) + ")"});
            }
            sb.append(TextTable.of(new String[] {"", "RMST", "difference (" + pct + ")", "p", "ratio (" + pct + ")"}, rr));
        }
        KmCommand.appendWarnings(sb, c.warnings(), diagnostics);
        return sb.toString();
    }

    private static String ratio(HazardRatio h, String pct) {
        return Numbers.text(h.estimate(), 4) + "  (" + pct + " " + Numbers.text(h.lower(), 4) + " to " + Numbers.text(h.upper(), 4)
                + ")";
    }

    static String title(LogRankResult r) {
        switch (r.weighting()) {
            case GEHAN:
                return "Gehan–Breslow–Wilcoxon test";
            case TARONE_WARE:
                return "Tarone–Ware test";
            case PETO:
                return "Peto–Peto test (rho = 1)";
            case FLEMING_HARRINGTON:
                return "Fleming–Harrington G(" + Numbers.text(r.rho(), 4) + ", " + Numbers.text(r.gamma(), 4) + ") test";
            default:
                return "Log-rank test (Mantel–Cox)";
        }
    }
}

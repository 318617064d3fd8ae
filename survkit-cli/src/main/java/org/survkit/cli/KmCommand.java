package org.survkit.cli;

import org.survkit.cli.output.Numbers;
import org.survkit.cli.output.TextTable;
import org.survkit.cli.output.Csv;
import org.survkit.cli.output.Json;
import org.survkit.cli.output.OutputFormat;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.survkit.io.Cohort;
import org.survkit.io.Exclusion;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.guardrails.Guardrails;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.MedianRule;
import org.survkit.stats.km.RestrictedMean;
import org.survkit.stats.km.SurvivalAtTime;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.km.SurvivalQuantile;
import org.survkit.stats.km.SurvivalRow;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.logrank.Weighting;
import org.survkit.stats.model.Factor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code survkit km}: Kaplan–Meier curves, medians, survival at times, RMST, median follow-up. */
@Command(name = "km", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Kaplan–Meier survival curves per group: event table with Greenwood standard errors and",
            "confidence intervals, median survival with CI, survival at chosen times, restricted mean",
            "survival time, Nelson–Aalen cumulative hazard and median follow-up (reverse Kaplan–Meier)."})
public final class KmCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CohortOptions cohort;

    @Option(names = "--group", paramLabel = "COL", description = "Column defining the groups (one curve each).")
    String group;

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

    @Override
    public Integer call() {
        for (double t : at) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new UsageException("--at times must be numbers >= 0, got " + t + ".");
            }
        }
        if (tau != null && (!(tau > 0) || tau.isInfinite())) {
            throw new UsageException("--tau must be a positive number, got " + tau + ".");
        }
        KaplanMeier km = KaplanMeier.withDefaults().with(method.confType()).withConfLevel(method.confLevel());
        MedianRule rule = method.medianRule();
        Weighting weighting = test == null ? null : Weighting.parse(test);
        if (weighting != null && group == null) {
            throw new UsageException("--test compares groups: give the grouping column with --group.");
        }
        Cohort c = cohort.read(group, null, spec.commandLine().getErr());
        if (c.size() == 0) {
            throw new UsageException("no rows left to analyse in " + c.source() + " after excluding "
                    + c.rowsExcluded() + " (see the reasons with --format json); check the column names and missing codes.");
        }
        String[] labels = c.group() != null ? c.group() : null;
        List<GroupCurve> curves = labels == null ? List.of(new GroupCurve("all", km.fit(c.time(), c.event())))
                : km.fit(c.time(), c.event(), labels);
        List<GroupCurve> followUp = labels == null
                ? List.of(new GroupCurve("all", km.reverse(c.time(), c.event())))
                : km.reverse(c.time(), c.event(), labels);
        double tauValue = tau == null ? Double.NaN : tau;
        double horizon = at.length > 0 ? java.util.Arrays.stream(at).max().getAsDouble() : Double.NaN;
        List<Diagnostic> diagnostics = new ArrayList<>(Guardrails.forCurves(curves, at, tauValue, cohort.unitLabel(),
                horizon));
        if (at.length > 0) {
            diagnostics.addAll(Guardrails.forHorizon(curves, followUp, horizon, cohort.unitLabel()));
        }
        diagnostics.addAll(Guardrails.forImmortalTime(c.time(), c.event(), cohort.unitLabel()));
        LogRankResult comparison = null;
        if (weighting != null) {
            if (curves.size() < 2) {
                throw new UsageException("column '" + group + "' has only one group (" + curves.get(0).group()
                        + ") among the " + c.size() + " analysed rows of " + c.source()
                        + ": --test needs at least two groups.");
            }
            comparison = LogRankTest.withDefaults().with(weighting).test(c.time(), c.event(), Factor.of(labels), null);
            diagnostics.addAll(Guardrails.forComparison(comparison, curves, 0, PValueAdjustment.HOLM));
        }
        if (output.format == OutputFormat.JSON) {
            output.emitJson(spec.commandLine().getOut(), json(c, curves, followUp, rule, diagnostics, comparison));
            return ExitCodes.OK;
        }
        String text;
        switch (output.format) {
            case CSV:
                text = csv(curves);
                break;
            default:
                text = text(c, curves, followUp, rule, diagnostics, comparison);
        }
        output.emit(spec.commandLine().getOut(), text);
        return ExitCodes.OK;
    }

    private ObjectNode json(Cohort c, List<GroupCurve> curves, List<GroupCurve> followUp, MedianRule rule,
            List<Diagnostic> diagnostics, LogRankResult comparison) {
        ObjectNode o = Json.object();
        o.put("conf_type", method.confType().rName());
        Json.put(o, "conf_level", method.confLevel());
        o.put("median_rule", rule.id());
        o.put("preset", method.preset().id());
        Json.putSource(o, c);
        cohort.putFollowUp(o);
        o.set("warnings", Json.warnings(c.warnings(), diagnostics));
        if (comparison != null) {
            ObjectNode t = o.putObject("test");
            t.put("test", comparison.weighting().id());
            Json.put(t, "statistic", comparison.statistic());
            t.put("df", comparison.df());
            Json.put(t, "p_value", comparison.pValue());
        }
        ArrayNode groups = o.putArray("groups");
        for (int k = 0; k < curves.size(); k++) {
            GroupCurve gc = curves.get(k);
            SurvivalCurve s = gc.curve();
            ObjectNode g = groups.addObject();
            g.put("group", gc.group());
            g.put("n", s.n());
            g.put("events", s.events());
            g.set("median", quantile(s.median(rule), false));
            ArrayNode qs = g.putArray("quantiles");
            for (double p : new double[] {0.25, 0.5, 0.75}) {
                qs.add(quantile(s.quantile(p), true));
            }
            if (tau != null) {
                RestrictedMean r = s.restrictedMean(tau);
                ObjectNode rm = g.putObject("rmst");
                Json.put(rm, "tau", r.tau());
                Json.put(rm, "estimate", r.estimate());
                Json.put(rm, "se", r.stdErr());
            }
            SurvivalQuantile fu = followUp.get(k).curve().median();
            ObjectNode f = g.putObject("median_follow_up");
            Json.put(f, "estimate", fu.estimate());
            Json.put(f, "lower", fu.lower());
            Json.put(f, "upper", fu.upper());
            ArrayNode tab = g.putArray("table");
            for (SurvivalRow row : s.rows()) {
                ObjectNode r = tab.addObject();
                Json.put(r, "time", row.time());
                r.put("n_risk", row.nRisk());
                r.put("n_event", row.nEvent());
                r.put("n_censor", row.nCensor());
                Json.put(r, "survival", row.survival());
                Json.put(r, "std_err", row.stdErr());
                Json.put(r, "lower", row.lower());
                Json.put(r, "upper", row.upper());
                Json.put(r, "cumhaz", row.cumHaz());
                Json.put(r, "std_cumhaz", row.stdErrCumHaz());
            }
            ArrayNode ats = g.putArray("at");
            for (SurvivalAtTime a : s.at(at)) {
                ObjectNode r = ats.addObject();
                Json.put(r, "time", a.time());
                r.put("n_risk", a.nRisk());
                Json.put(r, "survival", a.survival());
                Json.put(r, "std_err", a.stdErr());
                Json.put(r, "lower", a.lower());
                Json.put(r, "upper", a.upper());
            }
        }
        return o;
    }

    private static ObjectNode quantile(SurvivalQuantile q, boolean withP) {
        ObjectNode m = Json.object();
        if (withP) {
            Json.put(m, "p", q.probability());
        }
        Json.put(m, "estimate", q.estimate());
        Json.put(m, "lower", q.lower());
        Json.put(m, "upper", q.upper());
        return m;
    }

    private static String csv(List<GroupCurve> curves) {
        List<String[]> rows = new ArrayList<>();
        for (GroupCurve gc : curves) {
            for (SurvivalRow r : gc.curve().rows()) {
                rows.add(new String[] {gc.group(), Numbers.csv(r.time()), Integer.toString(r.nRisk()),
                    Integer.toString(r.nEvent()), Integer.toString(r.nCensor()), Numbers.csv(r.survival()),
                    Numbers.csv(r.stdErr()), Numbers.csv(r.lower()), Numbers.csv(r.upper()), Numbers.csv(r.cumHaz())});
            }
        }
        return Csv.write(new String[] {"group", "time", "n_risk", "n_event", "n_censor", "survival", "std_err", "lower",
            "upper", "cumhaz"}, rows);
    }

    private String text(Cohort c, List<GroupCurve> curves, List<GroupCurve> followUp, MedianRule rule,
            List<Diagnostic> diagnostics, LogRankResult comparison) {
        StringBuilder sb = new StringBuilder();
        String pct = Numbers.text(100 * method.confLevel(), 3) + "%";
        sb.append("Kaplan–Meier estimate of survival").append('\n');
        sb.append("data: ").append(c.source()).append("   time: ").append(cohort.timeLabel())
                .append("   event: ").append(cohort.event)
                .append(cohort.eventValue != null ? " = " + cohort.eventValue : "")
                .append(group != null ? "   group: " + group : "").append(cohort.followUpText()).append('\n');
        sb.append(rowsLine(c));
        sb.append("Confidence intervals: ").append(method.confType().rName()).append(", ").append(pct)
                .append("; median: ").append(switch (rule) {
                    case R -> "R's rule (midpoint of a flat stretch at 0.5, as print.survfit)";
                    case MIDPOINT -> "midpoint of a flat stretch at 0.5, also at the end (Prism, quantile.survfit)";
                    case FIRST_AT_OR_BELOW -> "first time at or below 0.5 (lifelines)";
                }).append("\n\n");
        String lcl = Numbers.text(method.confLevel(), 3) + "LCL";
        String ucl = Numbers.text(method.confLevel(), 3) + "UCL";
        List<String[]> rows = new ArrayList<>();
        for (int k = 0; k < curves.size(); k++) {
            GroupCurve gc = curves.get(k);
            SurvivalCurve s = gc.curve();
            SurvivalQuantile m = s.median(rule);
            SurvivalQuantile fu = followUp.get(k).curve().median();
            List<String> r = new ArrayList<>(List.of(name(gc.group()), Integer.toString(s.n()),
                    Integer.toString(s.events()), Numbers.text(m.estimate(), 4), Numbers.text(m.lower(), 4),
                    Numbers.text(m.upper(), 4), Numbers.text(fu.estimate(), 4)));
            if (tau != null) {
                RestrictedMean rm = s.restrictedMean(tau);
                r.add(Numbers.text(rm.estimate(), 4));
                r.add(Numbers.text(rm.stdErr(), 4));
            }
            rows.add(r.toArray(new String[0]));
        }
        List<String> header = new ArrayList<>(List.of("", "n", "events", "median", lcl, ucl, "follow-up"));
        if (tau != null) {
            header.add("rmean(" + Numbers.text(tau, 6) + ")");
            header.add("se(rmean)");
        }
        sb.append(TextTable.of(header.toArray(new String[0]), rows));
        sb.append("(follow-up: median potential follow-up by reverse Kaplan–Meier)\n");
        if (comparison != null) {
            sb.append('\n').append(CompareCommand.title(comparison)).append(": Chisq = ")
                    .append(Numbers.text(comparison.statistic(), 4)).append(" on ").append(comparison.df())
                    .append(" degrees of freedom, p = ").append(Numbers.pValue(comparison.pValue())).append('\n');
        }
        if (at.length > 0) {
            sb.append("\nSurvival at chosen times\n");
            List<String[]> ar = new ArrayList<>();
            for (GroupCurve gc : curves) {
                for (SurvivalAtTime a : gc.curve().at(at)) {
                    ar.add(new String[] {name(gc.group()), Numbers.text(a.time(), 6), Integer.toString(a.nRisk()),
                        Numbers.text(a.survival(), 4), Numbers.text(a.stdErr(), 4), Numbers.text(a.lower(), 4),
                        Numbers.text(a.upper(), 4)});
                }
            }
            sb.append(TextTable.of(new String[] {"", "time", "n.risk", "survival", "std.err", "lower " + pct + " CI",
                "upper " + pct + " CI"}, ar));
        }
        if (table) {
            for (GroupCurve gc : curves) {
                sb.append('\n').append(name(gc.group())).append('\n');
                List<String[]> tr = new ArrayList<>();
                for (SurvivalRow r : gc.curve().rows()) {
                    tr.add(new String[] {Numbers.text(r.time(), 6), Integer.toString(r.nRisk()), Integer.toString(r.nEvent()),
                        Integer.toString(r.nCensor()), Numbers.text(r.survival(), 4), Numbers.text(r.stdErr(), 4),
                        Numbers.text(r.lower(), 4), Numbers.text(r.upper(), 4)});
                }
                sb.append(TextTable.of(new String[] {"time", "n.risk", "n.event", "n.censor", "survival", "std.err",
                    "lower " + pct + " CI", "upper " + pct + " CI"}, tr));
            }
        }
        appendWarnings(sb, c.warnings(), diagnostics);
        return sb.toString();
    }

    private String name(String g) {
        return group == null ? g : group + "=" + g;
    }

    static String rowsLine(Cohort c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.rowsRead()).append(" rows read, ").append(c.size()).append(" analysed, ")
                .append(c.rowsExcluded()).append(" excluded");
        if (c.rowsExcluded() > 0) {
            sb.append(":");
            for (Exclusion e : c.exclusions()) {
                sb.append("\n  ").append(e.count()).append(" ").append(e.reason());
                if (!e.firstLines().isEmpty()) {
                    sb.append(" (line").append(e.firstLines().size() > 1 ? "s " : " ");
                    sb.append(String.join(", ", e.firstLines().stream().map(String::valueOf).toList()));
                    sb.append(e.count() > e.firstLines().size() ? ", …" : "").append(")");
                }
            }
        } else {
            sb.append(".");
        }
        return sb.append('\n').toString();
    }

    static void appendWarnings(StringBuilder sb, List<String> io, List<Diagnostic> diagnostics) {
        if (io.isEmpty() && diagnostics.isEmpty()) {
            return;
        }
        sb.append("\nWarnings\n");
        for (String w : io) {
            sb.append("  ! ").append(w).append('\n');
        }
        for (Diagnostic d : diagnostics) {
            sb.append(d.severity() == Diagnostic.Severity.WARNING ? "  ! " : "  - ").append(d.message()).append('\n');
        }
    }
}

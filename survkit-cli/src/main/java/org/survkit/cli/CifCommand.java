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
import org.survkit.plot.CumulativeIncidencePlot;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.competing.CompetingRisksGuardrails;
import org.survkit.stats.competing.CumulativeIncidence;
import org.survkit.stats.competing.CumulativeIncidenceAtTime;
import org.survkit.stats.competing.CumulativeIncidenceCurve;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.CumulativeIncidenceRow;
import org.survkit.stats.competing.GrayTestResult;
import org.survkit.stats.km.ConfidenceType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code survkit cif}: cumulative incidence of competing risks per cause and group, and Gray's test. */
@Command(name = "cif", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Competing risks: Aalen–Johansen cumulative incidence of each cause per group with variance and",
            "confidence intervals, and Gray's test per cause (as R cmprsk cuminc and timepoints).",
            "The event column holds one code per row, numbers (0, 1, 2) or words (alive, relapse, death):",
            "--censor-value for censored rows, every other value is a cause."})
public final class CifCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CohortOptions cohort;

    @Mixin
    CensorValueOption censor;

    @Option(names = "--cause", paramLabel = "V", description = "Report only this cause (default: every cause).")
    String cause;

    @Option(names = "--group", paramLabel = "COL", description = "Column defining the groups (curves each; Gray's test).")
    String group;

    @Option(names = "--strata", paramLabel = "COL", description = "Stratify Gray's test by this column.")
    String strata;

    @Option(names = "--at", paramLabel = "T", split = ",",
            description = "Times at which to report the cumulative incidence, e.g. 365,1826.")
    double[] at = new double[0];

    @Mixin
    CurveOptions curve;

    @Option(names = "--rho", paramLabel = "P", defaultValue = "0",
            description = "Gray's test weight (1 - F(t-))^P (cmprsk rho). Default: ${DEFAULT-VALUE}.")
    double rho;

    @Option(names = "--table", description = "Text format: print the full table of each curve.")
    boolean table;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also write the figure (.svg or .png): the causes' cumulative incidence stacked, one panel"
                    + " per group.")
    java.nio.file.Path plot;

    @Option(names = "--plot-lines", description = "With --plot: one step line per cause instead of stacked bands.")
    boolean plotLines;

    @Option(names = "--cause-label", paramLabel = "V=NAME",
            description = "Name of a cause in the figure, e.g. 1=Transplant. Repeatable.")
    java.util.Map<String, String> causeLabels = new java.util.HashMap<>();

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        for (double t : at) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new UsageException("--at times must be numbers >= 0, got " + t + ".");
            }
        }
        org.survkit.study.Estimates estimates = curve.estimates(null, at, null);
        ConfidenceType type = estimates.confType();
        double confLevel = estimates.confLevel();
        if (!(rho >= 0) || Double.isInfinite(rho)) {
            throw new UsageException("--rho must be a number >= 0, got " + rho + ".");
        }
        CompetingRisksCohort cr = CompetingRisksCohort.read(cohort, "cif", censor.value, group, strata, List.of(),
                List.of(), spec.commandLine().getErr());
        Double only = cause == null ? null : cr.cause(cause, cohort.event);
        CumulativeIncidenceResult r = CumulativeIncidence.withDefaults().with(type).withConfLevel(confLevel)
                .withRho(rho).fit(cr.cohort().time(), cr.status(), cr.censorCode(), cr.cohort().group(),
                        cr.cohort().strata());
        List<CumulativeIncidenceCurve> curves = r.curves().stream().filter(c -> only == null || c.cause() == only)
                .toList();
        List<GrayTestResult> tests = r.tests().stream().filter(t -> only == null || t.cause() == only).toList();
        List<Diagnostic> diagnostics = new ArrayList<>(CompetingRisksGuardrails.forCurves(curves, tests));
        diagnostics.addAll(CompetingRisksGuardrails.forTimes(r, at));
        if (plot != null) {
            writePlot(r, cr);
        }
        if (output.format == OutputFormat.JSON) {
            output.emitJson(spec.commandLine().getOut(), json(cr, r, curves, tests, diagnostics));
            return ExitCodes.OK;
        }
        String text = output.format == OutputFormat.CSV ? csv(cr, curves) : text(cr, r, curves, tests, diagnostics);
        output.emit(spec.commandLine().getOut(), text);
        return ExitCodes.OK;
    }

    private void writePlot(CumulativeIncidenceResult r, CompetingRisksCohort cr) {
        String name = plot.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".svg") && !name.endsWith(".png")) {
            throw new UsageException("--plot " + plot + ": the file name must end in .svg or .png.");
        }
        // word codes label themselves; --cause-label keys are the codes as the data write them
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        for (double c : cr.causes()) {
            if (cr.names() != null) {
                labels.put(Long.toString((long) c), cr.label(c)); // word codes are 1, 2, ...
            }
        }
        for (java.util.Map.Entry<String, String> e : causeLabels.entrySet()) {
            String key = cr.names() == null ? e.getKey() : Long.toString((long) cr.cause(e.getKey(),
                    cohort.event));
            labels.put(key, e.getValue());
        }
        CumulativeIncidencePlot figure = CumulativeIncidencePlot.of(r).withCauseLabels(labels)
                .withStacked(!plotLines).withTimeUnit(cohort.time != null ? null : cohort.unitLabel())
                .withRiskTable(anyEvent(cr));
        try {
            java.nio.file.Path parent = plot.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            if (name.endsWith(".svg")) {
                java.nio.file.Files.writeString(plot, figure.svg(), java.nio.charset.StandardCharsets.UTF_8);
            } else {
                java.nio.file.Files.write(plot, figure.png());
            }
        } catch (java.io.IOException e) {
            throw new UsageException("cannot write " + plot + " (" + e.getMessage() + "): choose a writable path for"
                    + " --plot.");
        }
    }

    /** Kaplan–Meier of the first event of any cause per group (as the fit's groups), for the numbers at risk. */
    private static List<org.survkit.stats.km.GroupCurve> anyEvent(CompetingRisksCohort cr) {
        double[] time = cr.cohort().time();
        double[] status = cr.status();
        boolean[] any = new boolean[time.length];
        for (int i = 0; i < any.length; i++) {
            any[i] = status[i] != cr.censorCode();
        }
        org.survkit.stats.km.KaplanMeier km = org.survkit.stats.km.KaplanMeier.withDefaults().withTimeFix(false);
        String[] group = cr.cohort().group();
        return group == null ? List.of(new org.survkit.stats.km.GroupCurve("all", km.fit(time, any)))
                : km.fit(time, any, group);
    }

    private ObjectNode json(CompetingRisksCohort cr, CumulativeIncidenceResult r, List<CumulativeIncidenceCurve> curves,
            List<GrayTestResult> tests, List<Diagnostic> diagnostics) {
        ObjectNode o = Json.object();
        o.put("event", cohort.event);
        cr.put(o, "censor_value", cr.censorCode());
        o.set("causes", cr.causesJson());
        Json.putText(o, "group_column", group);
        Json.putText(o, "strata", strata);
        o.put("conf_type", r.curves().get(0).confType().rName());
        Json.put(o, "conf_level", r.curves().get(0).confLevel());
        Json.put(o, "rho", rho);
        o.put("variance_method", "cmprsk cuminc (Gray's delta method / Aalen-type)");
        o.put("n", cr.cohort().size());
        Json.putSource(o, cr.cohort());
        cohort.putFollowUp(o);
        ArrayNode groups = o.putArray("groups");
        for (CumulativeIncidenceCurve c : curves) {
            ObjectNode g = groups.addObject();
            g.put("group", c.group());
            cr.put(g, "cause", c.cause());
            g.put("n", c.n());
            g.put("events", c.events());
            Json.put(g, "last_follow_up", c.lastTime());
            ArrayNode tab = g.putArray("table");
            for (CumulativeIncidenceRow row : c.rows()) {
                ObjectNode x = tab.addObject();
                Json.put(x, "time", row.time());
                x.put("n_risk", row.nRisk());
                x.put("n_event", row.nEvent());
                Json.put(x, "cif", row.cif());
                Json.put(x, "variance", row.variance());
                Json.put(x, "lower", row.lower());
                Json.put(x, "upper", row.upper());
            }
            ArrayNode ats = g.putArray("at");
            for (CumulativeIncidenceAtTime a : c.at(at)) {
                ObjectNode x = ats.addObject();
                Json.put(x, "time", a.time());
                Json.put(x, "cif", a.cif());
                Json.put(x, "variance", a.variance());
                Json.put(x, "lower", a.lower());
                Json.put(x, "upper", a.upper());
            }
        }
        ArrayNode gray = o.putArray("gray_test");
        for (GrayTestResult t : tests) {
            ObjectNode x = gray.addObject();
            cr.put(x, "cause", t.cause());
            Json.put(x, "statistic", t.statistic());
            x.put("df", t.df());
            Json.put(x, "p_value", t.pValue());
        }
        o.set("warnings", Json.warnings(cr.warnings(), diagnostics));
        return o;
    }

    private static String csv(CompetingRisksCohort cr, List<CumulativeIncidenceCurve> curves) {
        List<String[]> rows = new ArrayList<>();
        for (CumulativeIncidenceCurve c : curves) {
            for (CumulativeIncidenceRow r : c.rows()) {
                rows.add(new String[] {c.group(), cr.label(c.cause()), Numbers.csv(r.time()), Integer.toString(r.nRisk()),
                    Integer.toString(r.nEvent()), Numbers.csv(r.cif()), Numbers.csv(r.variance()), Numbers.csv(r.lower()),
                    Numbers.csv(r.upper())});
            }
        }
        return Csv.write(new String[] {"group", "cause", "time", "n_risk", "n_event", "cif", "variance", "lower",
            "upper"}, rows);
    }

    private String name(CompetingRisksCohort cr, CumulativeIncidenceCurve c) {
        return (group == null ? "" : group + "=" + c.group() + ", ") + (cr.names() == null ? "cause " : "")
                + cr.label(c.cause());
    }

    private String text(CompetingRisksCohort cr, CumulativeIncidenceResult r, List<CumulativeIncidenceCurve> curves,
            List<GrayTestResult> tests, List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        String pct = Numbers.text(100 * r.curves().get(0).confLevel(), 3) + "%";
        sb.append("Cumulative incidence of competing risks (Aalen–Johansen)\n");
        sb.append("data: ").append(cr.cohort().source()).append("   time: ").append(cohort.timeLabel())
                .append("   event: ").append(cohort.event).append(" (censored = ")
                .append(cr.label(cr.censorCode())).append("; causes ").append(cr.causeList())
                .append(")").append(group != null ? "   group: " + group : "").append(cohort.followUpText()).append('\n');
        sb.append(KmCommand.rowsLine(cr.cohort()));
        sb.append("Confidence intervals: ").append(r.curves().get(0).confType().rName()).append(", ").append(pct)
                .append("; variance as R cmprsk cuminc\n\n");
        List<String[]> rows = new ArrayList<>();
        for (CumulativeIncidenceCurve c : curves) {
            int last = c.size() - 1;
            rows.add(new String[] {name(cr, c), Integer.toString(c.n()), Integer.toString(c.events()),
                Numbers.text(last < 0 ? 0 : c.cif()[last], 4), Numbers.text(c.lastStdErr(), 4),
                Numbers.text(c.lastTime(), 6)});
        }
        sb.append(TextTable.of(new String[] {"", "n", "events", "CIF at end", "std.err", "last follow-up"}, rows));
        if (!tests.isEmpty()) {
            sb.append("\nGray's test").append(strata != null ? " (stratified by " + strata + ")" : "")
                    .append(rho != 0 ? ", rho = " + Numbers.text(rho, 4) : "").append('\n');
            List<String[]> tr = new ArrayList<>();
            for (GrayTestResult t : tests) {
                tr.add(new String[] {(cr.names() == null ? "cause " : "") + cr.label(t.cause()), Numbers.text(t.statistic(), 4),
                    Integer.toString(t.df()), Numbers.pValue(t.pValue())});
            }
            sb.append(TextTable.of(new String[] {"", "chisq", "df", "p"}, tr));
        }
        if (at.length > 0) {
            sb.append("\nCumulative incidence at chosen times\n");
            List<String[]> ar = new ArrayList<>();
            for (CumulativeIncidenceCurve c : curves) {
                for (CumulativeIncidenceAtTime a : c.at(at)) {
                    ar.add(new String[] {name(cr, c), Numbers.text(a.time(), 6), Numbers.text(a.cif(), 4), Numbers.text(a.variance(), 4),
                        Numbers.text(a.lower(), 4), Numbers.text(a.upper(), 4)});
                }
            }
            sb.append(TextTable.of(new String[] {"", "time", "cif", "variance", "lower " + pct + " CI",
                "upper " + pct + " CI"}, ar));
        }
        if (table) {
            for (CumulativeIncidenceCurve c : curves) {
                sb.append('\n').append(name(cr, c)).append('\n');
                List<String[]> tr = new ArrayList<>();
                for (CumulativeIncidenceRow row : c.rows()) {
                    tr.add(new String[] {Numbers.text(row.time(), 6), Integer.toString(row.nRisk()),
                        Integer.toString(row.nEvent()), Numbers.text(row.cif(), 4), Numbers.text(row.variance(), 4),
                        Numbers.text(row.lower(), 4), Numbers.text(row.upper(), 4)});
                }
                sb.append(TextTable.of(new String[] {"time", "n.risk", "n.event", "cif", "variance", "lower " + pct + " CI",
                    "upper " + pct + " CI"}, tr));
            }
        }
        KmCommand.appendWarnings(sb, cr.warnings(), diagnostics);
        return sb.toString();
    }
}

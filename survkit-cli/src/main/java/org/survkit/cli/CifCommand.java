package org.survkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.survkit.cli.output.Serializer;
import org.survkit.cli.result.CifResult;
import org.survkit.plot.CumulativeIncidencePlot;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.competing.CompetingRisksGuardrails;
import org.survkit.stats.competing.CumulativeIncidence;
import org.survkit.stats.competing.CumulativeIncidenceCurve;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.GrayTestResult;
import org.survkit.stats.model.Factor;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.study.Estimates;
import org.survkit.study.key.StudyKeys;
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

    @Option(names = StudyKeys.Flags.START, paramLabel = "COL",
            description = {"Entry time (left truncation, delayed entry): rows (start, time], at risk only after entry;",
                "Aalen-Johansen as R survfit(Surv(start, time, factor(status)) ~ group), infinitesimal-jackknife",
                "standard errors. Gray's test is then not computed (defined for right-censored data only)."})
    String start;

    @Option(names = "--table", description = "Text format: print the full table of each curve.")
    boolean table;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also write the figure (.svg or .png): the causes' cumulative incidence stacked, one panel"
                    + " per group.")
    java.nio.file.Path plot;

    @Option(names = "--plot-lines", description = "With --plot: one step line per cause instead of stacked bands.")
    boolean plotLines;

    @Option(names = StudyKeys.Flags.LINE_TYPES, paramLabel = "auto|solid|dashed")
    String lineTypes;

    @Option(names = "--cause-label", paramLabel = "V=NAME",
            description = "Name of a cause in the figure, e.g. 1=Transplant. Repeatable.")
    java.util.Map<String, String> causeLabels = new java.util.HashMap<>();

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
        Estimates estimates = curve.estimates(null, at, null);
        ConfidenceType type = estimates.confType();
        double confLevel = estimates.confLevel();
        if (!(rho >= 0) || Double.isInfinite(rho)) {
            throw new UsageException("--rho must be a number >= 0, got " + rho + ".");
        }
        CompetingRisksCohort cr = CompetingRisksCohort.read(cohort, "cif", cohort.censorCode("cif"), group, strata, List.of(),
                List.of(), start, spec.commandLine().getErr());
        Double only = cause == null ? null : cr.cause(cause, cohort.event);
        CumulativeIncidenceResult r = CumulativeIncidence.withDefaults().with(type).withConfLevel(confLevel)
                .withRho(rho).fit(start == null ? null : cr.cohort().start(), cr.cohort().time(), cr.status(),
                        cr.censorCode(), null, cr.cohort().group() == null ? null : Factor.of(cr.cohort().group()),
                        cr.cohort().strata() == null ? null : Factor.of(cr.cohort().strata()));
        List<CumulativeIncidenceCurve> curves = r.curves().stream().filter(c -> only == null || c.cause() == only)
                .toList();
        List<GrayTestResult> tests = r.tests().stream().filter(t -> only == null || t.cause() == only).toList();
        List<Diagnostic> diagnostics = CommandGuardrails.cif(r, curves, tests, at, start != null, group != null);
        if (plot != null) {
            writePlot(r, cr, start == null ? null : cr.cohort().start());
        }
        CifResult result = new CifResult(cr.summary(cohort, group), cr.codes(), strata, start, estimates, rho,
                r.variance(), curves, tests, diagnostics, table);
        output.emit(spec.commandLine().getOut(), Serializer.CIF, result);
        return ExitCodes.OK;
    }

    private void writePlot(CumulativeIncidenceResult r, CompetingRisksCohort cr, double[] entry) {
        String name = plot.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".svg") && !name.endsWith(".png")) {
            throw new UsageException("--plot " + plot + ": the file name must end in .svg or .png.");
        }
        // word codes label themselves; --cause-label keys are the codes as the data write them
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        for (double c : cr.codes().causes()) {
            if (cr.names() != null) {
                labels.put(Long.toString((long) c), cr.codes().label(c)); // word codes are 1, 2, ...
            }
        }
        for (java.util.Map.Entry<String, String> e : causeLabels.entrySet()) {
            String key = cr.names() == null ? e.getKey() : Long.toString((long) cr.cause(e.getKey(),
                    cohort.event));
            labels.put(key, e.getValue());
        }
        CumulativeIncidencePlot figure = CumulativeIncidencePlot.of(r).withCauseLabels(labels)
                .withStacked(!plotLines).withTimeUnit(cohort.time != null ? null : cohort.unitLabel())
                .withRiskTable(anyEvent(cr, entry)).with(FlagValues.orDefault(StudyKeys.LINE_TYPES, lineTypes));
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

    /**
     * Kaplan–Meier of the first event of any cause per group (as the fit's groups), for the numbers at risk; with entry
     * times the (entry, time] rows, so that a row counts only after its entry.
     */
    private static List<org.survkit.stats.km.GroupCurve> anyEvent(CompetingRisksCohort cr, double[] entry) {
        double[] time = cr.cohort().time();
        double[] status = cr.status();
        boolean[] any = new boolean[time.length];
        for (int i = 0; i < any.length; i++) {
            any[i] = status[i] != cr.censorCode();
        }
        org.survkit.stats.km.KaplanMeier km = org.survkit.stats.km.KaplanMeier.withDefaults().withTimeFix(false);
        String[] group = cr.cohort().group();
        if (entry != null) {
            String[] all = group != null ? group : java.util.Collections.nCopies(time.length, "all").toArray(new String[0]);
            return km.fit(entry, time, any, null, Factor.of(all));
        }
        return group == null ? List.of(new org.survkit.stats.km.GroupCurve("all", km.fit(time, any)))
                : km.fit(time, any, group);
    }
}

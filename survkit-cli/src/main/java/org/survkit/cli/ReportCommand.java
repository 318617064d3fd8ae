package org.survkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.survkit.io.InputException;
import org.survkit.report.QuickStudy;
import org.survkit.report.ReportEngine;
import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;
import org.survkit.study.file.StudyWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code survkit report}: the whole report of a study (report.html, the analysis dataset, every
 * table as CSV and JSON, every figure as SVG and PNG) from a study file, or from a cohort file and
 * a few flags (then the study file used is written next to the report). The engine is
 * survkit-report's {@link ReportEngine}; this class only maps the command line onto it.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A complete, self-contained report of a cohort study: data flow, Table 1, Kaplan-Meier curves,",
            "comparisons, Cox models, Guardrails and methods, with every table as CSV/JSON and every figure as SVG/PNG.",
            "",
            "  survkit report study.yaml [--out DIR]",
            "  survkit report DATA --time T --event E [--event-value V] [--group G] [--table1 a,b,c]",
            "                 [--covariates x,y] [--at 12,36,60] [--horizon H] [--out DIR]",
            "",
            "The second form writes the study.yaml it used into the output folder: edit it and run it again."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY_OR_DATA",
            description = "A study file (.yaml/.yml), or a cohort file (.csv/.tsv/.txt/.xlsx) with the flags below.")
    Path input;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (overrides the study file's 'output'). Default: the study's, or ./report.")
    Path out;

    @Option(names = "--time", paramLabel = "COL", description = "Cohort file: column with follow-up time (a number >= 0).")
    String time;

    @Option(names = "--time-unit", paramLabel = "UNIT", description = "Unit of --time for labels: days, weeks, months or years.")
    String timeUnit;

    @Option(names = "--event", paramLabel = "COL", description = "Cohort file: column with the event status.")
    String event;

    @Option(names = "--event-value", paramLabel = "V",
            description = "Exactly this value is an event; every other non-missing value is censored.")
    String eventValue;

    @Option(names = "--group", paramLabel = "COL", description = "Column whose values are the compared groups.")
    String group;

    @Option(names = "--table1", paramLabel = "COL", split = ",", description = "Columns for Table 1.")
    List<String> table1 = new ArrayList<>();

    @Option(names = "--covariates", paramLabel = "COL", split = ",",
            description = "Cox model covariates (the group is added first).")
    List<String> covariates = new ArrayList<>();

    @Option(names = "--at", paramLabel = "T", split = ",", description = "Times for survival estimates, e.g. 12,36,60.")
    List<Double> at = new ArrayList<>();

    @Option(names = "--horizon", paramLabel = "H", description = "Censor follow-up at H (e.g. 60 months for 5-year survival).")
    Double horizon;

    @Option(names = "--endpoint", paramLabel = "NAME", description = "Name of the endpoint. Default: Overall survival.")
    String endpoint;

    @Option(names = "--sheet", paramLabel = "NAME", description = "Excel sheet (default: the first).")
    String sheet;

    @Option(names = "--no-png", description = "Write figures as SVG only (faster).")
    boolean noPng;

    @Option(names = "--pdf", description = "Also print the report to report.pdf with the installed Chromium/Chrome.")
    boolean pdf;

    @Override
    public Integer call() {
        String name = input.getFileName() == null ? "" : input.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean studyFile = name.endsWith(".yaml") || name.endsWith(".yml");
        Study study;
        if (studyFile) {
            List<String> flags = quickFlags();
            if (!flags.isEmpty()) {
                throw new UsageException(String.join(", ", flags) + (flags.size() == 1 ? " describes" : " describe")
                        + " a cohort file; with a study file, put " + (flags.size() == 1 ? "it" : "them") + " in the"
                        + " study file (or run: survkit report DATA " + String.join(" ", flags) + " ...).");
            }
            study = StudyReader.read(input);
            if (out != null) {
                study = study.withOutput(out.toAbsolutePath());
            }
        } else {
            study = quick();
        }
        ReportEngine engine = ReportEngine.withDefaults().withSoftware("survkit " + Version.get());
        if (noPng) {
            engine = engine.withPng(false);
        }
        ReportEngine.Result r;
        try {
            r = engine.run(study);
        } catch (InputException e) {
            throw studyFile ? e : new InputException(flagWords(e.getMessage()), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + r.html() + " and " + (r.files().size() - 1) + " more files in " + r.outputDir());
        if (pdf) {
            Path file = r.outputDir().resolve("report.pdf");
            org.survkit.report.html.PdfPrinter.print(r.html(), file);
            o.println("wrote " + file);
        }
        o.println(r.rowsRead() + " rows read, " + r.analysed() + " analysed; Guardrails: " + r.warnings() + " warning"
                + (r.warnings() == 1 ? "" : "s") + ", " + r.notes() + " note" + (r.notes() == 1 ? "" : "s")
                + " (section Guardrails of the report).");
        o.flush();
        return ExitCodes.OK;
    }

    /** Messages about the generated study file's keys, in the words of the flags that set them. */
    static String flagWords(String message) {
        String m = message;
        String[][] keys = {{"'time'", "--time"}, {"'time.column'", "--time"}, {"'event.column'", "--event"},
            {"'groups.column'", "--group"}, {"'cox[1].covariates'", "--covariates"}, {"'cox.reference'", "--covariates"},
            {"'cox'", "--covariates"}, {"'data'", "DATA"}};
        for (String[] k : keys) {
            m = m.replace("study.yaml, " + k[0] + ": ", k[1] + ": ");
        }
        return m.replaceAll("study\\.yaml, 'table1\\[\\d+\\]': ", "--table1: ")
                .replace("set data.na in study.yaml", "add it to the study file's data.na")
                .replaceAll("Say which value is the event in study\\.yaml: event: \\{column: [^,]*, value: (.*)\\}\\.",
                        "Say which value is the event with --event-value $1.");
    }

    private List<String> quickFlags() {
        List<String> f = new ArrayList<>();
        if (time != null) {
            f.add("--time");
        }
        if (timeUnit != null) {
            f.add("--time-unit");
        }
        if (event != null) {
            f.add("--event");
        }
        if (eventValue != null) {
            f.add("--event-value");
        }
        if (group != null) {
            f.add("--group");
        }
        if (!table1.isEmpty()) {
            f.add("--table1");
        }
        if (!covariates.isEmpty()) {
            f.add("--covariates");
        }
        if (!at.isEmpty()) {
            f.add("--at");
        }
        if (horizon != null) {
            f.add("--horizon");
        }
        if (endpoint != null) {
            f.add("--endpoint");
        }
        if (sheet != null) {
            f.add("--sheet");
        }
        return f;
    }

    /** The study from the flags, written as study.yaml into the output folder. */
    private Study quick() {
        if (time == null || event == null) {
            throw new UsageException("with a cohort file, say where follow-up time and the event are: --time COL"
                    + " --event COL [--event-value V] (or give a study file, e.g. examples/rapamycin-mbc/study.yaml).");
        }
        if (horizon != null && !(horizon > 0)) {
            throw new UsageException("--horizon must be a time > 0, got " + horizon + ".");
        }
        for (double t : at) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new UsageException("--at times must be numbers >= 0, got " + t + ".");
            }
        }
        Path folder = (out != null ? out : Path.of("report")).toAbsolutePath().normalize();
        Path file = folder.resolve("study.yaml");
        QuickStudy q = new QuickStudy(input, sheet, time, timeUnit, event, eventValue, group, table1, covariates,
                at.stream().mapToDouble(Double::doubleValue).toArray(), horizon == null ? Double.NaN : horizon,
                endpoint);
        Study study = q.toStudy(file);
        try {
            if (Files.exists(file) && !Files.readString(file, StandardCharsets.UTF_8).startsWith(StudyWriter.MARKER)) {
                throw new UsageException(file + " exists and was not written by survkit report; choose another"
                        + " folder with --out (or run that study file: survkit report " + file + ").");
            }
            Files.createDirectories(folder);
            Files.writeString(file, StudyWriter.write(study, List.of("Made by: survkit report " + commandLine())),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + " (" + e.getMessage() + "); choose a writable folder"
                    + " with --out.");
        }
        return study;
    }

    private String commandLine() {
        List<String> a = new ArrayList<>(List.of(input.toString(), "--time", time, "--event", event));
        if (eventValue != null) {
            a.addAll(List.of("--event-value", eventValue));
        }
        if (timeUnit != null) {
            a.addAll(List.of("--time-unit", timeUnit));
        }
        if (group != null) {
            a.addAll(List.of("--group", group));
        }
        if (!table1.isEmpty()) {
            a.addAll(List.of("--table1", String.join(",", table1)));
        }
        if (!covariates.isEmpty()) {
            a.addAll(List.of("--covariates", String.join(",", covariates)));
        }
        if (!at.isEmpty()) {
            a.addAll(List.of("--at", String.join(",", at.stream().map(ReportCommand::given).toList())));
        }
        if (horizon != null) {
            a.addAll(List.of("--horizon", given(horizon)));
        }
        if (endpoint != null) {
            a.addAll(List.of("--endpoint", endpoint));
        }
        return String.join(" ", a.stream().map(s -> s.isEmpty() || s.matches("[A-Za-z0-9_.,/:=+-]+") ? s
                : "'" + s.replace("'", "'\\''") + "'").toList());
    }

    private static String given(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}

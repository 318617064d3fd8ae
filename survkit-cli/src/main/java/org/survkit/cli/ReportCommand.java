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
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.StudyKeys.Flags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "comparisons, Cox models, Guardrails and methods, with every table as CSV/JSON and every figure as SVG/PNG",
            "(or also PDF, EPS, TIFF: --figure-formats svg,png,pdf,eps,tiff --figure-width 85 --figure-dpi 600);",
            "with --docx also report.docx (Word, native tables) and tables.xlsx (Excel, numbers as numbers).",
            "",
            "  survkit report study.yaml [--out DIR] [--docx]",
            "  survkit report DATA --time T --event E [--event-value V] [--group G] [--table1 a,b,c]",
            "                 [--covariates x,y] [--at 12,36,60] [--horizon H] [--out DIR]",
            "  (or --start-date C1 --end-date C2 --time-unit months instead of --time; also --date-format,",
            "   --na, --landmark, --strata, --sheet, as for every command; --start, --weights as for km and cox)",
            "",
            "The second form writes the study.yaml it used into the output folder: edit it and run it again.",
            "Either form: --p-style, --p-digits, --hazard-ratios and --table1-p-values/-percent/-continuous set how",
            "P values, hazard ratios and Table 1 print (with a study file they override its keys)."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY_OR_DATA",
            description = "A study file (.yaml/.yml), or a cohort file (.csv/.tsv/.txt/.xlsx/.sav/.zsav/.dta/.parquet) with the flags"
                    + " below.")
    Path input;

    @Option(names = Flags.OUTPUT, paramLabel = "DIR",
            description = "Output folder (overrides the study file's 'output'). Default: the study's, or ./report.")
    Path out;

    @Option(names = Flags.TIME, paramLabel = "COL")
    String time;

    @Option(names = Flags.START_DATE, paramLabel = "COL")
    String startDate;

    @Option(names = Flags.END_DATE, paramLabel = "COL")
    String endDate;

    @Option(names = Flags.TIME_UNIT, paramLabel = "UNIT")
    String timeUnit;

    @Option(names = Flags.EVENT, paramLabel = "COL")
    String event;

    /** How the cohort file's cells are read (date format, event and censor values, decimal mark, NA codes, sheet). */
    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Option(names = Flags.INVALID, paramLabel = "stop|exclude")
    String invalid;

    @Option(names = Flags.LANDMARK, paramLabel = "T")
    String landmark;

    @Option(names = Flags.STRATA, paramLabel = "COL")
    String strata;

    @Option(names = Flags.START, paramLabel = "COL")
    String entry;

    @Option(names = Flags.WEIGHTS, paramLabel = "COL")
    String weights;

    @Option(names = Flags.GROUP, paramLabel = "COL", description = "Column whose values are the compared groups.")
    String group;

    @Option(names = Flags.TABLE1, paramLabel = "COL", split = ",", description = "Columns for Table 1.")
    List<String> table1 = new ArrayList<>();

    @Option(names = Flags.COVARIATES, paramLabel = "COL", split = ",",
            description = "Cox model covariates (the group is added first).")
    List<String> covariates = new ArrayList<>();

    @Option(names = Flags.AT, paramLabel = "T")
    String at;

    @Option(names = Flags.HORIZON, paramLabel = "H")
    String horizon;

    @Option(names = Flags.ENDPOINT, paramLabel = "NAME")
    String endpoint;

    @Mixin
    PresentationOptions presentation = new PresentationOptions();
    @Mixin
    FigureOptions figures = new FigureOptions();

    @Option(names = "--no-png", description = "Write no PNG files (whatever the formats say).")
    boolean noPng;


    @Option(names = Flags.DOCX)
    boolean docx;

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
            if (docx) {
                study = study.withDocx(true);
            }
        } else {
            study = quick();
        }
        study = presentation.apply(figures.applyTo(study));
        ReportEngine engine = ReportEngine.withDefaults().withSoftware("survkit " + Version.get());
        if (noPng) {
            engine = engine.withPng(false);
        }
        ReportEngine.Result r;
        try (ReportProgressLine progress = ReportProgressLine.on(spec.commandLine().getErr())) {
            r = engine.withProgress(progress).run(study);
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
        // keys the flags form writes under another name than their own flag's
        String[][] special = {{"'time'", "--time"}, {"'cox[1].covariates'", "--covariates"},
            {"'cox.reference'", "--covariates"}, {"'cox'", "--covariates"}, {"'data'", "DATA"}};
        for (String[] k : special) {
            m = m.replace("study.yaml, " + k[0] + ": ", k[1] + ": ");
        }
        for (org.survkit.study.key.StudyKey<?> k : StudyKeys.byFlag().values()) {
            m = m.replace("study.yaml, '" + k.path().replace("[]", "") + "': ", k.flag() + ": ");
        }
        return m.replaceAll("study\\.yaml, 'table1\\[\\d+\\]': ", "--table1: ")
                .replace("set data.na in study.yaml", "add it to the study file's data.na")
                .replaceAll("Say which value is the event in study\\.yaml: event: \\{column: [^,]*, value: (.*)\\}\\.",
                        "Say which value is the event with --event-value $1.");
    }

    private List<String> quickFlags() {
        List<String> f = new ArrayList<>();
        String[][] given = dataFlags();
        for (String[] g : given) {
            if (g[1] != null) {
                f.add(g[0]);
            }
        }
        return f;
    }

    /** The study from the flags, written as study.yaml into the output folder. */
    private Study quick() {
        if (time == null && (startDate == null || endDate == null) || event == null) {
            throw new UsageException("with a cohort file, say where follow-up time and the event are: --time COL (or"
                    + " --start-date COL --end-date COL [--time-unit months]) --event COL [--event-value V] (or give a"
                    + " study file, e.g. examples/rapamycin-mbc/study.yaml).");
        }
        if (time != null && (startDate != null || endDate != null)) {
            throw new UsageException("give follow-up time once: --time COL, or --start-date COL --end-date COL.");
        }
        Double h = FlagValues.parse(StudyKeys.HORIZON, horizon);
        Double lm = FlagValues.parse(StudyKeys.LANDMARK, landmark);
        double[] times = at == null ? new double[0] : FlagValues.parse(StudyKeys.AT, at);
        FlagValues.parse(StudyKeys.TIME_UNIT, timeUnit);
        Path folder = (out != null ? out : Path.of("report")).toAbsolutePath().normalize();
        Path file = folder.resolve("study.yaml");
        String censorValue = joined(reading.censorValues);
        QuickStudy q = new QuickStudy(input, new QuickStudy.Reading(startDate, endDate, reading.dateFormat,
                reading.na, lm == null ? Double.NaN : lm, strata, FlagValues.parse(StudyKeys.DECIMAL, reading.decimal),
                FlagValues.parse(StudyKeys.INVALID, invalid), censorValue == null ? List.of()
                        : FlagValues.parse(StudyKeys.EVENT_CENSOR_VALUE, censorValue)), reading.sheet, time, timeUnit,
                event, joined(reading.eventValues), group, table1, covariates, times, h == null ? Double.NaN : h,
                endpoint, entry, weights);
        Study study = presentation.apply(figures.applyTo(q.toStudy(file))).withDocx(docx);
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

    /** {@return a list flag's values as written (comma-separated), or null when the flag was not given} */
    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    /** {@return the flags that describe the cohort file and the quick study, with their values as written or null} */
    private String[][] dataFlags() {
        return new String[][] {{Flags.TIME, time}, {Flags.START_DATE, startDate}, {Flags.END_DATE, endDate},
            {Flags.TIME_UNIT, timeUnit}, {Flags.DATE_FORMAT, reading.dateFormat}, {Flags.EVENT, event},
            {Flags.EVENT_VALUE, joined(reading.eventValues)}, {Flags.CENSOR_VALUE, joined(reading.censorValues)},
            {Flags.DECIMAL, reading.decimal}, {Flags.INVALID, invalid}, {Flags.NA, joined(reading.na)},
            {Flags.LANDMARK, landmark}, {Flags.STRATA, strata}, {Flags.START, entry}, {Flags.WEIGHTS, weights},
            {Flags.GROUP, group}, {Flags.TABLE1, joined(table1)}, {Flags.COVARIATES, joined(covariates)},
            {Flags.AT, at}, {Flags.HORIZON, horizon}, {Flags.ENDPOINT, endpoint}, {Flags.SHEET, reading.sheet}};
    }

    private String commandLine() {
        List<String> a = new ArrayList<>(List.of(input.toString()));
        Object[][] given = dataFlags();
        for (Object[][] flags : new Object[][][] {given, presentation.given()}) {
            for (Object[] g : flags) {
                if (g[1] != null) {
                    a.addAll(List.of((String) g[0], ((String) g[1]).strip()));
                }
            }
        }
        figures.given().forEach(g -> a.addAll(List.of(g[0], g[1].strip())));
        return String.join(" ", a.stream().map(s -> s.isEmpty() || s.matches("[A-Za-z0-9_.,/:=+-]+") ? s
                : "'" + s.replace("'", "'\\''") + "'").toList());
    }
}

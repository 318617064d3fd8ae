package org.survkit.report;

import org.survkit.report.analysis.AnalysisDataset;
import org.survkit.report.analysis.StudyAnalysis;
import org.survkit.report.html.HtmlReport;
import org.survkit.report.html.ReportContent;
import org.survkit.report.html.ReportFigures;
import org.survkit.report.tables.MethodsText;
import org.survkit.report.tables.ReportTable;
import org.survkit.report.tables.ReportTables;
import org.survkit.study.Study;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.io.OutputStream;
import org.survkit.report.office.DocxReport;
import org.survkit.report.office.TablesWorkbook;
import org.survkit.io.InputException;
import org.survkit.plot.FigureFormat;
import org.survkit.plot.PngRenderer;

/**
 * Makes a study's report: reads the cohort, derives the analysis dataset, runs the analyses
 * (survkit-stats) on it in memory and writes into the output folder
 * <ul>
 * <li>{@code report.html} — one self-contained, printable file;</li>
 * <li>{@code analysis.csv} — the analysis dataset every number is computed from, as an export;</li>
 * <li>{@code tables/NAME.csv} (formatted as in the report, formula-safe) and {@code tables/NAME.json}
 *     (unrounded numbers) for every table;</li>
 * <li>{@code figures/NAME.svg} for every figure, and the same figure in every other format the study asks for
 *     ({@code .png}, {@code .pdf}, {@code .eps}, {@code .tiff}), converted in parallel ({@link FigureFiles}).</li>
 * <li>with {@code docx: yes} ({@code --docx}), {@code report.docx} (the report as a Word document) and
 *     {@code tables.xlsx} (every table as a sheet, numbers as numbers).</li>
 * </ul>
 * Immutable and thread-safe; a run writes only inside the output folder.
 *
 * <pre>{@code
 * ReportEngine.Result r = ReportEngine.withDefaults().run(StudyReader.read(Path.of("study.yaml")));
 * }</pre>
 */
public final class ReportEngine {

    /**
     * What a run wrote.
     *
     * @param outputDir the output folder
     * @param html      report.html
     * @param files     every file written, relative to the output folder
     * @param rowsRead  data rows in the cohort file
     * @param analysed  rows analysed
     * @param warnings  Guardrails warnings
     * @param notes     Guardrails notes
     */
    public record Result(Path outputDir, Path html, List<String> files, int rowsRead, int analysed, int warnings,
            int notes) {
        public Result {
            files = List.copyOf(files);
        }
    }

    /** The Word report's file name. */
    public static final String DOCX = "report.docx";
    /** The workbook of the tables' file name. */
    public static final String XLSX = "tables.xlsx";

    private static final ReportEngine DEFAULTS = new ReportEngine(null, defaultSoftware(), ReportProgress.NONE);

    private final Boolean png;
    private final String software;
    private final ReportProgress progress;

    private ReportEngine(Boolean png, String software, ReportProgress progress) {
        this.png = png;
        this.software = software;
        this.progress = progress;
    }

    /** {@return the engine: figure files as the study says, software named from the jar, no progress shown} */
    public static ReportEngine withDefaults() {
        return DEFAULTS;
    }

    /** {@return an engine that writes PNG files (true), or not (false) whatever the study says} */
    public ReportEngine withPng(boolean on) {
        return new ReportEngine(on, software, progress);
    }

    /** {@return an engine that names the software so in the report, e.g. "survkit 0.1.0"} */
    public ReportEngine withSoftware(String name) {
        return new ReportEngine(png, Objects.requireNonNull(name, "name"), progress);
    }

    /** {@return an engine that tells {@code p} how far a run is (from the run's threads)} */
    public ReportEngine withProgress(ReportProgress p) {
        return new ReportEngine(png, software, Objects.requireNonNull(p, "progress"));
    }

    /** The figure files to write: the study's, with PNG added or removed when the engine says so. */
    private List<FigureFormat> formats(Study study) {
        Study.Figures f = study.figures();
        if (png == null || png == f.png()) {
            return f.formats();
        }
        List<FigureFormat> withPng = new ArrayList<>(f.formats());
        withPng.add(FigureFormat.PNG);
        return png ? f.withFormats(withPng).formats() : f.withoutPng().formats();
    }

    private static String defaultSoftware() {
        String v = ReportEngine.class.getPackage().getImplementationVersion();
        return "survkit " + (v == null ? "0.1.0-SNAPSHOT" : v) + " (Java " + Runtime.version().feature() + ")";
    }

    /**
     * Runs a study and writes its report.
     *
     * @throws InputException for any problem with the study, the cohort file or the output folder
     */
    public Result run(Study study) {
        Path out = study.outputDir();
        Path data = study.dataFile();
        if (!Files.isRegularFile(data)) {
            throw new InputException(study.fileName() + ", line " + study.data().line() + ", 'data': the cohort file "
                    + data + " does not exist. Paths are relative to the study file's folder.");
        }
        try {
            Files.createDirectories(out.resolve("tables"));
            Files.createDirectories(out.resolve("figures"));
        } catch (IOException e) {
            throw new InputException("cannot create the output folder " + out + " (" + e.getMessage() + "). Choose"
                    + " another with --out or 'output:' in the study file.", e);
        }
        progress.update("reading the data", 0, 1);
        AnalysisDataset dataset = AnalysisDataset.derive(study);
        dataset.write(dataset.file());
        progress.update("analyses", 0, 1);
        StudyAnalysis a = StudyAnalysis.run(study, dataset);
        progress.update("tables and figures", 0, 1);

        ReportTables t = new ReportTables(a);
        List<ReportTable> cox = new ArrayList<>();
        List<ReportTable> ph = new ArrayList<>();
        for (int i = 0; i < a.cox().size(); i++) {
            StudyAnalysis.CoxResult r = a.cox().get(i);
            cox.add(t.cox(r, "cox_" + (i + 1)));
            ph.add(r.zph() == null ? null : t.phTest(r, "cox_" + (i + 1) + "_ph"));
        }
        List<ReportFigures.Item> figures = ReportFigures.build(a, t);
        ReportTable guardrails = t.guardrails();
        List<FigureFormat> formats = formats(study);

        List<String> files = new ArrayList<>(List.of("report.html", AnalysisDataset.FILE));
        if (study.output().docx()) {
            files.addAll(List.of(DOCX, XLSX));
        }
        ReportContent draft = new ReportContent(a, t, t.flow(), a.table1() == null ? null : t.table1(), t.survival(),
                a.compared() ? t.comparisons() : null, a.pairs().isEmpty() && a.scorePairs().isEmpty() ? null
                        : t.pairwise(),
                a.rmst() == null ? null : t.rmst(), a.competing() == null ? null : t.cif(),
                a.competing() == null || a.competing().result().tests().isEmpty() ? null : t.gray(),
                a.competing() == null || a.competing().fineGray() == null || a.competing().fineGray().model() == null ? null
                        : t.fineGray(), cox, ph, figures,
                MethodsText.paragraphs(a, t, software), List.of(), software, sha256(data));
        for (ReportTable rt : draft.allTables(guardrails)) {
            files.add("tables/" + rt.id() + ".csv");
            files.add("tables/" + rt.id() + ".json");
        }
        files.addAll(FigureFiles.names(figures, formats));
        ReportContent content = new ReportContent(a, t, draft.flow(), draft.table1(), draft.survival(),
                draft.comparisons(), draft.pairwise(), draft.rmst(), draft.cif(), draft.gray(), draft.fineGray(), cox, ph,
                figures, draft.methods(), files, software,
                draft.dataSha256());
        try {
            ObjectWriter json = new ObjectMapper().writer(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")));
            for (ReportTable rt : content.allTables(guardrails)) {
                Files.writeString(out.resolve("tables").resolve(rt.id() + ".csv"), rt.csv(), StandardCharsets.UTF_8);
                Files.writeString(out.resolve("tables").resolve(rt.id() + ".json"), json.writeValueAsString(withNotes(rt))
                        + "\n", StandardCharsets.UTF_8);
            }
            Path html = out.resolve("report.html");
            Files.writeString(html, HtmlReport.render(content), StandardCharsets.UTF_8);
            FigureFiles.write(out.resolve("figures"), figures, formats, study.figures().dpi(), progress);
            if (study.output().docx()) {
                writeWord(out, content, content.allTables(guardrails), figures, formats, study.figures().dpi());
            }
            int warnings = (int) a.findings().stream().filter(f -> f.diagnostic().severity()
                    == org.survkit.stats.Diagnostic.Severity.WARNING).count();
            return new Result(out, html, files, a.flow().rowsRead(), a.flow().analysed(), warnings,
                    a.findings().size() - warnings);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException("cannot write the report into " + out + " (" + e.getMessage() + ").", e);
        }
    }

    /** report.docx with the figures as PNG (the files just written when PNG is among the formats) and tables.xlsx. */
    private static void writeWord(Path out, ReportContent content, List<ReportTable> tables,
            List<ReportFigures.Item> figures, List<FigureFormat> formats, int dpi) throws IOException {
        Map<String, byte[]> png = new ConcurrentHashMap<>();
        boolean written = formats.contains(FigureFormat.PNG);
        figures.parallelStream().forEach(f -> {
            try {
                png.put(f.id(), written ? Files.readAllBytes(out.resolve("figures").resolve(f.id() + ".png"))
                        : PngRenderer.render(f.svg(), dpi));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Files.write(out.resolve(DOCX), DocxReport.write(content, png, dpi));
        try (OutputStream x = Files.newOutputStream(out.resolve(XLSX))) {
            TablesWorkbook.write(tables, x);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InputException("cannot read " + file + " (" + e.getMessage() + ").", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table's JSON with its title and footnotes (what the tests and abbreviations mean), unless it has them. */
    private static com.fasterxml.jackson.databind.JsonNode withNotes(ReportTable rt) {
        if (!(rt.json() instanceof com.fasterxml.jackson.databind.node.ObjectNode o) || o.has("notes")) {
            return rt.json();
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = o.deepCopy();
        if (!copy.has("title")) {
            copy.put("title", rt.title());
        }
        com.fasterxml.jackson.databind.node.ArrayNode notes = copy.putArray("notes");
        rt.footnotes().forEach(notes::add);
        return copy;
    }
}

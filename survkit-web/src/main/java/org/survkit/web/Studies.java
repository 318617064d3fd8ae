package org.survkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.survkit.cli.Version;
import org.survkit.io.InputException;
import org.survkit.plot.FigureExport;
import org.survkit.plot.FigureFormat;
import org.survkit.report.ReportEngine;
import org.survkit.report.analysis.StudyAnalysis;
import org.survkit.report.tables.ReportTable;
import org.survkit.report.tables.ReportTables;
import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;
import org.survkit.study.file.StudyWriter;
import org.survkit.study.key.StudyKeys;

/**
 * The study endpoints: save, rename, duplicate, delete; the report, the study file and the export of a saved
 * study (survkit-report's {@link StudyWriter} and {@link ReportEngine}, in a fresh folder per request); and the
 * figure of the page.
 */
final class Studies {
    private final StudyStore store;
    private final Datasets datasets;
    private final Path reports;
    private final HeapBudget heap;
    private final AnalysisQueue queue;

    Studies(StudyStore store, Datasets datasets, Path dataDir, HeapBudget heap, AnalysisQueue queue) {
        this.store = store;
        this.datasets = datasets;
        this.reports = PrivateFiles.folder(dataDir.resolve("reports"));
        this.heap = heap;
        this.queue = queue;
    }

    /** Deletes report folders a crash left behind (each request's folder is deleted when it is answered). */
    void cleanUp() {
        try (Stream<Path> s = Files.list(reports)) {
            s.forEach(PrivateFiles::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void create(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx.body());
        String name = name(JsonBodies.text(body, "name", "Untitled study"));
        String dataset = JsonBodies.text(body, "dataset");
        datasets.get(dataset);
        JsonNode settings = body.get("settings");
        if (!(settings instanceof ObjectNode)) {
            throw ApiError.badRequest("'settings' must be an object (the page's options).");
        }
        String id = store.create(name, dataset, settings, body.get("results"), Version.get());
        ctx.status(201);
        WebServer.json(ctx, store.get(id));
    }

    void update(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode body = JsonBodies.object(ctx.body());
        String name = body.has("name") ? name(JsonBodies.text(body, "name")) : null;
        JsonNode settings = body.get("settings");
        if (settings != null && !(settings instanceof ObjectNode)) {
            throw ApiError.badRequest("'settings' must be an object.");
        }
        JsonNode results = body.get("results");
        store.update(id, name, settings, results == null || results.isNull() ? null : results, Version.get());
        WebServer.json(ctx, store.get(id));
    }

    void duplicate(Context ctx) {
        String id = ctx.pathParam("id");
        String body = ctx.body();
        String name = null;
        if (body != null && !body.isBlank()) {
            ObjectNode o = JsonBodies.object(body);
            name = o.has("name") ? name(JsonBodies.text(o, "name")) : null;
        }
        String copy = store.duplicate(id, name, Version.get());
        ctx.status(201);
        WebServer.json(ctx, store.get(copy));
    }

    void delete(Context ctx) {
        store.delete(ctx.pathParam("id"));
        ctx.status(204);
    }

    void figure(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx.body());
        Datasets.Dataset d = datasets.get(JsonBodies.text(body, "dataset"));
        String formatText = JsonBodies.text(body, "format", "svg");
        FigureFormat format = java.util.Arrays.stream(FigureFormat.values()).filter(f -> f.id().equals(formatText))
                .findFirst().orElseThrow(() -> ApiError.badRequest("'format' must be svg, png, pdf, eps or tiff."));
        ObjectNode options = objectOrNull(body, "options");
        ObjectNode figure = objectOrNull(body, "figure");
        ObjectNode groups = objectOrNull(body, "groups");
        queue.run(heap.analysis("km", options, d, datasets.limits()), "the figure of " + d.fileName(), () -> {
            Path data = d.file();
            ObjectNode given = options;
            List<String> order = groups == null ? List.of() : WebValues.labels(StudyKeys.GROUP_ORDER, groups, "order");
            if (DerivedGroups.needed(groups, body)) {
                // groups derived by rules, eligibility criteria: the figure of the report's analysis dataset of the
                // page's study
                DerivedGroups.Derived derived = DerivedGroups.derive(d, options, groups, body);
                data = derived.file();
                given = DerivedGroups.options(options, derived.group());
                order = derived.order();
            }
            String svg;
            try {
                svg = FigureMaker.svg(data, given, figure, order);
            } catch (InputException e) {
                throw ApiError.badRequest(e.getMessage());
            }
            int dpi = WebValues.ofOrDefault(StudyKeys.DPI, figure, "dpi");
            ctx.contentType(switch (format) {
                case SVG -> "image/svg+xml";
                case PNG -> "image/png";
                case PDF -> "application/pdf";
                case EPS -> "application/postscript";
                case TIFF -> "image/tiff";
            });
            ctx.result(FigureExport.convert(svg, List.of(format), dpi).get(format));
            return null;
        });
    }

    /**
     * Checks the page's group rules by deriving the groups as the report does: {@code {"name", "groups": [{"label",
     * "rows"}], "unassigned": N}} (rows no rule or otherwise holds), or 400 naming the rule (and the position of a
     * syntax error).
     */
    void groupsPreview(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx.body());
        Datasets.Dataset d = datasets.get(JsonBodies.text(body, "dataset"));
        ObjectNode options = objectOrNull(body, "options");
        ObjectNode groups = objectOrNull(body, "groups");
        if (!StudyFromSettings.hasRules(groups)) {
            throw ApiError.badRequest("add at least one group rule (a label and a condition).");
        }
        ObjectNode out = queue.run(heap.analysis("km", options, d, datasets.limits()), "the groups of "
                + d.fileName(), () -> {
            org.survkit.report.analysis.AnalysisDataset ds = DerivedGroups.dataset(d, options, groups, body);
            ObjectNode o = JsonBodies.MAPPER.createObjectNode();
            o.put("name", ds.groupColumn());
            com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray("groups");
            java.util.Map<String, Integer> counts = DerivedGroups.counts(ds);
            for (java.util.Map.Entry<String, Integer> e : counts.entrySet()) {
                if (!e.getKey().isEmpty()) {
                    a.addObject().put("label", e.getKey()).put("rows", e.getValue());
                }
            }
            o.put("unassigned", counts.getOrDefault("", 0));
            o.put("not_eligible", DerivedGroups.notEligible(ds));
            return o;
        });
        WebServer.json(ctx, out);
    }

    /** The report's tables the page can ask for, in the report's order. */
    private static final List<String> TABLES = List.of("survival", "comparisons", "pairwise");

    /**
     * The report's tables of unsaved settings, computed in memory as {@code survkit report} computes them (the
     * study the page would save, its analysis dataset, {@link StudyAnalysis} and {@link ReportTables}; no folder,
     * no file): {@code {"tables": [{"id", "title", "header", "rows", "row_kinds", "notes"}]}}, only the tables the
     * study has (no comparisons with one group, no pairwise table without pairs).
     */
    void tables(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx.body());
        Datasets.Dataset d = datasets.get(JsonBodies.text(body, "dataset"));
        if (!(body.get("settings") instanceof ObjectNode settings)) {
            throw ApiError.badRequest("'settings' must be an object (the page's options).");
        }
        List<String> wanted = TABLES;
        if (body.get("tables") != null && !body.get("tables").isNull()) {
            if (!(body.get("tables") instanceof com.fasterxml.jackson.databind.node.ArrayNode a)) {
                throw ApiError.badRequest("'tables' must be a list of " + String.join(", ", TABLES) + ".");
            }
            List<String> asked = new java.util.ArrayList<>();
            for (JsonNode t : a) {
                if (!t.isTextual() || !TABLES.contains(t.asText())) {
                    throw ApiError.badRequest("'tables' must be a list of " + String.join(", ", TABLES) + ".");
                }
                asked.add(t.asText());
            }
            wanted = TABLES.stream().filter(asked::contains).toList();
        }
        ObjectNode only = settings.deepCopy(); // the tables need neither the Cox models nor Table 1
        only.remove("cox");
        only.remove("table1");
        List<String> tables = wanted;
        ObjectNode out = queue.run(heap.analysis("km", only, d, datasets.limits()), "the tables of "
                + d.fileName(), () -> {
            StudyAnalysis a = analysis(d, only);
            ReportTables t = new ReportTables(a);
            ObjectNode o = JsonBodies.MAPPER.createObjectNode();
            com.fasterxml.jackson.databind.node.ArrayNode list = o.putArray("tables");
            for (String id : tables) {
                ReportTable rt = switch (id) {
                    case "survival" -> t.survival();
                    case "comparisons" -> a.compared() ? t.comparisons() : null;
                    default -> a.pairs().isEmpty() && a.scorePairs().isEmpty() ? null : t.pairwise();
                };
                if (rt != null) {
                    list.add(json(rt));
                }
            }
            return o;
        });
        WebServer.json(ctx, out);
    }

    /** The report's analysis, in memory, of the study the page's settings describe; a mistake is a 400. */
    private static StudyAnalysis analysis(Datasets.Dataset d, ObjectNode settings) {
        Study study = DerivedGroups.study(d, settings);
        try {
            return StudyAnalysis.run(study, DerivedGroups.dataset(d, study));
        } catch (InputException e) {
            throw ApiError.badRequest(Messages.forPage(e.getMessage(), d.file().getParent()));
        }
    }

    private static ObjectNode json(ReportTable rt) {
        ObjectNode o = JsonBodies.MAPPER.createObjectNode();
        o.put("id", rt.id());
        o.put("title", rt.title());
        rt.header().forEach(o.putArray("header")::add);
        com.fasterxml.jackson.databind.node.ArrayNode rows = o.putArray("rows");
        rt.rows().forEach(r -> r.forEach(rows.addArray()::add));
        rt.rowKinds().forEach(o.putArray("row_kinds")::add);
        rt.footnotes().forEach(o.putArray("notes")::add);
        return o;
    }

    private static ObjectNode objectOrNull(ObjectNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!(v instanceof ObjectNode x)) {
            throw ApiError.badRequest("'" + key + "' must be an object.");
        }
        return x;
    }

    /**
     * Table 1 of unsaved settings, as the report shows it: {@code {"id", "title", "header": [...], "rows": [[...]],
     * "row_kinds": [...], "notes": [...]}} (the report's own table, computed in memory).
     */
    void table1(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx.body());
        String dataset = JsonBodies.text(body, "dataset");
        if (!(body.get("settings") instanceof ObjectNode settings)) {
            throw ApiError.badRequest("'settings' must be an object (the page's options).");
        }
        if (FigureMaker.list(settings, "table1").isEmpty()) {
            throw ApiError.badRequest("choose the Table 1 variables first.");
        }
        ObjectNode only = settings.deepCopy(); // Table 1 needs no Cox model
        only.remove("cox");
        Datasets.Dataset d = datasets.get(dataset);
        // the report's Table 1, computed in memory on the study the page would save (no report folder)
        ObjectNode out = queue.run(heap.analysis("km", only, d, datasets.limits()), "Table 1 of " + d.fileName(),
                () -> {
                    return json(new ReportTables(analysis(d, only)).table1());
                });
        WebServer.json(ctx, out);
    }

    /** The self-contained HTML report of a saved study. */
    void report(Context ctx) {
        ObjectNode s = store.get(ctx.pathParam("id"));
        inFolder(prepare(s), "report", s.get("settings"), dir -> {
            run(dir, false, false);
            String html = Files.readString(dir.resolve("report").resolve("report.html"), StandardCharsets.UTF_8);
            ctx.contentType("text/html; charset=utf-8");
            // the report is a document with inline CSS and SVG and no script: sandboxed on its own opaque origin
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
                    + " sandbox");
            if ("1".equals(ctx.queryParam("download"))) {
                ctx.header("Content-Disposition", "attachment; filename=\"" + fileStem(s) + "-report.html\"");
            }
            ctx.result(html);
        });
    }

    /**
     * A file of the report that the study key {@code docx} adds ({@link ReportEngine#DOCX}, {@link
     * ReportEngine#XLSX}), of a saved study: its report run with that key on, as {@code survkit report study.yaml
     * --docx} would.
     */
    void office(Context ctx, String file, String contentType) {
        ObjectNode s = store.get(ctx.pathParam("id"));
        inFolder(prepare(s), "report", s.get("settings"), dir -> {
            run(dir, false, true);
            ctx.contentType(contentType);
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileStem(s) + "-" + file + "\"");
            ctx.result(Files.readAllBytes(dir.resolve("report").resolve(file)));
        });
    }

    /** The study file that reproduces the report from the command line (next to the data file). */
    void yaml(Context ctx) {
        ObjectNode s = store.get(ctx.pathParam("id"));
        inFolder(prepare(s), "km", null, dir -> {
            ctx.contentType("application/yaml; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"study.yaml\"");
            ctx.result(Files.readString(dir.resolve("study.yaml"), StandardCharsets.UTF_8));
        });
    }

    /** A ZIP of everything: study.yaml, the data file, report.html, tables (CSV/JSON), figures (SVG/PNG). */
    void export(Context ctx) {
        ObjectNode s = store.get(ctx.pathParam("id"));
        inFolder(prepare(s), "report", s.get("settings"), dir -> {
            run(dir, true, false);
            ctx.contentType("application/zip");
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileStem(s) + ".zip\"");
            // streamed: the data file and the figures are not held in memory
            try (ZipOutputStream zip = new ZipOutputStream(ctx.outputStream()); Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(dir.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, zip);
                    zip.closeEntry();
                }
            }
        });
    }

    /** Work on a prepared folder, which is deleted afterwards whatever happens. */
    private interface FolderWork {
        void run(Path dir) throws IOException;
    }

    /**
     * Runs work on a prepared folder through the {@link AnalysisQueue} (estimated as {@code analysis} of the
     * folder's dataset with these settings), and deletes the folder whatever happens.
     */
    private void inFolder(Prepared p, String analysis, JsonNode settings, FolderWork work) {
        try {
            queue.run(heap.analysis(analysis, settings, p.dataset(), datasets.limits()), "the report of "
                    + p.dataset().fileName(), () -> {
                        try {
                            work.run(p.dir());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return null;
                    });
        } finally {
            PrivateFiles.delete(p.dir());
        }
    }

    /** A prepared folder and the dataset in it. */
    private record Prepared(Path dir, Datasets.Dataset dataset) {
    }

    /** A fresh folder with the data file and study.yaml (written by StudyWriter) of a saved study. */
    private Prepared prepare(ObjectNode s) {
        return prepare(s.get("dataset").asText(), s.get("name").asText(), (ObjectNode) s.get("settings"));
    }

    private Prepared prepare(String datasetId, String name, ObjectNode settings) {
        Datasets.Dataset d = datasets.get(datasetId);
        Path dir = PrivateFiles.folder(reports.resolve(Tokens.id()));
        try {
            PrivateFiles.copy(d.file(), dir.resolve(d.fileName()));
            Path yaml = dir.resolve("study.yaml");
            Study study = StudyFromSettings.study(settings, yaml, d.fileName());
            PrivateFiles.writeString(yaml, StudyWriter.write(study, List.of("Made by survkit serve " + Version.get()
                    + ", study '" + name + "'. Put this file next to " + d.fileName()
                    + " and run: survkit report study.yaml")));
            return new Prepared(dir, d);
        } catch (IOException e) {
            PrivateFiles.delete(dir);
            throw Faults.diskFull(e) ? ApiError.diskFull("the report") : new UncheckedIOException(e);
        } catch (RuntimeException e) {
            PrivateFiles.delete(dir);
            throw e;
        }
    }

    /** Runs the study file as {@code survkit report study.yaml} would (with {@code --docx} when docx is true). */
    private static void run(Path dir, boolean png, boolean docx) {
        try {
            Study study = StudyReader.read(dir.resolve("study.yaml"));
            if (docx) {
                study = study.withDocx(true);
            }
            ReportEngine.withDefaults().withSoftware("survkit " + Version.get()).withPng(png).run(study);
        } catch (InputException e) {
            throw ApiError.badRequest(Messages.forPage(e.getMessage(), dir));
        }
    }

    private static String fileStem(ObjectNode s) {
        String n = s.get("name").asText().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return n.isEmpty() ? "study" : n.length() > 60 ? n.substring(0, 60) : n;
    }

    /**
     * A study name as kept: control characters become spaces, and a lone surrogate (which no UTF-8 text can hold)
     * U+FFFD; any other text is kept as given (the study file escapes what YAML needs escaped).
     */
    private static String name(String given) {
        String n = given == null ? "" : given.replaceAll("\\p{Cntrl}", " ").replaceAll("\\p{Cs}", "\uFFFD").strip();
        if (n.isEmpty()) {
            throw ApiError.badRequest("a study needs a name.");
        }
        if (n.length() > 200) {
            throw ApiError.badRequest("a study name has at most 200 characters.");
        }
        return n;
    }
}

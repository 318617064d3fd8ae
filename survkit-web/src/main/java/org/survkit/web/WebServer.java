package org.survkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.survkit.report.ReportEngine;
import org.survkit.report.html.HtmlReport;
import org.survkit.cli.Version;
import org.survkit.stats.PValueFormat;
import org.survkit.plot.Palette;
import org.survkit.stats.logrank.Weighting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code survkit serve}: the bundled page and the JSON API, on Javalin (Jetty). Every request
 * passes {@link AccessGuard} first. Errors are answered as {@code {"error": "..."}} with a 4xx status, or a
 * generic 500 whose details go only to the server log.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final Map<String, String> ASSETS = Map.of("app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8", "favicon.svg", "image/svg+xml");
    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** How much more of a refused upload is read after the limit, so that the refusal reaches the client. */
    static final long DRAIN_BYTES = 64L << 20;

    private final ServerSettings settings;
    private final AccessGuard guard;
    private final StudyStore store;
    private final Datasets datasets;
    private final Javalin app;
    private final String page;
    private final Studies studies;
    private final DataChecks checks;
    private final HeapBudget heap;
    private final AnalysisQueue queue;

    private WebServer(ServerSettings settings, HeapBudget heap) {
        this.settings = settings;
        this.heap = heap;
        PrivateFiles.dataFolder(settings.dataDir());
        this.store = StudyStore.open(settings.jdbcUrl() != null ? settings.jdbcUrl()
                : StudyStore.defaultUrl(settings.dataDir()), settings.jdbcUrl() != null ? null : settings.dataDir());
        this.queue = new AnalysisQueue(heap.budget(), heap.maxWaiting(), heap.maxWaitSeconds());
        this.datasets = new Datasets(settings.dataDir(), settings.maxUploadBytes(), settings.maxRows(),
                heap.readLimits(settings.maxColumns()), store, heap, queue);
        this.studies = new Studies(store, datasets, settings.dataDir(), heap, queue);
        this.checks = new DataChecks(datasets, heap, queue);
        datasets.cleanUp();
        studies.cleanUp();
        this.page = PageLabels.fill(resource("index.html"));
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = 8L * 1024 * 1024; // JSON bodies: a study with its result summary is a few KB
            c.routes.before(this::before);
            c.routes.get("/", this::page);
            c.routes.get("/assets/{name}", this::asset);
            c.routes.get("/api/config", this::config);
            c.routes.post("/api/datasets", this::upload);
            c.routes.get("/api/datasets/{id}", ctx -> json(ctx, datasets.describe(datasets.get(ctx.pathParam("id")))));
            c.routes.delete("/api/datasets/{id}", ctx -> {
                datasets.remove(ctx.pathParam("id"));
                ctx.status(204);
            });
            c.routes.post("/api/check", checks::check);
            c.routes.post("/api/analyses", this::analysis);
            c.routes.get("/api/analyses/options", this::analysisOptions);
            c.routes.get("/api/labels", ctx -> json(ctx, Messages.labels()));
            c.routes.post("/api/figures", ctx -> studies.figure(ctx));
            c.routes.post("/api/groups/preview", ctx -> studies.groupsPreview(ctx));
            c.routes.post("/api/table1", ctx -> studies.table1(ctx));
            c.routes.post("/api/tables", ctx -> studies.tables(ctx));
            c.routes.get("/api/studies", ctx -> json(ctx, store.list()));
            c.routes.post("/api/studies", ctx -> studies.create(ctx));
            c.routes.get("/api/studies/{id}", ctx -> json(ctx, store.get(ctx.pathParam("id"))));
            c.routes.put("/api/studies/{id}", ctx -> studies.update(ctx));
            c.routes.delete("/api/studies/{id}", ctx -> studies.delete(ctx));
            c.routes.post("/api/studies/{id}/duplicate", ctx -> studies.duplicate(ctx));
            c.routes.get("/api/studies/{id}/report", ctx -> studies.report(ctx));
            c.routes.get("/api/studies/{id}/study.yaml", ctx -> studies.yaml(ctx));
            c.routes.get("/api/studies/{id}/" + ReportEngine.DOCX, ctx -> studies.office(ctx, ReportEngine.DOCX,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
            c.routes.get("/api/studies/{id}/" + ReportEngine.XLSX, ctx -> studies.office(ctx, ReportEngine.XLSX,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            c.routes.get("/api/studies/{id}/export.zip", ctx -> studies.export(ctx));
            c.routes.exception(ApiError.class, (e, ctx) -> {
                if (e.retryAfterSeconds() > 0) {
                    ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
                }
                error(ctx, e.status(), e.getMessage());
            });
            c.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                    switch (e.getStatus()) {
                        case 404 -> "no such page or API endpoint: " + Datasets.clip(ctx.path());
                        case 405 -> "method not allowed here.";
                        case 413 -> "the request is too large.";
                        default -> "the request could not be handled (" + Datasets.clip(e.getMessage()) + ").";
                    }));
            c.routes.exception(Exception.class, (e, ctx) -> {
                if (Faults.diskFull(e)) {
                    LOG.warn("disk full on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                    error(ctx, 507, ApiError.diskFull("the result").getMessage());
                    return;
                }
                LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error in survkit (details are in the server's log); please report it"
                        + " with what you did.");
            });
            c.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{")) {
                    error(ctx, 404, "no such page or API endpoint: " + Datasets.clip(ctx.path()));
                }
            });
            c.routes.error(405, ctx -> error(ctx, 405, "method not allowed here."));
        });
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        this.guard = new AccessGuard(settings.token(), Tokens.token(), settings.host(), app.port());
    }

    /** Starts a server; the caller closes it. */
    public static WebServer start(ServerSettings settings) {
        return new WebServer(settings, HeapBudget.ofThisJvm());
    }

    /** Starts a server with a given memory budget (for tests of the queue). */
    static WebServer start(ServerSettings settings, HeapBudget heap) {
        return new WebServer(settings, heap);
    }

    /** {@return the line in front of the work that needs memory (for tests)} */
    AnalysisQueue queue() {
        return queue;
    }

    /** {@return the port listened on} */
    public int port() {
        return app.port();
    }

    /** {@return the base URL, e.g. http://127.0.0.1:8080/} */
    public String url() {
        String h = settings.host();
        if (h.equals("0.0.0.0") || h.equals("::")) {
            h = "127.0.0.1";
        }
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return "http://" + h + ":" + port() + "/";
    }

    /** {@return the URL with the token, as printed} */
    public String tokenUrl() {
        return url() + "?token=" + settings.token();
    }

    /** {@return the database, with any password hidden} */
    public String database() {
        return store.url();
    }

    @Override
    public void close() {
        app.stop();
        store.close();
    }

    private void before(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", PAGE_CSP);
        if (guard == null) {
            throw new ApiError(503, "starting, try again.");
        }
        if (ctx.method() == io.javalin.http.HandlerType.POST && ctx.path().equals("/api/datasets")) {
            // refused before the body is read only when the client waits for a go-ahead (Expect: 100-continue,
            // as curl does for large files) or the body is too large to read away; else upload() reads it
            long length = ctx.req().getContentLengthLong();
            boolean waits = "100-continue".equalsIgnoreCase(ctx.header("Expect"));
            if (length > settings.maxUploadBytes() + 64 * 1024 && (waits
                    || length > settings.maxUploadBytes() + drainBytes())) {
                ctx.header("Connection", "close");
                throw datasets.tooBig(null);
            }
        }
        guard.check(ctx);
        if (ctx.queryParam("token") != null && ctx.path().equals("/")) {
            ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
        }
    }

    private void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(page.replace("{{csrf}}", guard.csrf()).replace("{{version}}", HtmlReport.esc(Version.get()))
                .replace("{{max_upload}}", Datasets.megabytes(settings.maxUploadBytes()))
                .replace("{{max_upload_bytes}}", Long.toString(settings.maxUploadBytes())));
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("name");
        String type = ASSETS.get(name);
        if (type == null) {
            throw ApiError.notFound("no such asset.");
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(type);
        ctx.result(resource(name));
    }

    private void config(Context ctx) {
        ObjectNode o = JsonBodies.MAPPER.createObjectNode();
        o.put("version", Version.get());
        o.put("max_upload_bytes", settings.maxUploadBytes());
        o.put("max_rows", settings.maxRows());
        o.put("database", store.url().startsWith("jdbc:h2:") ? "h2" : "postgresql");
        displayFacts(o);
        json(ctx, o);
    }

    /**
     * What the page shows as the figures and the report do, taken from their one home instead of copied into
     * app.js: {@code palette} (survkit-plot's {@link Palette#okabeIto()}), {@code test_names} (test id →
     * {@link Weighting#displayName()}), {@code p_styles} (each P style's {@link PValueFormat#rules()}, the digits
     * style with its default digits), {@code p_digits} (the digits style's rules per number of digits) and
     * {@code numbers} (the report's interval dash, "NR", the missing sign and the decimals of hazard ratios and times,
     * survkit-report {@code Formats}).
     */
    static void displayFacts(ObjectNode o) {
        Palette.okabeIto().colors().forEach(o.putArray("palette")::add);
        ObjectNode names = o.putObject("test_names");
        for (Weighting w : Weighting.values()) {
            names.put(w.id(), w.displayName());
        }
        // each P style's rules (survkit-stats PValueFormat.rules()), which app.js interprets; digits with the default
        ObjectNode styles = o.putObject("p_styles");
        for (PValueFormat.Style st : PValueFormat.Style.CHOICES) {
            styles.set(st.id(), JsonBodies.MAPPER.valueToTree(PValueFormat.of(st,
                    org.survkit.study.key.StudyKeys.P_DIGITS.defaultValue()).rules()));
        }
        // the digits style's rules for each number of digits the P-digits field takes
        ObjectNode digits = o.putObject("p_digits");
        for (int d = PValueFormat.MIN_DIGITS; d <= PValueFormat.MAX_DIGITS; d++) {
            digits.set(Integer.toString(d), JsonBodies.MAPPER.valueToTree(PValueFormat.withDigits(d).rules()));
        }
        // the report's number style (survkit-report Formats): interval dash, not reached, missing, decimals
        o.putObject("numbers").put("dash", org.survkit.report.tables.Formats.DASH)
                .put("not_reached", org.survkit.report.tables.Formats.NOT_REACHED)
                .put("missing", org.survkit.report.tables.Formats.NA)
                .put("ratio_digits", org.survkit.report.tables.Formats.RATIO_DIGITS)
                .put("ratio_max_digits", org.survkit.report.tables.Formats.RATIO_MAX_DIGITS)
                .put("days_digits", org.survkit.report.tables.Formats.timeDigits("days"))
                .put("time_digits", org.survkit.report.tables.Formats.timeDigits("months"));
    }

    /** {@return for km, compare and cox: the option names the API accepts (the CLI's, in snake_case)} */
    private void analysisOptions(Context ctx) {
        ObjectNode o = JsonBodies.MAPPER.createObjectNode();
        for (String a : List.of("km", "compare", "cox")) {
            com.fasterxml.jackson.databind.node.ArrayNode names = o.putArray(a);
            AnalysisOptions.options(a).keySet().forEach(names::add);
        }
        json(ctx, o);
    }

    private long drainBytes() {
        return Math.max(DRAIN_BYTES, settings.maxUploadBytes());
    }

    /**
     * An upload, streamed from the request ({@link MultipartUpload}) into {@link Datasets#upload}. On any refusal
     * the rest of the request is read and discarded (up to {@link #drainBytes()}) before the answer, so that the
     * client, still sending, receives it; a client that sends even more gets the answer with the connection
     * closed.
     */
    private void upload(Context ctx) throws IOException {
        MultipartUpload body = MultipartUpload.of(ctx.contentType(), ctx.req().getInputStream());
        String name = null;
        try {
            if (body == null) {
                throw ApiError.badRequest("send the file as multipart/form-data in the field 'file'"
                        + " (curl -F file=@cohort.csv ...).");
            }
            MultipartUpload.FilePart part = body.file("file", settings.maxUploadBytes());
            if (part == null) {
                throw ApiError.badRequest("no file in the field 'file' of the upload (curl -F file=@cohort.csv ...).");
            }
            name = FileNames.safe(part.fileName());
            Datasets.Uploaded kept = datasets.upload(part.fileName(), part.content());
            body.drain(drainBytes());
            ctx.status(201);
            json(ctx, kept.description());
        } catch (MultipartUpload.TooLarge e) {
            finishRefused(ctx, body);
            throw datasets.tooBig(name);
        } catch (RuntimeException e) {
            finishRefused(ctx, body);
            throw e;
        }
    }

    private void finishRefused(Context ctx, MultipartUpload body) throws IOException {
        boolean ended = body != null ? body.drain(drainBytes())
                : MultipartUpload.drain(ctx.req().getInputStream(), drainBytes());
        if (!ended) {
            ctx.header("Connection", "close");
        }
    }

    private void analysis(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx.body());
        for (java.util.Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!List.of("dataset", "analysis", "options", "format", "groups", "include", "exclude").contains(k)) {
                throw ApiError.badRequest("unknown member '" + Datasets.clip(k) + "': a request has dataset,"
                        + " analysis, options and optionally format, groups, include and exclude.");
            }
        }
        String analysis = JsonBodies.text(body, "analysis");
        String format = JsonBodies.text(body, "format", "json");
        JsonNode options = body.get("options");
        if (options != null && !options.isNull() && !options.isObject()) {
            throw ApiError.badRequest("'options' must be an object, e.g. {\"time\": \"time\", \"event\": \"status\"}.");
        }
        Datasets.Dataset d = datasets.get(JsonBodies.text(body, "dataset"));
        ObjectNode given = options == null || options.isNull() ? null : (ObjectNode) options;
        Path data = d.file();
        ObjectNode groups = body.get("groups") instanceof ObjectNode g ? g : null;
        if (DerivedGroups.needed(groups, body)) {
            ObjectNode asked = given;
            // groups derived by rules, eligibility criteria: the analysis runs on the report's analysis dataset of the
            // page's study
            DerivedGroups.Derived derived = queue.run(heap.analysis(analysis, options, d, datasets.limits()),
                    "the groups of " + d.fileName(), () -> DerivedGroups.derive(d, asked, groups, body));
            data = derived.file();
            given = DerivedGroups.options(given, derived.group());
            if (AnalysisOptions.ANALYSES.contains(analysis) && !AnalysisOptions.options(analysis).containsKey("group")) {
                given.remove("group"); // cox: the derived group is a covariate, named in its covariates
            }
        }
        List<String> args = AnalysisOptions.arguments(analysis, data, given, format);
        CliRun run = queue.run(heap.analysis(analysis, options, d, datasets.limits()), "the " + analysis
                + " analysis of " + d.fileName(), () -> CliRun.run(args));
        if (run.status() == 0) {
            ctx.contentType(switch (format) {
                case "csv" -> "text/csv; charset=utf-8";
                case "text" -> "text/plain; charset=utf-8";
                default -> "application/json";
            });
            // the CLI names the source as given (the server's absolute path): name it as the user does, by the file
            // name, which is exactly what 'survkit km lung.csv ...' prints when run in the file's folder
            ctx.result(Messages.clean(run.out(), data.getParent()));
            return;
        }
        if (run.status() == 2) {
            throw ApiError.badRequest(Messages.forPage(run.message(), data.getParent()));
        }
        LOG.error("survkit {} failed (exit {}): {}", analysis, run.status(), run.err());
        throw new ApiError(500, "internal error in survkit while running " + analysis + " (details are in the"
                + " server's log); please report it with the options used.");
    }

    static void json(Context ctx, JsonNode node) {
        ctx.contentType("application/json");
        ctx.result(node.toString());
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/") || !acceptsHtml(ctx)) {
            ctx.contentType("application/json");
            ctx.result(JsonBodies.error(message));
        } else {
            ctx.contentType("text/html; charset=utf-8");
            ctx.result("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>survkit</title></head>"
                    + "<body style=\"font-family:sans-serif;max-width:40em;margin:4em auto;color:#1f2933\">"
                    + "<h1 style=\"font-size:1.3em\">survkit</h1><p>" + HtmlReport.esc(message) + "</p></body></html>");
        }
    }

    private static boolean acceptsHtml(Context ctx) {
        String a = ctx.header("Accept");
        return a != null && a.contains("text/html");
    }

    static String resource(String name) {
        try (InputStream in = WebServer.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled asset " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

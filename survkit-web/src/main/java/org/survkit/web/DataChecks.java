package org.survkit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's "Check data" step, {@code POST /api/check} with {@code {"dataset": ID, "options": {...}}}: the command
 * line's {@code survkit check DATA --format json} run in process on the uploaded file, with the reading options of
 * the page (missing-value codes, decimal mark, date format, sheet) and, when mapped, its follow-up and event columns
 * and event and censored values ({@link AnalysisOptions#checkArguments}). The answer is the command's JSON (file,
 * rows, clean, problem_count, columns, problems, event_coding, warnings) whether the file is clean (exit 0) or has
 * problems (exit 2); a file that cannot be read at all is a 400 with the command's message. The texts meant for the
 * user — what is wrong, what to do, the notes of the coding table and the warnings — name options by the page's
 * labels ({@link Messages#forPage}), as the page's other messages do.
 */
final class DataChecks {
    private static final Logger LOG = LoggerFactory.getLogger(DataChecks.class);
    private static final List<String> MEMBERS = List.of("dataset", "options");

    private final Datasets datasets;
    private final HeapBudget heap;
    private final AnalysisQueue queue;

    DataChecks(Datasets datasets, HeapBudget heap, AnalysisQueue queue) {
        this.datasets = datasets;
        this.heap = heap;
        this.queue = queue;
    }

    /** {@code POST /api/check}. */
    void check(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx.body());
        body.fieldNames().forEachRemaining(k -> {
            if (!MEMBERS.contains(k)) {
                throw ApiError.badRequest("unknown member '" + Datasets.clip(k) + "': a check has dataset and"
                        + " options.");
            }
        });
        JsonNode options = body.get("options");
        if (options != null && !options.isNull() && !options.isObject()) {
            throw ApiError.badRequest("'options' must be an object, e.g. {\"time\": \"time\", \"event\": \"status\"}.");
        }
        Datasets.Dataset d = datasets.get(JsonBodies.text(body, "dataset"));
        List<String> args = AnalysisOptions.checkArguments(d.file(), options instanceof ObjectNode o ? o : null);
        CliRun run = queue.run(heap.check(d, datasets.limits()), "the check of " + d.fileName(),
                () -> CliRun.run(args));
        WebServer.json(ctx, answer(run, d.file().getParent()));
    }

    /**
     * {@return the check's JSON in the page's words}
     *
     * @param run    the run of {@code survkit check --format json}
     * @param folder the dataset's folder (left out of messages)
     * @throws ApiError 400 when the file could not be checked at all (the command's message), 500 on a failure
     */
    static ObjectNode answer(CliRun run, Path folder) {
        if (run.status() == 0 || run.status() == 2) {
            String out = run.out().strip();
            if (out.startsWith("{")) {
                ObjectNode report;
                try {
                    report = (ObjectNode) JsonBodies.MAPPER.readTree(out);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("survkit check printed JSON that does not parse", e);
                }
                return inPageWords(report, folder);
            }
            if (run.status() == 2) {
                throw ApiError.badRequest(Messages.forPage(run.message(), folder));
            }
        }
        LOG.error("survkit check failed (exit {}): {}", run.status(), run.err());
        throw new ApiError(500, "internal error in survkit while checking the data (details are in the server's log);"
                + " please report it with the options used.");
    }

    /** The user's texts of a report with options named by the page's labels and without the server's folder. */
    private static ObjectNode inPageWords(ObjectNode report, Path folder) {
        for (JsonNode p : report.path("problems")) {
            for (String field : List.of("what", "fix", "message")) {
                page((ObjectNode) p, field, folder);
            }
        }
        for (JsonNode e : report.path("event_coding")) {
            page((ObjectNode) e, "note", folder);
        }
        if (report.get("warnings") instanceof ArrayNode warnings) {
            for (int i = 0; i < warnings.size(); i++) {
                warnings.set(i, Messages.forPage(warnings.get(i).asText(), folder));
            }
        }
        return report;
    }

    private static void page(ObjectNode o, String field, Path folder) {
        JsonNode v = o.get(field);
        if (v != null && v.isTextual() && !v.asText().isEmpty()) {
            o.put(field, Messages.forPage(v.asText(), folder));
        }
    }
}

package org.survkit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.survkit.io.ReadLimits;

/**
 * How much heap the server's work may take, and how much one request needs: the numbers behind
 * {@link AnalysisQueue} and the limits checked at start-up.
 *
 * <p>The budget is 60% of the maximum heap ({@code -Xmx}); the rest is for the web server, the database and
 * request bodies. Estimates per data row, from runs of the command line on a seeded 1,000,000-row cohort
 * (6 columns, 20 MB) with the smallest {@code -Xmx} that succeeded (OpenJDK 17, this repository's LoadTest
 * generator): {@code km} and {@code compare} under 96 MB (so at most 96 bytes a row), {@code cox} with 4
 * coefficients 256 MB (256 bytes a row), with 9 coefficients 512 MB (512 bytes a row). The estimates round these
 * up: 160 bytes a row for curves and tests; for Cox 160 bytes plus 48 per possible coefficient, counting 2 per
 * covariate term (a factor's levels are not known before it is read): 448 bytes a row for the 3 terms and 4
 * coefficients above, 736 for the 6 terms and 9 coefficients. A workbook adds its shared texts, which
 * fastexcel-reader keeps in memory: up to 4 bytes per unpacked byte. Checking an upload streams the file: 48 MB
 * for FastCSV's buffer and the preview.
 */
final class HeapBudget {
    /** Bytes a row of a Kaplan–Meier or log-rank analysis (and the figure). */
    static final long CURVES_PER_ROW = 160;
    /**
     * Bytes a cell of a check of the data (see {@link #check}): the whole table is held as text, and the cohort read.
     * Measured as above: a 1,000,000-row, 6-column cohort checked with its time and event columns under 256 MB (at
     * most 43 bytes a cell), rounded up.
     */
    static final long CHECK_PER_CELL = 64;
    /** Bytes a row of a Cox model, before its coefficients. */
    static final long COX_PER_ROW = 160;
    /** Bytes a row and coefficient of a Cox model. */
    static final long COX_PER_COEFFICIENT = 48;
    /** Coefficients counted per covariate term. */
    static final int COEFFICIENTS_PER_TERM = 2;
    /** The heap one row needs at least for the smallest useful analysis: a Cox model with one covariate term. */
    static final long MIN_PER_ROW = COX_PER_ROW + COX_PER_COEFFICIENT * COEFFICIENTS_PER_TERM;
    /** How to give Java more memory, for messages. */
    static final String MORE_MEMORY = "give Java more memory (SURVKIT_JAVA_OPTS=-Xmx4g ./survkit serve ...)";
    /** Checking an upload: FastCSV's largest buffer (16 Mi characters) and the preview. */
    static final long UPLOAD_CHECK = 48L << 20;

    /** Requests that may wait for memory, and how long each waits before it is refused. */
    static final int MAX_WAITING = 32;
    static final int MAX_WAIT_SECONDS = 60;

    private final long maxHeap;
    private final long budget;
    private final int maxWaiting;
    private final int maxWaitSeconds;

    HeapBudget(long maxHeap) {
        this(maxHeap, MAX_WAITING, MAX_WAIT_SECONDS);
    }

    /** A budget as if the heap were {@code maxHeap}, with another line (for tests of the queue). */
    HeapBudget(long maxHeap, int maxWaiting, int maxWaitSeconds) {
        this.maxHeap = maxHeap;
        this.budget = maxHeap / 10 * 6;
        this.maxWaiting = maxWaiting;
        this.maxWaitSeconds = maxWaitSeconds;
    }

    int maxWaiting() {
        return maxWaiting;
    }

    int maxWaitSeconds() {
        return maxWaitSeconds;
    }

    /** {@return the budget of this JVM's heap} */
    static HeapBudget ofThisJvm() {
        return new HeapBudget(Runtime.getRuntime().maxMemory());
    }

    long maxHeap() {
        return maxHeap;
    }

    long budget() {
        return budget;
    }

    /** {@return the most data rows one analysis of which fits the budget} */
    int maxRows() {
        return (int) Math.min(Integer.MAX_VALUE - 1L, budget / MIN_PER_ROW);
    }

    /**
     * {@return the caps for reading uploads: the columns given, Excel's 32,767 characters per cell, and an
     * unpacked workbook of at most an eighth of the heap (its shared texts stay in memory), and 1 GiB}
     */
    ReadLimits readLimits(int maxColumns) {
        return ReadLimits.withDefaults().withMaxColumns(maxColumns).withMaxCellChars(ReadLimits.EXCEL_CELL_CHARS)
                .withMaxUnpackedBytes(Math.min(1L << 30, Math.max(1L << 20, maxHeap / 8)));
    }

    /** {@return the heap needed to check an upload of this many bytes} */
    long uploadCheck(String fileName, long bytes, ReadLimits limits) {
        return UPLOAD_CHECK + workbook(fileName, bytes, limits);
    }

    /**
     * {@return the heap an analysis needs, at most}
     *
     * @param analysis km, compare, cox, figure or report
     * @param options  the request's options (for Cox, its covariates), may be null
     * @param d        the dataset
     * @param limits   the read limits (for workbooks)
     */
    long analysis(String analysis, JsonNode options, Datasets.Dataset d, ReadLimits limits) {
        long perRow = switch (analysis) {
            case "cox", "report" -> COX_PER_ROW + COX_PER_COEFFICIENT * COEFFICIENTS_PER_TERM
                    * Math.max(1, terms(options));
            default -> CURVES_PER_ROW;
        };
        return UPLOAD_CHECK + perRow * d.rows() + workbook(d.fileName(), d.size(), limits);
    }

    /**
     * {@return the heap a check of the data needs ({@code survkit check}): every cell of the file held as text, and
     * the cohort read as an analysis reads it}
     */
    long check(Datasets.Dataset d, ReadLimits limits) {
        return UPLOAD_CHECK + CHECK_PER_CELL * Math.max(1, d.columns()) * d.rows()
                + workbook(d.fileName(), d.size(), limits);
    }

    private static long workbook(String fileName, long bytes, ReadLimits limits) {
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return 0;
        }
        return 4 * Math.min(limits.maxUnpackedBytes(), 40 * bytes);
    }

    /** {@return the covariate terms of a Cox request (or of a study's settings), 0 if none} */
    private static int terms(JsonNode options) {
        if (!(options instanceof ObjectNode o)) {
            return 0;
        }
        JsonNode cov = o.has("covariates") ? o.get("covariates") : o.path("cox").path("covariates");
        if (cov.isArray()) {
            return cov.size();
        }
        return cov.isTextual() ? cov.asText().split(",").length : 0;
    }

    /**
     * The start-up check of {@code --max-rows}.
     *
     * @return null if the rows fit the heap, else the sentence that says why not and what to do
     */
    String checkRows(long maxRows) {
        if (maxRows <= maxRows()) {
            return null;
        }
        return String.format(Locale.ROOT, "--max-rows %,d is more than this server's memory can analyse: one Cox"
                + " model of that many rows needs about %,d MB, and analyses may use %,d MB of the %,d MB heap."
                + " Give at most --max-rows %,d, or give Java more memory (SURVKIT_JAVA_OPTS=-Xmx%dg ./survkit"
                + " serve ..., or java -Xmx%dg -jar survkit.jar serve ...).", maxRows, maxRows * MIN_PER_ROW >> 20,
                budget >> 20,
                maxHeap >> 20, maxRows(), heapFor(maxRows), heapFor(maxRows));
    }

    /** {@return the heap in GiB, rounded up, that fits an analysis of this many rows} */
    static long heapFor(long rows) {
        long bytes = rows * MIN_PER_ROW / 6 * 10;
        return Math.max(1, (bytes + (1L << 30) - 1) >> 30);
    }
}

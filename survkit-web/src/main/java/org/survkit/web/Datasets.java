package org.survkit.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.survkit.io.InputException;
import org.survkit.io.ReadLimits;
import org.survkit.io.TablePreview;

/**
 * The uploaded datasets: each in its own folder {@code DATA_DIR/datasets/ID/} under the name the user gave it
 * (made safe), so that the command line, run on it, names the source as it would on the user's own file. The
 * database holds every dataset's bytes, size and SHA-256; the file on disk is a working copy of them.
 *
 * <p><b>Upload.</b> The bytes go to a new folder under {@code DATA_DIR/tmp/}; the file is checked there (kind,
 * readable by survkit-io within the {@link ReadLimits}, at least two columns, at most the row limit), forced to
 * the disk, and its folder moved into {@code datasets/} in one step; only then is the database row written, and
 * only after that is the upload acknowledged. A failure at any point (a refusal, a full disk, out of memory)
 * deletes what was written.
 *
 * <p><b>Use.</b> Before every analysis the file's size and SHA-256 are compared with the database's; a file that
 * is missing or differs (cut short, changed) is written again from the database, to a temporary file that is
 * checked and then moved over it in one step, under a lock per dataset, so concurrent requests never see a
 * partial file. <b>Start-up</b> deletes what a crash may leave: temporary folders, report folders, and dataset
 * folders the database does not know.
 */
final class Datasets {
    private static final Logger LOG = LoggerFactory.getLogger(Datasets.class);

    /** Columns with at most this many distinct values get them listed ("levels"). */
    static final int MAX_LEVELS = 20;

    /** Rows shown in the preview. */
    static final int PREVIEW_ROWS = 20;

    /**
     * A stored dataset.
     *
     * @param id       its identifier
     * @param fileName the stored file name
     * @param file     where it is
     * @param size     bytes
     * @param sha256   hex digest
     * @param rows     data rows
     * @param columns  columns
     */
    record Dataset(String id, String fileName, Path file, long size, String sha256, int rows, int columns) {
    }

    private final Path root;
    private final Path tmp;
    private final long maxBytes;
    private final int maxRows;
    private final ReadLimits limits;
    private final StudyStore store;
    private final HeapBudget heap;
    private final AnalysisQueue queue;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    Datasets(Path dataDir, long maxBytes, int maxRows, ReadLimits limits, StudyStore store, HeapBudget heap,
            AnalysisQueue queue) {
        this.root = PrivateFiles.folder(dataDir.resolve("datasets"));
        this.tmp = PrivateFiles.folder(dataDir.resolve("tmp"));
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
        this.limits = limits;
        this.store = store;
        this.heap = heap;
        this.queue = queue;
    }

    long maxBytes() {
        return maxBytes;
    }

    int maxRows() {
        return maxRows;
    }

    ReadLimits limits() {
        return limits;
    }

    /**
     * Deletes what a crash may have left: every temporary folder, and every dataset folder or file the database
     * does not know (a crash between moving an upload into place and saving its row).
     */
    void cleanUp() {
        Set<String> known = Set.copyOf(store.datasetIds());
        int removed = 0;
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path p : s.toList()) {
                PrivateFiles.delete(p);
                removed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                String id = p.getFileName().toString();
                if (!known.contains(id) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    PrivateFiles.delete(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (removed > 0) {
            LOG.info("start-up: removed {} leftover temporary or unknown dataset folders", removed);
        }
    }

    /**
     * A new private folder for temporary files under {@code DATA_DIR/tmp/} (on the data folder's disk, so its
     * content can be moved into place in one step).
     */
    Path newTemporaryFolder() {
        return PrivateFiles.folder(tmp.resolve(Tokens.id()));
    }

    /**
     * A kept upload and its description (made while it was checked, in the same turn of the queue, so that an
     * upload that was kept is never answered "busy").
     *
     * @param dataset     the dataset
     * @param description what {@link #describe} answers
     */
    record Uploaded(Dataset dataset, ObjectNode description) {
    }

    /**
     * Checks and keeps an upload; on any refusal or failure nothing is left behind.
     *
     * @param givenName the file name the browser sent
     * @param content   the bytes; the caller limits them to {@link #maxBytes()} (see {@link MultipartUpload})
     */
    Uploaded upload(String givenName, InputStream content) {
        String name = FileNames.safe(givenName);
        String id = Tokens.id();
        Path work = newTemporaryFolder();
        Path dir = root.resolve(id);
        boolean moved = false;
        boolean saved = false;
        try {
            Path file = work.resolve(name);
            MessageDigest md = sha256();
            long size;
            try (InputStream in = content; OutputStream out = new DigestOutputStream(PrivateFiles.create(file), md)) {
                size = in.transferTo(out);
            }
            if (size == 0) {
                throw ApiError.badRequest(name + " is empty (0 bytes): upload the file with the patients' rows.");
            }
            checkKind(file, name);
            String sha = HexFormat.of().formatHex(md.digest());
            ObjectNode description = queue.run(heap.uploadCheck(name, size, limits), "the check of " + name, () -> {
                TablePreview preview = preview(file, name);
                int rows = rowCount(file, name);
                return description(new Dataset(id, name, file, size, sha, rows, preview.columns().size()), preview);
            });
            PrivateFiles.force(file);
            PrivateFiles.forceFolder(work);
            PrivateFiles.moveIntoPlace(work, dir);
            moved = true;
            Dataset d = new Dataset(id, name, dir.resolve(name), size, sha, description.get("rows").asInt(),
                    description.get("columns").size());
            store.saveDataset(d, d.columns(), d.rows());
            saved = true;
            return new Uploaded(d, description);
        } catch (IOException e) {
            throw Faults.diskFull(e) ? ApiError.diskFull(name) : new UncheckedIOException(e);
        } catch (OutOfMemoryError e) {
            throw ApiError.unavailable("the server ran out of memory while checking " + name + ", so it was not"
                    + " kept. Try again when fewer analyses run, or " + HeapBudget.MORE_MEMORY + ".", 30);
        } finally {
            // on success the work folder was moved away; on failure both places are cleared
            PrivateFiles.delete(work);
            if (moved && !saved) {
                PrivateFiles.delete(dir);
            }
        }
    }

    ApiError tooBig(String name) {
        return new ApiError(413, (name == null ? "the file" : name) + " is larger than the upload limit of "
                + megabytes(maxBytes) + ". Remove columns or rows you do not need, or start survkit serve with a"
                + " larger --max-upload-mb.");
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return (mb == Math.rint(mb) ? Long.toString((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
    }

    /**
     * {@return the dataset, its file checked against the database's size and SHA-256 (and written again from the
     * database when missing or different)}
     */
    Dataset get(String id) {
        if (!Tokens.isId(id)) {
            throw ApiError.notFound("no dataset '" + clip(id) + "': upload the file again.");
        }
        StudyStore.DatasetInfo info = store.dataset(id);
        if (info == null) {
            throw ApiError.notFound("no dataset '" + id + "' (it was deleted, or the server's database changed):"
                    + " upload the file again.");
        }
        Path file = root.resolve(id).resolve(info.fileName());
        if (!matches(file, info)) {
            synchronized (locks.computeIfAbsent(id, k -> new Object())) {
                if (!matches(file, info)) {
                    restore(info, file);
                }
            }
        }
        return new Dataset(id, info.fileName(), file, info.size(), info.sha256(), info.rows(), info.columns());
    }

    /** {@return whether the file exists with the stored size and SHA-256} */
    private static boolean matches(Path file, StudyStore.DatasetInfo info) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != info.size()) {
                return false;
            }
            return sha256(file).equals(info.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the database's copy to a temporary file, checks it, and moves it over the file in one step. */
    private void restore(StudyStore.DatasetInfo info, Path file) {
        Path work = newTemporaryFolder();
        try {
            Path copy = work.resolve(info.fileName());
            MessageDigest md = sha256();
            try (OutputStream out = new DigestOutputStream(PrivateFiles.create(copy), md)) {
                if (!store.copyDataset(info.id(), out)) {
                    throw ApiError.notFound("no dataset '" + info.id() + "' (it was deleted meanwhile).");
                }
            }
            if (Files.size(copy) != info.size() || !HexFormat.of().formatHex(md.digest()).equals(info.sha256())) {
                throw new IllegalStateException("the database's copy of dataset " + info.id() + " does not match its"
                        + " stored size and SHA-256");
            }
            PrivateFiles.force(copy);
            PrivateFiles.folder(file.getParent());
            PrivateFiles.moveIntoPlace(copy, file);
            LOG.info("dataset {} ({}) was missing or damaged on disk and was written again from the database",
                    info.id(), info.fileName());
        } catch (IOException e) {
            throw Faults.diskFull(e) ? ApiError.diskFull("the dataset " + info.fileName())
                    : new UncheckedIOException(e);
        } finally {
            PrivateFiles.delete(work);
        }
    }

    /** {@return the JSON description: id, file name, columns, types, preview rows, row count, warnings} */
    ObjectNode describe(Dataset d) {
        return queue.run(heap.uploadCheck(d.fileName(), d.size(), limits), "the description of " + d.fileName(),
                () -> description(d, preview(d.file(), d.fileName())));
    }

    private ObjectNode description(Dataset d, TablePreview p) {
        ObjectNode o = JsonBodies.MAPPER.createObjectNode();
        o.put("id", d.id());
        o.put("file_name", d.fileName());
        o.put("size", d.size());
        o.put("rows", d.rows());
        ArrayNode cols = o.putArray("columns");
        p.columns().forEach(cols::add);
        ObjectNode types = o.putObject("types");
        for (Map.Entry<String, String> e : p.types().entrySet()) {
            types.put(e.getKey(), e.getValue());
        }
        ArrayNode rows = o.putArray("preview");
        for (List<String> r : p.rows()) {
            ArrayNode a = rows.addArray();
            r.forEach(a::add);
        }
        // the codes of every coded column over the whole file (choices for event value and groups): the preview's
        // first rows may not show a rare code
        ObjectNode levels = o.putObject("levels");
        try {
            for (Map.Entry<String, List<String>> e : TablePreview.levels(d.file(), null, MAX_LEVELS, limits)
                    .entrySet()) {
                ArrayNode a = levels.putArray(e.getKey());
                e.getValue().forEach(a::add);
            }
        } catch (InputException e) {
            throw ApiError.badRequest(Messages.forPage(e.getMessage(), d.file().getParent()));
        }
        ArrayNode w = o.putArray("warnings");
        p.warnings().forEach(w::add);
        return o;
    }

    private TablePreview preview(Path file, String name) {
        TablePreview p;
        try {
            p = TablePreview.read(file, null, PREVIEW_ROWS, limits);
        } catch (InputException e) {
            throw ApiError.badRequest(Messages.forPage(e.getMessage(), file.getParent()));
        }
        if (p.columns().size() < 2) {
            throw ApiError.badRequest(name + " has only one column" + (p.columns().isEmpty() ? "" : " ('"
                    + clip(p.columns().get(0)) + "')") + ". A survival analysis needs at least a follow-up time and an"
                    + " event column. If the values are separated by something other than a comma, semicolon or tab,"
                    + " save the file as CSV.");
        }
        return p;
    }

    private int rowCount(Path file, String name) {
        int rows;
        try {
            rows = TablePreview.countRows(file, null, maxRows, limits);
        } catch (InputException e) {
            throw ApiError.badRequest(Messages.forPage(e.getMessage(), file.getParent()));
        }
        if (rows > maxRows) {
            throw ApiError.badRequest(name + " has more than " + String.format(Locale.ROOT, "%,d", maxRows)
                    + " rows, the limit of this server. Analyse it with the command line (survkit km/compare/cox),"
                    + " or start survkit serve with a larger --max-rows.");
        }
        if (rows == 0) {
            throw ApiError.badRequest(name + " has a header but no data rows.");
        }
        return rows;
    }

    /**
     * A text file with NUL bytes, or a workbook that is not a ZIP, is not what its name says. A text file that
     * starts with a UTF-16 byte order mark (Excel's "Unicode text") is text: survkit-io reads it as the command
     * line does. SPSS, Stata and Parquet files are binary: survkit-io checks them (and knows them by their first
     * bytes whatever their name, as the command line does).
     */
    private static void checkKind(Path file, String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (statistics(head) || lower.endsWith(".sav") || lower.endsWith(".zsav") || lower.endsWith(".dta")
                || lower.endsWith(".parquet")) {
            return;
        }
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            if (!zip) {
                throw ApiError.badRequest(name + " is not an Excel workbook (.xlsx) inside: save it from Excel as"
                        + " .xlsx or CSV and upload that.");
            }
            return;
        }
        boolean utf16 = head.length >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE
                || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF);
        if (utf16) {
            return;
        }
        int nuls = 0;
        for (byte b : head) {
            nuls += b == 0 ? 1 : 0;
        }
        if (zip || nuls > 0) {
            boolean looksUtf16 = nuls > head.length / 4;
            throw ApiError.badRequest(name + " is not a text (CSV) file: it contains binary data. "
                    + (looksUtf16 ? "It may be UTF-16 text without a byte order mark: save it as \"CSV UTF-8\"."
                            : "Upload a CSV, an Excel workbook (.xlsx), an SPSS or Stata file (.sav, .zsav,"
                            + " .dta) or a Parquet file (.parquet); a workbook must keep its .xlsx name."));
        }
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        if (text.stripLeading().regionMatches(true, 0, "%PDF", 0, 4)) {
            throw ApiError.badRequest(name + " is a PDF, not a table: upload a CSV or .xlsx file.");
        }
    }

    /**
     * {@return true if the bytes start as an SPSS system file, a Stata file or a Parquet file does (as survkit-io's
     * FileKind)}
     */
    private static boolean statistics(byte[] head) {
        String ascii = new String(head, 0, Math.min(head.length, 11), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("$FL2") || ascii.startsWith("$FL3") || ascii.startsWith("<stata_dta>")
                || ascii.startsWith("PAR1")) {
            return true;
        }
        return head.length >= 4 && head[0] >= 113 && head[0] <= 115 && (head[1] == 1 || head[1] == 2) && head[2] == 1;
    }

    /**
     * Deletes an uploaded dataset (its file and its database copy) when no saved study uses it.
     *
     * @throws ApiError 404 for an unknown dataset, 409 while saved studies use it
     */
    void remove(String id) {
        if (!Tokens.isId(id) || store.dataset(id) == null) {
            throw ApiError.notFound("no dataset '" + clip(id) + "'.");
        }
        int used = store.deleteDataset(id);
        if (used > 0) {
            throw ApiError.conflict("this dataset is used by " + used + " saved stud" + (used == 1 ? "y" : "ies")
                    + ": delete " + (used == 1 ? "it" : "them") + " first (DELETE /api/studies/{id}), then the data.");
        }
        synchronized (locks.computeIfAbsent(id, k -> new Object())) {
            PrivateFiles.delete(root.resolve(id));
        }
        locks.remove(id);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}

package org.survkit.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;
import org.survkit.io.InputException;
import org.survkit.io.TablePreview;

/**
 * The uploaded datasets: each in its own folder {@code DATA_DIR/datasets/ID/} under the name the user gave it
 * (made safe), so that the command line, run on it, names the source as it would on the user's own file.
 * An upload is checked before it is kept: size, kind (a text file must not be binary, a workbook must be a
 * ZIP), readable by survkit-io, at least two columns, at most the row limit. When a {@link StudyStore} is
 * given, the bytes are also saved in the database, and a dataset missing on disk is restored from there.
 */
final class Datasets {
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
     */
    record Dataset(String id, String fileName, Path file, long size, String sha256) {
    }

    private final Path root;
    private final long maxBytes;
    private final int maxRows;
    private final StudyStore store;

    Datasets(Path dataDir, long maxBytes, int maxRows, StudyStore store) {
        this.root = dataDir.resolve("datasets");
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
        this.store = store;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long maxBytes() {
        return maxBytes;
    }

    int maxRows() {
        return maxRows;
    }

    /** Checks and keeps an upload; on any refusal nothing is left behind. */
    Dataset upload(String givenName, InputStream content) {
        String name = FileNames.safe(givenName);
        String id = Tokens.id();
        Path dir = root.resolve(id);
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            MessageDigest md = sha256();
            long size = 0;
            try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw tooBig(name);
                    }
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            if (size == 0) {
                throw ApiError.badRequest(name + " is empty (0 bytes): upload the file with the patients' rows.");
            }
            checkKind(file, name);
            TablePreview preview = preview(file, name);
            int rows = rowCount(file, name);
            Dataset d = new Dataset(id, name, file, size, HexFormat.of().formatHex(md.digest()));
            if (store != null) {
                store.saveDataset(d, preview.columns().size(), rows);
            }
            return d;
        } catch (IOException e) {
            delete(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(dir);
            throw e;
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

    /** {@return the dataset, restored from the database if it is not on disk} */
    Dataset get(String id) {
        if (!Tokens.isId(id)) {
            throw ApiError.notFound("no dataset '" + clip(id) + "': upload the file again.");
        }
        Path dir = root.resolve(id);
        Path file = onlyFile(dir);
        if (file == null && store != null) {
            file = store.restoreDataset(id, dir);
        }
        if (file == null) {
            throw ApiError.notFound("no dataset '" + id + "' (it was deleted, or the server's data folder changed):"
                    + " upload the file again.");
        }
        try {
            return new Dataset(id, file.getFileName().toString(), file, Files.size(file), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the JSON description: id, file name, columns, types, preview rows, row count, warnings} */
    ObjectNode describe(Dataset d) {
        TablePreview p = preview(d.file(), d.fileName());
        ObjectNode o = JsonBodies.MAPPER.createObjectNode();
        o.put("id", d.id());
        o.put("file_name", d.fileName());
        o.put("size", d.size());
        o.put("rows", rowCount(d.file(), d.fileName()));
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
            for (Map.Entry<String, List<String>> e : TablePreview.levels(d.file(), null, MAX_LEVELS).entrySet()) {
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
            p = TablePreview.read(file, null, PREVIEW_ROWS);
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
            rows = TablePreview.countRows(file, null, maxRows);
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

    /** A text file with NUL bytes, or a workbook that is not a ZIP, is not what its name says. */
    private static void checkKind(Path file, String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            if (!zip) {
                throw ApiError.badRequest(name + " is not an Excel workbook (.xlsx) inside: save it from Excel as"
                        + " .xlsx or CSV and upload that.");
            }
            return;
        }
        boolean binary = zip;
        for (byte b : head) {
            if (b == 0) {
                binary = true;
                break;
            }
        }
        if (binary) {
            throw ApiError.badRequest(name + " is not a text (CSV) file: it contains binary data. Upload a CSV or"
                    + " an Excel workbook (.xlsx); a workbook must keep its .xlsx name.");
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.stripLeading().regionMatches(true, 0, "%PDF", 0, 4)) {
            throw ApiError.badRequest(name + " is a PDF, not a table: upload a CSV or .xlsx file.");
        }
    }

    /**
     * Deletes an uploaded dataset (its file and its database copy) when no saved study uses it.
     *
     * @throws ApiError 404 for an unknown dataset, 409 while saved studies use it
     */
    void remove(String id) {
        get(id); // 404 when unknown
        int used = store == null ? 0 : store.deleteDataset(id);
        if (used > 0) {
            throw ApiError.conflict("this dataset is used by " + used + " saved stud" + (used == 1 ? "y" : "ies")
                    + ": delete " + (used == 1 ? "it" : "them") + " first (DELETE /api/studies/{id}), then the data.");
        }
        deleteLocal(id);
    }

    /** Deletes a dataset's folder (its database copy stays with the studies that use it). */
    void deleteLocal(String id) {
        if (Tokens.isId(id)) {
            delete(root.resolve(id));
        }
    }

    private static Path onlyFile(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a leftover folder does no harm
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}

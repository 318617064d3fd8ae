package org.survkit.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a UTF-8 text table on every core: the file is cut into stretches of a few megabytes at line starts, each
 * split into rows and cells by one thread ({@link TextSegment}, straight from the bytes, with plain numbers
 * parsed there), and the rows are handed to the {@link RowHandler} in file order on the calling thread, as
 * {@link RowCells}. At most a few stretches are held at a time, so memory does not grow with the file.
 *
 * <p>It reads what FastCSV reads, the same way ({@link DelimitedTextSource} is the reference; a test compares the
 * two on many generated files): the first non-blank line is the header, blank lines are counted for the same
 * warning, a row with another number of values than the header stops the reading with the same message. A file
 * it does not take from the start (a double quote or a lone carriage return in the header, no header in the
 * first megabyte) is left to FastCSV whole; a stretch that stops early ({@link TextSegment#stopOffset()}) hands
 * the rest of the file to FastCSV from that line on.
 */
final class ParallelTextReader {

    /** False to leave every file to FastCSV (the reference, for the test that compares the two). */
    static volatile boolean enabled = true;
    /** Bytes per stretch (a test sets it small to have many stretches). */
    static volatile int stretchBytes = 4 << 20;
    /** Bytes looked at for the header. */
    private static final int HEADER_BYTES = 1 << 20;

    private ParallelTextReader() {
    }

    /**
     * Where the reading ended.
     *
     * @param header   the header (null if this reader did not take the file: read it all with FastCSV)
     * @param width    the header's number of columns
     * @param columns  the wanted columns the handler chose
     * @param offset   where FastCSV goes on (-1 when the whole file was read)
     * @param nextLine the line number of the line at {@code offset}
     * @param blanks   the blank lines seen so far
     */
    record Outcome(List<String> header, int width, int[] columns, long offset, int nextLine, BlankRows blanks) {
        static final Outcome NOT_TAKEN = new Outcome(null, 0, null, -1, 0, null);

        boolean finished() {
            return header != null && offset < 0;
        }
    }

    /**
     * Reads a table.
     *
     * @param file      the file, UTF-8 text
     * @param bomLength the bytes of its byte order mark
     * @param context   the file, for messages
     * @param delimiter the delimiter
     * @param handler   where the rows go
     * @param limits    the caps on columns and value length
     * @return where the reading ended
     * @throws IOException     when reading fails
     * @throws InputException  for a bad header or a ragged row
     */
    static Outcome read(Path file, int bomLength, SourceContext context, char delimiter, RowHandler handler,
                        ReadLimits limits) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            Header h = header(channel, size, bomLength, delimiter, limits);
            if (h == null) {
                return Outcome.NOT_TAKEN;
            }
            HeaderCheck.check(context, h.names, h.line);
            int[] columns = handler.header(context, h.names, h.line);
            return rows(channel, size, h, columns, context, delimiter, handler, limits);
        }
    }

    private record Header(List<String> names, int line, long end) {
    }

    /** Finds the header line; null when FastCSV should read the file. */
    private static Header header(FileChannel channel, long size, int bomLength, char delimiter, ReadLimits limits)
            throws IOException {
        byte[] b = new byte[(int) Math.min(size - bomLength, HEADER_BYTES)];
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
        while (bb.hasRemaining() && channel.read(bb, bomLength + bb.position()) >= 0) {
            // fill
        }
        int p = 0;
        int line = 1;
        while (p < b.length) {
            int end = p;
            while (end < b.length && b[end] != '\n' && b[end] != '\r' && b[end] != '"') {
                end++;
            }
            if (end == b.length && bomLength + (long) end < size || end < b.length && b[end] == '"') {
                return null;
            }
            int next = end + 1;
            if (end < b.length && b[end] == '\r') {
                if (end + 1 < b.length && b[end + 1] != '\n' || end + 1 == b.length && bomLength + (long) end + 1 < size) {
                    return null;
                }
                next = end + 2;
            }
            List<String> fields = new ArrayList<>();
            int start = p;
            for (int i = p; i <= end; i++) {
                if (i == end || b[i] == delimiter) {
                    if (i - start > limits.maxCellChars() || fields.size() >= limits.maxColumns()) {
                        return null;
                    }
                    fields.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            boolean content = false;
            for (String f : fields) {
                content |= !f.chars().allMatch(Character::isWhitespace);
            }
            if (content) {
                return new Header(fields.stream().map(String::trim).toList(), line, bomLength + Math.min(next,
                        (long) b.length));
            }
            p = next;
            line++;
        }
        return null;
    }

    private static Outcome rows(FileChannel channel, long size, Header h, int[] columns, SourceContext context,
                                char delimiter, RowHandler handler, ReadLimits limits) throws IOException {
        int width = h.names.size();
        BlankRows blanks = new BlankRows();
        long first = h.end;
        int stretch = Math.max(1, stretchBytes);
        int stretches = (int) Math.max(1, (size - first + stretch - 1) / stretch);
        int threads = Math.min(stretches, Runtime.getRuntime().availableProcessors());
        int nextLine = h.line + 1;
        if (threads <= 1) {
            TextSegment one = new TextSegment(columns, width, delimiter, limits.maxCellChars());
            for (int k = 0; k < stretches; k++) {
                TextSegment s = one.parse(channel, size, first, first + (long) k * stretch,
                        Math.min(size, first + (long) (k + 1) * stretch));
                nextLine = hand(s, nextLine, width, context, delimiter, handler, blanks);
                if (nextLine < 0) {
                    return new Outcome(h.names, width, columns, -1, 0, blanks);
                }
                if (s.stopOffset() >= 0) {
                    return new Outcome(h.names, width, columns, s.stopOffset(), nextLine, blanks);
                }
            }
            return new Outcome(h.names, width, columns, -1, nextLine, blanks);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "survkit-csv");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<TextSegment>> pending = new ArrayDeque<>();
        // stretches handed back after use (their arrays are reused: little garbage however long the file)
        java.util.concurrent.ConcurrentLinkedQueue<TextSegment> free = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try {
            int submitted = 0;
            int window = 2 * threads + 1;
            while (submitted < stretches || !pending.isEmpty()) {
                while (submitted < stretches && pending.size() < window) {
                    long from = first + (long) submitted * stretch;
                    long to = Math.min(size, from + stretch);
                    pending.add(pool.submit(() -> {
                        TextSegment reused = free.poll();
                        return (reused != null ? reused : new TextSegment(columns, width, delimiter,
                                limits.maxCellChars())).parse(channel, size, first, from, to);
                    }));
                    submitted++;
                }
                TextSegment s = await(pending.poll());
                if (submitted > 0 && nextLine == h.line + 1 && s.stopOffset() < 0 && s.rows() > 0) {
                    // the first stretch tells the bytes per row: size the handler's columns once
                    handler.expectRows((int) Math.min(Integer.MAX_VALUE - 16,
                            (long) (1.02 * s.rows() * (size - first) / Math.min(stretch, size - first)) + 16));
                }
                nextLine = hand(s, nextLine, width, context, delimiter, handler, blanks);
                if (nextLine < 0) {
                    return new Outcome(h.names, width, columns, -1, 0, blanks);
                }
                if (s.stopOffset() >= 0) {
                    return new Outcome(h.names, width, columns, s.stopOffset(), nextLine, blanks);
                }
                free.add(s);
            }
            return new Outcome(h.names, width, columns, -1, nextLine, blanks);
        } finally {
            pending.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    private static TextSegment await(Future<TextSegment> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Hands the rows of a stretch to the handler.
     *
     * @return the line number after the stretch, or -1 when the handler wants no more rows
     */
    private static int hand(TextSegment s, int firstLine, int width, SourceContext context, char delimiter,
                            RowHandler handler, BlankRows blanks) {
        int line = firstLine;
        for (int r = 0, n = s.rows(); r < n; r++, line++) {
            if (handler.done()) {
                return -1;
            }
            if (s.blank(r)) {
                blanks.blank(line);
                continue;
            }
            if (s.fieldCount(r) != width) {
                throw DelimitedTextSource.raggedRow(context, line, s.fieldCount(r), width, delimiter);
            }
            blanks.data();
            handler.cells(line, s.at(r));
        }
        return line;
    }
}

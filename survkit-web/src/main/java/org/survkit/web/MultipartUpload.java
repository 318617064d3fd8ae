package org.survkit.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} request body as a stream, in a 64 KiB buffer: the part with the file is
 * handed over as an {@link InputStream} that ends at the part's end, and that throws {@link TooLarge} as soon as
 * more than the upload limit has come, whatever the request declared ({@code Content-Length} or chunked). Nothing
 * is kept in memory or spooled to disk by the server itself, so the caller decides where the bytes go and deletes
 * them on any failure. {@link #drain(long)} reads what the client still sends after a refusal, so that the
 * refusal reaches it (a server that closes a connection with unread data makes the client's system reset it, and
 * the answer is lost).
 */
final class MultipartUpload {
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,200})\"|([^;,\\s]{1,200}))");
    private static final Pattern NAME = Pattern.compile(
            "(?i)(?:^|;)\\s*name\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;]*))");
    private static final Pattern FILENAME = Pattern.compile(
            "(?i)(?:^|;)\\s*filename\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;]*))");

    /** More than the upload limit has come: the part is refused (the caller drains the request and answers 413). */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("upload over the limit", null, false, false);
        }
    }

    /**
     * A file part.
     *
     * @param fileName the file name the client sent (may be empty)
     * @param content  its bytes, ending at the part's end
     */
    record FilePart(String fileName, InputStream content) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int end;
    private boolean eof;

    private MultipartUpload(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // the body is read as if it began with CRLF, so that its first delimiter is found like the others
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /** {@return a reader of the body, or null when the content type is not multipart/form-data with a boundary} */
    static MultipartUpload of(String contentType, InputStream body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        return new MultipartUpload(body, m.group(1) != null ? m.group(1) : m.group(2));
    }

    /**
     * Finds the part of a form field that carries a file.
     *
     * @param field    the field's name
     * @param maxBytes the most bytes the file may have
     * @return the part, or null if the body has none
     * @throws ApiError 400 for a body that is not well-formed multipart
     */
    FilePart file(String field, long maxBytes) throws IOException {
        if (!skipTo()) {
            return null;
        }
        while (true) {
            if (!afterDelimiter()) {
                return null; // the closing delimiter: no more parts
            }
            String headers = headers();
            String disposition = header(headers, "content-disposition");
            String name = disposition == null ? null : parameter(NAME, disposition);
            String fileName = disposition == null ? null : parameter(FILENAME, disposition);
            if (field.equals(name) && fileName != null) {
                return new FilePart(fileName, new PartStream(maxBytes));
            }
            try (InputStream skipped = new PartStream(Long.MAX_VALUE)) {
                skipped.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    /**
     * Reads and discards the rest of the body.
     *
     * @param limit the most bytes to read
     * @return true if the body ended within the limit
     */
    boolean drain(long limit) {
        pos = end;
        return eof || drain(in, limit);
    }

    /**
     * Reads and discards a stream.
     *
     * @param in    the stream
     * @param limit the most bytes to read
     * @return true if it ended within the limit
     */
    static boolean drain(InputStream in, long limit) {
        long read = 0;
        try {
            byte[] skip = new byte[BUFFER];
            int n;
            while (read <= limit && (n = in.read(skip)) >= 0) {
                read += n;
            }
            return read <= limit;
        } catch (IOException e) {
            return false;
        }
    }

    /** Skips the preamble up to the first delimiter; {@return false if there is none} */
    private boolean skipTo() throws IOException {
        try (InputStream preamble = new PartStream(Long.MAX_VALUE)) {
            preamble.transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (ApiError e) {
            return false;
        }
    }

    /** After a delimiter: {@return true if a part follows (CRLF), false at the closing delimiter ("--")} */
    private boolean afterDelimiter() throws IOException {
        if (!fill(2)) {
            throw malformed();
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            return false;
        }
        // transport padding (spaces, tabs) may precede the CRLF
        while (true) {
            if (!fill(1)) {
                throw malformed();
            }
            byte b = buf[pos++];
            if (b == '\n') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r') {
                throw malformed();
            }
        }
    }

    /** {@return the part's header lines, up to the empty line} */
    private String headers() throws IOException {
        StringBuilder sb = new StringBuilder();
        int length = 0;
        int lineStart = 0;
        while (true) {
            if (!fill(1)) {
                throw malformed();
            }
            byte b = buf[pos++];
            if (++length > MAX_HEADER_BYTES) {
                throw ApiError.badRequest("the upload's part headers are too long: send the file as multipart/form-data"
                        + " in the field 'file' (curl -F file=@cohort.csv ...).");
            }
            if (b == '\n') {
                String line = sb.substring(lineStart).strip();
                if (line.isEmpty()) {
                    return sb.toString();
                }
                sb.append('\n');
                lineStart = sb.length();
            } else if (b != '\r') {
                sb.append((char) (b & 0xFF));
            }
        }
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                // header bytes were kept as ISO-8859-1: browsers send UTF-8 file names
                return new String(line.substring(colon + 1).strip().getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String parameter(Pattern p, String disposition) {
        Matcher m = p.matcher(disposition);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2).strip();
    }

    /** Makes at least {@code n} bytes available at {@code pos}; {@return false if the body ends first} */
    private boolean fill(int n) throws IOException {
        while (end - pos < n) {
            if (eof) {
                return false;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, end - pos);
                end -= pos;
                pos = 0;
            }
            int r;
            try {
                r = in.read(buf, end, buf.length - end);
            } catch (IOException e) {
                throw interrupted(e);
            }
            if (r < 0) {
                eof = true;
            } else {
                end += r;
            }
        }
        return true;
    }

    /** The client stopped sending (closed, reset, or silent past the idle timeout): nothing is kept. */
    private static ApiError interrupted(IOException e) {
        return ApiError.badRequest("the upload was interrupted before its end (" + Datasets.clip(String.valueOf(
                e.getMessage())) + "); nothing was kept. Send the file again.");
    }

    /** {@return where the delimiter starts in the buffer from {@code pos}, or -1} */
    private int findDelimiter() {
        byte first = delimiter[0];
        outer:
        for (int i = pos, last = end - delimiter.length; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int k = 1; k < delimiter.length; k++) {
                if (buf[i + k] != delimiter[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ApiError malformed() {
        return ApiError.badRequest("the upload ended before its end (an interrupted transfer, or not"
                + " multipart/form-data): send the file again in the field 'file' (curl -F file=@cohort.csv ...).");
    }

    /** One part's content: the bytes up to the next delimiter, which it consumes. */
    private final class PartStream extends InputStream {
        private final long maxBytes;
        private long count;
        private boolean done;

        PartStream(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            fill(delimiter.length);
            int at = findDelimiter();
            if (at == pos) {
                pos += delimiter.length;
                done = true;
                return -1;
            }
            if (at < 0 && eof) {
                throw malformed();
            }
            // without a delimiter, the last delimiter.length - 1 bytes may begin one: they wait for more bytes
            // (fill() made at least delimiter.length bytes available, so at least one byte can go)
            int n = Math.min(len, at > pos ? at - pos : end - pos - (delimiter.length - 1));
            count += n;
            if (count > maxBytes) {
                throw new TooLarge();
            }
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}

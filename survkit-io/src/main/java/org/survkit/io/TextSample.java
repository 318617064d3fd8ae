package org.survkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first 64 KiB of a text file, used to choose its encoding and delimiter.
 *
 * <p>Encoding: a byte order mark decides (UTF-8, UTF-16 LE/BE, as Excel's "Unicode text" export); without
 * one the file is UTF-8 if the sample is valid UTF-8, else Windows-1252 (Excel's "CSV" on Western Windows),
 * with a warning.
 *
 * @param text       the decoded sample, without byte order mark
 * @param charset    the encoding of the whole file
 * @param bomLength  the number of byte-order-mark bytes to skip
 * @param complete   true if the sample is the whole file
 * @param byteLength the number of bytes read (0 for an empty file)
 * @param guessed    true if the encoding was a fallback from invalid UTF-8
 */
record TextSample(String text, Charset charset, int bomLength, boolean complete, int byteLength, boolean guessed) {

    /** The sample size in bytes. */
    static final int SIZE = 64 * 1024;

    /**
     * Reads the sample of a file.
     *
     * @param file the file
     * @return the sample
     * @throws IOException if the file cannot be read
     */
    static TextSample of(Path file) throws IOException {
        byte[] bytes;
        boolean complete;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(SIZE);
            complete = in.read() < 0;
        }
        return of(bytes, complete);
    }

    /**
     * Chooses the encoding of a sample.
     *
     * @param bytes    the first bytes of the file
     * @param complete true if they are the whole file
     * @return the sample
     */
    static TextSample of(byte[] bytes, boolean complete) {
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return decoded(bytes, 3, StandardCharsets.UTF_8, complete, false);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return decoded(bytes, 2, StandardCharsets.UTF_16LE, complete, false);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return decoded(bytes, 2, StandardCharsets.UTF_16BE, complete, false);
        }
        if (isUtf8(bytes, complete)) {
            return decoded(bytes, 0, StandardCharsets.UTF_8, complete, false);
        }
        return decoded(bytes, 0, windows1252(), complete, true);
    }

    private static TextSample decoded(byte[] bytes, int bom, Charset charset, boolean complete, boolean guessed) {
        String text = new String(bytes, bom, bytes.length - bom, charset);
        return new TextSample(text, charset, bom, complete, bytes.length, guessed);
    }

    private static boolean isUtf8(byte[] bytes, boolean complete) {
        int end = bytes.length;
        if (!complete) {
            // do not judge a character cut off at the end of the sample
            int back = 0;
            while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            if (end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0xC0) {
                end = end - back - 1;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset windows1252() {
        return Charset.isSupported("windows-1252") ? Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1;
    }
}

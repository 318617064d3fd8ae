package org.survkit.io;

import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Decompresses a Parquet page: UNCOMPRESSED (0), SNAPPY (1), GZIP (2), ZSTD (6) and LZ4_RAW (7); SNAPPY, ZSTD and
 * LZ4_RAW with aircompressor's pure-Java decompressors, GZIP with the JDK. LZO (3), BROTLI (4) and Hadoop's framed
 * LZ4 (5) are refused with a message that says how to write the file again.
 */
final class ParquetCodecs {

    /** No compression. */
    static final int UNCOMPRESSED = 0;

    private static final String[] NAMES = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD",
        "LZ4_RAW"};

    private ParquetCodecs() {
    }

    /**
     * Tells whether a codec can be read.
     *
     * @param codec the codec number
     * @return true for UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW
     */
    static boolean readable(int codec) {
        return codec == 0 || codec == 1 || codec == 2 || codec == 6 || codec == 7;
    }

    /**
     * Names a codec.
     *
     * @param codec the codec number
     * @return its name in parquet.thrift
     */
    static String name(int codec) {
        return codec >= 0 && codec < NAMES.length ? NAMES[codec] : "codec " + codec;
    }

    /**
     * Decompresses bytes.
     *
     * @param codec  a readable codec
     * @param data   the array
     * @param offset where the compressed bytes start
     * @param length how many they are
     * @param size   the size once decompressed, as the page header says
     * @return the decompressed bytes (the array itself, uncompressed)
     * @throws BadStatFile if the bytes do not decompress to the size
     */
    static byte[] decompress(int codec, byte[] data, int offset, int length, int size) {
        if (size < 0) {
            throw new BadStatFile("a page has a negative size");
        }
        if (size == 0) {
            return new byte[0]; // a v2 page of nulls only has no values to unpack, whatever the codec wrote
        }
        if (codec == UNCOMPRESSED) {
            return offset == 0 && length == data.length ? data : java.util.Arrays.copyOfRange(data, offset,
                    offset + length);
        }
        byte[] out = new byte[size];
        try {
            int got;
            if (codec == 2) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data, offset, length))) {
                    got = in.readNBytes(out, 0, size);
                }
            } else {
                got = decompressor(codec).decompress(data, offset, length, out, 0, size);
            }
            if (got != size) {
                throw new BadStatFile("a " + name(codec) + " page holds " + got + " bytes, not " + size);
            }
            return out;
        } catch (MalformedInputException | IOException | IndexOutOfBoundsException e) {
            throw new BadStatFile("a " + name(codec) + " page does not decompress (" + e.getMessage() + ")");
        }
    }

    private static Decompressor decompressor(int codec) {
        return switch (codec) {
            case 1 -> new SnappyDecompressor();
            case 6 -> new ZstdDecompressor();
            case 7 -> new Lz4Decompressor();
            default -> throw new IllegalArgumentException("codec " + codec);
        };
    }
}

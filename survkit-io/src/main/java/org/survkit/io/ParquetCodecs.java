package org.survkit.io;

import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.lz4.Lz4HadoopStreams;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Decompresses a Parquet page: UNCOMPRESSED (0), SNAPPY (1), GZIP (2), BROTLI (4), LZ4 (5), ZSTD (6) and LZ4_RAW
 * (7); SNAPPY, ZSTD, LZ4 and LZ4_RAW with aircompressor's pure-Java decompressors, GZIP with the JDK, BROTLI with
 * Google's Java decoder (org.brotli:dec). LZ4 is Hadoop's framing of LZ4 blocks (parquet-mr, arrow-rs, Arrow C++);
 * a page that is not framed that way is read as one raw LZ4 block, as older Arrow C++ wrote it (Arrow reads both
 * the same way). LZO (3) is refused with a message that says how to write the file again.
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
     * @return true for every codec but LZO
     */
    static boolean readable(int codec) {
        return codec >= 0 && codec <= 7 && codec != 3;
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
            if (codec == 2 || codec == 4) {
                InputStream bytes = new ByteArrayInputStream(data, offset, length);
                try (InputStream in = codec == 2 ? new GZIPInputStream(bytes) : new BrotliInputStream(bytes)) {
                    got = in.readNBytes(out, 0, size);
                }
            } else if (codec == 5) {
                got = hadoopLz4(data, offset, length, out);
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

    /** Hadoop-framed LZ4 (blocks of: decompressed size, compressed size, LZ4 block), else one raw LZ4 block. */
    private static int hadoopLz4(byte[] data, int offset, int length, byte[] out) throws IOException {
        try (InputStream in = new Lz4HadoopStreams().createInputStream(new ByteArrayInputStream(data, offset,
                length))) {
            int got = in.readNBytes(out, 0, out.length);
            if (got == out.length && in.read() < 0) {
                return got;
            }
        } catch (MalformedInputException | IOException | IndexOutOfBoundsException e) {
            // not Hadoop's framing: a raw block
        }
        return new Lz4Decompressor().decompress(data, offset, length, out, 0, out.length);
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

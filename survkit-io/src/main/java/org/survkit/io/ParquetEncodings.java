package org.survkit.io;

import java.util.Arrays;

/**
 * Parquet's value and level encodings, decoding one run of bytes: PLAIN, the RLE/bit-packed hybrid (levels,
 * dictionary indices, booleans), DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and
 * BYTE_STREAM_SPLIT.
 *
 * <p>Format: Apache Parquet, "Encodings" (parquet-format {@code Encodings.md}). Numbers are little-endian; the
 * hybrid is a sequence of runs, each a ULEB128 header whose lowest bit says bit-packed (groups of 8 values,
 * least significant bit first) or repeated (a count and one value in ⌈width/8⌉ bytes); DELTA_BINARY_PACKED is a
 * header (block size, miniblocks per block, count, first value) and blocks of a zigzag minimum delta, one bit
 * width per miniblock and the miniblocks bit-packed.
 */
final class ParquetEncodings {

    private final byte[] data;
    private final int end;
    private final String what;
    private int position;

    /**
     * Starts decoding a page's values.
     *
     * @param data  the bytes
     * @param start where the encoded values start
     * @param end   where they end
     */
    ParquetEncodings(byte[] data, int start, int end) {
        this(data, start, end, "a page");
    }

    /**
     * Starts decoding.
     *
     * @param data  the bytes
     * @param start where the encoded values start
     * @param end   where they end
     * @param what  what the bytes are, for messages ("a page", "its metadata")
     */
    ParquetEncodings(byte[] data, int start, int end, String what) {
        this.what = what;
        if (start < 0 || end > data.length || start > end) {
            throw ends();
        }
        this.data = data;
        this.position = start;
        this.end = end;
    }

    /** {@return the bytes left} */
    int remaining() {
        return end - position;
    }

    /**
     * Reads one byte.
     *
     * @return its value, 0 to 255
     */
    int u8() {
        need(1);
        return data[position++] & 0xFF;
    }

    /** {@return the offset of the next byte} */
    int position() {
        return position;
    }

    /**
     * Reads a 4-byte little-endian integer.
     *
     * @return the value
     */
    int int32() {
        need(4);
        int v = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8 | (data[position + 2] & 0xFF) << 16
                | (data[position + 3] & 0xFF) << 24;
        position += 4;
        return v;
    }

    /**
     * Reads an 8-byte little-endian integer.
     *
     * @return the value
     */
    long int64() {
        long low = int32() & 0xFFFF_FFFFL;
        return low | (long) int32() << 32;
    }

    /**
     * Reads bytes.
     *
     * @param n how many
     * @return a copy
     */
    byte[] bytes(int n) {
        need(n);
        byte[] out = Arrays.copyOfRange(data, position, position + n);
        position += n;
        return out;
    }

    /**
     * Decodes PLAIN values of a fixed width into longs (INT32 sign-extended, INT64, BOOLEAN as 0/1).
     *
     * @param physical the physical type (BOOLEAN, INT32, INT64)
     * @param n        the values
     * @return the values
     */
    long[] plainLongs(int physical, int n) {
        long[] out = new long[n];
        if (physical == ParquetColumn.BOOLEAN) {
            need((n + 7) / 8);
            for (int i = 0; i < n; i++) {
                out[i] = (data[position + i / 8] >>> (i % 8)) & 1;
            }
            position += (n + 7) / 8;
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = physical == ParquetColumn.INT32 ? int32() : int64();
            }
        }
        return out;
    }

    /**
     * Decodes PLAIN FLOAT or DOUBLE values.
     *
     * @param physical FLOAT or DOUBLE
     * @param n        the values
     * @return the values
     */
    double[] plainDoubles(int physical, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = physical == ParquetColumn.FLOAT ? Float.intBitsToFloat(int32()) : Double.longBitsToDouble(int64());
        }
        return out;
    }

    /**
     * Decodes PLAIN BYTE_ARRAY (a 4-byte length, then the bytes), FIXED_LEN_BYTE_ARRAY or INT96 values.
     *
     * @param physical the physical type
     * @param width    the width of a fixed-length value
     * @param n        the values
     * @return the values
     */
    byte[][] plainBytes(int physical, int width, int n) {
        byte[][] out = new byte[n][];
        for (int i = 0; i < n; i++) {
            int length = physical == ParquetColumn.BYTE_ARRAY ? int32() : physical == ParquetColumn.INT96 ? 12 : width;
            out[i] = bytes(length);
        }
        return out;
    }

    /**
     * Decodes values of the RLE/bit-packed hybrid.
     *
     * @param width the bits of a value, 0 to 32
     * @param n     the values
     * @return the values
     */
    int[] hybrid(int width, int n) {
        if (width < 0 || width > 32) {
            throw new BadStatFile("a bit width of " + width + " is invalid");
        }
        int[] out = new int[n];
        int filled = 0;
        while (filled < n) {
            long header = varint();
            if ((header & 1) == 0) {
                long count = header >>> 1;
                int bytes = (width + 7) / 8;
                need(bytes);
                int value = 0;
                for (int b = 0; b < bytes; b++) {
                    value |= (data[position + b] & 0xFF) << (8 * b);
                }
                position += bytes;
                int take = (int) Math.min(count, n - filled);
                Arrays.fill(out, filled, filled + take, value);
                filled += take;
            } else {
                long values = (header >>> 1) * 8;
                long bytes = (header >>> 1) * width;
                if (bytes > end - position) {
                    throw ends();
                }
                int take = (int) Math.min(values, n - filled);
                unpack(position, width, out, filled, take);
                filled += take;
                position += (int) bytes;
            }
        }
        return out;
    }

    /**
     * Decodes DELTA_BINARY_PACKED values.
     *
     * @param n the values expected
     * @return the values
     * @throws BadStatFile if the header announces another number of values
     */
    long[] deltaBinaryPacked(int n) {
        long blockSize = varint();
        long miniblocks = varint();
        long count = varint();
        long value = zigzag();
        if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                || (blockSize / miniblocks) % 32 != 0) {
            throw new BadStatFile("a DELTA_BINARY_PACKED header is invalid");
        }
        if (count != n) {
            throw new BadStatFile("a page holds " + count + " values, not " + n);
        }
        int perMiniblock = (int) (blockSize / miniblocks);
        long[] out = new long[(int) count];
        if (count == 0) {
            return out;
        }
        out[0] = value;
        int filled = 1;
        long[] deltas = new long[perMiniblock];
        while (filled < count) {
            long minDelta = zigzag();
            need((int) miniblocks);
            int[] widths = new int[(int) miniblocks];
            for (int m = 0; m < miniblocks; m++) {
                widths[m] = data[position + m] & 0xFF;
            }
            position += (int) miniblocks;
            for (int m = 0; m < miniblocks && filled < count; m++) {
                int width = widths[m];
                if (width > 64) {
                    throw new BadStatFile("a bit width of " + width + " is invalid");
                }
                long bytes = (long) perMiniblock * width / 8;
                if (bytes > end - position) {
                    throw ends();
                }
                unpackLongs(position, width, deltas, perMiniblock);
                position += (int) bytes;
                for (int i = 0; i < perMiniblock && filled < count; i++) {
                    value += minDelta + deltas[i];
                    out[filled++] = value;
                }
            }
        }
        return out;
    }

    /**
     * Decodes DELTA_LENGTH_BYTE_ARRAY values: the lengths (DELTA_BINARY_PACKED), then the bytes one after another.
     *
     * @param n the values expected
     * @return the values
     */
    byte[][] deltaLengthByteArray(int n) {
        long[] lengths = deltaBinaryPacked(n);
        byte[][] out = new byte[lengths.length][];
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0 || lengths[i] > end - position) {
                throw ends();
            }
            out[i] = bytes((int) lengths[i]);
        }
        return out;
    }

    /**
     * Decodes DELTA_BYTE_ARRAY values: each is a prefix of the one before and a suffix.
     *
     * @param n the values expected
     * @return the values
     */
    byte[][] deltaByteArray(int n) {
        long[] prefixes = deltaBinaryPacked(n);
        byte[][] suffixes = deltaLengthByteArray(n);
        byte[][] out = new byte[suffixes.length][];
        byte[] previous = new byte[0];
        for (int i = 0; i < out.length; i++) {
            if (prefixes[i] < 0 || prefixes[i] > previous.length) {
                throw new BadStatFile("a DELTA_BYTE_ARRAY prefix is longer than the value before it");
            }
            int prefix = (int) prefixes[i];
            byte[] value = Arrays.copyOf(previous, prefix + suffixes[i].length);
            System.arraycopy(suffixes[i], 0, value, prefix, suffixes[i].length);
            out[i] = value;
            previous = value;
        }
        return out;
    }

    /**
     * Decodes BYTE_STREAM_SPLIT values: byte k of value i is at {@code k · n + i}.
     *
     * @param width the bytes of a value
     * @param n     the values
     * @return the values, each in its little-endian bytes
     */
    byte[][] byteStreamSplit(int width, int n) {
        if ((long) width * n > end - position) {
            throw ends();
        }
        byte[][] out = new byte[n][width];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < width; k++) {
                out[i][k] = data[position + k * n + i];
            }
        }
        position += width * n;
        return out;
    }

    private void unpack(int at, int width, int[] out, int offset, int n) {
        long mask = width == 32 ? 0xFFFF_FFFFL : (1L << width) - 1;
        for (int i = 0; i < n; i++) {
            out[offset + i] = (int) (bits(at, (long) i * width, width) & mask);
        }
    }

    private void unpackLongs(int at, int width, long[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = width == 0 ? 0 : bits(at, (long) i * width, width);
        }
    }

    /** Reads {@code width} (≤ 64) bits starting {@code bit} bits after {@code at}, least significant first. */
    private long bits(int at, long bit, int width) {
        long out = 0;
        int got = 0;
        int index = at + (int) (bit >>> 3);
        int shift = (int) (bit & 7);
        while (got < width) {
            int b = (index < end ? data[index] & 0xFF : 0) >>> shift;
            int take = Math.min(8 - shift, width - got);
            out |= (long) (b & ((1 << take) - 1)) << got;
            got += take;
            shift = 0;
            index++;
        }
        return out;
    }

    /**
     * Reads a zigzag-encoded ULEB128 integer.
     *
     * @return the value
     */
    long zigzag() {
        long n = varint();
        return (n >>> 1) ^ -(n & 1);
    }

    /**
     * Reads a ULEB128 integer.
     *
     * @return the value
     */
    long varint() {
        long out = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            out |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return out;
            }
        }
        throw new BadStatFile("a number in " + what + " is malformed");
    }

    private void need(int n) {
        if (n < 0 || n > end - position) {
            throw ends();
        }
    }

    private BadStatFile ends() {
        return new BadStatFile(what + " ends early");
    }
}

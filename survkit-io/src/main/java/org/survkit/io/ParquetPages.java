package org.survkit.io;

/**
 * Decodes the pages of one flat column's chunk in one row group into {@link ParquetValues}: an optional dictionary
 * page, then data pages (v1, whose definition levels and values are compressed together, or v2, whose levels are
 * not compressed), each page's values in PLAIN, a dictionary (PLAIN_DICTIONARY, RLE_DICTIONARY), RLE (booleans),
 * DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY or BYTE_STREAM_SPLIT. A flat optional column has
 * definition levels 0 (null) and 1 (a value), RLE-encoded with bit width 1; a required one has none.
 *
 * <p>Format: Apache Parquet, {@code parquet.thrift} (PageHeader: type 1, uncompressed size 2, compressed size 3,
 * DataPageHeader 5, DictionaryPageHeader 7, DataPageHeaderV2 8) and "Encodings".
 */
final class ParquetPages {

    private static final int DATA_PAGE = 0;
    private static final int DICTIONARY_PAGE = 2;
    private static final int DATA_PAGE_V2 = 3;

    private static final int PLAIN = 0;
    private static final int PLAIN_DICTIONARY = 2;
    private static final int RLE = 3;
    private static final int DELTA_BINARY_PACKED = 5;
    private static final int DELTA_LENGTH_BYTE_ARRAY = 6;
    private static final int DELTA_BYTE_ARRAY = 7;
    private static final int RLE_DICTIONARY = 8;
    private static final int BYTE_STREAM_SPLIT = 9;

    /** The largest page survkit unpacks (Parquet's writers make pages of about 1 MB). */
    private static final int MAX_PAGE = 1 << 30;

    private static final String[] ENCODINGS = {"PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED",
        "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"};

    private final ParquetColumn column;
    private final int codec;
    private final ParquetValues values;
    private ParquetValues dictionary;
    private int row;

    private ParquetPages(ParquetColumn column, int codec, int rows) {
        this.column = column;
        this.codec = codec;
        this.values = new ParquetValues(column, rows);
    }

    /**
     * The bytes the pages of a file have unpacked to so far, against a cap, counted before each page is unpacked
     * (a small file whose pages unpack to gigabytes stops at the cap).
     */
    static final class Unpacked {
        private final long cap;
        private long bytes;

        /**
         * Starts counting.
         *
         * @param cap the most bytes
         */
        Unpacked(long cap) {
            this.cap = cap;
        }

        /**
         * Counts bytes about to be unpacked (or held).
         *
         * @param n the bytes
         * @return false once the total exceeds the cap
         */
        boolean add(long n) {
            bytes += n;
            return bytes <= cap;
        }
    }

    /** Thrown when the pages would unpack to more than the cap. */
    static final class TooLarge extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the pages unpack to more than the cap");
        }
    }

    /**
     * Decodes a chunk.
     *
     * @param column the column
     * @param codec  the chunk's codec, readable
     * @param chunk  the chunk's bytes
     * @param rows     the rows of the row group
     * @param unpacked the bytes unpacked so far, counted on
     * @return the values, one per row
     * @throws BadStatFile    if the pages are malformed or hold another number of values
     * @throws UnreadablePart if a page uses an encoding survkit does not read
     * @throws TooLarge       if the pages unpack to more than the cap
     */
    static ParquetValues decode(ParquetColumn column, int codec, byte[] chunk, int rows, Unpacked unpacked) {
        ParquetPages pages = new ParquetPages(column, codec, rows);
        int position = 0;
        while (pages.row < rows && position < chunk.length) {
            ThriftCompact.Struct header = ThriftCompact.read(chunk, position, chunk.length);
            int type = (int) header.integer(1, "a page type");
            int size = (int) header.integer(2, "a page size");
            int compressed = (int) header.integer(3, "a page size");
            int start = header.end();
            if (compressed < 0 || compressed > chunk.length - start) {
                throw new BadStatFile("a page of column '" + column.name() + "' runs past its column chunk");
            }
            if (size < 0 || size > MAX_PAGE || (codec == ParquetCodecs.UNCOMPRESSED && type != DATA_PAGE_V2
                    && size != compressed)) {
                throw new BadStatFile("a page of column '" + column.name() + "' has an impossible size (" + size
                        + " bytes)");
            }
            if (!unpacked.add(size)) {
                throw new TooLarge();
            }
            if (type == DICTIONARY_PAGE) {
                pages.dictionaryPage(header.struct(7), chunk, start, compressed, size);
            } else if (type == DATA_PAGE) {
                pages.dataPage(header.struct(5), chunk, start, compressed, size);
            } else if (type == DATA_PAGE_V2) {
                pages.dataPageV2(header.struct(8), chunk, start, compressed, size);
            }
            position = start + compressed;
        }
        if (pages.row != rows) {
            throw new BadStatFile("column '" + column.name() + "' holds " + pages.row + " values in a row group of "
                    + rows + " rows");
        }
        return pages.values;
    }

    private void dictionaryPage(ThriftCompact.Struct header, byte[] chunk, int start, int compressed, int size) {
        if (header == null) {
            throw new BadStatFile("a dictionary page has no header");
        }
        byte[] data = ParquetCodecs.decompress(codec, chunk, start, compressed, size);
        int n = count(header.integer(1, "the size of a dictionary"), data.length);
        dictionary = new ParquetValues(column, n);
        dictionary.fill(null, 0, n, plain(new ParquetEncodings(data, 0, data.length), n));
    }

    private void dataPage(ThriftCompact.Struct header, byte[] chunk, int start, int compressed, int size) {
        if (header == null) {
            throw new BadStatFile("a data page has no header");
        }
        int n = page(header.integer(1, "the values of a page"));
        byte[] data = ParquetCodecs.decompress(codec, chunk, start, compressed, size);
        ParquetEncodings in = new ParquetEncodings(data, 0, data.length);
        boolean[] present = null;
        if (column.optional()) {
            int encoding = (int) header.integer(3, RLE);
            if (encoding != RLE) {
                throw unreadable(encoding, "definition levels");
            }
            int length = in.int32();
            present = levels(data, in.position(), length, n);
            in = new ParquetEncodings(data, in.position() + length, data.length);
        }
        values(in, (int) header.integer(2, "the encoding of a page"), present, n);
    }

    private void dataPageV2(ThriftCompact.Struct header, byte[] chunk, int start, int compressed, int size) {
        if (header == null) {
            throw new BadStatFile("a data page has no header");
        }
        int n = page(header.integer(1, "the values of a page"));
        int definitions = (int) header.integer(5, "the length of the definition levels");
        int repetitions = (int) header.integer(6, "the length of the repetition levels");
        if (definitions < 0 || repetitions < 0 || (long) definitions + repetitions > compressed) {
            throw new BadStatFile("a page's levels are longer than the page");
        }
        boolean[] present = column.optional() ? levels(chunk, start + repetitions, definitions, n) : null;
        int levels = repetitions + definitions;
        boolean packed = header.bool(7, true) && codec != ParquetCodecs.UNCOMPRESSED;
        byte[] data = packed ? ParquetCodecs.decompress(codec, chunk, start + levels, compressed - levels,
                size - levels) : java.util.Arrays.copyOfRange(chunk, start + levels, start + compressed);
        values(new ParquetEncodings(data, 0, data.length), (int) header.integer(4, "the encoding of a page"), present,
                n);
    }

    private boolean[] levels(byte[] data, int start, int length, int n) {
        if (length < 0 || start + (long) length > data.length) {
            throw new BadStatFile("a page's definition levels run past the page");
        }
        int[] levels = new ParquetEncodings(data, start, start + length).hybrid(1, n);
        boolean[] present = new boolean[n];
        for (int i = 0; i < n; i++) {
            present[i] = levels[i] == 1;
        }
        return present;
    }

    private void values(ParquetEncodings in, int encoding, boolean[] present, int n) {
        int count = n;
        if (present != null) {
            count = 0;
            for (boolean p : present) {
                count += p ? 1 : 0;
            }
        }
        Object dense = switch (encoding) {
            case PLAIN -> plain(in, count);
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> dictionaryValues(in, count);
            case RLE -> booleans(in, count, encoding);
            case DELTA_BINARY_PACKED -> deltas(in, count, encoding);
            case DELTA_LENGTH_BYTE_ARRAY -> {
                allow(column.physical() == ParquetColumn.BYTE_ARRAY, encoding);
                yield in.deltaLengthByteArray(count);
            }
            case DELTA_BYTE_ARRAY -> {
                allow(column.physical() == ParquetColumn.BYTE_ARRAY || column.physical() == ParquetColumn.FIXED,
                        encoding);
                yield in.deltaByteArray(count);
            }
            case BYTE_STREAM_SPLIT -> split(in, count);
            default -> throw unreadable(encoding, "values");
        };
        values.fill(present, row, n, dense);
        row += n;
    }

    private Object plain(ParquetEncodings in, int n) {
        return switch (column.physical()) {
            case ParquetColumn.BOOLEAN, ParquetColumn.INT32, ParquetColumn.INT64 -> in.plainLongs(column.physical(), n);
            case ParquetColumn.FLOAT, ParquetColumn.DOUBLE -> in.plainDoubles(column.physical(), n);
            default -> in.plainBytes(column.physical(), column.width(), n);
        };
    }

    private Object dictionaryValues(ParquetEncodings in, int n) {
        if (dictionary == null) {
            throw new BadStatFile("column '" + column.name() + "' refers to a dictionary it does not have");
        }
        int width = n == 0 ? 0 : in.bytes(1)[0] & 0xFF;
        int[] indices = n == 0 ? new int[0] : in.hybrid(width, n);
        return dictionary.pick(indices);
    }

    private Object booleans(ParquetEncodings in, int n, int encoding) {
        allow(column.physical() == ParquetColumn.BOOLEAN, encoding);
        int length = in.int32();
        int[] bits = new ParquetEncodings(in.bytes(length), 0, length).hybrid(1, n);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = bits[i];
        }
        return out;
    }

    private Object deltas(ParquetEncodings in, int n, int encoding) {
        allow(column.physical() == ParquetColumn.INT32 || column.physical() == ParquetColumn.INT64, encoding);
        long[] out = in.deltaBinaryPacked(n);
        if (column.physical() == ParquetColumn.INT32) {
            for (int i = 0; i < n; i++) {
                out[i] = (int) out[i];
            }
        }
        return out;
    }

    private void allow(boolean allowed, int encoding) {
        if (!allowed) {
            throw unreadable(encoding, "values");
        }
    }

    private Object split(ParquetEncodings in, int n) {
        int width = switch (column.physical()) {
            case ParquetColumn.INT32, ParquetColumn.FLOAT -> 4;
            case ParquetColumn.INT64, ParquetColumn.DOUBLE -> 8;
            case ParquetColumn.FIXED -> column.width();
            default -> throw unreadable(BYTE_STREAM_SPLIT, "values");
        };
        byte[][] raw = in.byteStreamSplit(width, n);
        if (column.physical() == ParquetColumn.FIXED) {
            return raw;
        }
        ParquetEncodings joined = new ParquetEncodings(join(raw, width), 0, width * n);
        return column.physical() == ParquetColumn.FLOAT || column.physical() == ParquetColumn.DOUBLE
                ? joined.plainDoubles(column.physical(), n) : joined.plainLongs(column.physical(), n);
    }

    private static byte[] join(byte[][] values, int width) {
        byte[] out = new byte[values.length * width];
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(values[i], 0, out, i * width, width);
        }
        return out;
    }

    private int page(long n) {
        if (n < 0 || n > values.size() - row) {
            throw new BadStatFile("column '" + column.name() + "' holds more values than its row group has rows");
        }
        return (int) n;
    }

    private static int count(long n, int bytes) {
        if (n < 0 || n > 8L * bytes + 8) {
            throw new BadStatFile("a dictionary has " + n + " values");
        }
        return (int) n;
    }

    private UnreadablePart unreadable(int encoding, String what) {
        String name = encoding >= 0 && encoding < ENCODINGS.length ? ENCODINGS[encoding] : "encoding " + encoding;
        return new UnreadablePart("its " + what + " are encoded as " + name + " (on a " + column.physicalName()
                + " column), which survkit does not read");
    }

    /** A part of a column survkit does not read (an encoding), named for the message. */
    static final class UnreadablePart extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /**
         * Creates the fault.
         *
         * @param what what cannot be read, without the file and column
         */
        UnreadablePart(String what) {
            super(what);
        }
    }
}

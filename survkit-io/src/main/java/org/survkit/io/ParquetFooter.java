package org.survkit.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The footer of a Parquet file: its top-level columns ({@link ParquetColumn}) and its row groups, each with the
 * place of every column's chunk.
 *
 * <p>Format: Apache Parquet, "File Format" and {@code parquet.thrift}: a file is {@code PAR1}, the column chunks,
 * the {@code FileMetaData} (Thrift compact), its length (4 bytes little-endian) and {@code PAR1} again
 * ({@code PARE} when the footer is encrypted). The schema is a depth-first list of elements; the root's children
 * are the top-level fields, and a leaf's position in the list of leaves is its chunk's position in each row group.
 *
 * @param columns   the top-level fields, in file order
 * @param rowGroups the row groups, in file order
 * @param rows      the rows the file says it holds
 */
record ParquetFooter(List<ParquetColumn> columns, List<RowGroup> rowGroups, long rows) {

    /** The magic bytes at both ends of a Parquet file. */
    static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private static final int TAIL = 8;

    /**
     * A row group: its rows and the chunk of each leaf column.
     *
     * @param rows   the rows
     * @param chunks per leaf, in schema order
     */
    record RowGroup(long rows, List<Chunk> chunks) {
    }

    /**
     * Where a column's values in one row group lie.
     *
     * @param start  the offset of its first page (the dictionary page, if any)
     * @param length the bytes of its pages
     * @param codec  Parquet's compression codec number
     * @param values the values it holds (the rows, for a flat column)
     */
    record Chunk(long start, long length, int codec, long values) {
    }

    /**
     * Reads the footer.
     *
     * @param in the file
     * @return the footer
     * @throws EOFException if the file is cut short
     * @throws IOException  if the file cannot be read
     * @throws BadStatFile  if the footer is malformed
     * @throws InputException if the file is no Parquet file, or its footer is encrypted
     */
    static ParquetFooter read(ByteReader in, String name) throws IOException {
        long size = in.size();
        if (size < MAGIC.length || !ParquetSource.startsWithMagic(in.bytes(MAGIC.length, "the first bytes"))) {
            throw new InputException(name + " is not a Parquet file: it does not start with the bytes 'PAR1' that "
                    + "every Parquet file starts with. Perhaps it is a file of another kind with a .parquet name; "
                    + "open it in the program that made it and export it again (as Parquet or CSV).");
        }
        if (size < MAGIC.length + TAIL) {
            throw new EOFException();
        }
        in.seek(size - TAIL);
        int length = in.int32();
        byte[] end = in.bytes(4, "the last bytes");
        if (new String(end, StandardCharsets.US_ASCII).equals("PARE")) {
            throw new InputException(name + " is an encrypted Parquet file, which survkit does not read. Write it "
                    + "again without encryption (or export the data as CSV).");
        }
        if (!ParquetSource.startsWithMagic(end)) {
            throw new EOFException();
        }
        if (length <= 0 || length > size - MAGIC.length - TAIL) {
            throw new BadStatFile("the length of its footer (" + length + " bytes) does not fit in the file");
        }
        in.seek(size - TAIL - length);
        byte[] footer = in.bytes(length, "the footer");
        ThriftCompact.Struct meta = ThriftCompact.read(footer, 0, footer.length);
        List<ThriftCompact.Struct> elements = meta.structs(2);
        if (elements.isEmpty()) {
            throw new BadStatFile("its schema is empty");
        }
        List<ParquetColumn> columns = new ArrayList<>();
        int leaves = columns(elements, columns);
        List<RowGroup> groups = new ArrayList<>();
        for (ThriftCompact.Struct group : meta.structs(4)) {
            groups.add(rowGroup(group, leaves, size - TAIL - length));
        }
        return new ParquetFooter(columns, groups, meta.integer(3, "the number of rows"));
    }

    /** Walks the schema: each child of the root is a column; returns the number of leaves. */
    private static int columns(List<ThriftCompact.Struct> elements, List<ParquetColumn> out) {
        long children = elements.get(0).integer(5, 0);
        int[] next = {1};
        int leaves = 0;
        for (long c = 0; c < children; c++) {
            if (next[0] >= elements.size()) {
                throw new BadStatFile("its schema is malformed");
            }
            ThriftCompact.Struct element = elements.get(next[0]);
            String name = element.text(4);
            if (name == null) {
                throw new BadStatFile("column " + (c + 1) + " has no name");
            }
            int leavesBefore = leaves;
            int subtree = leaves(elements, next);
            leaves += subtree;
            out.add(ParquetColumn.of(name, element, leavesBefore, subtree));
        }
        return leaves;
    }

    /** Skips one element and its descendants; returns the number of leaves among them. */
    private static int leaves(List<ThriftCompact.Struct> elements, int[] next) {
        if (next[0] >= elements.size()) {
            throw new BadStatFile("its schema is malformed");
        }
        ThriftCompact.Struct element = elements.get(next[0]++);
        long children = element.integer(5, 0);
        if (!element.has(1) && children == 0) {
            return 0;
        }
        if (children == 0) {
            return 1;
        }
        int total = 0;
        for (long c = 0; c < children; c++) {
            total += leaves(elements, next);
        }
        return total;
    }

    private static RowGroup rowGroup(ThriftCompact.Struct group, int leaves, long footerStart) {
        List<ThriftCompact.Struct> columns = group.structs(1);
        if (columns.size() != leaves) {
            throw new BadStatFile("a row group has " + columns.size() + " columns where the schema has " + leaves);
        }
        List<Chunk> chunks = new ArrayList<>();
        for (ThriftCompact.Struct column : columns) {
            if (column.text(1) != null) {
                throw new BadStatFile("its data lie in another file (" + column.text(1) + ")");
            }
            ThriftCompact.Struct meta = column.struct(3);
            if (meta == null) {
                throw new BadStatFile("a column chunk has no description (is the file encrypted?)");
            }
            long data = meta.integer(9, "the offset of a data page");
            long dictionary = meta.integer(11, -1);
            long start = dictionary > 0 && dictionary < data ? dictionary : data;
            long length = meta.integer(7, "the size of a column chunk");
            if (start < MAGIC.length || length < 0 || start + length > footerStart) {
                throw new BadStatFile("a column chunk lies outside the data");
            }
            chunks.add(new Chunk(start, length, (int) meta.integer(4, 0), meta.integer(5, "the number of values")));
        }
        return new RowGroup(group.integer(3, "the rows of a row group"), chunks);
    }
}

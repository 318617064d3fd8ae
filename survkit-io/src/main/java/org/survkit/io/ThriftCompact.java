package org.survkit.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Apache Thrift's compact protocol, in which Parquet writes its footer and page headers, into a generic tree:
 * a {@link Struct} maps field ids to values (integers as {@code Long}, {@code double}, binary as {@code byte[]},
 * booleans, lists as {@code List}, structs as {@code Struct}; maps are skipped). Only what Parquet's metadata uses.
 *
 * <p>Format: Apache Thrift, "Thrift Compact protocol encoding" (thrift/doc/specs/thrift-compact-protocol.md): a
 * field header byte holds the id delta (high nibble; 0 = a zigzag varint id follows) and the type (low nibble);
 * integers are zigzag ULEB128 varints, doubles 8 bytes little-endian, binary a varint length and the bytes, a list
 * header the size (high nibble, 15 = a varint follows) and the element type.
 */
final class ThriftCompact {

    private static final int MAX_DEPTH = 32;

    private static final int STOP = 0;
    private static final int TRUE = 1;
    private static final int FALSE = 2;
    private static final int BYTE = 3;
    private static final int I16 = 4;
    private static final int I32 = 5;
    private static final int I64 = 6;
    private static final int DOUBLE = 7;
    private static final int BINARY = 8;
    private static final int LIST = 9;
    private static final int SET = 10;
    private static final int MAP = 11;
    private static final int STRUCT = 12;

    private final ParquetEncodings in;

    private ThriftCompact(byte[] data, int offset, int end) {
        this.in = new ParquetEncodings(data, offset, end, "its metadata");
    }

    /**
     * Reads one struct.
     *
     * @param data   the bytes
     * @param offset where the struct starts
     * @param end    where the bytes it may use end
     * @return the struct, whose {@link Struct#end()} is the offset after it
     * @throws BadStatFile if the bytes are not a struct of the compact protocol or end inside it
     */
    static Struct read(byte[] data, int offset, int end) {
        ThriftCompact reader = new ThriftCompact(data, offset, Math.min(end, data.length));
        Struct struct = reader.struct(0);
        return new Struct(struct.fields, reader.in.position());
    }

    private Struct struct(int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed();
        }
        Map<Integer, Object> fields = new HashMap<>();
        int id = 0;
        while (true) {
            int header = u8();
            int type = header & 0x0F;
            if (type == STOP) {
                return new Struct(fields, in.position());
            }
            int delta = header >>> 4;
            id = delta == 0 ? (int) zigzag() : id + delta;
            Object value = type == TRUE || type == FALSE ? Boolean.valueOf(type == TRUE) : value(type, depth);
            if (value != null) {
                fields.put(id, value);
            }
        }
    }

    private Object value(int type, int depth) {
        switch (type) {
            case BYTE:
                return (long) (byte) u8();
            case I16, I32, I64:
                return zigzag();
            case DOUBLE:
                return Double.longBitsToDouble(in.int64());
            case BINARY:
                return in.bytes(size());
            case LIST, SET:
                return list(depth);
            case MAP:
                skipMap(depth);
                return null;
            case STRUCT:
                return struct(depth + 1);
            default:
                throw malformed();
        }
    }

    private List<Object> list(int depth) {
        int header = u8();
        int size = header >>> 4;
        if (size == 15) {
            size = size();
        }
        int type = header & 0x0F;
        if (size > in.remaining()) {
            throw malformed();
        }
        List<Object> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(type == TRUE || type == FALSE ? Boolean.valueOf(u8() == TRUE) : value(type, depth + 1));
        }
        return out;
    }

    private void skipMap(int depth) {
        int size = size();
        if (size == 0) {
            return;
        }
        int types = u8();
        if (size > in.remaining()) {
            throw malformed();
        }
        for (int i = 0; i < size; i++) {
            for (int type : new int[] {types >>> 4, types & 0x0F}) {
                if (type == TRUE || type == FALSE) {
                    u8();
                } else {
                    value(type, depth + 1);
                }
            }
        }
    }

    private int size() {
        long size = in.varint();
        if (size < 0 || size > in.remaining()) {
            throw malformed();
        }
        return (int) size;
    }

    private long zigzag() {
        return in.zigzag();
    }

    private int u8() {
        return in.u8();
    }

    private static BadStatFile malformed() {
        return new BadStatFile("its metadata is malformed");
    }

    /**
     * A struct: field id → value.
     *
     * @param fields the fields present
     * @param end    the offset after the struct in the bytes it was read from
     */
    record Struct(Map<Integer, Object> fields, int end) {

        /** {@return true if the field is present} */
        boolean has(int id) {
            return fields.containsKey(id);
        }

        /**
         * An integer field.
         *
         * @param id       the field id
         * @param fallback the value when absent
         * @return the value
         */
        long integer(int id, long fallback) {
            return fields.get(id) instanceof Long l ? l : fallback;
        }

        /**
         * A required integer field.
         *
         * @param id   the field id
         * @param what what it is, for the message
         * @return the value
         * @throws BadStatFile if absent
         */
        long integer(int id, String what) {
            if (fields.get(id) instanceof Long l) {
                return l;
            }
            throw new BadStatFile("its metadata lacks " + what);
        }

        /**
         * A boolean field.
         *
         * @param id       the field id
         * @param fallback the value when absent
         * @return the value
         */
        boolean bool(int id, boolean fallback) {
            return fields.get(id) instanceof Boolean b ? b : fallback;
        }

        /** {@return a string field as UTF-8, or null when absent} */
        String text(int id) {
            return fields.get(id) instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : null;
        }

        /** {@return a struct field, or null when absent} */
        Struct struct(int id) {
            return fields.get(id) instanceof Struct s ? s : null;
        }

        /** {@return the structs of a list field, or an empty list when absent} */
        List<Struct> structs(int id) {
            if (!(fields.get(id) instanceof List<?> list)) {
                return Collections.emptyList();
            }
            List<Struct> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof Struct s)) {
                    throw malformed();
                }
                out.add(s);
            }
            return out;
        }

        /** {@return the strings of a list field, or an empty list when absent} */
        List<String> texts(int id) {
            if (!(fields.get(id) instanceof List<?> list)) {
                return Collections.emptyList();
            }
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                out.add(o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o));
            }
            return out;
        }
    }
}

package org.survkit.io;

/**
 * One top-level field of a Parquet file, as survkit reads it: its physical type, whether it may be null, and what
 * its values mean (its logical type, or the older converted type) — or why it cannot be read (a nested field).
 *
 * <p>Types from {@code parquet.thrift}: physical BOOLEAN 0, INT32 1, INT64 2, INT96 3, FLOAT 4, DOUBLE 5,
 * BYTE_ARRAY 6, FIXED_LEN_BYTE_ARRAY 7; repetition REQUIRED 0, OPTIONAL 1, REPEATED 2; logical types are a union
 * (STRING 1, MAP 2, LIST 3, ENUM 4, DECIMAL 5, DATE 6, TIME 7, TIMESTAMP 8, INTEGER 10, JSON 12, BSON 13, UUID 14,
 * FLOAT16 15), converted types an enum (UTF8 0, MAP 1, LIST 3, ENUM 4, DECIMAL 5, DATE 6, TIME_MILLIS 7,
 * TIME_MICROS 8, TIMESTAMP_MILLIS 9, TIMESTAMP_MICROS 10, UINT_8…UINT_64 11–14, INTERVAL 21).
 *
 * @param name     the column name
 * @param leaf     the position of its chunk in a row group
 * @param physical the physical type
 * @param width    the bytes of a FIXED_LEN_BYTE_ARRAY value, else 0
 * @param optional true if values may be null
 * @param meaning  what the values mean
 * @param scale    the scale of a decimal; for times and timestamps, the units per second (1,000 / 10⁶ / 10⁹)
 * @param nested   why the column is not flat ("a group of fields", "a list"), or null for a flat column
 */
record ParquetColumn(String name, int leaf, int physical, int width, boolean optional, Meaning meaning, int scale,
        String nested) {

    static final int BOOLEAN = 0;
    static final int INT32 = 1;
    static final int INT64 = 2;
    static final int INT96 = 3;
    static final int FLOAT = 4;
    static final int DOUBLE = 5;
    static final int BYTE_ARRAY = 6;
    static final int FIXED = 7;

    private static final int REPEATED = 2;

    /** What a column's values mean. */
    enum Meaning {
        /** A signed integer. */
        INTEGER,
        /** An unsigned integer. */
        UNSIGNED,
        /** A decimal: an unscaled integer and a scale. */
        DECIMAL,
        /** A date: days since 1970-01-01. */
        DATE,
        /** A time of day in the units of {@code scale}. */
        TIME,
        /** An instant (or local date-time) in the units of {@code scale} since 1970-01-01T00:00. */
        TIMESTAMP,
        /** Impala's and old Spark's INT96 timestamp: nanoseconds of the day and a Julian day. */
        INT96_TIMESTAMP,
        /** A single-precision number. */
        FLOAT,
        /** A double-precision number. */
        DOUBLE,
        /** true or false. */
        BOOLEAN,
        /** UTF-8 text (strings, enums, JSON, and bytes without annotation as Spark reads them). */
        TEXT,
        /** A UUID, shown in its usual 8-4-4-4-12 form. */
        UUID,
        /** A type survkit does not read (FLOAT16, INTERVAL, BSON, a nested field). */
        UNREADABLE
    }

    /**
     * Describes a top-level field.
     *
     * @param name    its name
     * @param element its schema element
     * @param leaf    the position of its first leaf
     * @param leaves  the leaves below it (1 for a primitive field)
     * @return the column
     */
    static ParquetColumn of(String name, ThriftCompact.Struct element, int leaf, int leaves) {
        boolean group = !element.has(1) || element.integer(5, 0) > 0;
        int repetition = (int) element.integer(3, 0);
        ThriftCompact.Struct logical = element.struct(10);
        int converted = (int) element.integer(6, -1);
        if (group || repetition == REPEATED || leaves != 1) {
            boolean list = (logical != null && logical.has(3)) || converted == 3 || repetition == REPEATED;
            boolean map = (logical != null && logical.has(2)) || converted == 1 || converted == 2;
            String why = map ? "a map" : list ? "a list (a repeated field)" : "a group of fields";
            return new ParquetColumn(name, leaf, -1, 0, true, Meaning.UNREADABLE, 0, why);
        }
        int physical = (int) element.integer(1, -1);
        int width = (int) element.integer(2, 0);
        boolean optional = repetition != 0;
        int[] scale = {0};
        Meaning meaning = logical != null ? logical(logical, physical, scale) : converted(converted, element, scale);
        if (meaning == null) {
            meaning = plain(name, physical);
        }
        return new ParquetColumn(name, leaf, physical, width, optional, meaning, scale[0], null);
    }

    private static Meaning logical(ThriftCompact.Struct logical, int physical, int[] scale) {
        if (logical.has(5)) {
            scale[0] = (int) logical.struct(5).integer(1, 0);
            return Meaning.DECIMAL;
        }
        if (logical.has(6)) {
            return Meaning.DATE;
        }
        if (logical.has(7) || logical.has(8)) {
            ThriftCompact.Struct unit = logical.struct(logical.has(7) ? 7 : 8).struct(2);
            scale[0] = unit == null || unit.has(1) ? 1_000 : unit.has(2) ? 1_000_000 : 1_000_000_000;
            return logical.has(7) ? Meaning.TIME : Meaning.TIMESTAMP;
        }
        if (logical.has(10)) {
            return logical.struct(10).bool(2, true) ? Meaning.INTEGER : Meaning.UNSIGNED;
        }
        if (logical.has(1) || logical.has(4) || logical.has(12)) {
            return Meaning.TEXT;
        }
        if (logical.has(14)) {
            return Meaning.UUID;
        }
        if (logical.has(13) || logical.has(15)) {
            return Meaning.UNREADABLE;
        }
        return null;
    }

    private static Meaning converted(int converted, ThriftCompact.Struct element, int[] scale) {
        switch (converted) {
            case 0, 4, 19:
                return Meaning.TEXT;
            case 5:
                scale[0] = (int) element.integer(7, 0);
                return Meaning.DECIMAL;
            case 6:
                return Meaning.DATE;
            case 7, 9:
                scale[0] = 1_000;
                return converted == 7 ? Meaning.TIME : Meaning.TIMESTAMP;
            case 8, 10:
                scale[0] = 1_000_000;
                return converted == 8 ? Meaning.TIME : Meaning.TIMESTAMP;
            case 11, 12, 13, 14:
                return Meaning.UNSIGNED;
            case 20, 21:
                return Meaning.UNREADABLE;
            default:
                return null;
        }
    }

    private static Meaning plain(String name, int physical) {
        return switch (physical) {
            case BOOLEAN -> Meaning.BOOLEAN;
            case INT32, INT64 -> Meaning.INTEGER;
            case INT96 -> Meaning.INT96_TIMESTAMP;
            case FLOAT -> Meaning.FLOAT;
            case DOUBLE -> Meaning.DOUBLE;
            case BYTE_ARRAY, FIXED -> Meaning.TEXT;
            default -> throw new BadStatFile("column '" + name + "' has an unknown type " + physical);
        };
    }

    /** {@return the name of the physical type, as Parquet's tools show it} */
    String physicalName() {
        return switch (physical) {
            case BOOLEAN -> "BOOLEAN";
            case INT32 -> "INT32";
            case INT64 -> "INT64";
            case INT96 -> "INT96";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case BYTE_ARRAY -> "BYTE_ARRAY";
            case FIXED -> "FIXED_LEN_BYTE_ARRAY";
            default -> "nested";
        };
    }
}

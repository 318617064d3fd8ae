package org.survkit.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The header and variable descriptors of a Stata {@code .dta} file, and where its parts lie: formats 113, 114
 * and 115 (Stata 8–12, binary header) and 117, 118 and 119 (Stata 13–18, XML-like tags with a map of
 * offsets), in either byte order.
 */
final class DtaLayout {

    /** Type codes of formats 117+ for strL and the numbers; 1–2045 are strN. */
    static final int STRL = 32768;
    static final int DOUBLE = 65526;
    static final int FLOAT = 65527;
    static final int LONG = 65528;
    static final int INT = 65529;
    static final int BYTE = 65530;

    private static final int MAP_ENTRIES = 14;

    /** The format: 113–115 or 117–119. */
    int release;
    /** The number of variables. */
    int variables;
    /** The number of observations. */
    long observations;
    /** Per variable: its type, in the codes of formats 117+. */
    int[] types;
    /** Per variable: its name, display format, value label name and variable label. */
    String[] names;
    String[] formats;
    String[] labelNames;
    String[] labels;
    /** Per variable: its offset in an observation. */
    int[] offsets;
    /** The bytes of one observation. */
    int recordLength;
    /** Where the observations start. */
    long dataStart;
    /** Where the strLs start (the {@code <strls>} tag), or -1 before format 117. */
    long strls = -1;
    /** Where the value labels start ({@code <value_labels>} tag, or the first table before format 117). */
    long valueLabels;

    private DtaLayout() {
    }

    /** {@return true for formats 117 and later} */
    boolean tagged() {
        return release >= 117;
    }

    /** {@return true if text is UTF-8 (formats 118 and 119); older files hold UTF-8 or Windows-1252} */
    boolean utf8() {
        return release >= 118;
    }

    /**
     * Reads the header and descriptors, leaving the reader at the start of the observations.
     *
     * @param in     the file, at its start
     * @param text   decodes names and labels
     * @param name   the file name, for messages
     * @param limits the caps (the most variables)
     * @return the layout
     * @throws IOException    if the file cannot be read or ends early
     * @throws BadStatFile    if the header is malformed
     * @throws InputException if the format is not supported or the file has more variables than the cap
     */
    static DtaLayout read(ByteReader in, StatTable.Guess text, String name, ReadLimits limits)
            throws IOException {
        DtaLayout layout = new DtaLayout();
        int first = in.u8();
        if (first == '<') {
            layout.readTagged(in, text, name, limits);
        } else {
            layout.readOld(first, in, text, name, limits);
        }
        layout.place();
        return layout;
    }

    private void readOld(int first, ByteReader in, StatTable.Guess text, String name,
            ReadLimits limits) throws IOException {
        release = first;
        int byteOrder = in.u8();
        int fileType = in.u8();
        if (release < 102 || release > 119 || byteOrder != 1 && byteOrder != 2 || fileType != 1) {
            throw new BadStatFile("it does not start as a Stata file does");
        }
        if (release < 113 || release > 115) {
            throw unsupported(name, release);
        }
        in.order(byteOrder == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        in.u8();
        variables = in.int16() & 0xFFFF;
        observations = in.int32() & 0xFFFF_FFFFL;
        in.skip(81 + 18, "the data label");
        allocate(in, name, limits, 1 + 33 + 2 + 12 + 33 + 81);
        for (int i = 0; i < variables; i++) {
            int code = in.u8();
            types[i] = oldType(code);
        }
        names = strings(in, 33, text);
        in.skip(2L * (variables + 1), "the sort list");
        formats = strings(in, release == 113 ? 12 : 49, text);
        labelNames = strings(in, 33, text);
        labels = strings(in, 81, text);
        while (true) {
            int type = in.u8();
            int length = in.int32();
            if (type == 0 && length == 0) {
                break;
            }
            in.skip(length, "an expansion field");
        }
        dataStart = in.position();
    }

    private static int oldType(int code) {
        if (code >= 1 && code <= 244) {
            return code;
        }
        return switch (code) {
            case 251 -> BYTE;
            case 252 -> INT;
            case 253 -> LONG;
            case 254 -> FLOAT;
            case 255 -> DOUBLE;
            default -> throw new BadStatFile("a variable has the unknown type " + code);
        };
    }

    private void readTagged(ByteReader in, StatTable.Guess text, String name, ReadLimits limits)
            throws IOException {
        in.expect("stata_dta><header><release>");
        String r = new String(in.bytes(3, "the release"), StandardCharsets.US_ASCII);
        try {
            release = Integer.parseInt(r);
        } catch (NumberFormatException e) {
            throw new BadStatFile("its release '" + r + "' is not a number");
        }
        if (release < 117 || release > 119) {
            throw unsupported(name, release);
        }
        in.expect("</release><byteorder>");
        String order = new String(in.bytes(3, "the byte order"), StandardCharsets.US_ASCII);
        if (!order.equals("MSF") && !order.equals("LSF")) {
            throw new BadStatFile("its byte order '" + order + "' is neither MSF nor LSF");
        }
        in.order(order.equals("MSF") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        in.expect("</byteorder><K>");
        long k = release == 119 ? in.int32() & 0xFFFF_FFFFL : in.int16() & 0xFFFF;
        if (k > limits.maxColumns()) {
            throw limits.tooManyColumns(name);
        }
        variables = (int) k;
        in.expect("</K><N>");
        observations = release == 117 ? in.int32() & 0xFFFF_FFFFL : in.int64();
        if (observations < 0) {
            throw new BadStatFile("its number of observations is negative");
        }
        in.expect("</N><label>");
        in.skip(release == 117 ? in.u8() : in.int16() & 0xFFFF, "the data label");
        in.expect("</label><timestamp>");
        in.skip(in.u8(), "the time stamp");
        in.expect("</timestamp></header><map>");
        long[] map = new long[MAP_ENTRIES];
        for (int i = 0; i < MAP_ENTRIES; i++) {
            map[i] = in.int64();
        }
        in.expect("</map><variable_types>");
        int nameBytes = release == 117 ? 33 : 129;
        allocate(in, name, limits, 2 + 2 * nameBytes + 49 + 81);
        for (int i = 0; i < variables; i++) {
            types[i] = newType(in.int16() & 0xFFFF);
        }
        in.expect("</variable_types><varnames>");
        names = strings(in, nameBytes, text);
        in.expect("</varnames><sortlist>");
        in.skip((release == 119 ? 4L : 2L) * (variables + 1), "the sort list");
        in.expect("</sortlist><formats>");
        formats = strings(in, release == 117 ? 49 : 57, text);
        in.expect("</formats><value_label_names>");
        labelNames = strings(in, nameBytes, text);
        in.expect("</value_label_names><variable_labels>");
        labels = strings(in, release == 117 ? 81 : 321, text);
        in.expect("</variable_labels>");
        in.seek(map[9]);
        in.expect("<data>");
        dataStart = in.position();
        strls = map[10];
        valueLabels = map[11];
    }

    private static int newType(int code) {
        if (code >= 1 && code <= 2045 || code == STRL || code >= DOUBLE && code <= BYTE) {
            return code;
        }
        throw new BadStatFile("a variable has the unknown type " + code);
    }

    private void allocate(ByteReader in, String name, ReadLimits limits, int bytesPerVariable)
            throws IOException {
        if (variables > limits.maxColumns()) {
            throw limits.tooManyColumns(name);
        }
        in.checkLength((long) variables * bytesPerVariable, "the variable descriptors");
        types = new int[variables];
    }

    private String[] strings(ByteReader in, int width, StatTable.Guess text) throws IOException {
        String[] out = new String[variables];
        byte[] field = new byte[width];
        for (int i = 0; i < variables; i++) {
            in.read(field, 0, width);
            out[i] = text.decode(field, 0, terminated(field, 0, width));
        }
        return out;
    }

    /**
     * The length of a NUL-terminated string in a fixed-width field.
     *
     * @param bytes  the array
     * @param offset where the field starts
     * @param width  its width
     * @return the bytes before the first NUL, or the width
     */
    static int terminated(byte[] bytes, int offset, int width) {
        for (int i = 0; i < width; i++) {
            if (bytes[offset + i] == 0) {
                return i;
            }
        }
        return width;
    }

    private void place() {
        offsets = new int[variables];
        long length = 0;
        for (int i = 0; i < variables; i++) {
            offsets[i] = (int) length;
            length += width(types[i]);
            if (length > Integer.MAX_VALUE / 2) {
                throw new BadStatFile("an observation is too long (" + length + " bytes)");
            }
        }
        recordLength = (int) length;
        if (!tagged()) {
            valueLabels = dataStart + observations * recordLength;
        }
    }

    /**
     * The bytes a variable takes in an observation.
     *
     * @param type its type (codes of formats 117+)
     * @return its width
     */
    static int width(int type) {
        return switch (type) {
            case DOUBLE, STRL -> 8;
            case FLOAT, LONG -> 4;
            case INT -> 2;
            case BYTE -> 1;
            default -> type;
        };
    }

    /**
     * How a variable's display format holds dates: {@code %td} (and the old {@code %d}) days, {@code %tc} and
     * {@code %tC} milliseconds since 1960.
     *
     * @param variable the variable
     * @return the kind of dates, or NONE
     */
    StatColumn.Dates dates(int variable) {
        String f = formats[variable].strip();
        f = f.startsWith("%") ? f.substring(1) : f;
        f = f.startsWith("-") ? f.substring(1) : f;
        if (f.startsWith("td") || f.startsWith("d")) {
            return StatColumn.Dates.STATA_DAYS;
        }
        return f.startsWith("tc") || f.startsWith("tC") ? StatColumn.Dates.STATA_MILLIS : StatColumn.Dates.NONE;
    }

    private static InputException unsupported(String name, int release) {
        return new InputException(name + " is a Stata file in format " + release + (release < 113
                ? " (Stata 7 or older)" : "") + ", which survkit does not read (it reads formats 113-115 of Stata 8-12 "
                + "and 117-119 of Stata 13 and later). Open it in Stata and save it again, or save the data as CSV.");
    }
}

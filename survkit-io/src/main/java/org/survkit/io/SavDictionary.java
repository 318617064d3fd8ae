package org.survkit.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dictionary of an SPSS system file ({@code .sav}, {@code .zsav}): the file header and every record up to
 * the dictionary termination, as described in PSPP's "System File Format" documentation.
 *
 * <p>Read: the file header ({@code $FL2}, or {@code $FL3} for zlib-compressed data), variable records (with
 * labels and user-missing values), value labels (records 3 and 4), documents (skipped), and the extension
 * records for machine integers (3: byte order check, character code), long variable names (13), very long
 * strings (14), the extended case count (16), the character encoding (20), long string value labels (21) and
 * long string missing values (22); other extensions are skipped. Names and labels are decoded once the
 * encoding is known: subtype 20, else the character code of subtype 3, else Windows-1252.
 */
final class SavDictionary {

    /** The smallest number, SPSS's system-missing value. */
    static final double SYSMIS = -Double.MAX_VALUE;

    private static final int HEADER_BYTES = 176;
    private static final int MAX_SEGMENT = 255;
    private static final int SEGMENT_STEP = 252;

    /** The compression of the data: none (0), bytecode (1) or bytecode in zlib blocks (2). */
    int compression;
    /** The bias of bytecode compression (100). */
    double bias;
    /** The number of cases, or -1 if the header does not say. */
    long cases;
    /** The number of 8-byte slots of one case. */
    int slots;
    /** The encoding of text. */
    Charset charset = StatTable.windows1252();
    /** The warnings raised while reading (an unknown encoding). */
    final List<String> warnings = new ArrayList<>();
    /** The variables, very long strings joined, in file order. */
    final List<SavVariable> variables = new ArrayList<>();

    private final List<RawVariable> raw = new ArrayList<>();
    private final Map<Integer, RawVariable> bySlot = new HashMap<>();
    private byte[] longNames;
    private byte[] veryLongStrings;
    private byte[] encodingName;
    private byte[] longStringLabels;
    private byte[] longStringMissing;
    private int characterCode;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    private SavDictionary() {
    }

    /** One variable record and its continuation slots, names and labels still bytes. */
    private static final class RawVariable {
        int width;
        int slot;
        int slotCount = 1;
        int printType;
        byte[] shortName;
        byte[] label;
        int missingCount;
        byte[][] missing;
        final List<byte[][]> valueLabels = new ArrayList<>();
    }

    /**
     * Reads the dictionary, leaving the reader at the first byte after the termination record.
     *
     * @param in the file, at its start
     * @return the dictionary
     * @throws IOException  if the file cannot be read or ends inside the dictionary
     * @throws BadStatFile  if a record is malformed
     */
    static SavDictionary read(ByteReader in) throws IOException {
        SavDictionary d = new SavDictionary();
        d.header(in);
        d.records(in);
        d.build();
        return d;
    }

    private void header(ByteReader in) throws IOException {
        byte[] magic = new byte[(int) Math.min(4, Math.max(0, in.size()))];
        in.read(magic, 0, magic.length);
        String kind = new String(magic, StandardCharsets.ISO_8859_1);
        if (!kind.equals("$FL2") && !kind.equals("$FL3")) {
            if (!"$FL2".startsWith(kind) && !"$FL3".startsWith(kind)) {
                throw new BadStatFile("it does not start with $FL2 or $FL3");
            }
            in.checkLength(HEADER_BYTES, "the file header");
        }
        in.checkLength(HEADER_BYTES - 4, "the file header");
        in.skip(60, "the product name");
        int layout = in.int32();
        if (layout != 2 && layout != 3) {
            in.order(ByteOrder.BIG_ENDIAN);
            layout = Integer.reverseBytes(layout);
            if (layout != 2 && layout != 3) {
                throw new BadStatFile("its layout code is neither 2 nor 3");
            }
        }
        order = in.order();
        in.int32(); // nominal case size, often wrong: the variable records are counted instead
        compression = in.int32();
        if (compression < 0 || compression > 2 || (compression == 2) != kind.equals("$FL3")) {
            throw new BadStatFile("its compression code " + compression + " is unknown or does not match "
                    + kind);
        }
        in.int32(); // weight index
        cases = in.int32();
        bias = in.float64();
        in.skip(9 + 8 + 64 + 3, "the file header");
    }

    private void records(ByteReader in) throws IOException {
        while (true) {
            int type = in.int32();
            switch (type) {
                case 2 -> variable(in);
                case 3 -> valueLabels(in);
                case 6 -> {
                    int lines = in.int32();
                    in.skip(80L * lines, "the document record");
                }
                case 7 -> extension(in);
                case 999 -> {
                    in.int32();
                    return;
                }
                default -> throw new BadStatFile("an unknown record of type " + type + " is at byte "
                        + (in.position() - 4));
            }
        }
    }

    private void variable(ByteReader in) throws IOException {
        int width = in.int32();
        int hasLabel = in.int32();
        int missingCount = in.int32();
        int print = in.int32();
        in.int32(); // write format
        byte[] name = in.bytes(8, "a variable name");
        byte[] label = null;
        if (hasLabel == 1) {
            int length = in.int32();
            label = in.bytes(length, "a variable label");
            in.skip((4 - length % 4) % 4, "a variable label");
        } else if (hasLabel != 0) {
            throw new BadStatFile("a variable record has the label flag " + hasLabel);
        }
        if (missingCount > 3 || missingCount < -3 || missingCount == -1) {
            throw new BadStatFile("a variable record has " + missingCount + " as its count of missing values");
        }
        byte[][] missing = new byte[Math.abs(missingCount)][];
        for (int i = 0; i < missing.length; i++) {
            missing[i] = in.bytes(8, "a missing value");
        }
        int slot = raw.isEmpty() ? 0 : raw.get(raw.size() - 1).slot + raw.get(raw.size() - 1).slotCount;
        if (width == -1) {
            if (raw.isEmpty()) {
                throw new BadStatFile("the first variable record is a continuation");
            }
            RawVariable last = raw.get(raw.size() - 1);
            last.slotCount++;
            return;
        }
        if (width < 0 || width > MAX_SEGMENT) {
            throw new BadStatFile("a variable record has the width " + width);
        }
        RawVariable v = new RawVariable();
        v.width = width;
        v.slot = slot;
        v.printType = (print >> 16) & 0xFF;
        v.shortName = name;
        v.label = label;
        v.missingCount = missingCount;
        v.missing = missing;
        raw.add(v);
        bySlot.put(slot + 1, v);
    }

    private void valueLabels(ByteReader in) throws IOException {
        int count = in.int32();
        in.checkLength(9L * count, "a value label record");
        List<byte[][]> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] value = in.bytes(8, "a labelled value");
            int length = in.u8();
            byte[] label = in.bytes(length, "a value label");
            in.skip((8 - (length + 1) % 8) % 8, "a value label");
            labels.add(new byte[][] {value, label});
        }
        if (in.int32() != 4) {
            throw new BadStatFile("a value label record is not followed by its variables (record type 4)");
        }
        int variableCount = in.int32();
        in.checkLength(4L * variableCount, "the variables of a value label record");
        for (int i = 0; i < variableCount; i++) {
            int index = in.int32();
            RawVariable v = bySlot.get(index);
            if (v == null) {
                throw new BadStatFile("value labels are given for variable index " + index + ", which is no "
                        + "variable");
            }
            v.valueLabels.addAll(labels);
        }
    }

    private void extension(ByteReader in) throws IOException {
        int subtype = in.int32();
        int size = in.int32();
        int count = in.int32();
        long length = (long) size * count;
        if (size < 0 || count < 0) {
            throw new BadStatFile("extension record " + subtype + " has a negative size");
        }
        switch (subtype) {
            case 3 -> {
                byte[] data = in.bytes(length, "the machine integer record");
                if (length >= 32) {
                    characterCode = ByteBuffer.wrap(data).order(in.order()).getInt(28);
                }
            }
            case 13 -> longNames = in.bytes(length, "the long variable names");
            case 14 -> veryLongStrings = in.bytes(length, "the very long string record");
            case 16 -> {
                byte[] data = in.bytes(length, "the case count record");
                if (length == 16 && cases < 0) {
                    cases = ByteBuffer.wrap(data).order(in.order()).getLong(8);
                }
            }
            case 20 -> encodingName = in.bytes(length, "the character encoding record");
            case 21 -> longStringLabels = in.bytes(length, "the long string value labels");
            case 22 -> longStringMissing = in.bytes(length, "the long string missing values");
            default -> in.skip(length, "extension record " + subtype);
        }
    }

    private void build() {
        charset = SavCharsets.of(encodingName, characterCode, warnings);
        Map<String, String> longNameOf = pairs(longNames, "\t");
        Map<String, String> widthOf = pairs(veryLongStrings, "\t");
        Map<String, SavVariable> byName = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            RawVariable v = raw.get(i);
            String shortName = text(v.shortName).strip();
            String name = longNameOf.getOrDefault(shortName.toUpperCase(Locale.ROOT), shortName);
            SavVariable out = new SavVariable(name, v.label == null ? "" : text(v.label), v.printType);
            String vls = widthOf.get(shortName.toUpperCase(Locale.ROOT));
            int width = vls == null ? v.width : veryLongWidth(vls, shortName);
            if (width > MAX_SEGMENT) {
                int segments = (width + SEGMENT_STEP - 1) / SEGMENT_STEP;
                if (i + segments > raw.size()) {
                    throw new BadStatFile("the very long string '" + name + "' lacks segments");
                }
                for (int s = 0; s < segments; s++) {
                    RawVariable segment = raw.get(i + s);
                    out.segment(segment.slot, Math.min(width - MAX_SEGMENT * s, MAX_SEGMENT));
                }
                i += segments - 1;
            } else if (v.width > 0) {
                out.segment(v.slot, v.width);
            } else {
                out.numeric(v.slot);
            }
            missing(out, v);
            labels(out, v);
            variables.add(out);
            byName.put(name.toUpperCase(Locale.ROOT), out);
        }
        RawVariable last = raw.isEmpty() ? null : raw.get(raw.size() - 1);
        slots = last == null ? 0 : last.slot + last.slotCount;
        SavLongStrings.labels(longStringLabels, byName, this);
        SavLongStrings.missing(longStringMissing, byName, this);
    }

    private static int veryLongWidth(String text, String name) {
        try {
            return Integer.parseInt(text.replace("\0", "").strip());
        } catch (NumberFormatException e) {
            throw new BadStatFile("the very long string record gives '" + text + "' as the width of '" + name + "'");
        }
    }

    private void missing(SavVariable out, RawVariable v) {
        if (v.missingCount == 0) {
            return;
        }
        if (out.isString()) {
            for (byte[] value : v.missing) {
                out.missingText(rtrim(text(value)));
            }
            return;
        }
        int first = 0;
        if (v.missingCount < 0) {
            out.missingRange(number(v.missing[0]), number(v.missing[1]));
            first = 2;
        }
        for (int i = first; i < v.missing.length; i++) {
            out.missingValue(number(v.missing[i]));
        }
    }

    private void labels(SavVariable out, RawVariable v) {
        for (byte[][] pair : v.valueLabels) {
            String label = text(pair[1]);
            if (out.isString()) {
                out.textLabel(rtrim(text(pair[0])), label);
            } else {
                out.numberLabel(number(pair[0]), label);
            }
        }
    }

    /**
     * Reads a number from 8 bytes in the file's byte order.
     *
     * @param bytes the bytes
     * @return the number
     */
    double number(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(order).getDouble();
    }

    /**
     * Decodes text in the file's encoding.
     *
     * @param bytes the bytes
     * @return the text
     */
    String text(byte[] bytes) {
        return new String(bytes, charset);
    }

    /**
     * Removes trailing spaces, as SPSS pads strings.
     *
     * @param s the text
     * @return the text without trailing spaces and NULs
     */
    static String rtrim(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** {@return the byte order of numbers} */
    ByteOrder order() {
        return order;
    }

    private Map<String, String> pairs(byte[] record, String separator) {
        Map<String, String> out = new LinkedHashMap<>();
        if (record == null) {
            return out;
        }
        for (String pair : text(record).split(separator)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).strip().toUpperCase(Locale.ROOT), pair.substring(eq + 1).replace("\0",
                        "").strip());
            }
        }
        return out;
    }
}

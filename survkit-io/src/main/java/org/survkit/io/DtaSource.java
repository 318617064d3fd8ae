package org.survkit.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a Stata data file ({@code .dta}, formats 113–115 and 117–119, either byte order) to a
 * {@link RowHandler}: one column per variable, one row per observation, numbered from 1.
 *
 * <p>Values: missing values ({@code .} and {@code .a} to {@code .z}) are delivered as empty text; a number that
 * has a value label (through the variable's label name) as its label; a number with a {@code %td} format (days
 * since 1960) or {@code %tc}/{@code %tC} (milliseconds since 1960) as its date ({@code yyyy-MM-dd} and the
 * {@link LocalDate}); any other number as {@link ExcelCells#number} shows it (floats with their own shortest
 * digits); strings and strLs as their text (UTF-8 from format 118; before, UTF-8 if valid, else
 * Windows-1252). Variable labels go to {@link RowHandler#labels}. The header is read by {@link DtaLayout}.
 */
final class DtaSource {

    private DtaSource() {
    }

    /** A strL's address: variable and observation, both from 1. */
    private record StrlKey(long variable, long observation) {
    }

    /**
     * Reads a Stata file.
     *
     * @param file    the file, which exists
     * @param handler where the rows go
     * @param limits  the caps on columns and value length
     * @throws InputException for a damaged, truncated or unsupported file, or a cap exceeded
     */
    static void read(Path file, RowHandler handler, ReadLimits limits) {
        String name = file.getFileName().toString();
        SourceContext context = SourceContext.records(name, "observation");
        DtaLayout[] layout = {null};
        long size = -1;
        try (ByteReader in = ByteReader.open(file)) {
            if (in.size() == 0) {
                throw new InputException(name + " is empty (0 bytes). Choose the file that holds the data, or "
                        + "save it again from Stata.");
            }
            size = in.size();
            StatTable.Guess text = new StatTable.Guess();
            DtaLayout l = DtaLayout.read(in, text, name, limits);
            layout[0] = l;
            Map<String, Map<Double, String>> tables = valueLabels(in, l, text);
            List<StatColumn> columns = new ArrayList<>();
            for (int v = 0; v < l.variables; v++) {
                Map<Double, String> labels = tables.getOrDefault(l.labelNames[v], Map.of());
                columns.add(new StatColumn(l.names[v], l.labels[v], labels, l.dates(v)));
            }
            int[] wanted = StatTable.start(context, columns, handler, limits);
            Map<StrlKey, String> strls = strls(in, l, wanted, text, context, limits);
            in.seek(l.dataStart);
            readObservations(in, l, columns, wanted, strls, text, handler, context, limits);
        } catch (EOFException e) {
            throw truncated(name, layout[0], size, e);
        } catch (BadStatFile e) {
            throw damaged(name, e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw TableSources.unreadable(name, e);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(name, String.valueOf(e.getMessage()), e);
        }
    }

    private static void readObservations(ByteReader in, DtaLayout l, List<StatColumn> columns, int[] wanted,
            Map<StrlKey, String> strls, StatTable.Guess text, RowHandler handler, SourceContext context,
            ReadLimits limits) throws IOException {
        byte[] record = new byte[l.recordLength];
        ByteBuffer values = ByteBuffer.wrap(record).order(in.order());
        String[] out = new String[wanted.length];
        LocalDate[] dates = new LocalDate[wanted.length];
        for (long o = 1; o <= l.observations && !handler.done(); o++) {
            in.read(record, 0, record.length);
            int row = (int) Math.min(o, Integer.MAX_VALUE);
            for (int s = 0; s < wanted.length; s++) {
                int v = wanted[s];
                int at = l.offsets[v];
                int type = l.types[v];
                dates[s] = null;
                if (type <= 2045) {
                    String value = text.decode(record, at, DtaLayout.terminated(record, at, type));
                    out[s] = StatTable.checked(value, context, row, l.names[v], limits);
                } else if (type == DtaLayout.STRL) {
                    out[s] = strl(strls, values, at, l.release, in.order(), o);
                } else {
                    number(values, at, type, columns.get(v), out, dates, s);
                }
            }
            handler.row(row, out, dates);
        }
    }

    private static void number(ByteBuffer values, int at, int type, StatColumn column, String[] out,
            LocalDate[] dates, int s) {
        double x;
        boolean missing;
        switch (type) {
            case DtaLayout.BYTE -> {
                x = values.get(at);
                missing = x > 100;
            }
            case DtaLayout.INT -> {
                x = values.getShort(at);
                missing = x > 32_740;
            }
            case DtaLayout.LONG -> {
                x = values.getInt(at);
                missing = x > 2_147_483_620L;
            }
            case DtaLayout.FLOAT -> {
                float f = values.getFloat(at);
                x = f;
                missing = Float.isNaN(f) || f >= 0x1.0p127f;
            }
            default -> {
                x = values.getDouble(at);
                missing = Double.isNaN(x) || x >= 0x1.0p1023;
            }
        }
        if (missing) {
            out[s] = "";
            return;
        }
        column.number(x, type == DtaLayout.FLOAT, out, dates, s);
    }

    /**
     * Finds the strL an observation refers to by its 8 bytes (v,o): two 4-byte integers in format 117, a 2-byte v
     * and a 6-byte o in 118; in 119 Stata's documentation gives v 3 bytes and o 5, while ReadStat (haven) writes
     * 2 and 6, so both are tried. All zeros is the empty string.
     */
    private static String strl(Map<StrlKey, String> strls, ByteBuffer values, int at, int release, ByteOrder order,
            long observation) {
        boolean zero = values.getLong(at) == 0;
        int[] splits = release == 117 ? new int[] {4} : release == 118 ? new int[] {2} : new int[] {3, 2};
        for (int vBytes : splits) {
            String value = strls.get(new StrlKey(unsigned(values, at, vBytes, order),
                    unsigned(values, at + vBytes, 8 - vBytes, order)));
            if (value != null) {
                return value;
            }
        }
        if (zero) {
            return "";
        }
        throw new BadStatFile("observation " + observation + " refers to a long string (strL) that is not in the "
                + "file");
    }

    private static long unsigned(ByteBuffer values, int at, int length, ByteOrder order) {
        long out = 0;
        for (int i = 0; i < length; i++) {
            int b = values.get(order == ByteOrder.BIG_ENDIAN ? at + i : at + length - 1 - i) & 0xFF;
            out = (out << 8) | b;
        }
        return out;
    }

    private static Map<String, Map<Double, String>> valueLabels(ByteReader in, DtaLayout l, StatTable.Guess text)
            throws IOException {
        Map<String, Map<Double, String>> tables = new HashMap<>();
        in.seek(l.valueLabels);
        int nameBytes = l.release >= 118 ? 129 : 33;
        if (l.tagged()) {
            in.expect("<value_labels>");
        }
        while (true) {
            if (l.tagged()) {
                String tag = new String(in.bytes(5, "a tag"), java.nio.charset.StandardCharsets.US_ASCII);
                if (tag.equals("</val")) {
                    in.expect("ue_labels>");
                    return tables;
                }
                if (!tag.equals("<lbl>")) {
                    throw new BadStatFile("the value labels are malformed");
                }
            } else if (in.atEnd()) {
                return tables;
            }
            int length = in.int32();
            byte[] labelName = in.bytes(nameBytes, "a value label name");
            in.skip(3, "padding");
            ByteBuffer table = ByteBuffer.wrap(in.bytes(length, "a value label table")).order(in.order());
            tables.put(text.decode(labelName, 0, DtaLayout.terminated(labelName, 0, nameBytes)), table(table, text));
            if (l.tagged()) {
                in.expect("</lbl>");
            }
        }
    }

    private static Map<Double, String> table(ByteBuffer table, StatTable.Guess text) {
        try {
            int n = table.getInt();
            int textLength = table.getInt();
            if (n < 0 || textLength < 0 || 8L + 8L * n + textLength > table.capacity()) {
                throw new BadStatFile("a value label table is malformed");
            }
            byte[] texts = new byte[textLength];
            table.get(8 + 8 * n, texts);
            Map<Double, String> labels = new HashMap<>();
            for (int i = 0; i < n; i++) {
                int offset = table.getInt(8 + 4 * i);
                int value = table.getInt(8 + 4 * n + 4 * i);
                if (offset < 0 || offset >= textLength) {
                    throw new BadStatFile("a value label table is malformed");
                }
                labels.put(StatColumn.key(value), text.decode(texts, offset,
                        DtaLayout.terminated(texts, offset, textLength - offset)));
            }
            return labels;
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new BadStatFile("a value label table is malformed");
        }
    }

    private static Map<StrlKey, String> strls(ByteReader in, DtaLayout l, int[] wanted, StatTable.Guess text,
            SourceContext context, ReadLimits limits) throws IOException {
        Map<StrlKey, String> out = new HashMap<>();
        boolean[] keep = new boolean[l.variables];
        boolean any = false;
        for (int v : wanted) {
            keep[v] = l.types[v] == DtaLayout.STRL;
            any |= keep[v];
        }
        if (!any) {
            return out;
        }
        in.seek(l.strls);
        in.expect("<strls>");
        while (true) {
            String tag = new String(in.bytes(3, "a tag"), java.nio.charset.StandardCharsets.US_ASCII);
            if (tag.equals("</s")) {
                in.expect("trls>");
                return out;
            }
            if (!tag.equals("GSO")) {
                throw new BadStatFile("the long strings (strLs) are malformed");
            }
            long v = in.int32() & 0xFFFF_FFFFL;
            long o = l.release == 117 ? in.int32() & 0xFFFF_FFFFL : in.int64();
            int type = in.u8();
            long length = in.int32() & 0xFFFF_FFFFL;
            boolean wantedHere = v >= 1 && v <= l.variables && keep[(int) (v - 1)];
            if (!wantedHere) {
                in.skip(length, "a long string");
                continue;
            }
            String column = l.names[(int) (v - 1)];
            int row = (int) Math.min(o, Integer.MAX_VALUE);
            if (length > 4L * limits.maxCellChars() + 1) {
                throw limits.cellTooLong(context.at(row, column));
            }
            byte[] bytes = in.bytes(length, "a long string");
            int used = type == 130 ? DtaLayout.terminated(bytes, 0, bytes.length) : bytes.length;
            String value = l.utf8() ? new String(bytes, 0, used, java.nio.charset.StandardCharsets.UTF_8)
                    : text.decode(bytes, 0, used);
            out.put(new StrlKey(v, o), StatTable.checked(value, context, row, column, limits));
        }
    }

    private static InputException truncated(String name, DtaLayout l, long size, Exception cause) {
        String where;
        if (l == null || size < l.dataStart) {
            where = "inside its header (the description of the variables, before the data)";
        } else if (l.recordLength > 0 && size < l.dataStart + l.observations * l.recordLength) {
            long observation = (size - l.dataStart) / l.recordLength + 1;
            where = "inside the data at observation " + observation + " (the file says it holds " + l.observations
                    + " observation" + (l.observations == 1 ? "" : "s") + ")";
        } else {
            where = "after the data, inside its long strings or value labels";
        }
        return new InputException(name + " ends " + where + ": the file is incomplete, perhaps cut short by an "
                + "interrupted copy, download or save. Copy it again, or save it again from Stata (or as CSV).",
                cause);
    }

    private static InputException damaged(String name, String what, Exception cause) {
        return new InputException(name + " could not be read as a Stata data file (.dta): " + what + ". The file "
                + "may be damaged or of another kind. Open it in Stata and save it again, or save the data as CSV.",
                cause);
    }
}

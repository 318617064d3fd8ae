package org.survkit.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * A large field of a JSON object whose value is an array of flat objects of numbers — a Kaplan–Meier curve's
 * table, ~10⁴ rows × 10 numbers per group at 10⁶ patients — written as {@link Json#MAPPER}'s pretty printer writes
 * it, byte for byte, but formatted in chunks of rows on every core and handed to the generator as text: one
 * {@link StringBuilder} append per value instead of a generator call per field and per number (km's 11.8 MB at 10⁶
 * rows; issue 15). Every number is {@link Numbers#jsonText}, the text {@link Numbers#json} has the generator write.
 *
 * <p>Where the generator's state is not the one this layout assumes (not the default pretty printer, the field
 * first in its object, no rows), the field is written through the generator, value by value.
 *
 * @param <T> a row
 */
final class JsonNumberTable<T> {
    /** Rows formatted by one task. */
    private static final int CHUNK = 1024;
    private static final String INDENT = "  "; // DefaultIndenter's, per level
    private static final String LF = DefaultIndenter.SYS_LF;

    private final List<String> names;
    private final List<ToDoubleFunction<T>> values;

    /**
     * A table's columns.
     *
     * @param names  the fields of a row, in order (plain snake_case names: written without escaping)
     * @param values each field's value in a row
     */
    JsonNumberTable(List<String> names, List<ToDoubleFunction<T>> values) {
        if (names.size() != values.size() || names.isEmpty()) {
            throw new IllegalArgumentException("one value per name, at least one");
        }
        for (String n : names) {
            if (!n.matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException("not a plain field name: " + n);
            }
        }
        this.names = List.copyOf(names);
        this.values = List.copyOf(values);
    }

    /**
     * Writes {@code "field" : [ {row}, ... ]} into the object being written.
     *
     * @param g     the generator, inside an object
     * @param field the field's name
     * @param rows  the rows
     * @throws IOException when writing fails
     */
    void writeField(JsonGenerator g, String field, List<T> rows) throws IOException {
        JsonStreamContext context = g.getOutputContext();
        if (rows.isEmpty() || g.getPrettyPrinter() == null || g.getPrettyPrinter().getClass() != DefaultPrettyPrinter.class
                || !context.inObject() || context.getEntryCount() == 0) {
            writeThroughGenerator(g, field, rows);
            return;
        }
        int level = 0; // the pretty printer indents by the objects around (arrays are inline)
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            level += c.inObject() ? 1 : 0;
        }
        boolean fast = g.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
        String inner = LF + INDENT.repeat(level + 1);
        String[] prefix = new String[names.size()];
        for (int k = 0; k < prefix.length; k++) {
            prefix[k] = (k == 0 ? "" : ",") + inner + "\"" + names.get(k) + "\" : ";
        }
        String rowEnd = LF + INDENT.repeat(level) + "}";
        int chunks = (rows.size() + CHUNK - 1) / CHUNK;
        IntStream chunkIndex = IntStream.range(0, chunks);
        List<String> texts = (chunks > 1 ? chunkIndex.parallel() : chunkIndex)
                .mapToObj(c -> chunk(rows, c * CHUNK, Math.min(rows.size(), (c + 1) * CHUNK), prefix, rowEnd, fast))
                .toList();
        g.writeRaw("," + LF + INDENT.repeat(level) + "\"" + field + "\" : [ ");
        for (String text : texts) {
            g.writeRaw(text);
        }
        g.writeRaw(" ]");
    }

    private String chunk(List<T> rows, int from, int to, String[] prefix, String rowEnd, boolean fast) {
        StringBuilder b = new StringBuilder((to - from) * prefix.length * 32);
        for (int r = from; r < to; r++) {
            b.append(r == 0 ? "{" : ", {");
            T row = rows.get(r);
            for (int k = 0; k < prefix.length; k++) {
                b.append(prefix[k]).append(Numbers.jsonText(values.get(k).applyAsDouble(row), fast));
            }
            b.append(rowEnd);
        }
        return b.toString();
    }

    private void writeThroughGenerator(JsonGenerator g, String field, List<T> rows) throws IOException {
        g.writeArrayFieldStart(field);
        for (T row : rows) {
            g.writeStartObject();
            for (int k = 0; k < names.size(); k++) {
                Numbers.json(g, names.get(k), values.get(k).applyAsDouble(row));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}

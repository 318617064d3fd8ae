package org.survkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The table written in parallel chunks as text is byte for byte what the generator writes value by value
 * ({@link Numbers#json} per field), at any number of rows (one chunk, many), at any depth, for awkward numbers.
 */
class JsonNumberTableTest {
    private static final double[] AWKWARD = {0, -0.0, 1, -1, 0.1, 1e15, 1e15 - 1, -1e15, 9.999999999999999e22, 1e23,
        2e-3, 1.769604479222706e-5, 4.9e-324, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1.0 / 3, 123456.789, 5e-5};
    private static final List<String> NAMES = List.of("time", "n_risk", "survival");
    private static final List<ToDoubleFunction<double[]>> VALUES = List.of(r -> r[0], r -> r[1], r -> r[2]);

    @Test
    void sameBytesAsTheGenerator() throws IOException {
        Random random = new Random(15);
        for (int n : new int[] {1, 2, 1023, 1024, 1025, 5000}) {
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(new double[] {i < AWKWARD.length ? AWKWARD[i] : random.nextInt(1000) / 100.0,
                    random.nextInt(100_000), random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)});
            }
            for (int depth = 0; depth < 3; depth++) {
                assertThat(write(rows, depth, true)).as(n + " rows, depth " + depth).isEqualTo(write(rows, depth, false));
            }
        }
    }

    @Test
    void emptyTableAndFirstFieldGoThroughTheGenerator() throws IOException {
        assertThat(write(List.<double[]>of(), 1, true)).isEqualTo(write(List.<double[]>of(), 1, false));
        assertThat(document(g -> new JsonNumberTable<>(NAMES, VALUES).writeField(g, "table",
                List.<double[]>of(new double[] {1, 2, 3}))))
                .isEqualTo(document(g -> reference(g, List.<double[]>of(new double[] {1, 2, 3}))));
    }

    /** {"a" : 1, "b" : [ {"c" : 2, "table" : ..., "d" : 3} ]} with the table {@code depth} objects deeper. */
    private static String write(List<double[]> rows, int depth, boolean chunked) throws IOException {
        return document(g -> {
            g.writeNumberField("a", 1);
            for (int d = 0; d < depth; d++) {
                g.writeArrayFieldStart("b" + d);
                g.writeStartObject();
                g.writeNumberField("c", 2);
            }
            if (chunked) {
                new JsonNumberTable<>(NAMES, VALUES).writeField(g, "table", rows);
            } else {
                reference(g, rows);
            }
            g.writeNumberField("d", 3);
            for (int d = 0; d < depth; d++) {
                g.writeEndObject();
                g.writeEndArray();
            }
        });
    }

    private static void reference(JsonGenerator g, List<double[]> rows) throws IOException {
        g.writeArrayFieldStart("table");
        for (double[] r : rows) {
            g.writeStartObject();
            for (int k = 0; k < NAMES.size(); k++) {
                Numbers.json(g, NAMES.get(k), r[k]);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static String document(JsonDocument inside) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.writer().createGenerator(out)) {
            g.writeStartObject();
            inside.write(g);
            g.writeEndObject();
        }
        return out.toString();
    }
}

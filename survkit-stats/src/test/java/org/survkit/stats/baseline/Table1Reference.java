package org.survkit.stats.baseline;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Table 1 reference values written by {@code reference/table1/refgen_table1.R} (R 4.2.2,
 * base + stats; see its header for what each block holds) and the shared datasets they were
 * computed on, plus the parity tolerances: statistics 1e-9 relative, p-values 1e-8 relative.
 */
final class Table1Reference {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Relative tolerance for statistics (means, SDs, t, F, W, H, X², SMD). */
    static final double STAT = 1e-9;
    /** Relative tolerance for p-values. */
    static final double P = 1e-8;

    private Table1Reference() {
    }

    /** {@code src/test/resources/reference/table1/<name>.json}. */
    static JsonNode json(String name) {
        try {
            return JSON.readTree(resource("reference/table1/" + name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = Table1Reference.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shared dataset as R's {@code read.csv} sees it: header, then cells; "" and NA are missing (null). */
    static Dataset dataset(String file) {
        List<String> lines = resource("datasets/" + file).lines().filter(l -> !l.isEmpty()).toList();
        String[] header = cells(lines.get(0));
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = cells(l);
            if (c.length != header.length) {
                throw new IllegalStateException(file + ": " + c.length + " cells in '" + l + "'");
            }
            rows.add(c);
        }
        return new Dataset(Arrays.asList(header), rows);
    }

    private static String[] cells(String line) {
        String[] raw = line.split(",", -1);
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i].trim();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            raw[i] = s.isEmpty() || s.equals("NA") ? null : s;
        }
        return raw;
    }

    record Dataset(List<String> header, List<String[]> rows) {
        String[] text(String column) {
            int j = header.indexOf(column);
            if (j < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            return rows.stream().map(r -> r[j]).toArray(String[]::new);
        }

        double[] numbers(String column) {
            return Arrays.stream(text(column)).mapToDouble(s -> s == null ? Double.NaN : Double.parseDouble(s)).toArray();
        }

        /** Numeric codes as R's as.character(number) shows them ("2", not "2.0"). */
        String[] labels(String column) {
            return Arrays.stream(text(column)).map(s -> s == null ? null : canonical(s)).toArray(String[]::new);
        }

        private static String canonical(String s) {
            try {
                double d = Double.parseDouble(s);
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    return Long.toString((long) d);
                }
                return s;
            } catch (NumberFormatException e) {
                return s;
            }
        }
    }

    /** A numeric vector; R's auto_unbox writes a vector of length 1 as a bare number. */
    static double[] doubles(JsonNode array) {
        if (array.isNumber()) {
            return new double[] {array.asDouble()};
        }
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asDouble();
        }
        return d;
    }

    static int[] ints(JsonNode array) {
        int[] d = new int[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asInt();
        }
        return d;
    }

    static int[][] table(JsonNode rows) {
        int[][] t = new int[rows.size()][];
        for (int i = 0; i < t.length; i++) {
            t[i] = ints(rows.get(i));
        }
        return t;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Relative closeness; R's null (NA) must be NaN here. A zero expected value allows 1e-12 absolute. */
    static void close(String what, double actual, JsonNode expected, double tol) {
        if (expected == null || expected.isNull()) {
            if (!Double.isNaN(actual)) {
                fail(what + ": expected NA (R), got " + actual);
            }
            return;
        }
        close(what, actual, expected.asDouble(), tol);
    }

    static void close(String what, double actual, double expected, double tol) {
        double allowed = expected == 0 ? 1e-12 : tol * Math.abs(expected);
        if (Double.isNaN(actual) || Math.abs(actual - expected) > allowed) {
            fail(what + ": expected " + expected + " (R 4.2.2), got " + actual + " (relative error "
                    + Math.abs(actual - expected) / Math.abs(expected) + ")");
        }
    }
}

package org.survkit.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The example cohorts of R's survival package (copied from survkit-stats' test resources, which
 * took them from R 4.2.2 survival 3.5-3: {@code write.csv(lung)}, {@code veteran}, {@code gbsg}).
 * Rows with a missing value in the columns asked for are left out, as R's na.omit. Also read by
 * survkit-report's tests, through this module's test jar.
 */
public final class Datasets {

    /** Columns of complete rows. */
    public record Table(List<String> header, List<String[]> rows) {
        public String[] text(String column) {
            int c = header.indexOf(column);
            if (c < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            return rows.stream().map(r -> r[c]).toArray(String[]::new);
        }

        public double[] number(String column) {
            return Arrays.stream(text(column)).mapToDouble(Double::parseDouble).toArray();
        }

        public boolean[] equalTo(String column, String value) {
            String[] t = text(column);
            boolean[] out = new boolean[t.length];
            for (int i = 0; i < t.length; i++) {
                out[i] = t[i].equals(value);
            }
            return out;
        }
    }

    private Datasets() {
    }

    /** Reads {@code datasets/NAME.csv}, keeping rows complete in {@code required}. */
    public static Table read(String name, String... required) {
        try (InputStream in = Datasets.class.getResourceAsStream("/datasets/" + name + ".csv")) {
            if (in == null) {
                throw new IllegalArgumentException("no dataset " + name);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String> header = Arrays.stream(lines[0].split(",", -1)).map(Datasets::unquote).toList();
            int[] req = Arrays.stream(required).mapToInt(header::indexOf).toArray();
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = Arrays.stream(lines[i].split(",", -1)).map(Datasets::unquote).toArray(String[]::new);
                boolean ok = true;
                for (int c : req) {
                    ok &= !f[c].isEmpty() && !f[c].equals("NA");
                }
                if (ok) {
                    rows.add(f);
                }
            }
            return new Table(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}

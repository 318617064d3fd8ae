package org.survkit.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One R reference case from {@code src/test/resources/reference}: the JSON written by
 * {@code reference/shared-tools/refgen.R} (R 4.2.2, survival 3.5-3) or {@code reference/refgen_extra.R},
 * and the dataset it was computed on, read as R's {@code read.csv} does.
 */
public final class ReferenceCase {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String name;
    public final JsonNode json;
    public final double[] time;
    public final boolean[] event;
    public final String[] group;
    public final String[] strata;
    /** For each observation, its row in {@link #rows()} (row 0 is the header). */
    public final int[] sourceRow;
    private final List<String[]> rows;

    private ReferenceCase(String name, JsonNode json, double[] time, boolean[] event, String[] group,
            String[] strata, int[] sourceRow, List<String[]> rows) {
        this.name = name;
        this.json = json;
        this.time = time;
        this.event = event;
        this.group = group;
        this.strata = strata;
        this.sourceRow = sourceRow;
        this.rows = rows;
    }

    /** The dataset's cells as text, header first. */
    public List<String[]> rows() {
        return rows;
    }

    @Override
    public String toString() {
        return name;
    }

    public static Stream<ReferenceCase> all() {
        List<ReferenceCase> out = new ArrayList<>();
        for (Path p : list("reference")) {
            out.add(load(p));
        }
        for (Path p : list("reference/extra")) {
            out.add(load(p));
        }
        return out.stream();
    }

    public static ReferenceCase named(String name) {
        return all().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
    }

    private static List<Path> list(String dir) {
        URL url = ReferenceCase.class.getClassLoader().getResource(dir);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(Paths.get(url.toURI()))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReferenceCase load(Path p) {
        try {
            JsonNode j = JSON.readTree(p.toFile());
            String file = j.get("file").asText();
            Path data = p.getParent().resolve("data").resolve(file);
            if (!Files.exists(data)) {
                data = p.getParent().resolve(file);
            }
            if (!Files.exists(data)) {
                URL u = ReferenceCase.class.getClassLoader().getResource("datasets/" + file);
                data = Paths.get(u.toURI());
            }
            List<String[]> rows = readCsv(data);
            String[] header = rows.get(0);
            int ti = index(header, j.get("time").asText());
            int ei = index(header, j.get("event").asText());
            String ev = j.get("event_value").asText();
            JsonNode g = j.get("group");
            int gi = g == null || !g.isValueNode() || g.isNull() ? -1 : index(header, g.asText());
            String strataName = strataColumn(j);
            int si = strataName == null ? -1 : index(header, strataName);
            List<double[]> keep = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            List<String> strata = new ArrayList<>();
            List<Integer> source = new ArrayList<>();
            for (int r = 1; r < rows.size(); r++) {
                String[] row = rows.get(r);
                if (row[ti].isEmpty() || row[ei].isEmpty() || (gi >= 0 && row[gi].isEmpty())) {
                    continue;
                }
                double e = Double.parseDouble(row[ei]) == Double.parseDouble(ev) ? 1 : 0;
                keep.add(new double[] {Double.parseDouble(row[ti]), e});
                groups.add(gi >= 0 ? row[gi] : "all");
                strata.add(si >= 0 ? row[si] : null);
                source.add(r);
            }
            double[] time = new double[keep.size()];
            boolean[] event = new boolean[keep.size()];
            for (int i = 0; i < time.length; i++) {
                time[i] = keep.get(i)[0];
                event[i] = keep.get(i)[1] == 1;
            }
            String name = j.get("case").asText();
            return new ReferenceCase(name, j, time, event, groups.toArray(new String[0]),
                    si >= 0 ? strata.toArray(new String[0]) : null, source.stream().mapToInt(Integer::intValue).toArray(),
                    rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strataColumn(JsonNode j) {
        JsonNode s = j.get("stratified_logrank");
        if (s != null && s.has("strata")) {
            return s.get("strata").asText();
        }
        JsonNode t = j.get("strata");
        return t == null || !t.isValueNode() || t.isNull() ? null : t.asText();
    }

    private static int index(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    /** Minimal reader for R's write.csv output: comma separated, strings in double quotes. */
    public static List<String[]> readCsv(Path p) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    cells.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            cells.add(cur.toString());
            rows.add(cells.toArray(new String[0]));
        }
        return rows;
    }

    /** The observations with a non-missing stratum, as R drops NA strata: {time, event, group, strata}. */
    public Object[] rowsWithStratum() {
        int n = 0;
        for (String s : strata) {
            if (!s.isEmpty()) {
                n++;
            }
        }
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        String[] g = new String[n];
        String[] s = new String[n];
        for (int i = 0, j = 0; i < time.length; i++) {
            if (!strata[i].isEmpty()) {
                t[j] = time[i];
                e[j] = event[i];
                g[j] = group[i];
                s[j++] = strata[i];
            }
        }
        return new Object[] {t, e, g, s};
    }

    public static InputStream resource(String name) {
        return ReferenceCase.class.getClassLoader().getResourceAsStream(name);
    }
}

package org.survkit.stats.cox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.survkit.stats.ReferenceCase;
import org.survkit.stats.model.DesignMatrixBuilder;
import org.survkit.stats.model.Factor;

/**
 * One Cox reference case from {@code src/test/resources/reference/cox} (made by
 * {@code reference/cox/refgen_cox.R}, R 4.2.2 + survival 3.5-3), with its data read as R does:
 * complete cases over every column of the model, factor levels (including empty ones) and the
 * reference level as R had them.
 */
final class CoxCase {
    final String name;
    final JsonNode json;
    final CoxData data;
    final Ties ties;

    private CoxCase(String name, JsonNode json, CoxData data, Ties ties) {
        this.name = name;
        this.json = json;
        this.data = data;
        this.ties = ties;
    }

    @Override
    public String toString() {
        return name;
    }

    static Stream<CoxCase> all() {
        URL url = CoxCase.class.getClassLoader().getResource("reference/cox");
        try (Stream<Path> s = Files.list(Paths.get(url.toURI()))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().map(CoxCase::load).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CoxCase named(String name) {
        return all().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
    }

    private static String text(JsonNode j, String key) {
        JsonNode v = j.get(key);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private static CoxCase load(Path p) {
        try {
            JsonNode j = new ObjectMapper().readTree(p.toFile());
            List<String[]> rows = ReferenceCase.readCsv(p.getParent().resolve("data").resolve(j.get("file").asText()));
            List<String> header = Arrays.asList(rows.get(0));
            List<String> covariates = new ArrayList<>();
            j.get("covariates").forEach(c -> covariates.add(c.asText()));
            String time = text(j, "time");
            String start = text(j, "start");
            String event = text(j, "event");
            String strata = text(j, "strata");
            String weights = text(j, "weights");
            String cluster = text(j, "cluster");
            double ev = j.get("event_value").asDouble();
            List<String> needed = new ArrayList<>(covariates);
            for (String s : new String[] {time, start, event, strata, weights, cluster}) {
                if (s != null) {
                    needed.add(s);
                }
            }
            List<String[]> keep = new ArrayList<>();
            for (String[] r : rows.subList(1, rows.size())) {
                boolean ok = true;
                for (String c : needed) {
                    String v = r[header.indexOf(c)];
                    ok &= !v.isEmpty() && !v.equals("NA");
                }
                if (ok) {
                    keep.add(r);
                }
            }
            int n = keep.size();
            double[] stop = col(keep, header.indexOf(time));
            double[] entry = start == null ? null : col(keep, header.indexOf(start));
            double[] ev01 = col(keep, header.indexOf(event));
            boolean[] dead = new boolean[n];
            for (int i = 0; i < n; i++) {
                dead[i] = ev01[i] == ev;
            }
            DesignMatrixBuilder b = DesignMatrixBuilder.of(n);
            for (String c : covariates) {
                JsonNode f = null;
                for (JsonNode x : j.get("factors")) {
                    if (x.get("column").asText().equals(c)) {
                        f = x;
                    }
                }
                int ci = header.indexOf(c);
                if (f == null) {
                    b.numeric(c, col(keep, ci));
                } else {
                    List<String> levels = new ArrayList<>();
                    f.get("levels").forEach(l -> levels.add(l.asText()));
                    String[] v = keep.stream().map(r -> r[ci]).toArray(String[]::new);
                    b.categorical(c, v, levels, f.get("reference").asText());
                }
            }
            int[] strataCodes = strata == null ? null
                    : Factor.of(keep.stream().map(r -> r[header.indexOf(strata)]).toArray(String[]::new)).codes();
            int[] clusterCodes = cluster == null ? null
                    : Factor.of(keep.stream().map(r -> r[header.indexOf(cluster)]).toArray(String[]::new)).codes();
            double[] w = weights == null ? null : col(keep, header.indexOf(weights));
            CoxData data = new CoxData(entry, stop, dead, b.build(covariates), w, strataCodes, clusterCodes);
            String name = p.getFileName().toString().replace(".json", "");
            return new CoxCase(name, j, data, Ties.parse(j.get("ties").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] col(List<String[]> rows, int c) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray();
    }
}

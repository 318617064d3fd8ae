package org.survkit.stats.competing;

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
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.DesignMatrixBuilder;

/**
 * One competing-risks reference case from {@code src/test/resources/reference/competing}: the JSON of
 * {@code reference/shared-tools/refgen_cr.R} ({@code pbc_cr}) or {@code reference/competing/refgen_competing.R}
 * (R 4.2.2, survival 3.5-3, cmprsk 2.2-11) and its dataset from {@code competing/data}, complete cases
 * on every column the case uses (R's {@code complete.cases}).
 */
final class CompetingRisksCase {
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final JsonNode json;
    final double[] time;
    final double[] status;
    final double censorCode;
    final String[] group;
    final String[] strata;
    final List<String> covariates;
    final List<String> factors;
    private final List<String[]> rows;
    private final int[] sourceRow;
    private final String[] header;

    private CompetingRisksCase(String name, JsonNode json, double[] time, double[] status, double censorCode,
            String[] group, String[] strata, List<String> covariates, List<String> factors, List<String[]> rows,
            int[] sourceRow) {
        this.name = name;
        this.json = json;
        this.time = time;
        this.status = status;
        this.censorCode = censorCode;
        this.group = group;
        this.strata = strata;
        this.covariates = covariates;
        this.factors = factors;
        this.rows = rows;
        this.sourceRow = sourceRow;
        this.header = rows.get(0);
    }

    @Override
    public String toString() {
        return name;
    }

    static Stream<CompetingRisksCase> all() {
        URL url = CompetingRisksCase.class.getClassLoader().getResource("reference/competing");
        try (Stream<Path> s = Files.list(Paths.get(url.toURI()))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().map(CompetingRisksCase::load).toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CompetingRisksCase named(String name) {
        return all().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a != null && a.isArray()) {
            a.forEach(x -> out.add(x.asText()));
        } else if (a != null && a.isTextual()) {
            out.add(a.asText());
        }
        return out;
    }

    private static CompetingRisksCase load(Path p) {
        try {
            JsonNode j = JSON.readTree(p.toFile());
            List<String[]> rows = ReferenceCase.readCsv(p.getParent().resolve("data").resolve(j.get("file").asText()));
            String[] header = rows.get(0);
            List<String> covariates = j.has("covariates") ? texts(j.get("covariates"))
                    : texts(j.get("finegray").elements().next().get("covariates"));
            List<String> factors = texts(j.get("factors"));
            String groupName = j.get("group").asText();
            String strataName = j.has("strata") && j.get("strata").isTextual() ? j.get("strata").asText() : null;
            List<String> needed = new ArrayList<>(List.of(j.get("time").asText(), j.get("status").asText(), groupName));
            if (strataName != null) {
                needed.add(strataName);
            }
            needed.addAll(covariates);
            int[] idx = needed.stream().mapToInt(c -> index(header, c)).toArray();
            List<Integer> keep = new ArrayList<>();
            for (int r = 1; r < rows.size(); r++) {
                String[] row = rows.get(r);
                if (Arrays.stream(idx).allMatch(i -> !row[i].isEmpty() && !row[i].equals("NA"))) {
                    keep.add(r);
                }
            }
            int n = keep.size();
            double[] time = new double[n];
            double[] status = new double[n];
            String[] group = new String[n];
            String[] strata = strataName == null ? null : new String[n];
            for (int k = 0; k < n; k++) {
                String[] row = rows.get(keep.get(k));
                time[k] = Double.parseDouble(row[idx[0]]);
                status[k] = Double.parseDouble(row[idx[1]]);
                group[k] = row[idx[2]];
                if (strata != null) {
                    strata[k] = row[idx[3]];
                }
            }
            return new CompetingRisksCase(j.get("case").asText(), j, time, status, j.get("censor_value").asDouble(),
                    group, strata, covariates, factors, rows, keep.stream().mapToInt(Integer::intValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The covariates as survkit's design matrix: numeric columns, and the listed factors with treatment contrasts. */
    DesignMatrix design() {
        int n = time.length;
        DesignMatrixBuilder b = DesignMatrixBuilder.of(n);
        for (String c : covariates) {
            int col = index(header, c);
            String[] text = new String[n];
            for (int k = 0; k < n; k++) {
                text[k] = rows.get(sourceRow[k])[col];
            }
            if (factors.contains(c)) {
                b.categorical(c, text);
            } else {
                b.numeric(c, Arrays.stream(text).mapToDouble(Double::parseDouble).toArray());
            }
        }
        return b.build(covariates);
    }

    private static int index(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }
}

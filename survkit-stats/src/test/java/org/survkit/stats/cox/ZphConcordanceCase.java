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

/**
 * One case of {@code src/test/resources/reference/cox-zph-concordance}: the JSON written by
 * {@code reference/cox-zph-concordance/refgen_zph_concordance.R} (R 4.2.2, survival 3.5-3) and the rows
 * of its dataset that R's {@code coxph} used, as survkit inputs.
 */
final class ZphConcordanceCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIR = "reference/cox-zph-concordance";

    final String name;
    final JsonNode json;
    final CoxData data;
    /** R's {@code fit$linear.predictors}, bit for bit. */
    final double[] rLinearPredictors;
    final int[] cluster;

    private ZphConcordanceCase(String name, JsonNode json, CoxData data, double[] lp, int[] cluster) {
        this.name = name;
        this.json = json;
        this.data = data;
        this.rLinearPredictors = lp;
        this.cluster = cluster;
    }

    @Override
    public String toString() {
        return name;
    }

    Ties ties() {
        return Ties.parse(json.get("ties").asText());
    }

    /** Our fit of the case's model. */
    CoxModel fit() {
        return CoxRegression.withDefaults().with(ties()).fit(data);
    }

    static Stream<ZphConcordanceCase> all() {
        URL url = ZphConcordanceCase.class.getClassLoader().getResource(DIR);
        try (Stream<Path> s = Files.list(Paths.get(url.toURI()))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().map(ZphConcordanceCase::load).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ZphConcordanceCase named(String name) {
        return all().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
    }

    private static ZphConcordanceCase load(Path p) {
        try {
            JsonNode j = JSON.readTree(p.toFile());
            List<String[]> rows = ReferenceCase.readCsv(p.getParent().resolve("data").resolve(j.get("file").asText()));
            String[] header = rows.get(0);
            int[] used = stream(j.get("rows_used")).mapToInt(JsonNode::asInt).toArray();
            int n = used.length;
            double eventValue = j.get("event_value").asDouble();
            double[] stop = column(rows, header, j.get("time").asText(), used);
            double[] start = j.hasNonNull("start") ? column(rows, header, j.get("start").asText(), used) : null;
            double[] ev = column(rows, header, j.get("event").asText(), used);
            boolean[] event = new boolean[n];
            for (int i = 0; i < n; i++) {
                event[i] = ev[i] == eventValue;
            }
            List<String> covariates = stream(j.get("covariates")).map(JsonNode::asText).toList();
            DesignMatrixBuilder b = DesignMatrixBuilder.of(n);
            for (String cov : covariates) {
                JsonNode factor = stream(j.get("factors")).filter(f -> f.get("column").asText().equals(cov)).findFirst()
                        .orElse(null);
                if (factor == null) {
                    b.numeric(cov, column(rows, header, cov, used));
                } else {
                    List<String> levels = stream(factor.get("levels")).map(JsonNode::asText).toList();
                    b.categorical(cov, text(rows, header, cov, used), levels, levels.get(0));
                }
            }
            double[] weights = j.hasNonNull("weights") ? column(rows, header, j.get("weights").asText(), used) : null;
            int[] strata = null;
            if (j.hasNonNull("strata")) {
                List<String> levels = stream(j.get("strata_levels")).map(JsonNode::asText).toList();
                String[] s = text(rows, header, j.get("strata").asText(), used);
                strata = new int[n];
                for (int i = 0; i < n; i++) {
                    strata[i] = levels.indexOf(s[i]);
                    if (strata[i] < 0) {
                        throw new IllegalStateException("stratum " + s[i] + " not among " + levels);
                    }
                }
            }
            int[] cluster = null;
            if (j.hasNonNull("cluster")) {
                double[] c = column(rows, header, j.get("cluster").asText(), used);
                cluster = Arrays.stream(c).mapToInt(v -> (int) v).toArray();
            }
            double[] lp = stream(j.get("fit").get("linear_predictors")).mapToDouble(x -> Double.parseDouble(x.asText()))
                    .toArray();
            CoxData data = new CoxData(start, stop, event, b.build(covariates), weights, strata, cluster);
            return new ZphConcordanceCase(j.get("case").asText(), j, data, lp, cluster);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** |actual − expected| ≤ tol·|expected| (strictly relative, also for small values); R's NA is JSON null. */
    static void relative(String what, double actual, JsonNode expected, double tol) {
        if (expected == null || expected.isNull()) {
            if (!Double.isNaN(actual)) {
                org.assertj.core.api.Assertions.fail(what + ": expected NA (R), got " + actual);
            }
            return;
        }
        double e = expected.asDouble();
        if (Double.isNaN(actual) || Math.abs(actual - e) > tol * Math.abs(e)) {
            org.assertj.core.api.Assertions.fail(what + ": expected " + e + " (R), got " + actual + " (relative tolerance "
                    + tol + ")");
        }
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    private static String[] text(List<String[]> rows, String[] header, String name, int[] used) {
        int c = Arrays.asList(header).indexOf(name);
        if (c < 0) {
            throw new IllegalStateException("no column " + name);
        }
        String[] out = new String[used.length];
        for (int i = 0; i < used.length; i++) {
            out[i] = rows.get(used[i])[c];
        }
        return out;
    }

    private static double[] column(List<String[]> rows, String[] header, String name, int[] used) {
        return Arrays.stream(text(rows, header, name, used)).mapToDouble(Double::parseDouble).toArray();
    }
}

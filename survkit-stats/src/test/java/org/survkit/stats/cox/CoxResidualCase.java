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
import java.util.TreeSet;
import java.util.stream.Stream;
import org.survkit.stats.ReferenceCase;
import org.survkit.stats.Tolerance;
import org.survkit.stats.model.DesignMatrixBuilder;

/**
 * One reference fit of {@code src/test/resources/reference/cox-residuals}, written by
 * {@code reference/cox-residuals/refgen_cox_residuals.R} (R 4.2.2, survival 3.5-3), with the
 * data rebuilt from the CSV rows R used and the model fitted by survkit.
 */
final class CoxResidualCase {
    private static final String DIR = "reference/cox-residuals";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final JsonNode json;
    final CoxData data;
    final CoxModel model;

    private CoxResidualCase(String name, JsonNode json, CoxData data, CoxModel model) {
        this.name = name;
        this.json = json;
        this.data = data;
        this.model = model;
    }

    @Override
    public String toString() {
        return name;
    }

    static Stream<CoxResidualCase> all() {
        URL url = CoxResidualCase.class.getClassLoader().getResource(DIR);
        try (Stream<Path> s = Files.list(Paths.get(url.toURI()))) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            return files.stream().map(CoxResidualCase::load).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CoxResidualCase named(String name) {
        return all().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
    }

    /** The model with R's robust variance in place of the model-based one (what coxph reports). */
    CoxModel robustModel() {
        double[][] v = CoxResiduals.robustVariance(data, model);
        CoxModel m = model;
        return new CoxModel(m.ties(), m.control(), m.n(), m.events(), m.coefficients(), v, m.naiveVariance(),
                m.loglikNull(), m.loglik(), m.lrTest(), m.waldTest(), m.scoreTest(), m.robustScoreTest(), m.concordance(), m.iterations(),
                m.converged(), m.means(), m.linearPredictors(), m.diagnostics(), m.confLevel());
    }

    /**
     * Whether survkit's {@code CoxModel.means} is known to differ from R's {@code fit$means} here:
     * for weighted (start, stop] data R (agreg.fit) reports the unweighted column means, survkit the
     * weighted ones. Only the centring of {@code basehaz(centered = TRUE)} and of the linear
     * predictors depends on it.
     */
    boolean meansDifferFromR() {
        return data.start() != null && data.weights() != null;
    }

    /** The model with R's {@code fit$means} as centring (see {@link #meansDifferFromR()}). */
    CoxModel modelWithRMeans() {
        CoxModel m = model;
        double[] means = new double[m.means().length];
        for (int j = 0; j < means.length; j++) {
            means[j] = json.get("means").get(j).asDouble();
        }
        return new CoxModel(m.ties(), m.control(), m.n(), m.events(), m.coefficients(), m.variance(),
                m.naiveVariance(), m.loglikNull(), m.loglik(), m.lrTest(), m.waldTest(), m.scoreTest(), m.robustScoreTest(),
                m.concordance(), m.iterations(), m.converged(), means, m.linearPredictors(), m.diagnostics(),
                m.confLevel());
    }

    /** The model whose {@code variance} R used ({@code fit$var}): robust when R chose it. */
    CoxModel modelAsR() {
        return json.get("robust").asBoolean() ? robustModel() : model;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(x -> out.add(x.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    private static CoxResidualCase load(Path p) {
        try {
            JsonNode j = JSON.readTree(p.toFile());
            String file = j.get("file").asText();
            Path csv = p.getParent().resolve("data").resolve(file);
            List<String[]> rows = ReferenceCase.readCsv(csv);
            List<String> header = Arrays.asList(rows.get(0));
            JsonNode used = j.get("rows_used");
            int n = used.size();
            String[][] cells = new String[n][];
            for (int k = 0; k < n; k++) {
                cells[k] = rows.get(used.get(k).asInt());
            }
            double[] stop = column(cells, header, j.get("time").asText());
            double[] status = column(cells, header, j.get("event").asText());
            boolean[] event = new boolean[n];
            double eventValue = Arrays.stream(status).max().orElse(1);
            for (int k = 0; k < n; k++) {
                event[k] = status[k] == eventValue;
            }
            List<String> covariates = strings(j.get("covariates"));
            List<String> factors = strings(j.get("factors"));
            DesignMatrixBuilder b = DesignMatrixBuilder.of(n);
            for (String c : covariates) {
                if (factors.contains(c)) {
                    int col = header.indexOf(c);
                    String[] text = new String[n];
                    for (int k = 0; k < n; k++) {
                        text[k] = cells[k][col];
                    }
                    b.categorical(c, text);
                } else {
                    b.numeric(c, column(cells, header, c));
                }
            }
            CoxData data = new CoxData(null, stop, event, b.build(covariates), null, null, null);
            if (!j.get("start").isNull()) {
                data = data.withStart(column(cells, header, j.get("start").asText()));
            }
            if (!j.get("weights").isNull()) {
                data = data.withWeights(column(cells, header, j.get("weights").asText()));
            }
            if (!j.get("strata").isNull()) {
                double[] s = column(cells, header, j.get("strata").asText());
                List<Double> levels = new ArrayList<>(new TreeSet<>(Arrays.stream(s).boxed().toList()));
                data = data.withStrata(Arrays.stream(s).mapToInt(levels::indexOf).toArray());
            }
            if (!j.get("cluster").isNull()) {
                double[] c = column(cells, header, j.get("cluster").asText());
                data = data.withCluster(Arrays.stream(c).mapToInt(v -> (int) v).toArray());
            }
            CoxModel model = CoxRegression.withDefaults().with(Ties.parse(j.get("ties").asText())).fit(data);
            return new CoxResidualCase(j.get("case").asText(), j, data, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] column(String[][] cells, List<String> header, String name) {
        int col = header.indexOf(name);
        if (col < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        double[] out = new double[cells.length];
        for (int k = 0; k < cells.length; k++) {
            out[k] = Double.parseDouble(cells[k][col]);
        }
        return out;
    }

    /** Expected n × p matrix from a JSON array of rows. */
    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode r = rows.get(i);
            m[i] = new double[r.size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = r.get(j).isNull() ? Double.NaN : r.get(j).asDouble();
            }
        }
        return m;
    }

    static void closeVector(String what, double[] actual, JsonNode expected, double tol) {
        if (actual.length != expected.size()) {
            throw new AssertionError(what + ": length " + actual.length + ", R has " + expected.size());
        }
        for (int i = 0; i < actual.length; i++) {
            Tolerance.close(what + "[" + i + "]", actual[i], expected.get(i), tol);
        }
    }

    static void closeMatrix(String what, double[][] actual, JsonNode expected, double tol) {
        if (actual.length != expected.size()) {
            throw new AssertionError(what + ": " + actual.length + " rows, R has " + expected.size());
        }
        for (int i = 0; i < actual.length; i++) {
            closeVector(what + "[" + i + "]", actual[i], expected.get(i), tol);
        }
    }
}

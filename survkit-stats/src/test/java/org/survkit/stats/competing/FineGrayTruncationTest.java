package org.survkit.stats.competing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.survkit.stats.model.DesignMatrix;

/**
 * Fine–Gray with delayed entry against R 4.2.2 survival 3.5-3 {@code finegray(Surv(start, stop, ev) ~ .)} +
 * {@code coxph(Surv(fgstart, fgstop, fgstatus) ~ x, weights = fgwt)} and cmprsk 2.2-11 {@code crr}:
 * {@code reference/competing-truncation/refgen_fg_truncation.R} wrote
 * {@code src/test/resources/reference/competing-truncation/fg_*.json} (data inline).
 */
class FineGrayTruncationTest {
    private static final double TOL = 1e-6;

    static JsonNode load(String name) throws IOException {
        try (InputStream in = FineGrayTruncationTest.class.getResourceAsStream(
                "/reference/competing-truncation/fg_" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }

    static DesignMatrix design(JsonNode j) {
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = j.get("x").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            names.add(e.getKey());
            cols.add(doubles(e.getValue()));
        }
        int[] assign = new int[names.size()];
        for (int k = 0; k < assign.length; k++) {
            assign[k] = k;
        }
        return new DesignMatrix(names, assign, names, cols.toArray(new double[0][]));
    }

    static FineGrayModel fit(JsonNode j) {
        return FineGrayRegression.withDefaults().fit(doubles(j.get("start")), doubles(j.get("time")),
                doubles(j.get("status")), 0, j.get("cause").asDouble(), design(j));
    }

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), what);
    }

    // R: finegray(Surv(start, stop, ev) ~ ., etype = cause, id = id) + coxph(Surv(fgstart, fgstop, fgstatus) ~ x,
    // weights = fgwt): coef, se (naive), robust se, loglik
    @ParameterizedTest
    @ValueSource(strings = {"sim_truncated", "mgus2_age", "mgus2_age_death", "sim_no_truncation"})
    void matchesFinegrayPlusCoxph(String name) throws IOException {
        JsonNode j = load(name);
        FineGrayModel m = fit(j);
        assertTrue(m.converged());
        assertTrue(j.get("robust").asBoolean());
        double[] coef = doubles(j.get("coef"));
        double[] se = doubles(j.get("se"));
        double[] rse = doubles(j.get("robust_se"));
        for (int k = 0; k < coef.length; k++) {
            FineGrayCoefficient c = m.coefficients().get(k);
            close(coef[k], c.coef(), name + " coef " + k);
            close(se[k], c.modelSe(), name + " se " + k);
            close(rse[k], c.se(), name + " robust se " + k);
        }
        close(j.get("loglik").get(0).asDouble(), m.loglikNull(), name + " loglik at 0");
        close(j.get("loglik").get(1).asDouble(), m.loglik(), name + " loglik");
    }

    // R: the rows finegray() writes (id, fgstart, fgstop, fgstatus, fgwt), in R's order (by subject)
    @Test
    void expandedRowsAreFinegrays() throws IOException {
        JsonNode j = load("sim_truncated");
        double[] status = doubles(j.get("status"));
        byte[] kind = new byte[status.length];
        for (int i = 0; i < kind.length; i++) {
            kind[i] = (byte) (status[i] == 0 ? 0 : status[i] == 1 ? 1 : 2);
        }
        FineGrayExpansion x = FineGrayExpansion.of(doubles(j.get("start")), doubles(j.get("time")), kind);
        JsonNode e = j.get("expanded");
        double[] id = doubles(e.get("id"));
        double[] fgstart = doubles(e.get("fgstart"));
        double[] fgstop = doubles(e.get("fgstop"));
        double[] fgstatus = doubles(e.get("fgstatus"));
        double[] fgwt = doubles(e.get("fgwt"));
        assertEquals(id.length, x.size(), "rows");
        // R orders the rows by subject; ours are by subject too
        for (int r = 0; r < id.length; r++) {
            assertEquals((int) id[r] - 1, x.row[r], "row " + r);
            assertEquals(fgstart[r], x.start[r], 1e-12, "fgstart " + r);
            assertEquals(fgstop[r], x.stop[r], 1e-12, "fgstop " + r);
            assertEquals(fgstatus[r] == 1, x.event[r], "fgstatus " + r);
            assertEquals(fgwt[r], x.weight[r], 1e-12, "fgwt " + r);
        }
    }

    // cmprsk 2.2-11 crr on the same tie-free data without truncation: the same coefficients
    @Test
    void withoutTruncationOrTiesTheCoefficientsAreCrrs() throws IOException {
        JsonNode j = load("sim_no_truncation");
        FineGrayModel m = fit(j);
        double[] crr = doubles(j.get("crr_coef"));
        for (int k = 0; k < crr.length; k++) {
            assertEquals(crr[k], m.coefficients().get(k).coef(), 1e-5, "crr coef " + k);
        }
        FineGrayModel c = FineGrayRegression.withDefaults().fit(doubles(j.get("time")), doubles(j.get("status")), 0,
                1, design(j));
        double[] crrSe = doubles(j.get("crr_se"));
        for (int k = 0; k < crr.length; k++) {
            close(crr[k], c.coefficients().get(k).coef(), "crr path coef " + k);
            close(crrSe[k], c.coefficients().get(k).se(), "crr path se " + k);
        }
    }
}

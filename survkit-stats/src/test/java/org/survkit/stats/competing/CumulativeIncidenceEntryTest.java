package org.survkit.stats.competing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.survkit.stats.model.Factor;

/**
 * Aalen–Johansen cumulative incidence with delayed entry against R.
 * // R 4.x, survival 3.5-3: survfit(Surv(entry, time, factor(status)) ~ 1, data = ..., id = row) — and {@code ~ group}
 * — {@code pstate} and {@code std.err} (infinitesimal jackknife) of each cause: written by
 * {@code reference/cif-entry/refgen_cif_entry.R} to {@code src/test/resources/reference/cif-entry/cif_entry_*.json}
 * (data inline).
 */
class CumulativeIncidenceEntryTest {
    private static final double TOL = 1e-9;

    private static JsonNode load(String name) throws IOException {
        try (InputStream in = CumulativeIncidenceEntryTest.class.getResourceAsStream("/reference/cif-entry/cif_entry_"
                + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static double[] doubles(JsonNode a) {
        return FineGrayTruncationTest.doubles(a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hand", "sim_all", "sim", "mgus2"})
    void equalsSurvfitMultiState(String name) throws IOException {
        JsonNode j = load(name);
        double[] entry = doubles(j.get("entry"));
        double[] time = doubles(j.get("time"));
        double[] status = doubles(j.get("status"));
        String[] group = new String[time.length];
        for (int i = 0; i < group.length; i++) {
            group[i] = j.get("group").get(i).asText();
        }
        boolean one = Arrays.stream(group).distinct().count() == 1;
        CumulativeIncidenceResult r = CumulativeIncidence.withDefaults().fit(entry, time, status, 0, null,
                one ? null : Factor.of(group), null);
        assertTrue(r.tests().isEmpty(), "no Gray test with entry times");
        int checked = 0;
        for (JsonNode rc : j.get("curves")) {
            String g = one ? "all" : rc.get("group").asText();
            CumulativeIncidenceCurve k = r.curve(g, rc.get("cause").asDouble());
            double[] rt = doubles(rc.get("time"));
            double[] rcif = doubles(rc.get("cif"));
            double[] rse = doubles(rc.get("se"));
            double[] rrisk = doubles(rc.get("n_risk"));
            double[] kt = k.time();
            for (int row = 0; row < kt.length; row++) {
                int at = Arrays.binarySearch(rt, kt[row]);
                assertTrue(at >= 0, name + " " + g + ": time " + kt[row] + " not in R's curve");
                String where = name + " group " + g + " cause " + k.cause() + " t=" + kt[row];
                assertEquals(rcif[at], k.cif()[row], TOL * Math.max(1, rcif[at]), where + " cif");
                assertEquals(rse[at], Math.sqrt(k.variance()[row]), 1e-8, where + " std.err");
                assertEquals(rrisk[at], k.nRisk()[row], 0, where + " n.risk");
                checked++;
            }
            // between the cause's own jumps R's curve is flat: the last value of the curve is R's last value
            if (kt.length > 0) {
                assertEquals(rcif[rcif.length - 1], k.cif()[kt.length - 1], TOL, name + " last cif");
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void entryAtZeroIsTheRightCensoredEstimate() {
        double[] time = {2, 3, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] status = {1, 0, 2, 1, 1, 0, 2, 1, 0, 1};
        double[] entry = new double[time.length];
        CumulativeIncidenceResult a = CumulativeIncidence.withDefaults().fit(time, status, 0);
        CumulativeIncidenceResult b = CumulativeIncidence.withDefaults().fit(entry, time, status, 0, null, null, null);
        for (double c : new double[] {1, 2}) {
            assertTrue(Arrays.equals(a.curve("all", c).cif(), b.curve("all", c).cif()));
            assertTrue(Arrays.equals(a.curve("all", c).nRisk(), b.curve("all", c).nRisk()));
        }
    }

    @Test
    void countsEqualReplicatedRows() {
        double[] entry = {0, 1, 2, 0.5};
        double[] time = {3, 4, 5, 6};
        double[] status = {1, 2, 1, 0};
        int[] count = {2, 1, 3, 2};
        double[] re = {0, 0, 1, 2, 2, 2, 0.5, 0.5};
        double[] rt = {3, 3, 4, 5, 5, 5, 6, 6};
        double[] rs = {1, 1, 2, 1, 1, 1, 0, 0};
        CumulativeIncidenceResult a = CumulativeIncidence.withDefaults().fit(entry, time, status, 0, count, null, null);
        CumulativeIncidenceResult b = CumulativeIncidence.withDefaults().fit(re, rt, rs, 0, null, null, null);
        for (double c : new double[] {1, 2}) {
            double[] va = a.curve("all", c).variance();
            double[] vb = b.curve("all", c).variance();
            for (int i = 0; i < va.length; i++) {
                assertEquals(vb[i], va[i], 1e-12);
                assertEquals(b.curve("all", c).cif()[i], a.curve("all", c).cif()[i], 1e-12);
            }
        }
    }

    @Test
    void entryNotBelowTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CumulativeIncidence.withDefaults().fit(
                new double[] {1, 3}, new double[] {2, 3}, new double[] {1, 0}, 0, null, null, null));
    }
}

package org.survkit.stats.cox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * Exact ties against R 4.2.2 survival 3.5-3 {@code coxph(ties = "exact")}: {@code reference/cox-exact/refgen_exact.R}
 * wrote {@code src/test/resources/reference/cox-exact/exact_*.json} (data inline).
 */
class ExactTiesTest {
    private static final double TOL = 1e-6;

    static JsonNode load(String name) throws IOException {
        try (InputStream in = ExactTiesTest.class.getResourceAsStream("/reference/cox-exact/exact_" + name + ".json")) {
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

    static CoxData data(JsonNode j) {
        double[] time = doubles(j.get("time"));
        double[] status = doubles(j.get("status"));
        boolean[] event = new boolean[time.length];
        for (int i = 0; i < event.length; i++) {
            event[i] = status[i] == 1;
        }
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
        DesignMatrix design = new DesignMatrix(names, assign, names, cols.toArray(new double[0][]));
        int[] strata = null;
        if (j.has("strata")) {
            double[] s = doubles(j.get("strata"));
            strata = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                strata[i] = (int) s[i];
            }
        }
        double[] start = j.has("start") ? doubles(j.get("start")) : null;
        return new CoxData(start, time, event, design, null, strata, null);
    }

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), what);
    }

    // R 4.2.2 survival 3.5-3: tests/book7.R's byhand7 (Therneau & Grambsch appendix E) = coxph(ties = "exact",
    // init = beta, iter.max = 0) on test1
    @Test
    void book7ClosedForm() throws IOException {
        JsonNode j = load("book7");
        CoxData d = data(j);
        CoxRegression exact = CoxRegression.withDefaults().with(Ties.EXACT);
        for (JsonNode at : j.get("at")) {
            double beta = at.get("beta").asDouble();
            CoxLikelihood l = exact.likelihoodAt(d, new double[] {beta});
            assertEquals(at.get("loglik").asDouble(), l.loglik(), 1e-10, "loglik at " + beta);
            assertEquals(at.get("u").asDouble(), l.score()[0], 1e-10, "score at " + beta);
            assertEquals(at.get("imat").asDouble(), l.information()[0][0], 1e-10, "information at " + beta);
        }
    }

    // R 4.2.2 survival 3.5-3: coxph(Surv(month, event) ~ ..., ties = "exact") — see each JSON's description
    @ParameterizedTest
    @ValueSource(strings = {"lung_months", "lung_months_strata", "lung_days_counting"})
    void fitMatchesR(String name) throws IOException {
        JsonNode j = load(name);
        CoxModel m = CoxRegression.withDefaults().with(Ties.EXACT).fit(data(j));
        assertTrue(m.converged());
        double[] coef = doubles(j.get("coef"));
        double[] se = doubles(j.get("se"));
        double[] z = doubles(j.get("z"));
        double[] p = doubles(j.get("p"));
        for (int k = 0; k < coef.length; k++) {
            CoxCoefficient c = m.coefficients().get(k);
            close(coef[k], c.coef(), name + " coef " + k);
            close(se[k], c.se(), name + " se " + k);
            close(z[k], c.z(), name + " z " + k);
            close(p[k], c.pValue(), name + " p " + k);
        }
        double[] loglik = doubles(j.get("loglik"));
        close(loglik[0], m.loglikNull(), name + " loglik at 0");
        close(loglik[1], m.loglik(), name + " loglik");
        close(j.get("score").asDouble(), m.scoreTest().statistic(), name + " score test");
        close(j.get("wald").asDouble(), m.waldTest().statistic(), name + " wald test");
        close(j.get("concordance").asDouble(), m.concordance().estimate(), name + " concordance");
        assertEquals(j.get("n").asInt(), m.n());
        assertEquals(j.get("nevent").asInt(), m.events());
    }

    // R: cox.zph(fit, transform = "km", terms = FALSE) of the exact fit (cox.zph takes Breslow weights when not efron)
    @Test
    void zphOfExactFitMatchesR() throws IOException {
        JsonNode j = load("lung_months");
        CoxData d = data(j);
        CoxModel m = CoxRegression.withDefaults().with(Ties.EXACT).fit(d);
        ZphResult z = ProportionalHazardsTest.of(d, m);
        double[] chisq = doubles(j.get("zph_chisq"));
        for (int k = 0; k < 3; k++) {
            close(chisq[k], z.terms().get(k).statistic(), "zph chisq " + k);
        }
        close(chisq[3], z.global().statistic(), "zph global");
    }

    @Test
    void exactDiffersFromEfronWithHeavyTies() throws IOException {
        JsonNode j = load("lung_months");
        CoxModel efron = CoxRegression.withDefaults().fit(data(j));
        double[] r = doubles(j.get("efron_coef"));
        close(r[1], efron.coefficients().get(1).coef(), "efron coef (R)");
        double[] exact = doubles(j.get("coef"));
        assertNotEquals(exact[1], efron.coefficients().get(1).coef(), 1e-4);
    }

    @Test
    void refusesWeightsClustersAndResiduals() throws IOException {
        CoxData d = data(load("lung_months"));
        double[] w = new double[d.size()];
        java.util.Arrays.fill(w, 2);
        CoxRegression exact = CoxRegression.withDefaults().with(Ties.EXACT);
        assertThrows(IllegalArgumentException.class, () -> exact.fit(d.withWeights(w)));
        assertThrows(IllegalArgumentException.class, () -> exact.fit(d.withCluster(new int[d.size()])));
        CoxModel m = exact.fit(d);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoxResiduals.martingale(d, m));
        assertTrue(e.getMessage().contains("exact"));
        assertThrows(IllegalArgumentException.class, () -> FirthCoxRegression.withDefaults().with(Ties.EXACT));
        java.util.Arrays.fill(w, 1);
        assertEquals(m.loglik(), exact.fit(d.withWeights(w)).loglik(), 0);
    }

    /** Without ties the exact likelihood is Breslow's (and Efron's). */
    @Test
    void withoutTiesEqualsBreslow() {
        double[] time = {5, 3, 9, 1, 7, 4, 8, 2, 6, 10};
        boolean[] ev = {true, true, false, true, true, false, true, true, true, false};
        double[] x = {0.5, 1.2, -0.3, 2.0, 0.1, -1.1, 0.7, 0.0, 1.5, -0.4};
        DesignMatrix dm = new DesignMatrix(List.of("x"), new int[] {0}, List.of("x"), new double[][] {x});
        CoxData d = CoxData.of(time, ev, dm);
        CoxModel a = CoxRegression.withDefaults().with(Ties.EXACT).fit(d);
        CoxModel b = CoxRegression.withDefaults().with(Ties.BRESLOW).fit(d);
        assertEquals(b.loglik(), a.loglik(), 1e-12);
        assertEquals(b.coef()[0], a.coef()[0], 1e-12);
    }
}

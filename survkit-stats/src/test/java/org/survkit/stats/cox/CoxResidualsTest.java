package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.Tolerance;
import org.survkit.stats.model.DesignMatrix;

/**
 * Cox residuals and robust variance against R. Every expected number: R 4.2.2, survival 3.5-3,
 * {@code reference/cox-residuals/refgen_cox_residuals.R}, on the fits listed there (lung
 * age + sex + ph.ecog efron / breslow, stratified by sex, fractional case weights, cluster(inst);
 * veteran trt + celltype + karno; heart (start, stop] age + transplant, with and without cluster(id)).
 */
class CoxResidualsTest {
    private static final double TOL = 1e-6;
    private static final double ROBUST_TOL = 1e-5;

    static Stream<CoxResidualCase> cases() {
        return CoxResidualCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void coefficientsAreR(CoxResidualCase c) {
        // R 4.2.2, survival 3.5-3: coef(fit), fit$means; the residuals below are only comparable on the same fit
        CoxResidualCase.closeVector(c.name + " coef", c.model.coef(), c.json.get("coef"), 1e-6);
        if (!c.meansDifferFromR()) {
            CoxResidualCase.closeVector(c.name + " means", c.model.means(), c.json.get("means"), 1e-9);
        }
        CoxResidualCase.closeMatrix(c.name + " naive var", c.model.naiveVariance(),
                c.json.get("naive_var").isNull() ? c.json.get("var") : c.json.get("naive_var"), 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void martingaleAndDeviance(CoxResidualCase c) {
        // R 4.2.2, survival 3.5-3: residuals(fit, "martingale")
        CoxResidualCase.closeVector(c.name + " martingale", CoxResiduals.martingale(c.data, c.model),
                c.json.get("martingale"), TOL);
        // R 4.2.2, survival 3.5-3: residuals(fit, "deviance")
        CoxResidualCase.closeVector(c.name + " deviance", CoxResiduals.deviance(c.data, c.model),
                c.json.get("deviance"), TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scoreAndDfbeta(CoxResidualCase c) {
        // R 4.2.2, survival 3.5-3: residuals(fit, "score")
        CoxResidualCase.closeMatrix(c.name + " score", CoxResiduals.score(c.data, c.model), c.json.get("score"), TOL);
        // R 4.2.2, survival 3.5-3: residuals(fit, "dfbeta") (weighted, times naive.var)
        CoxResidualCase.closeMatrix(c.name + " dfbeta", CoxResiduals.dfbeta(c.data, c.model), c.json.get("dfbeta"),
                TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void schoenfeld(CoxResidualCase c) {
        // R 4.2.2, survival 3.5-3: residuals(fit, "schoenfeld"), its row names (times) and R's row order
        JsonNode ref = c.json.get("schoenfeld");
        SchoenfeldResiduals s = CoxResiduals.schoenfeld(c.data, c.model);
        assertThat(s.size()).as(c.name + " events").isEqualTo(c.json.get("events").asInt());
        CoxResidualCase.closeVector(c.name + " schoenfeld time", s.time(), ref.get("time"), 1e-12);
        int[] rows = new int[s.size()];
        int[] strata = new int[s.size()];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = ref.get("row").get(k).asInt() - 1;
            strata[k] = ref.get("stratum").get(k).asInt();
        }
        assertThat(s.row()).as(c.name + " schoenfeld rows").containsExactly(rows);
        assertThat(s.stratum()).as(c.name + " schoenfeld strata").containsExactly(strata);
        CoxResidualCase.closeMatrix(c.name + " schoenfeld", s.residuals(), ref.get("resid"), TOL);
        // R 4.2.2, survival 3.5-3: residuals(fit, "scaledsch")
        CoxResidualCase.closeMatrix(c.name + " scaledsch", CoxResiduals.scaledSchoenfeld(c.data, c.model),
                c.json.get("scaledsch"), TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void robustVariance(CoxResidualCase c) {
        // R 4.2.2, survival 3.5-3: coxph's robust default (cluster or non-integer weights)
        assertThat(CoxResiduals.robustByDefault(c.data)).as(c.name + " robust").isEqualTo(c.json.get("robust").asBoolean());
        if (c.json.get("robust").asBoolean()) {
            // R 4.2.2, survival 3.5-3: fit$var of the robust fit
            CoxResidualCase.closeMatrix(c.name + " robust var", CoxResiduals.robustVariance(c.data, c.model),
                    c.json.get("var"), ROBUST_TOL);
            // R 4.2.2, survival 3.5-3: summary(fit)$robscore["test"]
            ChiSquareTest rs = CoxResiduals.robustScoreTest(c.data, c.model);
            Tolerance.close(c.name + " robust score", rs.statistic(), c.json.get("rscore"), ROBUST_TOL);
            assertThat(rs.df()).isEqualTo(c.model.coef().length);
        }
        // R 4.2.2, survival 3.5-3: crossprod(residuals(fit, "dfbeta")), the per-observation sandwich
        CoxData unclustered = c.data.withCluster(null);
        CoxResidualCase.closeMatrix(c.name + " per-observation sandwich", CoxResiduals.robustVariance(unclustered,
                c.model), c.json.get("robust_check"), ROBUST_TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void collapsedByCluster(CoxResidualCase c) {
        JsonNode ref = c.json.get("collapse");
        if (ref == null) {
            return;
        }
        int[] cluster = c.data.cluster();
        int[] levels = new int[ref.get("clusters").size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = ref.get("clusters").get(i).asInt();
        }
        assertThat(CoxResiduals.clusters(cluster)).containsExactly(levels);
        // R 4.2.2, survival 3.5-3: residuals(fit, "dfbeta", collapse = cluster)
        CoxResidualCase.closeMatrix(c.name + " collapsed dfbeta",
                CoxResiduals.collapse(CoxResiduals.dfbeta(c.data, c.model), cluster), ref.get("dfbeta"), TOL);
        // R 4.2.2, survival 3.5-3: residuals(fit, "martingale", collapse = cluster)
        CoxResidualCase.closeVector(c.name + " collapsed martingale",
                CoxResiduals.collapse(CoxResiduals.martingale(c.data, c.model), cluster), ref.get("martingale"), TOL);
        // R 4.2.2, survival 3.5-3: residuals(fit, "deviance", collapse = cluster) (NaN where R's is NaN)
        CoxResidualCase.closeVector(c.name + " collapsed deviance", CoxResiduals.deviance(c.data, c.model, cluster),
                ref.get("deviance"), TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void identities(CoxResidualCase c) {
        // at the MLE the weighted score residuals sum to U(β̂) = 0, the weighted martingale residuals to 0
        double[] w = c.data.weights();
        double[][] s = CoxResiduals.score(c.data, c.model);
        double[] m = CoxResiduals.martingale(c.data, c.model);
        double[] u = new double[s[0].length];
        double mart = 0;
        for (int i = 0; i < s.length; i++) {
            double wi = w == null ? 1 : w[i];
            mart += wi * m[i];
            for (int j = 0; j < u.length; j++) {
                u[j] += wi * s[i][j];
            }
        }
        assertThat(Math.abs(mart)).as(c.name + " Σ w M").isLessThan(1e-8);
        for (double uj : u) {
            assertThat(Math.abs(uj)).as(c.name + " Σ w L").isLessThan(1e-3);
        }
    }

    @Test
    void permutingObservationsPermutesResiduals() {
        CoxResidualCase c = CoxResidualCase.named("heart_cluster");
        int n = c.data.size();
        int[] perm = java.util.stream.IntStream.range(0, n).toArray();
        Random rnd = new Random(20250105);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        CoxData d = c.data;
        double[][] cols = d.design().columns();
        double[][] pc = new double[cols.length][n];
        double[] start = new double[n];
        double[] stop = new double[n];
        boolean[] event = new boolean[n];
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            int k = perm[i];
            start[i] = d.start()[k];
            stop[i] = d.stop()[k];
            event[i] = d.event()[k];
            cluster[i] = d.cluster()[k];
            for (int j = 0; j < cols.length; j++) {
                pc[j][i] = cols[j][k];
            }
        }
        DesignMatrix dm = new DesignMatrix(d.design().columnNames(), d.design().assign(), d.design().termLabels(), pc);
        CoxData pd = new CoxData(start, stop, event, dm, null, null, cluster);
        CoxModel pm = CoxRegression.withDefaults().fit(pd);
        double[] m0 = CoxResiduals.martingale(d, c.model);
        double[] m1 = CoxResiduals.martingale(pd, pm);
        double[][] s0 = CoxResiduals.score(d, c.model);
        double[][] s1 = CoxResiduals.score(pd, pm);
        for (int i = 0; i < n; i++) {
            assertThat(m1[i]).isCloseTo(m0[perm[i]], org.assertj.core.data.Offset.offset(1e-9));
            for (int j = 0; j < s0[0].length; j++) {
                assertThat(s1[i][j]).isCloseTo(s0[perm[i]][j], org.assertj.core.data.Offset.offset(1e-8));
            }
        }
        double[][] v0 = CoxResiduals.robustVariance(d, c.model);
        double[][] v1 = CoxResiduals.robustVariance(pd, pm);
        for (int i = 0; i < v0.length; i++) {
            for (int j = 0; j < v0.length; j++) {
                assertThat(v1[i][j]).isCloseTo(v0[i][j], org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void rejectsDataOfAnotherModel() {
        CoxResidualCase a = CoxResidualCase.named("lung_efron");
        CoxResidualCase b = CoxResidualCase.named("heart_efron");
        assertThatThrownBy(() -> CoxResiduals.martingale(b.data, a.model))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fitted on");
        assertThat(Arrays.stream(CoxResiduals.collapse(new double[] {1, 2, 3}, new int[] {7, -1, 7})).boxed())
                .containsExactly(2.0, 4.0);
    }
}

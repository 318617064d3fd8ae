package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.Tolerance;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.DesignMatrixBuilder;

/**
 * Firth's penalized Cox regression.
 *
 * <p>Expected values, {@code src/test/resources/reference/cox-firth/}:
 * <ul>
 * <li>{@code firth_<case>.json}: R 4.2.2, survival 3.5-3, numDeriv 2016.8-1.1 —
 * {@code reference/cox-firth/refgen_cox_firth.R}, an independent implementation of the definition
 * ℓ*(β) = ℓ(β) + ½ log det I(β) with ℓ and I⁻¹ from {@code coxph.fit}/{@code agreg.fit(init = β,
 * iter.max = 0)}, maximized by optim + numerical-derivative Newton polishing, profile limits by
 * uniroot;</li>
 * <li>{@code coxphf_<case>.json}: coxphf 1.13.4 (built from CRAN source) on the Breslow cases without
 * strata or weights — {@code reference/cox-firth/coxphf_crosscheck.R}.</li>
 * </ul>
 */
class FirthCoxRegressionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIR = "reference/cox-firth/";

    // ------------------------------------------------------------------ reference cases

    static Stream<String> firthCases() {
        return Stream.of("receptor43", "receptor43_efron", "receptor43_age", "separation2", "lung", "lung_efron",
                "lung_strata_weights", "test2", "breast");
    }

    static Stream<String> coxphfCases() {
        return Stream.of("receptor43", "receptor43_age", "separation2", "lung", "test2", "breast");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firthCases")
    void matchesIndependentR(String name) {
        JsonNode ref = json("firth_" + name + ".json");
        CoxData data = data(ref);
        FirthCoxModel m = engine(ref).fit(data);
        assertThat(m.converged()).as(name + " converged").isTrue();
        assertThat(m.diagnostics()).as(name + " diagnostics").isEmpty();
        assertThat(m.n()).isEqualTo(ref.get("n").asInt());
        assertThat(m.events()).isEqualTo(ref.get("events").asInt());
        JsonNode coefs = ref.get("coefficients");
        assertThat(m.coefficients()).hasSize(coefs.size());
        for (int j = 0; j < coefs.size(); j++) {
            JsonNode c = coefs.get(j);
            FirthCoefficient x = m.coefficients().get(j);
            String w = name + " " + c.get("term").asText();
            assertThat(x.term()).isEqualTo(c.get("term").asText());
            Tolerance.close(w + " coef", x.coef(), c.get("coef"), 1e-5);
            Tolerance.close(w + " se", x.se(), c.get("se"), 1e-5);
            Tolerance.close(w + " hr", x.hr(), c.get("hr"), 1e-5);
            Tolerance.close(w + " lower", x.lower(), c.get("lower"), 1e-4);
            Tolerance.close(w + " upper", x.upper(), c.get("upper"), 1e-4);
            Tolerance.close(w + " hr lower", x.hrLower(), c.get("hr_lower"), 1e-4);
            Tolerance.close(w + " hr upper", x.hrUpper(), c.get("hr_upper"), 1e-4);
            Tolerance.close(w + " chisq", x.chiSquare(), c.get("chisq"), 1e-4);
            Tolerance.close(w + " p", x.pValue(), c.get("p_value"), 1e-4);
            for (int k = 0; k < coefs.size(); k++) {
                Tolerance.close(w + " var " + k, m.variance()[j][k], ref.get("var").get(j).get(k), 1e-5);
            }
        }
        Tolerance.close(name + " loglik null", m.loglikNull(), ref.get("loglik").get(0), 1e-7);
        Tolerance.close(name + " loglik", m.loglik(), ref.get("loglik").get(1), 1e-7);
        Tolerance.close(name + " partial loglik", m.partialLoglik(), ref.get("loglik_partial"), 1e-7);
        Tolerance.close(name + " LR", m.lrTest().statistic(), ref.get("lr_test").get("statistic"), 1e-5);
        assertThat(m.lrTest().df()).isEqualTo(ref.get("lr_test").get("df").asInt());
        Tolerance.close(name + " LR p", m.lrTest().pValue(), ref.get("lr_test").get("p_value"), 1e-4);
    }

    /** ℓ, penalty, ℓ*, U, U* and I at fixed β against survival's values and R's numerical derivatives. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("firthCases")
    void evaluatorMatchesRAtFixedBeta(String name) {
        JsonNode ref = json("firth_" + name + ".json");
        CoxData data = data(ref);
        for (JsonNode pt : ref.get("loglik_at")) {
            double[] beta = doubles(pt.get("beta"));
            FirthCoxRegression.Point at = FirthCoxRegression.evaluateAt(data, ties(ref), beta);
            String w = name + " at " + Arrays.toString(beta);
            Tolerance.close(w + " loglik", at.loglik(), pt.get("loglik"), 1e-10);
            Tolerance.close(w + " penalty", at.penalty(), pt.get("penalty"), 1e-9);
            Tolerance.close(w + " penalized", at.penalized(), pt.get("penalized"), 1e-10);
            for (int j = 0; j < beta.length; j++) {
                // R side: Richardson-extrapolated numerical derivatives (about 1e-8 accurate)
                Tolerance.close(w + " U" + j, at.score()[j], pt.get("score").get(j), 1e-6);
                Tolerance.close(w + " U*" + j, at.penalizedScore()[j], pt.get("penalized_score").get(j), 1e-6);
                for (int k = 0; k < beta.length; k++) {
                    Tolerance.close(w + " I" + j + k, at.information()[j][k], pt.get("information").get(j).get(k),
                            1e-7);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coxphfCases")
    void matchesCoxphf(String name) {
        JsonNode ref = json("firth_" + name + ".json");
        JsonNode cx = json("coxphf_" + name + ".json");
        FirthCoxModel m = engine(ref).fit(data(ref));
        for (int j = 0; j < m.coefficients().size(); j++) {
            FirthCoefficient x = m.coefficients().get(j);
            String w = name + " " + x.term() + " vs coxphf 1.13.4";
            Tolerance.close(w + " coef", x.coef(), cx.get("coef").get(j), 1e-5);
            Tolerance.close(w + " lower", x.lower(), cx.get("lower").get(j), 1e-4);
            Tolerance.close(w + " upper", x.upper(), cx.get("upper").get(j), 1e-4);
            Tolerance.close(w + " chisq", x.chiSquare(), cx.get("chisq").get(j), 1e-4);
            Tolerance.close(w + " p", x.pValue(), cx.get("p_value").get(j), 1e-4);
            for (int k = 0; k < m.coefficients().size(); k++) {
                Tolerance.close(w + " var", m.variance()[j][k], cx.get("var").get(j).get(k), 1e-5);
            }
        }
        // coxphf's penalty is on SD-standardized covariates: its loglik = ours − Σ log sd_j
        double shift = cx.get("loglik_shift").asDouble();
        Tolerance.close(name + " coxphf loglik null", m.loglikNull() - shift, cx.get("loglik").get(0), 1e-7);
        Tolerance.close(name + " coxphf loglik", m.loglik() - shift, cx.get("loglik").get(1), 1e-7);
        // same step rule, cap, halving and convergence test as coxphf: the same number of iterations
        assertThat(m.iterations()).as(name + " iterations").isEqualTo(cx.get("iter").asInt());
    }

    // ------------------------------------------------------------------ derivatives by finite differences

    /**
     * U = ∂ℓ/∂θ, I = −∂U/∂θ, ∂I/∂θ (the third-moment pass) and U* = ∂(ℓ*) / ∂θ against central
     * differences of the evaluator itself, on the scaled covariates, for Breslow and Efron, strata,
     * weights and counting-process data, at an arbitrary β away from the estimate.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("firthCases")
    void derivativesMatchFiniteDifferences(String name) {
        JsonNode ref = json("firth_" + name + ".json");
        CoxRiskSets rs = CoxRiskSets.of(data(ref), ties(ref), null);
        FirthLikelihood lik = new FirthLikelihood(rs);
        int p = rs.p;
        Random rnd = new Random(20240605L + name.hashCode());
        double[] theta = new double[p];
        for (int j = 0; j < p; j++) {
            theta[j] = 0.4 * rnd.nextGaussian();
        }
        FirthLikelihood.Evaluation ev = lik.evaluate(theta);
        assertThat(ev.usable()).isTrue();
        double h = 1e-5;
        for (int l = 0; l < p; l++) {
            double[] up = theta.clone();
            double[] dn = theta.clone();
            up[l] += h;
            dn[l] -= h;
            FirthLikelihood.Evaluation a = lik.evaluate(up);
            FirthLikelihood.Evaluation b = lik.evaluate(dn);
            String w = name + " d/dθ" + l;
            close(w + " U", ev.u[l], (a.loglik - b.loglik) / (2 * h), 1e-6);
            close(w + " U*", ev.ustar[l], (a.penalized - b.penalized) / (2 * h), 1e-6);
            for (int j = 0; j < p; j++) {
                close(w + " I" + j, ev.imat[j][l], -(a.u[j] - b.u[j]) / (2 * h), 1e-6);
                for (int k = 0; k < p; k++) {
                    close(w + " dI" + j + k, ev.dImat[l][j][k], (a.imat[j][k] - b.imat[j][k]) / (2 * h), 1e-6);
                }
            }
        }
    }

    private static void close(String what, double actual, double expected, double tol) {
        Tolerance.close(what, actual, expected, tol);
    }

    // ------------------------------------------------------------------ the clinical situations

    @Test
    void zeroEventGroupGivesFiniteEstimateAndFiniteButLopsidedInterval() {
        JsonNode ref = json("firth_receptor43.json");
        CoxData data = data(ref);
        // ordinary Cox: receptor=C (no deaths) runs away and is flagged
        CoxModel ml = CoxRegression.withDefaults().with(Ties.BRESLOW).fit(data);
        assertThat(ml.coefficient("receptor=C").coef()).isLessThan(-10);
        assertThat(ml.diagnostics()).extracting(Diagnostic::code).contains("monotone-likelihood");

        FirthCoxModel m = FirthCoxRegression.withDefaults().fit(data);
        FirthCoefficient c = m.coefficient("receptor=C");
        // R 4.2.2 survival 3.5-3, refgen_cox_firth.R: coef −3.2750, 95% profile CI (−8.140, −1.187)
        assertThat(c.coef()).isBetween(-4.0, -2.5);
        assertThat(c.lower()).isFinite().isBetween(-9.0, -7.0);
        assertThat(c.upper()).isFinite().isBetween(-1.5, -1.0);
        // open-ended-looking: the limit towards the divergence is about 2.5 × farther than the other
        assertThat(c.coef() - c.lower()).isGreaterThan(2 * (c.upper() - c.coef()));
        // Wald would be symmetric and, here, too short on the far side
        assertThat(c.coef() - 1.959964 * c.se()).isGreaterThan(c.lower());
        assertThat(c.pValue()).isLessThan(0.001);
        assertThat(m.diagnostics()).isEmpty();
    }

    @Test
    void completeSeparationGivesFiniteEstimate() {
        JsonNode ref = json("firth_separation2.json");
        CoxData data = data(ref);
        assertThat(CoxRegression.withDefaults().with(Ties.BRESLOW).fit(data).coef()[0]).isGreaterThan(10);
        FirthCoefficient x = FirthCoxRegression.withDefaults().fit(data).coefficient("x");
        // R refgen: 3.0011 (0.824, 7.882)
        assertThat(x.coef()).isBetween(2.5, 3.5);
        assertThat(x.upper()).isFinite().isLessThan(10);
        assertThat(x.lower()).isGreaterThan(0);
    }

    @Test
    void firthShrinksTowardsZeroWhereTheMleIsFinite() {
        JsonNode ref = json("firth_lung.json");
        CoxData data = data(ref);
        CoxModel ml = CoxRegression.withDefaults().with(Ties.BRESLOW).fit(data);
        FirthCoxModel m = FirthCoxRegression.withDefaults().fit(data);
        for (String t : List.of("age", "sex")) {
            CoxCoefficient a = ml.coefficient(t);
            FirthCoefficient b = m.coefficient(t);
            assertThat(Math.abs(b.coef())).as(t).isLessThan(Math.abs(a.coef()));
            assertThat(Math.abs(b.coef() - a.coef())).as(t).isLessThan(0.05 * a.se());
            // 165 events: profile limits close to Wald's
            assertThat(Math.abs(b.lower() - (b.coef() - 1.959964 * b.se()))).as(t).isLessThan(0.05 * b.se());
        }
    }

    @Test
    void waldInferenceAsCoxphfWithPlFalse() {
        CoxData data = data(json("firth_breast.json"));
        FirthCoxModel prof = FirthCoxRegression.withDefaults().fit(data);
        FirthCoxModel wald = FirthCoxRegression.withDefaults().with(FirthInference.WALD).withConfLevel(0.9).fit(data);
        assertThat(wald.inference()).isEqualTo(FirthInference.WALD);
        double z = 1.6448536269514722; // R qnorm(0.95)
        for (int j = 0; j < 4; j++) {
            FirthCoefficient a = prof.coefficients().get(j);
            FirthCoefficient b = wald.coefficients().get(j);
            assertThat(b.coef()).isEqualTo(a.coef());
            close("lower", b.lower(), b.coef() - z * b.se(), 1e-12);
            close("upper", b.upper(), b.coef() + z * b.se(), 1e-12);
            close("chisq", b.chiSquare(), b.coef() * b.coef() / (b.se() * b.se()), 1e-12);
        }
        // coxphf summary(fit.breast): Wald test = 23.20007 on 4 df
        close("wald test", prof.waldTest().statistic(), 23.20007, 1e-6);
    }

    /**
     * Seeded small cohorts (20–60 subjects, 1–3 covariates, a binary covariate whose level 1 has
     * almost no events, so many have monotone likelihood; Breslow and Efron): every fit converges,
     * U* vanishes at β̂, and every reported profile limit and penalized LR statistic is what an
     * independent constrained fit (the nuisance coefficients started from 0) gives at that value.
     * A search over 3,000 such cohorts found no failure; with 10–16 subjects and 3–4 covariates
     * about 1 in 1,000 has a limit the search cannot reach (reported NA with a diagnostic).
     */
    @Test
    void randomSmallCohortsConvergeAndTheirLimitsSolveTheProfileEquation() {
        Random rnd = new Random(20240605L);
        FirthCoxRegression engine = FirthCoxRegression.withDefaults();
        double q = 3.841458820694124; // R qchisq(0.95, 1)
        for (int rep = 0; rep < 60; rep++) {
            int n = 20 + rnd.nextInt(41);
            int p = 1 + rnd.nextInt(3);
            double[] time = new double[n];
            boolean[] event = new boolean[n];
            double[][] cols = new double[p][n];
            for (int i = 0; i < n; i++) {
                cols[0][i] = rnd.nextDouble() < 0.35 ? 1 : 0;
                for (int j = 1; j < p; j++) {
                    cols[j][i] = j == 1 ? Math.round(10 * rnd.nextGaussian()) / 10.0 : (rnd.nextBoolean() ? 1 : 0);
                }
                time[i] = Math.ceil(10 * -Math.log(rnd.nextDouble()) / Math.exp(0.5 * (p > 1 ? cols[1][i] : 0)));
                event[i] = rnd.nextDouble() < (cols[0][i] == 1 ? 0.05 : 0.7);
            }
            List<String> names = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                names.add("x" + j);
            }
            CoxData data = CoxData.of(time, event, new DesignMatrix(names,
                    java.util.stream.IntStream.range(0, p).toArray(), names, cols));
            Ties ties = rep % 2 == 0 ? Ties.BRESLOW : Ties.EFRON;
            FirthCoxRegression e = engine.with(ties);
            FirthCoxModel m = e.fit(data);
            String w = "rep " + rep + " n=" + n + " p=" + p + " " + ties;
            assertThat(m.converged()).as(w).isTrue();
            assertThat(m.diagnostics()).as(w).isEmpty();
            FirthCoxRegression.Point at = FirthCoxRegression.evaluateAt(data, ties, m.coef());
            for (int j = 0; j < p; j++) {
                FirthCoefficient c = m.coefficients().get(j);
                String v = w + " " + c.term();
                // coxphf's gconv 1e-4 on the SD-standardized scale, checked loosely on the original one
                assertThat(Math.abs(at.penalizedScore()[j])).as(v + " U*").isLessThan(1e-3);
                assertThat(c.lower()).as(v).isLessThan(c.coef());
                assertThat(c.upper()).as(v).isGreaterThan(c.coef());
                close(v + " lower", 2 * (m.loglik() - e.profilePenalizedLoglik(data, j, c.lower())), q, 1e-5);
                close(v + " upper", 2 * (m.loglik() - e.profilePenalizedLoglik(data, j, c.upper())), q, 1e-5);
                close(v + " chisq", 2 * (m.loglik() - e.profilePenalizedLoglik(data, j, 0)), c.chiSquare(), 1e-6);
            }
        }
    }

    @Test
    void newtonStepsFinishWhatCoxphfsIterationDoesNotWithinIterMax() {
        JsonNode ref = json("firth_breast.json");
        // coxphf needs 8 iterations here; allowed 5, its iteration stops and Newton steps finish
        FirthCoxModel m = FirthCoxRegression.withDefaults().with(FirthInference.WALD)
                .with(new FirthControl(5, 5, 1e-6, 1e-4, 0.5)).fit(data(ref));
        assertThat(m.converged()).isTrue();
        assertThat(m.iterations()).isGreaterThan(5).isLessThanOrEqualTo(10);
        assertThat(m.diagnostics()).extracting(Diagnostic::code).containsExactly("slow-convergence");
        for (int j = 0; j < 4; j++) {
            Tolerance.close("coef " + j, m.coefficients().get(j).coef(), ref.get("coefficients").get(j).get("coef"),
                    1e-5);
        }
    }

    // ------------------------------------------------------------------ invariances and edge cases

    @Test
    void permutingSubjectsChangesNothing() {
        JsonNode ref = json("firth_receptor43_age.json");
        CoxData data = data(ref);
        int n = data.size();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        java.util.Collections.shuffle(idx, new Random(7));
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        double[][] cols = new double[data.design().width()][n];
        for (int k = 0; k < n; k++) {
            int i = idx.get(k);
            time[k] = data.stop()[i];
            event[k] = data.event()[i];
            for (int j = 0; j < cols.length; j++) {
                cols[j][k] = data.design().columns()[j][i];
            }
        }
        DesignMatrix d = data.design();
        CoxData perm = CoxData.of(time, event, new DesignMatrix(d.columnNames(), d.assign(), d.termLabels(), cols));
        FirthCoxModel a = FirthCoxRegression.withDefaults().fit(data);
        FirthCoxModel b = FirthCoxRegression.withDefaults().fit(perm);
        for (int j = 0; j < cols.length; j++) {
            close("coef", b.coefficients().get(j).coef(), a.coefficients().get(j).coef(), 1e-9);
            close("upper", b.coefficients().get(j).upper(), a.coefficients().get(j).upper(), 1e-7);
        }
        close("loglik", b.loglik(), a.loglik(), 1e-10);
    }

    @Test
    void rescalingACovariateRescalesItsCoefficientOnly() {
        JsonNode ref = json("firth_lung.json");
        CoxData data = data(ref);
        DesignMatrix d = data.design();
        double[][] cols = {Arrays.stream(d.columns()[0]).map(v -> v / 10).toArray(), d.columns()[1]};
        CoxData decades = new CoxData(null, data.stop(), data.event(),
                new DesignMatrix(d.columnNames(), d.assign(), d.termLabels(), cols), null, null, null);
        FirthCoxModel a = FirthCoxRegression.withDefaults().fit(data);
        FirthCoxModel b = FirthCoxRegression.withDefaults().fit(decades);
        close("coef", b.coefficient("age").coef(), 10 * a.coefficient("age").coef(), 1e-6);
        close("upper", b.coefficient("age").upper(), 10 * a.coefficient("age").upper(), 1e-4);
        close("chisq", b.coefficient("age").chiSquare(), a.coefficient("age").chiSquare(), 1e-6);
        close("sex", b.coefficient("sex").coef(), a.coefficient("sex").coef(), 1e-6);
        // ½ log det I drops by log 10 when a covariate is divided by 10; tests are unchanged
        close("loglik", b.loglik(), a.loglik() - Math.log(10), 1e-9);
        close("LR", b.lrTest().statistic(), a.lrTest().statistic(), 1e-7);
    }

    @Test
    void integerWeightsEqualReplicatedRows() {
        CoxData data = data(json("firth_receptor43_age.json"));
        int n = data.size();
        double[] w = new double[n];
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w[i] = 1 + i % 3;
            for (int r = 0; r < w[i]; r++) {
                rows.add(i);
            }
        }
        int m = rows.size();
        double[] time = new double[m];
        boolean[] event = new boolean[m];
        double[][] cols = new double[data.design().width()][m];
        for (int k = 0; k < m; k++) {
            time[k] = data.stop()[rows.get(k)];
            event[k] = data.event()[rows.get(k)];
            for (int j = 0; j < cols.length; j++) {
                cols[j][k] = data.design().columns()[j][rows.get(k)];
            }
        }
        DesignMatrix d = data.design();
        // converged tightly, so that what is compared is the maximum, not where the iteration stopped
        FirthCoxRegression tight = FirthCoxRegression.withDefaults().with(new FirthControl(50, 5, 1e-11, 1e-10, 0.5));
        FirthCoxModel weighted = tight.fit(data.withWeights(w));
        FirthCoxModel replicated = tight
                .fit(CoxData.of(time, event, new DesignMatrix(d.columnNames(), d.assign(), d.termLabels(), cols)));
        for (int j = 0; j < cols.length; j++) {
            close("coef", weighted.coefficients().get(j).coef(), replicated.coefficients().get(j).coef(), 1e-9);
            close("lower", weighted.coefficients().get(j).lower(), replicated.coefficients().get(j).lower(), 1e-6);
        }
        close("loglik", weighted.loglik(), replicated.loglik(), 1e-9);
    }

    @Test
    void aliasedColumnIsReportedAndTheRestIsUnchanged() {
        CoxData data = data(json("firth_lung.json"));
        DesignMatrix d = data.design();
        double[] twiceAge = Arrays.stream(d.columns()[0]).map(v -> 2 * v).toArray();
        CoxData withAlias = new CoxData(null, data.stop(), data.event(), new DesignMatrix(
                List.of("age", "sex", "age2"), new int[] {0, 1, 2}, List.of("age", "sex", "age2"),
                new double[][] {d.columns()[0], d.columns()[1], twiceAge}), null, null, null);
        FirthCoxModel a = FirthCoxRegression.withDefaults().fit(data);
        FirthCoxModel b = FirthCoxRegression.withDefaults().fit(withAlias);
        assertThat(b.coefficient("age2").aliased()).isTrue();
        assertThat(b.coefficient("age2").coef()).isNaN();
        assertThat(b.diagnostics()).extracting(Diagnostic::code).containsExactly("aliased");
        close("age", b.coefficient("age").coef(), a.coefficient("age").coef(), 1e-12);
        close("sex upper", b.coefficient("sex").upper(), a.coefficient("sex").upper(), 1e-12);
        assertThat(b.lrTest().df()).isEqualTo(2);
    }

    @Test
    void noEventsGiveNaNsNotAnException() {
        CoxData data = CoxData.of(new double[] {1, 2, 3, 4}, new boolean[4],
                DesignMatrixBuilder.of(4).numeric("x", new double[] {0, 1, 0, 1}).build(List.of("x")));
        FirthCoxModel m = FirthCoxRegression.withDefaults().fit(data);
        assertThat(m.coefficient("x").coef()).isNaN();
        assertThat(m.coefficient("x").aliased()).isTrue();
        assertThat(m.lrTest().df()).isZero();
    }

    @Test
    void clustersAreRejected() {
        CoxData data = data(json("firth_lung.json"));
        assertThatThrownBy(() -> FirthCoxRegression.withDefaults().fit(data.withCluster(new int[data.size()])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cluster");
    }

    @Test
    void defaultsAreCoxphfs() {
        FirthCoxRegression e = FirthCoxRegression.withDefaults();
        assertThat(e.ties()).isEqualTo(Ties.BRESLOW);
        assertThat(e.inference()).isEqualTo(FirthInference.PROFILE_LIKELIHOOD);
        assertThat(e.control()).isEqualTo(new FirthControl(50, 5, 1e-6, 1e-4, 0.5));
        assertThat(e.confLevel()).isEqualTo(0.95);
        assertThatThrownBy(() -> new FirthControl(0, 5, 1e-6, 1e-4, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ loading

    private static FirthCoxRegression engine(JsonNode ref) {
        return FirthCoxRegression.withDefaults().with(ties(ref)).withConfLevel(ref.get("conf_level").asDouble());
    }

    private static Ties ties(JsonNode ref) {
        return Ties.parse(ref.get("ties").asText());
    }

    private static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    private static JsonNode json(String file) {
        try (InputStream in = resource(DIR + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = FirthCoxRegressionTest.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return in;
    }

    /** The case's data as refgen_cox_firth.R fitted it: complete cases, factors in C-locale level order. */
    static CoxData data(JsonNode ref) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(DIR + "data/"
                + ref.get("file").asText()), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = Arrays.asList(rows.get(0));
        String start = text(ref.get("start"));
        String strata = text(ref.get("strata"));
        String weights = text(ref.get("weights"));
        List<String> terms = new ArrayList<>();
        ref.get("terms").forEach(t -> terms.add(t.asText()));
        List<String> factors = new ArrayList<>();
        ref.get("factors").forEach(t -> factors.add(t.asText()));
        List<String> needed = new ArrayList<>(terms);
        needed.add(ref.get("stop").asText());
        needed.add(ref.get("event").asText());
        for (String s : Arrays.asList(start, strata, weights)) {
            if (s != null) {
                needed.add(s);
            }
        }
        List<String[]> keep = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            if (needed.stream().allMatch(c -> !row[header.indexOf(c)].isEmpty())) {
                keep.add(row);
            }
        }
        int n = keep.size();
        double[] stop = column(keep, header.indexOf(ref.get("stop").asText()));
        double[] ev = column(keep, header.indexOf(ref.get("event").asText()));
        boolean[] event = new boolean[n];
        for (int i = 0; i < n; i++) {
            event[i] = ev[i] == ref.get("event_value").asDouble();
        }
        DesignMatrixBuilder b = DesignMatrixBuilder.of(n);
        for (String t : terms) {
            int c = header.indexOf(t);
            if (factors.contains(t)) {
                b.categorical(t, keep.stream().map(row -> row[c]).toArray(String[]::new));
            } else {
                b.numeric(t, column(keep, c));
            }
        }
        int[] codes = null;
        if (strata != null) {
            double[] s = column(keep, header.indexOf(strata));
            List<Double> levels = new ArrayList<>(new TreeSet<>(Arrays.stream(s).boxed().toList()));
            codes = Arrays.stream(s).mapToInt(levels::indexOf).toArray();
        }
        return new CoxData(start == null ? null : column(keep, header.indexOf(start)), stop, event, b.build(terms),
                weights == null ? null : column(keep, header.indexOf(weights)), codes, null);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static double[] column(List<String[]> rows, int c) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray();
    }
}

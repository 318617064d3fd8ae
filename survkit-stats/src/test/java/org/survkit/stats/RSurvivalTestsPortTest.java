package org.survkit.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.survkit.stats.cox.CoxControl;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxLikelihood;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.cox.GroupScoreTest;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.model.DesignMatrix;
import org.survkit.stats.model.DesignMatrixBuilder;
import org.survkit.stats.model.Factor;

/**
 * Our own port of a few cases of R survival's test suite, in its spirit: the small, deliberately awkward datasets of
 * {@code tests/book1.R} (ties, a missing status) and {@code tests/book3.R} / {@code survtest.R} ((start, stop] rows),
 * the identities of its weight tests (whole-number weights = replicated rows, weight 0 = row removed), the group score
 * test against survdiff, and coxph's estimates when it runs out of iterations. Every expected number comes from
 * R 4.x, survival 3.5-3 through reference/r-tests-port/refgen_r_tests_port.R (its output: test resources
 * reference/r-tests-port/r_tests_port.json); the identities compare two survkit fits.
 */
class RSurvivalTestsPortTest {
    private static JsonNode r;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RSurvivalTestsPortTest.class.getResourceAsStream(
                "/reference/r-tests-port/r_tests_port.json")) {
            r = new ObjectMapper().readTree(in);
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] x = new double[a.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = a.get(i).asDouble();
        }
        return x;
    }

    private static boolean[] events(JsonNode a) {
        boolean[] x = new boolean[a.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = a.get(i).asInt() == 1;
        }
        return x;
    }

    private static DesignMatrix x(double[]... columns) {
        DesignMatrixBuilder b = DesignMatrixBuilder.of(columns[0].length);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < columns.length; j++) {
            b = b.numeric("x" + (j + 1), columns[j]);
            names.add("x" + (j + 1));
        }
        return b.build(names);
    }

    private static void sameCox(String what, CoxModel m, JsonNode ref) {
        // one coefficient: R's jsonlite writes its coef and var as numbers, not arrays
        Tolerance.close(what + " coef", m.coef()[0], ref.get("coef"), 1e-7);
        Tolerance.close(what + " var", m.variance()[0][0], ref.get("var"), 1e-7);
        Tolerance.close(what + " loglik(0)", m.loglikNull(), ref.get("loglik").get(0), 1e-9);
        Tolerance.close(what + " loglik", m.loglik(), ref.get("loglik").get(1), 1e-9);
        Tolerance.close(what + " score test", m.scoreTest().statistic(), ref.get("score"), 1e-9);
    }

    private static void sameCurve(String what, SurvivalCurve c, JsonNode ref) {
        // R: summary(survfit(...), censored = TRUE)
        assertThat(c.time()).as(what + " times").containsExactly(doubles(ref.get("time")));
        for (int i = 0; i < c.size(); i++) {
            Tolerance.close(what + " n.risk", c.nRisk()[i], ref.get("n_risk").get(i), 1e-12);
            Tolerance.close(what + " n.event", c.nEvent()[i], ref.get("n_event").get(i), 1e-12);
            Tolerance.close(what + " surv", c.survival()[i], ref.get("surv").get(i), 1e-12);
            double se = ref.get("std_err").get(i).asDouble();
            if (Double.isNaN(se)) {
                assertThat(c.stdErr()[i]).as(what + " std.err where S = 0").isNaN();
            } else {
                Tolerance.close(what + " std.err", c.stdErr()[i], se, 1e-10);
            }
            Tolerance.close(what + " cumhaz", c.cumHaz()[i], ref.get("cumhaz").get(i), 1e-12);
            Tolerance.close(what + " std.chaz", c.stdErrCumHaz()[i], ref.get("std_chaz").get(i), 1e-10);
        }
    }

    @Test
    void book1TiesAndAMissingStatus() {
        // R: tests/book1.R, test1 without its row of missing status; coxph(Surv(time, status) ~ x, ties = ...)
        JsonNode t = r.get("test1");
        CoxData d = CoxData.of(doubles(t.get("time")), events(t.get("status")), x(doubles(t.get("x"))));
        sameCox("breslow", CoxRegression.withDefaults().with(Ties.BRESLOW).fit(d), t.get("breslow"));
        sameCox("efron", CoxRegression.withDefaults().with(Ties.EFRON).fit(d), t.get("efron"));
        // book1.R's closed forms at beta = log 2 (R: coxph(init = log(2), iter.max = 0)): log-likelihood, information
        CoxLikelihood b = CoxRegression.withDefaults().with(Ties.BRESLOW).likelihoodAt(d, new double[] {Math.log(2)});
        Tolerance.close("breslow loglik at log 2", b.loglik(), t.get("at_log2").get("breslow_loglik"), 1e-12);
        Tolerance.close("breslow information at log 2", b.information()[0][0],
                t.get("at_log2").get("breslow_imat"), 1e-12);
        CoxLikelihood e = CoxRegression.withDefaults().with(Ties.EFRON).likelihoodAt(d, new double[] {Math.log(2)});
        Tolerance.close("efron loglik at log 2", e.loglik(), t.get("at_log2").get("efron_loglik"), 1e-12);
        Tolerance.close("efron information at log 2", e.information()[0][0], t.get("at_log2").get("efron_imat"),
                1e-12);
        // R: survfit(Surv(time, status) ~ 1, test1)
        sameCurve("km", KaplanMeier.withDefaults().fit(doubles(t.get("time")), events(t.get("status"))),
                t.get("km"));
    }

    private static SurvivalCurve countingKm(JsonNode t, double[] w) {
        return KaplanMeier.withDefaults().fit(doubles(t.get("start")), doubles(t.get("stop")), events(t.get("event")),
                w, Factor.single("all", t.get("stop").size())).get(0).curve();
    }

    @Test
    void book3StartStopRows() {
        // R: tests/book3.R, test2: coxph(Surv(start, stop, event) ~ x, ties = ...) and survfit(Surv(start, stop,
        // event) ~ 1)
        JsonNode t = r.get("test2");
        CoxData d = new CoxData(doubles(t.get("start")), doubles(t.get("stop")), events(t.get("event")),
                x(doubles(t.get("x"))), null, null, null);
        sameCox("breslow", CoxRegression.withDefaults().with(Ties.BRESLOW).fit(d), t.get("breslow"));
        sameCox("efron", CoxRegression.withDefaults().with(Ties.EFRON).fit(d), t.get("efron"));
        sameCurve("km", countingKm(t, null), t.get("km"));
    }

    /** test2 with each row repeated w times. */
    private static CoxData replicated(JsonNode t, double[] w) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            for (int k = 0; k < (int) w[i]; k++) {
                rows.add(i);
            }
        }
        double[] start = doubles(t.get("start"));
        double[] stop = doubles(t.get("stop"));
        boolean[] event = events(t.get("event"));
        double[] x = doubles(t.get("x"));
        int n = rows.size();
        double[] a = new double[n];
        double[] b = new double[n];
        boolean[] e = new boolean[n];
        double[] xx = new double[n];
        for (int i = 0; i < n; i++) {
            int j = rows.get(i);
            a[i] = start[j];
            b[i] = stop[j];
            e[i] = event[j];
            xx[i] = x[j];
        }
        return new CoxData(a, b, e, x(xx), null, null, null);
    }

    @Test
    void wholeNumberWeightsAreReplicatedRows() {
        // R: survfit(Surv(start, stop, event) ~ 1, test2, weights = w) and coxph(..., weights = w)
        JsonNode t = r.get("test2");
        double[] w = doubles(t.get("w"));
        SurvivalCurve weighted = countingKm(t, w);
        sameCurve("weighted km", weighted, t.get("km_w"));
        CoxData d = new CoxData(doubles(t.get("start")), doubles(t.get("stop")), events(t.get("event")),
                x(doubles(t.get("x"))), w, null, null);
        CoxModel m = CoxRegression.withDefaults().fit(d);
        sameCox("weighted efron", m, t.get("efron_w"));
        // the identity of R's tests: the same as each row repeated w times — for Breslow's likelihood (Efron's
        // approximation counts the tied deaths, which repeating a row multiplies and weighting it does not)
        CoxData rep = replicated(t, w);
        CoxModel mr = CoxRegression.withDefaults().with(Ties.BRESLOW).fit(rep);
        CoxModel mb = CoxRegression.withDefaults().with(Ties.BRESLOW).fit(d);
        Tolerance.close("replicated coef", mr.coef()[0], mb.coef()[0], 1e-10);
        Tolerance.close("replicated var", mr.variance()[0][0], mb.variance()[0][0], 1e-10);
        Tolerance.close("replicated loglik", mr.loglik(), mb.loglik(), 1e-10);
        assertThat(Math.abs(mr.coef()[0] - m.coef()[0])).as("Efron's differs").isGreaterThan(1e-3);
        SurvivalCurve kr = KaplanMeier.withDefaults().fit(rep.start(), rep.stop(), rep.event(), null,
                Factor.single("all", rep.stop().length)).get(0).curve();
        assertThat(kr.survival()).containsExactly(weighted.survival(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(kr.stdErr()).containsExactly(weighted.stdErr(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void weightZeroIsTheRowRemoved() {
        // R: survfit and coxph on test2 without the rows whose weight is 0
        JsonNode t = r.get("test2");
        double[] z = doubles(t.get("zero").get("w"));
        SurvivalCurve c = countingKm(t, z);
        // rows of weight 0 add their times with zero counts (R drops them): compare at R's times
        JsonNode ref = t.get("zero").get("km");
        double[] times = doubles(ref.get("time"));
        for (int i = 0; i < times.length; i++) {
            int k = java.util.Arrays.binarySearch(c.time(), times[i]);
            assertThat(k).as("time " + times[i]).isGreaterThanOrEqualTo(0);
            Tolerance.close("n.risk", c.nRisk()[k], ref.get("n_risk").get(i), 1e-12);
            Tolerance.close("surv", c.survival()[k], ref.get("surv").get(i), 1e-12);
            Tolerance.close("cumhaz", c.cumHaz()[k], ref.get("cumhaz").get(i), 1e-12);
        }
        CoxData d = new CoxData(doubles(t.get("start")), doubles(t.get("stop")), events(t.get("event")),
                x(doubles(t.get("x"))), z, null, null);
        sameCox("zero-weight efron", CoxRegression.withDefaults().fit(d), t.get("zero").get("efron"));
    }

    @Test
    void groupScoreTestIsTheLogRankTestWithoutTies() {
        // R: survdiff(Surv(time, status) ~ sex) and summary(coxph(Surv(time, status) ~ factor(sex)))$sctest on the
        // lung rows whose time is unique
        JsonNode t = r.get("untied");
        double[] time = doubles(t.get("time"));
        boolean[] event = events(t.get("status"));
        String[] sex = new String[time.length];
        for (int i = 0; i < sex.length; i++) {
            sex[i] = t.get("sex").get(i).asText();
        }
        GroupScoreTest s = GroupScoreTest.of(null, time, event, null, Factor.of(sex), null, 0.95);
        assertThat(s.robust()).isFalse();
        Tolerance.close("score test", s.test().statistic(), t.get("score"), 1e-10);
        Tolerance.close("= survdiff", s.test().statistic(), t.get("survdiff"), 1e-10);
        Tolerance.close("= our log-rank", s.test().statistic(),
                LogRankTest.withDefaults().test(time, event, Factor.of(sex), null).statistic(), 1e-10);
    }

    @Test
    void outOfIterationsTheVarianceIsTheInverseInformationAtTheEstimates() {
        // R: coxph(Surv(time, status) ~ age + sex + ph.ecog, lung, iter.max = 2): its coefficients; the variance we
        // report is R's inverse information at them (coxph(init = coef(fit), iter.max = 0)), not the one R reports
        // when it runs out of iterations after more than one step (it differs in the third digit)
        JsonNode t = r.get("iter2");
        CoxData d = CoxData.of(doubles(t.get("time")), events(t.get("status")), x(doubles(t.get("age")),
                doubles(t.get("sex")), doubles(t.get("ph_ecog"))));
        CoxControl two = new CoxControl(CoxControl.DEFAULT.eps(), CoxControl.DEFAULT.tolerChol(), 2,
                CoxControl.DEFAULT.tolerInf());
        CoxModel m = CoxRegression.withDefaults().with(two).fit(d);
        assertThat(m.converged()).isFalse();
        for (int j = 0; j < 3; j++) {
            Tolerance.close("coef", m.coef()[j], t.get("coef").get(j), 1e-9);
            Tolerance.close("se at the estimates", Math.sqrt(m.variance()[j][j]), t.get("se_at_coef").get(j), 1e-9);
            assertThat(Math.abs(Math.sqrt(m.variance()[j][j]) - t.get("reported_se").get(j).asDouble()))
                    .as("R's reported SE after two steps differs").isGreaterThan(1e-5);
        }
    }
}

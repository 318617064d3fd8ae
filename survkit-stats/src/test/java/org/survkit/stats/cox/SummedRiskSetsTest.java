package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.survkit.stats.model.DesignMatrix;

/**
 * {@link CoxRegression#fit(CoxRiskSetSource)} from risk-set sums equals {@link CoxRegression#fit(CoxData)} on the
 * same rows (reference: survkit's in-memory CoxRegression, itself checked against R in CoxReferenceTest), to 1e-9
 * relative: tied and untied times, strata, whole-number weights, Efron and Breslow. The sums are computed here row
 * by row and split into partial sums per key, in a shuffled order, as a cluster would deliver them.
 */
class SummedRiskSetsTest {

    /** Random rows: 3 covariates (a continuous one, an indicator, a 3-valued one), seeded (also SummedFirthLikelihoodTest's). */
    record Rows(double[] time, boolean[] event, double[][] x, int[] strata, double[] weights) {
        static Rows random(long seed, int n, boolean ties, int strata, boolean weighted) {
            Random r = new Random(seed);
            double[] time = new double[n];
            boolean[] event = new boolean[n];
            double[][] x = new double[3][n];
            int[] s = new int[n];
            double[] w = weighted ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                x[0][i] = 50 + 10 * r.nextGaussian();
                x[1][i] = r.nextBoolean() ? 1 : 0;
                x[2][i] = r.nextInt(3);
                s[i] = r.nextInt(strata);
                double hazard = Math.exp(0.03 * (x[0][i] - 50) + 0.5 * x[1][i] - 0.2 * x[2][i] + 0.3 * s[i]);
                double t = -Math.log(r.nextDouble()) / hazard * 100;
                double c = r.nextDouble() * 200;
                time[i] = ties ? Math.ceil(Math.min(t, c) / 10) : Math.min(t, c);
                event[i] = t <= c;
                if (weighted) {
                    w[i] = 1 + r.nextInt(3);
                }
            }
            return new Rows(time, event, x, strata > 1 ? s : null, w);
        }

        CoxData data() {
            DesignMatrix d = new DesignMatrix(List.of("age", "arm", "grade"), new int[] {0, 1, 2},
                    List.of("age", "arm", "grade"), x);
            CoxData c = CoxData.of(time, event, d);
            if (strata != null) {
                c = c.withStrata(strata);
            }
            return weights == null ? c : c.withWeights(weights);
        }
    }

    /** The sums computed row by row, each row its own key (so keys repeat), in a shuffled order. */
    static final class RowSums implements CoxRiskSetSource {
        private final Rows rows;
        int passes;

        RowSums(Rows rows) {
            this.rows = rows;
        }

        private double w(int i) {
            return rows.weights == null ? 1 : rows.weights[i];
        }

        @Override
        public List<String> columnNames() {
            return List.of("age", "arm", "grade");
        }

        @Override
        public CoxColumnSums columnSums() {
            int n = rows.time.length;
            double sw = 0;
            double[] swx = new double[3];
            boolean[] beyond = new boolean[3];
            long events = 0;
            for (int i = 0; i < n; i++) {
                sw += w(i);
                events += rows.event[i] ? 1 : 0;
                for (int j = 0; j < 3; j++) {
                    double v = rows.x[j][i];
                    swx[j] += w(i) * v;
                    beyond[j] |= v != 0 && v != 1 && v != -1;
                }
            }
            return new CoxColumnSums(n, events, sw, swx, beyond);
        }

        @Override
        public double[] absoluteDeviations(double[] centre) {
            double[] a = new double[3];
            for (int i = 0; i < rows.time.length; i++) {
                for (int j = 0; j < 3; j++) {
                    a[j] += w(i) * Math.abs(rows.x[j][i] - centre[j]);
                }
            }
            return a;
        }

        @Override
        public CoxRiskSetSums riskSetSums(double[] centre, double[] factor, double[] beta) {
            passes++;
            int n = rows.time.length;
            int p = 3;
            int rs = CoxRiskSetSums.riskStride(p);
            int ds = CoxRiskSetSums.deadStride(p);
            // two partial sums per (stratum, time): even and odd rows, keys listed in a shuffled order
            Map<String, Integer> keyOf = new HashMap<>();
            int[] stratum = new int[n];
            double[] time = new double[n];
            double[] cens = new double[n * rs];
            double[] dead = new double[n * rs];
            double[] tot = new double[n * ds];
            int d = 0;
            double[] x = new double[p];
            for (int i = 0; i < n; i++) {
                int s = rows.strata == null ? 0 : rows.strata[i];
                String key = s + "/" + rows.time[i] + "/" + (i % 2);
                Integer k = keyOf.get(key);
                if (k == null) {
                    k = d++;
                    keyOf.put(key, k);
                    stratum[k] = s;
                    time[k] = rows.time[i];
                }
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    x[j] = (rows.x[j][i] - centre[j]) * factor[j];
                    eta += beta[j] * x[j];
                }
                double r = w(i) * Math.exp(eta);
                double[] target = rows.event[i] ? dead : cens;
                int base = k * rs;
                target[base] += r;
                for (int a = 0, idx = 0; a < p; a++) {
                    target[base + 1 + a] += r * x[a];
                    for (int b = 0; b <= a; b++, idx++) {
                        target[base + 1 + p + idx] += r * x[a] * x[b];
                    }
                }
                if (rows.event[i]) {
                    tot[k * ds] += 1;
                    tot[k * ds + 1] += w(i);
                    tot[k * ds + 2] += w(i) * eta;
                    for (int a = 0; a < p; a++) {
                        tot[k * ds + 3 + a] += w(i) * x[a];
                    }
                }
            }
            int[] perm = shuffled(d, new Random(passes));
            int[] s2 = new int[d];
            double[] t2 = new double[d];
            double[] c2 = new double[d * rs];
            double[] d2 = new double[d * rs];
            double[] o2 = new double[d * ds];
            for (int k = 0; k < d; k++) {
                int from = perm[k];
                s2[k] = stratum[from];
                t2[k] = time[from];
                System.arraycopy(cens, from * rs, c2, k * rs, rs);
                System.arraycopy(dead, from * rs, d2, k * rs, rs);
                System.arraycopy(tot, from * ds, o2, k * ds, ds);
            }
            return new CoxRiskSetSums(p, s2, t2, c2, d2, o2);
        }

        private static int[] shuffled(int d, Random r) {
            int[] a = new int[d];
            for (int i = 0; i < d; i++) {
                a[i] = i;
            }
            for (int i = d - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
            return a;
        }
    }

    private static void assertSame(CoxModel fromSums, CoxModel inMemory) {
        double[] a = fromSums.coef();
        double[] b = inMemory.coef();
        for (int j = 0; j < b.length; j++) {
            assertThat(a[j]).isCloseTo(b[j], within(1e-9 * Math.abs(b[j])));
            double seA = fromSums.coefficients().get(j).se();
            double seB = inMemory.coefficients().get(j).se();
            assertThat(seA).isCloseTo(seB, within(1e-9 * seB));
        }
        assertThat(fromSums.loglik()).isCloseTo(inMemory.loglik(), within(1e-9 * Math.abs(inMemory.loglik())));
        assertThat(fromSums.loglikNull()).isCloseTo(inMemory.loglikNull(),
                within(1e-9 * Math.abs(inMemory.loglikNull())));
        assertThat(fromSums.scoreTest().statistic()).isCloseTo(inMemory.scoreTest().statistic(),
                within(1e-9 * inMemory.scoreTest().statistic()));
        assertThat(fromSums.waldTest().statistic()).isCloseTo(inMemory.waldTest().statistic(),
                within(1e-9 * inMemory.waldTest().statistic()));
        assertThat(fromSums.lrTest().statistic()).isCloseTo(inMemory.lrTest().statistic(),
                within(1e-9 * inMemory.lrTest().statistic()));
        assertThat(fromSums.iterations()).isEqualTo(inMemory.iterations());
        assertThat(fromSums.n()).isEqualTo(inMemory.n());
        assertThat(fromSums.events()).isEqualTo(inMemory.events());
    }

    @Test
    void efronWithTiesStrataAndWeightsEqualsTheInMemoryFit() {
        Rows rows = Rows.random(11, 400, true, 3, true);
        RowSums source = new RowSums(rows);
        CoxModel sums = CoxRegression.withDefaults().fit(source);
        assertSame(sums, CoxRegression.withDefaults().fit(rows.data()));
        assertThat(source.passes).isEqualTo(sums.iterations() + 1);
    }

    @Test
    void breslowWithTiesEqualsTheInMemoryFit() {
        Rows rows = Rows.random(12, 300, true, 1, false);
        CoxRegression breslow = CoxRegression.withDefaults().with(Ties.BRESLOW);
        assertSame(breslow.fit(new RowSums(rows)), breslow.fit(rows.data()));
    }

    @Test
    void continuousTimesEqualTheInMemoryFit() {
        Rows rows = Rows.random(13, 500, false, 2, false);
        assertSame(CoxRegression.withDefaults().fit(new RowSums(rows)), CoxRegression.withDefaults().fit(rows.data()));
    }

    @Test
    void exactTiesAreRefusedWithTheReason() {
        Rows rows = Rows.random(14, 50, true, 1, false);
        assertThatThrownBy(() -> CoxRegression.withDefaults().with(Ties.EXACT).fit(new RowSums(rows)))
                .hasMessageContaining("use efron or breslow");
    }

    @Test
    void withoutEventsEveryCoefficientIsNa() {
        Rows rows = Rows.random(15, 30, true, 1, false);
        java.util.Arrays.fill(rows.event, false);
        CoxModel m = CoxRegression.withDefaults().fit(new RowSums(rows));
        assertThat(m.coef()).containsOnly(Double.NaN);
        assertThat(m.diagnostics()).extracting(d -> d.code()).containsExactly("no-events");
    }

    /**
     * The PH test from risk-set sums (R cox.zph, transform km) equals {@link ProportionalHazardsTest#tests} on the same
     * rows and the same model (reference: survkit's in-memory test, itself checked against R survival 3.5-3 cox.zph in
     * ProportionalHazardsReferenceTest), to 1e-9 relative: every column's statistic and P, GLOBAL, the variance.
     */
    private static void assertSameTest(Rows rows, CoxRegression engine) {
        CoxData data = rows.data();
        CoxModel inMemory = engine.fit(data);
        ZphResult expected = ProportionalHazardsTest.tests(data, inMemory, ZphTransform.KM, true);
        RowSums source = new RowSums(rows);
        CoxModel fromSums = engine.fit(source);
        int n = rows.time.length;
        int[] ones = new int[n];
        java.util.Arrays.fill(ones, 1);
        int strata = rows.strata == null ? 1 : java.util.Arrays.stream(rows.strata).max().getAsInt() + 1;
        int[] events = new int[strata];
        boolean[][] varies = new boolean[strata][3];
        double[][] first = new double[strata][];
        for (int i = 0; i < n; i++) {
            int st = rows.strata == null ? 0 : rows.strata[i];
            events[st] += rows.event[i] ? 1 : 0;
            double[] xi = {rows.x[0][i], rows.x[1][i], rows.x[2][i]};
            if (first[st] == null) {
                first[st] = xi;
            }
            for (int j = 0; j < 3; j++) {
                varies[st][j] |= xi[j] != first[st][j];
            }
        }
        ZphResult actual = SummedProportionalHazards.tests(source, fromSums, rows.time, rows.event, ones, events,
                varies);
        assertThat(actual.terms()).hasSameSizeAs(expected.terms());
        for (int t = 0; t < expected.terms().size(); t++) {
            ZphTerm e = expected.terms().get(t);
            ZphTerm a = actual.terms().get(t);
            assertThat(a.term()).isEqualTo(e.term());
            assertThat(a.df()).isEqualTo(e.df());
            assertThat(a.statistic()).as(e.term()).isCloseTo(e.statistic(), within(1e-9 * e.statistic()));
            assertThat(a.pValue()).as(e.term()).isCloseTo(e.pValue(), within(1e-9 * e.pValue()));
        }
        assertThat(actual.global().statistic()).isCloseTo(expected.global().statistic(),
                within(1e-9 * expected.global().statistic()));
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double v = expected.variance()[r][c];
                assertThat(actual.variance()[r][c]).isCloseTo(v, within(1e-9 * Math.abs(v)));
            }
        }
    }

    @Test
    void theProportionalHazardsTestFromSumsEqualsTheInMemoryTest() {
        assertSameTest(Rows.random(21, 400, true, 3, true), CoxRegression.withDefaults());
        assertSameTest(Rows.random(22, 300, true, 1, false), CoxRegression.withDefaults().with(Ties.BRESLOW));
        assertSameTest(Rows.random(23, 500, false, 2, false), CoxRegression.withDefaults());
    }
}

package org.survkit.stats.competing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.survkit.stats.model.DesignMatrix;

/**
 * {@link FineGrayRegression#fit(FineGraySource, double, double)} from sums equals the in-memory crr fit
 * {@link FineGrayRegression#fit(double[], double[], double, double, DesignMatrix)} on the same rows (reference:
 * survkit's in-memory fit, itself checked against R cmprsk crr in CompetingRisksReferenceTest), to 1e-9 relative:
 * coefficients, robust and model-based standard errors, log pseudo-likelihoods, iterations; tied and untied times, an
 * aliased column. The sums are computed row by row, each row its own key (so keys repeat), as partitions would.
 */
class SummedFineGrayTest {

    private record Rows(double[] time, double[] status, double[][] x, List<String> names) {
        static Rows random(long seed, int n, boolean ties, boolean aliased) {
            Random r = new Random(seed);
            double[] time = new double[n];
            double[] status = new double[n];
            int p = aliased ? 3 : 2;
            double[][] x = new double[p][n];
            for (int i = 0; i < n; i++) {
                x[0][i] = 50 + 10 * r.nextGaussian();
                x[1][i] = r.nextBoolean() ? 1 : 0;
                if (aliased) {
                    x[2][i] = 2 * x[1][i];
                }
                double h1 = Math.exp(0.02 * (x[0][i] - 50) + 0.5 * x[1][i]);
                double t1 = -Math.log(r.nextDouble()) / h1 * 100;
                double t2 = -Math.log(r.nextDouble()) * 150;
                double c = r.nextDouble() * 250;
                double t = Math.min(Math.min(t1, t2), c);
                time[i] = ties ? Math.ceil(t / 10) : t;
                status[i] = t == c ? 0 : t == t1 ? 1 : 2;
            }
            return new Rows(time, status, x, aliased ? List.of("age", "arm", "arm2") : List.of("age", "arm"));
        }

        DesignMatrix design() {
            int p = x.length;
            int[] assign = new int[p];
            for (int j = 0; j < p; j++) {
                assign[j] = j;
            }
            return new DesignMatrix(names, assign, names, x);
        }
    }

    /** The sums row by row: each row its own key. */
    private record RowSource(Rows rows) implements FineGraySource {
        private byte kind(int i) {
            return (byte) (rows.status[i] == 0 ? 0 : rows.status[i] == 1 ? 1 : 2);
        }

        @Override
        public List<String> columnNames() {
            return rows.names;
        }

        @Override
        public Counts counts() {
            int n = rows.time.length;
            byte[] kind = new byte[n];
            long[] count = new long[n];
            for (int i = 0; i < n; i++) {
                kind[i] = kind(i);
                count[i] = 1;
            }
            return new Counts(rows.time.clone(), kind, count);
        }

        @Override
        public double[] columnMeans() {
            double[] m = new double[rows.x.length];
            for (int j = 0; j < m.length; j++) {
                for (double v : rows.x[j]) {
                    m[j] += v;
                }
                m[j] /= rows.time.length;
            }
            return m;
        }

        private double[] x(int i, int[] columns, double[] centre) {
            double[] x = new double[columns.length];
            for (int a = 0; a < columns.length; a++) {
                x[a] = rows.x[columns[a]][i] - centre[a];
            }
            return x;
        }

        private static double risk(double[] x, double[] beta) {
            double eta = 0;
            for (int a = 0; a < x.length; a++) {
                eta += beta[a] * x[a];
            }
            return Math.exp(eta);
        }

        @Override
        public Sums sums(int[] columns, double[] centre, double[] beta) {
            int n = rows.time.length;
            int q = columns.length;
            int rs = Sums.stride(q);
            double[] all = new double[n * rs];
            double[] comp = new double[n * rs];
            double[] cause = new double[n * (1 + q)];
            for (int i = 0; i < n; i++) {
                double[] x = x(i, columns, centre);
                double r = risk(x, beta);
                List<double[]> targets = new ArrayList<>(List.of(all));
                if (kind(i) == 2) {
                    targets.add(comp);
                }
                for (double[] t : targets) {
                    t[i * rs] += r;
                    for (int a = 0, idx = 0; a < q; a++) {
                        t[i * rs + 1 + a] += r * x[a];
                        for (int c = 0; c <= a; c++, idx++) {
                            t[i * rs + 1 + q + idx] += r * x[a] * x[c];
                        }
                    }
                }
                if (kind(i) == 1) {
                    cause[i * (1 + q)] += 1;
                    for (int a = 0; a < q; a++) {
                        cause[i * (1 + q) + 1 + a] += x[a];
                    }
                }
            }
            return new Sums(q, rows.time.clone(), all, comp, cause);
        }

        @Override
        public double[] residualCrossProducts(int[] columns, double[] centre, double[] beta, ResidualTerms terms) {
            int q = columns.length;
            double[] acc = new double[q * q];
            double[] res = new double[q];
            for (int i = 0; i < rows.time.length; i++) {
                double[] x = x(i, columns, centre);
                terms.add(rows.time[i], kind(i), x, risk(x, beta), res, acc);
            }
            return acc;
        }
    }

    private static void close(double a, double e) {
        if (Double.isNaN(e)) {
            assertThat(a).isNaN();
        } else {
            assertThat(a).isCloseTo(e, within(1e-9 * Math.abs(e)));
        }
    }

    private static void assertSame(Rows rows) {
        FineGrayRegression fg = FineGrayRegression.withDefaults();
        FineGrayModel e = fg.fit(rows.time, rows.status, 0, 1, rows.design());
        FineGrayModel a = fg.fit(new RowSource(rows), 1, 0);
        assertThat(a.coefficients()).hasSameSizeAs(e.coefficients());
        for (int j = 0; j < e.coefficients().size(); j++) {
            FineGrayCoefficient ce = e.coefficients().get(j);
            FineGrayCoefficient ca = a.coefficients().get(j);
            assertThat(ca.aliased()).isEqualTo(ce.aliased());
            close(ca.coef(), ce.coef());
            close(ca.se(), ce.se());
            close(ca.modelSe(), ce.modelSe());
            close(ca.pValue(), ce.pValue());
        }
        close(a.loglik(), e.loglik());
        close(a.loglikNull(), e.loglikNull());
        assertThat(a.iterations()).isEqualTo(e.iterations());
        assertThat(a.events()).isEqualTo(e.events());
        assertThat(a.competingEvents()).isEqualTo(e.competingEvents());
        assertThat(a.censored()).isEqualTo(e.censored());
        assertThat(a.n()).isEqualTo(e.n());
    }

    @Test
    void fromSumsEqualsTheInMemoryCrrFit() {
        assertSame(Rows.random(31, 400, true, false));
        assertSame(Rows.random(32, 300, false, false));
        assertSame(Rows.random(33, 300, true, true));
    }
}

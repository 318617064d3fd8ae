package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.survkit.stats.model.DesignMatrix;

/**
 * {@link FirthCoxRegression#fit(FirthRiskSetSource)} from sums per (stratum, time) equals
 * {@link FirthCoxRegression#fit(CoxData)} on the same rows (reference: survkit's in-memory Firth fit, itself checked
 * against R coxphf and an independent R maximization in FirthCoxRegressionTest), to 1e-9 relative: estimates, standard
 * errors, profile penalized-likelihood limits and tests, the penalized likelihood-ratio and Wald tests and the
 * iteration count; with tied times (Breslow, Efron), strata, whole-number weights, a covariate that separates the
 * deaths (monotone likelihood) and an aliased column. The sums are computed row by row and split into two partial sums
 * per key, listed in a shuffled order, as a cluster would deliver them.
 */
class SummedFirthLikelihoodTest {
    private static final List<String> NAMES = List.of("age", "arm", "marker", "copy");

    /**
     * Seeded rows ({@link SummedRiskSetsTest.Rows}: times, events, strata, weights) with the covariates age, arm, a
     * 0/1 marker — optionally 1 only in rows without an event, which separates the deaths (monotone likelihood) — and,
     * optionally, arm once more (aliased).
     */
    private record Rows(SummedRiskSetsTest.Rows base, double[][] x) {
        static Rows random(long seed, int n, boolean ties, int strata, boolean weighted, boolean separated) {
            SummedRiskSetsTest.Rows b = SummedRiskSetsTest.Rows.random(seed, n, ties, strata, weighted);
            double[] marker = new double[n];
            for (int i = 0; i < n; i++) {
                marker[i] = separated ? (!b.event()[i] && i % 3 == 0 ? 1 : 0) : (i % 4 == 0 ? 1 : 0);
            }
            return new Rows(b, new double[][] {b.x()[0], b.x()[1], marker});
        }

        double[] time() {
            return base.time();
        }

        boolean[] event() {
            return base.event();
        }

        int[] strata() {
            return base.strata();
        }

        double[] weights() {
            return base.weights();
        }

        /** The columns: age, arm, marker, and (aliased) arm once more. */
        double[][] columns(boolean aliased) {
            return aliased ? new double[][] {x[0], x[1], x[2], x[1].clone()} : x;
        }

        CoxData data(boolean aliased) {
            double[][] c = columns(aliased);
            List<String> names = NAMES.subList(0, c.length);
            int[] assign = java.util.stream.IntStream.range(0, c.length).toArray();
            CoxData d = CoxData.of(time(), event(), new DesignMatrix(names, assign, names, c));
            if (strata() != null) {
                d = d.withStrata(strata());
            }
            return weights() == null ? d : d.withWeights(weights());
        }
    }

    /** Sums computed row by row: two partial sums per (stratum, time) (even and odd rows), in a shuffled order. */
    private static final class RowSums implements FirthRiskSetSource {
        private final Rows rows;
        private final double[][] x;
        int passes;
        int batches;

        RowSums(Rows rows, boolean aliased) {
            this.rows = rows;
            this.x = rows.columns(aliased);
        }

        private double w(int i) {
            return rows.weights() == null ? 1 : rows.weights()[i];
        }

        @Override
        public List<String> columnNames() {
            return NAMES.subList(0, x.length);
        }

        @Override
        public CoxColumnSums columnSums() {
            int p = x.length;
            double sw = 0;
            double[] swx = new double[p];
            boolean[] beyond = new boolean[p];
            long events = 0;
            for (int i = 0; i < rows.time().length; i++) {
                sw += w(i);
                events += rows.event()[i] ? 1 : 0;
                for (int j = 0; j < p; j++) {
                    swx[j] += w(i) * x[j][i];
                    beyond[j] |= x[j][i] != 0 && x[j][i] != 1 && x[j][i] != -1;
                }
            }
            return new CoxColumnSums(rows.time().length, events, sw, swx, beyond);
        }

        @Override
        public double[] absoluteDeviations(double[] centre) {
            return deviations(centre, 1);
        }

        @Override
        public double[] squaredDeviations(double[] centre) {
            return deviations(centre, 2);
        }

        private double[] deviations(double[] centre, int power) {
            double[] a = new double[x.length];
            for (int i = 0; i < rows.time().length; i++) {
                for (int j = 0; j < x.length; j++) {
                    a[j] += w(i) * Math.pow(Math.abs(x[j][i] - centre[j]), power);
                }
            }
            return a;
        }

        @Override
        public CoxRiskSetSums riskSetSums(double[] centre, double[] factor, double[] beta) {
            // the Cox sums are the first values of each key's Firth sums
            FirthRiskSetSums f = firthSums(centre, factor, beta);
            int p = x.length;
            int fs = FirthRiskSetSums.riskStride(p);
            int cs = CoxRiskSetSums.riskStride(p);
            int d = f.size();
            double[] cens = new double[d * cs];
            double[] dead = new double[d * cs];
            for (int k = 0; k < d; k++) {
                System.arraycopy(f.censoredRisk(), k * fs, cens, k * cs, cs);
                System.arraycopy(f.deadRisk(), k * fs, dead, k * cs, cs);
            }
            return new CoxRiskSetSums(p, f.stratum(), f.time(), cens, dead, f.deadTotals());
        }

        @Override
        public List<FirthRiskSetSums> firthSums(double[] centre, double[] factor, List<double[]> betas) {
            batches++;
            return FirthRiskSetSource.super.firthSums(centre, factor, betas);
        }

        @Override
        public FirthRiskSetSums firthSums(double[] centre, double[] factor, double[] beta) {
            passes++;
            int n = rows.time().length;
            int p = x.length;
            int rs = FirthRiskSetSums.riskStride(p);
            int ds = FirthRiskSetSums.deadStride(p);
            Map<String, Integer> keyOf = new HashMap<>();
            List<Integer> firstRow = new ArrayList<>();
            int[] keyOfRow = new int[n];
            for (int i = 0; i < n; i++) {
                int s = rows.strata() == null ? 0 : rows.strata()[i];
                keyOfRow[i] = keyOf.computeIfAbsent(s + "/" + rows.time()[i] + "/" + (i % 2), k -> {
                    firstRow.add(keyOfRow.length);
                    return keyOf.size();
                });
                if (firstRow.get(keyOfRow[i]) == n) {
                    firstRow.set(keyOfRow[i], i);
                }
            }
            int d = keyOf.size();
            int[] slot = shuffled(d, new Random(passes));
            int[] stratum = new int[d];
            double[] time = new double[d];
            double[] cens = new double[d * rs];
            double[] dead = new double[d * rs];
            double[] tot = new double[d * ds];
            double[] xc = new double[p];
            for (int i = 0; i < n; i++) {
                int k = slot[keyOfRow[i]];
                stratum[k] = rows.strata() == null ? 0 : rows.strata()[i];
                time[k] = rows.time()[i];
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    xc[j] = (x[j][i] - centre[j]) * factor[j];
                    eta += beta[j] * xc[j];
                }
                FirthRiskSetSums.addRow(rows.event()[i] ? dead : cens, k * rs, w(i) * Math.exp(eta), xc);
                if (rows.event()[i]) {
                    FirthRiskSetSums.addDeath(tot, k * ds, w(i), eta, xc);
                }
            }
            return new FirthRiskSetSums(p, stratum, time, cens, dead, tot);
        }

        /** Slot of each key: a seeded permutation. */
        private static int[] shuffled(int d, Random r) {
            List<Integer> slots = new ArrayList<>(java.util.stream.IntStream.range(0, d).boxed().toList());
            java.util.Collections.shuffle(slots, r);
            return slots.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Every number of a Firth model (coefficients, limits, tests, log-likelihoods, variance, means) equal to 1e-9
     * relative (NaN to NaN), everything else equal (terms, iterations, convergence, n, events, diagnostics); the linear
     * predictors left out (not computed from sums).
     */
    static void assertSameFirth(FirthCoxModel actual, FirthCoxModel expected) {
        java.util.Comparator<Double> close = (x, y) -> x.equals(y)
                || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(y), 1e-3) ? 0 : Double.compare(x, y);
        assertThat(actual).usingRecursiveComparison().withComparatorForType(close, Double.class)
                .ignoringFields("linearPredictors").isEqualTo(expected);
    }

    private static FirthCoxModel assertSameFit(Rows rows, boolean aliased, FirthCoxRegression engine) {
        FirthCoxModel inMemory = engine.fit(rows.data(aliased));
        RowSums source = new RowSums(rows, aliased);
        FirthCoxModel fromSums = engine.fit(source);
        assertSameFirth(fromSums, inMemory);
        assertThat(fromSums.linearPredictors()).isEmpty();
        if (engine.inference() == FirthInference.PROFILE_LIKELIHOOD && inMemory.events() > 0) {
            // the constrained fits' difference points are asked for together (one pass of a cluster each time)
            assertThat(source.batches).isPositive();
        }
        return inMemory;
    }

    @Test
    void breslowWithTiesStrataAndWeightsEqualsTheInMemoryFit() {
        assertSameFit(Rows.random(31, 80, true, 2, true, false), false, FirthCoxRegression.withDefaults());
    }

    @Test
    void efronWithTiesEqualsTheInMemoryFit() {
        assertSameFit(Rows.random(32, 60, true, 1, false, false), false,
                FirthCoxRegression.withDefaults().with(Ties.EFRON));
    }

    @Test
    void continuousTimesEqualTheInMemoryFit() {
        assertSameFit(Rows.random(33, 50, false, 2, false, false), false, FirthCoxRegression.withDefaults());
    }

    @Test
    void aSeparatingCovariateGivesTheInMemoryFiniteEstimateAndLimits() {
        FirthCoxModel m = assertSameFit(Rows.random(34, 60, true, 1, false, true), false,
                FirthCoxRegression.withDefaults().with(Ties.EFRON));
        // monotone likelihood in marker (no death among its 1s): finite Firth estimate, far below 0
        assertThat(m.coefficient("marker").coef()).isFinite().isLessThan(-1);
        assertThat(m.coefficient("marker").lower()).isFinite();
    }

    @Test
    void anAliasedColumnIsNaAsInMemory() {
        FirthCoxModel m = assertSameFit(Rows.random(35, 60, true, 1, false, false), true,
                FirthCoxRegression.withDefaults());
        assertThat(m.coefficient("copy").aliased()).isTrue();
    }

    @Test
    void waldInferenceAndWithoutEventsAsInMemory() {
        assertSameFit(Rows.random(36, 60, true, 2, true, false), false,
                FirthCoxRegression.withDefaults().with(FirthInference.WALD));
        Rows none = Rows.random(37, 30, true, 1, false, false);
        Arrays.fill(none.event(), false);
        assertSameFit(none, false, FirthCoxRegression.withDefaults());
    }

    @Test
    void eachEvaluationIsOnePass() {
        Rows rows = Rows.random(38, 40, true, 1, false, false);
        RowSums source = new RowSums(rows, false);
        FirthCoxModel m = FirthCoxRegression.withDefaults().with(FirthInference.WALD).fit(source);
        // the Cox information at 0 (aliasing), then per fit iteration one evaluation (coxphf's step, no halving
        // needed here) plus the start and the null model
        assertThat(m.converged()).isTrue();
        assertThat(source.passes).isBetween(m.iterations() + 3, 3 * m.iterations() + 3);
    }
}

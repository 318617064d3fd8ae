package org.survkit.stats.km;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.survkit.stats.model.Factor;

/**
 * Identities of case weights and (start, stop] rows, the ones R's own tests rely on
 * (survival/tests/survfit weights and counting-process checks): integer weights equal the replicated rows,
 * weight 0 equals removing the row, weights 1 and start 0 change nothing, and splitting a row's follow-up
 * into two (start, stop] pieces leaves the curve unchanged. Seeded cohorts, 1e-12.
 */
class KaplanMeierWeightsPropertyTest {
    private static final double TOL = 1e-12;
    private static final KaplanMeier KM = KaplanMeier.withDefaults().with(ConfidenceType.LOG);

    /** A seeded cohort: times on a coarse grid (ties), about 30% censored, two groups. */
    record Cohort(double[] time, boolean[] event, String[] group) {
        static Cohort random(long seed, int n) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] t = new double[n];
            boolean[] e = new boolean[n];
            String[] g = new String[n];
            for (int i = 0; i < n; i++) {
                t[i] = 1 + Math.floor(r.nextDouble() * 40) / 2;
                e[i] = r.nextDouble() < 0.7;
                g[i] = r.nextBoolean() ? "a" : "b";
            }
            return new Cohort(t, e, g);
        }
    }

    @Test
    void integerWeightsEqualReplicatedRows() {
        for (long seed = 1; seed <= 20; seed++) {
            Cohort c = Cohort.random(seed, 60);
            SplittableRandom r = new SplittableRandom(seed * 31);
            double[] w = new double[c.time.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = 1 + r.nextInt(4);
            }
            Cohort rep = replicate(c, w);
            List<GroupCurve> weighted = KM.fit(c.time, c.event, w, Factor.of(c.group));
            List<GroupCurve> replicated = KM.fit(rep.time, rep.event, Factor.of(rep.group));
            for (int g = 0; g < weighted.size(); g++) {
                sameTable("seed " + seed, weighted.get(g).curve(), replicated.get(g).curve(), true);
            }
            // the same with (start, stop] rows: start half way to stop for every other row
            double[] start = new double[c.time.length];
            for (int i = 0; i < start.length; i += 2) {
                start[i] = c.time[i] / 2;
            }
            double[] repStart = replicate(start, w);
            weighted = KM.fit(start, c.time, c.event, w, Factor.of(c.group));
            replicated = KM.fit(repStart, rep.time, rep.event, null, Factor.of(rep.group));
            for (int g = 0; g < weighted.size(); g++) {
                sameTable("seed " + seed + " (start, stop]", weighted.get(g).curve(), replicated.get(g).curve(), true);
            }
        }
    }

    @Test
    void zeroWeightEqualsRemovingTheRow() {
        for (long seed = 1; seed <= 20; seed++) {
            Cohort c = Cohort.random(seed, 80);
            SplittableRandom r = new SplittableRandom(seed * 17);
            double[] w = new double[c.time.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = r.nextDouble() < 0.25 ? 0 : 1 + r.nextInt(3);
            }
            Cohort kept = replicate(c, w); // weight 0 → removed
            List<GroupCurve> weighted = KM.fit(c.time, c.event, w, Factor.of(c.group));
            List<GroupCurve> removed = KM.fit(kept.time, kept.event, Factor.of(kept.group));
            for (int g = 0; g < weighted.size(); g++) {
                SurvivalCurve a = weighted.get(g).curve();
                SurvivalCurve b = removed.get(g).curve();
                // R keeps the times of weight-0 rows (with zero counts), so compare on every time of either curve
                for (double t : a.time()) {
                    SurvivalAtTime x = a.at(t).get(0);
                    SurvivalAtTime y = b.at(t).get(0);
                    assertThat(x.survival()).isCloseTo(y.survival(), org.assertj.core.data.Offset.offset(TOL));
                    close(x.stdErr(), y.stdErr());
                    close(x.lower(), y.lower());
                }
                assertThat(a.events()).isEqualTo(b.events());
                close(a.median().estimate(), b.median().estimate());
                close(a.restrictedMean(15).estimate(), b.restrictedMean(15).estimate());
                close(a.restrictedMean(15).stdErr(), b.restrictedMean(15).stdErr());
            }
        }
    }

    @Test
    void unitWeightsAndStartZeroChangeNothing() {
        Cohort c = Cohort.random(7, 200);
        double[] ones = new double[c.time.length];
        java.util.Arrays.fill(ones, 1);
        double[] zero = new double[c.time.length];
        List<GroupCurve> plain = KM.fit(c.time, c.event, Factor.of(c.group));
        assertThat(KM.fit(c.time, c.event, ones, Factor.of(c.group))).isEqualTo(plain);
        List<GroupCurve> counting = KM.fit(zero, c.time, c.event, null, Factor.of(c.group));
        for (int g = 0; g < plain.size(); g++) {
            sameTable("start 0", counting.get(g).curve(), plain.get(g).curve(), true);
        }
    }

    @Test
    void splittingFollowUpIntoTwoRowsLeavesTheCurve() {
        Cohort c = Cohort.random(11, 150);
        int n = c.time.length;
        double[] start = new double[2 * n];
        double[] stop = new double[2 * n];
        boolean[] event = new boolean[2 * n];
        String[] group = new String[2 * n];
        for (int i = 0; i < n; i++) {
            double cut = c.time[i] * 0.37;
            stop[2 * i] = cut; // (0, cut] censored at the cut
            start[2 * i + 1] = cut;
            stop[2 * i + 1] = c.time[i];
            event[2 * i + 1] = c.event[i];
            group[2 * i] = c.group[i];
            group[2 * i + 1] = c.group[i];
        }
        List<GroupCurve> plain = KM.fit(c.time, c.event, Factor.of(c.group));
        List<GroupCurve> split = KM.fit(start, stop, event, null, Factor.of(group));
        for (int g = 0; g < plain.size(); g++) {
            SurvivalCurve a = split.get(g).curve();
            SurvivalCurve b = plain.get(g).curve();
            for (double t : b.time()) {
                SurvivalAtTime x = a.at(t).get(0);
                SurvivalAtTime y = b.at(t).get(0);
                close(x.survival(), y.survival());
                close(x.stdErr(), y.stdErr());
                close(x.upper(), y.upper());
                close(x.nRisk(), y.nRisk());
            }
            assertThat(a.events()).isEqualTo(b.events());
            assertThat(a.n()).isEqualTo(2 * b.n());
        }
    }

    @Test
    void riskSetRisesWhenRowsEnterLate() {
        // (0, 5], (2, 6], (3, 7], deaths at 5 and 6: at t = 5 all three are at risk
        SurvivalCurve c = KM.fit(new double[] {0, 2, 3}, new double[] {5, 6, 7}, new boolean[] {true, true, false},
                null, Factor.single("all", 3)).get(0).curve();
        assertThat(c.nRisk()).containsExactly(3, 2, 1);
        close(c.survival()[1], 2.0 / 3 * 1 / 2);
        SurvivalCurve late = KM.fit(new double[] {0, 4, 4}, new double[] {3, 6, 8}, new boolean[] {false, true, true},
                null, Factor.single("all", 3)).get(0).curve();
        assertThat(late.nRisk()).containsExactly(1, 2, 1); // rises from 1 to 2 at the entries at 4
    }

    @Test
    void zeroLengthIntervalsAndBadWeightsAreRefused() {
        Factor one = Factor.single("all", 2);
        assertThatThrownBy(() -> KM.fit(new double[] {1, 2}, new double[] {3, 2}, new boolean[] {true, true}, null,
                one)).hasMessageContaining("start 2.0 must be finite and before stop 2.0");
        assertThatThrownBy(() -> KM.fit(new double[] {1, 2}, new double[] {3, 2 + 1e-12}, new boolean[] {true, true},
                null, one)).hasMessageContaining("length 0 once near-equal times are merged");
        assertThatThrownBy(() -> KM.fit(new double[] {1, 2}, new boolean[] {true, true}, new double[] {1, -1}, one))
                .hasMessageContaining("weight of observation 2 must be finite and >= 0");
    }

    private static void sameTable(String where, SurvivalCurve a, SurvivalCurve b, boolean counts) {
        assertThat(a.size()).as(where).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            SurvivalRow x = a.rows().get(i);
            SurvivalRow y = b.rows().get(i);
            close(x.time(), y.time());
            if (counts) {
                close(x.nRisk(), y.nRisk());
                close(x.nEvent(), y.nEvent());
            }
            close(x.survival(), y.survival());
            close(x.stdErr(), y.stdErr());
            close(x.lower(), y.lower());
            close(x.upper(), y.upper());
            close(x.cumHaz(), y.cumHaz());
            close(x.stdErrCumHaz(), y.stdErrCumHaz());
        }
    }

    private static void close(double a, double b) {
        if (Double.isNaN(b)) {
            assertThat(a).isNaN();
        } else {
            assertThat(Math.abs(a - b)).as(a + " vs " + b).isLessThanOrEqualTo(TOL * Math.max(1, Math.abs(b)));
        }
    }

    private static Cohort replicate(Cohort c, double[] w) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            for (int k = 0; k < (int) w[i]; k++) {
                idx.add(i);
            }
        }
        double[] t = new double[idx.size()];
        boolean[] e = new boolean[idx.size()];
        String[] g = new String[idx.size()];
        for (int j = 0; j < t.length; j++) {
            t[j] = c.time[idx.get(j)];
            e[j] = c.event[idx.get(j)];
            g[j] = c.group[idx.get(j)];
        }
        return new Cohort(t, e, g);
    }

    private static double[] replicate(double[] x, double[] w) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            for (int k = 0; k < (int) w[i]; k++) {
                out.add(x[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

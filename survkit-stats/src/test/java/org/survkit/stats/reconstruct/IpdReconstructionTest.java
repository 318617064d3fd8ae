package org.survkit.stats.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.SurvivalAtTime;
import org.survkit.stats.km.SurvivalCurve;

/** Guyot et al.'s reconstruction on small hand-worked cases, preparation of digitized points, and input errors. */
class IpdReconstructionTest {
    private static final IpdReconstruction GUYOT = IpdReconstruction.withDefaults();

    /** Both corners of every step of a curve, and its end: what a careful digitizer reads. */
    static double[][] corners(SurvivalCurve c) {
        List<double[]> pts = new ArrayList<>();
        double prev = 1;
        double[] t = c.time();
        double[] s = c.survival();
        double[] d = c.nEvent();
        for (int i = 0; i < t.length; i++) {
            if (d[i] > 0) {
                pts.add(new double[] {t[i], prev});
                pts.add(new double[] {t[i], s[i]});
                prev = s[i];
            }
        }
        pts.add(new double[] {t[t.length - 1], s[s.length - 1]});
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            out[0][i] = pts.get(i)[0];
            out[1][i] = pts.get(i)[1];
        }
        return out;
    }

    @Test
    void withoutCensoringTheEventTimesAndCountsComeBackExactly() {
        // hand-made: 10 patients, all with an event
        double[] time = {1, 2, 2, 3, 5, 8, 8, 8, 13, 21};
        boolean[] event = new boolean[10];
        java.util.Arrays.fill(event, true);
        SurvivalCurve km = KaplanMeier.withDefaults().fit(time, event);
        double[][] pts = corners(km);
        // numbers at risk at 0, 5, 10: 10, 6 (5, 8, 8, 8, 13, 21), 2 (13, 21)
        ReconstructedIpd r = GUYOT.reconstruct(pts[0], pts[1], new double[] {0, 5, 10}, new int[] {10, 6, 2});
        assertThat(r.time()).containsExactly(time);
        assertThat(r.event()).containsExactly(event);
        assertThat(r.reconstructedRisk()).containsExactly(10, 6, 2);
        assertThat(r.diagnostics()).noneMatch(x -> x.severity() == Diagnostic.Severity.WARNING);
    }

    @Test
    void handWorkedCaseWithCensoring() {
        // 10 patients: events at 2, 4, 8, 12; censored at 3, 5, 7, 11, 15, 15; 4 at risk at time 10.
        // KM: S(2) = 0.9, S(4) = 0.9·7/8 = 0.7875, S(8) = 0.7875·4/5 = 0.63, S(12) = 0.63·2/3 = 0.42.
        double[] t = {2, 2, 4, 4, 8, 8, 12, 12, 15};
        double[] s = {1, 0.9, 0.9, 0.7875, 0.7875, 0.63, 0.63, 0.42, 0.42};
        ReconstructedIpd r = GUYOT.reconstruct(t, s, new double[] {0, 10}, new int[] {10, 4});
        // Worked by hand with the published algorithm (Guyot et al. 2012):
        // interval [0, 10): first guess c = round(10·0.63/1 − 4) = 2, censorings at 10/3 and 20/3 give
        //   d = 1, 1, 1 at 2, 4, 8 and 5 at risk at 10 > 4, so c = 3: censorings at 2.5, 5, 7.5 in the bins
        //   (2, 4], (4, 8], (4, 8]; d = 1 (10 at risk), 1 (8), round(5·0.2) = 1 (5); 4 at risk at 10. ✓
        // last interval [10, 15]: c = round(3 · (15 − 10)/(8 − 0)) = round(1.875) = 2 at 11.67 and 13.33,
        //   bins (10, 12] and (12, 15]; d at (12, 0.42) = round(3·(1 − 0.42/0.63)) = 1; 1 left at 15.
        // events at the points' times; censorings at the bins' midpoints 3, 6, 6, 11, 13.5; 1 censored at 15.
        assertThat(r.time()).containsExactly(2, 3, 4, 6, 6, 8, 11, 12, 13.5, 15);
        assertThat(r.event()).containsExactly(true, false, true, false, false, true, false, true, false, false);
        assertThat(r.n()).isEqualTo(10);
        assertThat(r.events()).isEqualTo(4);
        assertThat(r.censored()).isEqualTo(6);
        assertThat(r.reconstructedRisk()).containsExactly(10, 4);
        // the reconstructed KM equals the digitized curve at its steps
        SurvivalCurve again = KaplanMeier.withDefaults().fit(r.time(), r.event());
        assertThat(again.at(2, 4, 8, 12).stream().mapToDouble(SurvivalAtTime::survival).toArray())
                .containsExactly(new double[] {0.9, 0.7875, 0.63, 0.42}, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aTotalThatTheCurveCannotGiveIsReportedNotForced() {
        double[] t = {2, 2, 4, 4, 8, 8, 12, 12, 15};
        double[] s = {1, 0.9, 0.9, 0.7875, 0.7875, 0.63, 0.63, 0.42, 0.42};
        // with the true total (4) nothing changes
        ReconstructedIpd four = GUYOT.reconstruct(t, s, new double[] {0, 10}, new int[] {10, 4}, 4);
        assertThat(four.time()).containsExactly(2, 3, 4, 6, 6, 8, 11, 12, 13.5, 15);
        assertThat(four.diagnostics()).noneMatch(x -> x.code().equals("total-events-not-matched"));
        // 5 events: removing the last interval's censoring (c: 2 → 1 → 0) still gives 4, so the loop stops
        ReconstructedIpd five = GUYOT.reconstruct(t, s, new double[] {0, 10}, new int[] {10, 4}, 5);
        assertThat(five.events()).isEqualTo(4);
        assertThat(five.diagnostics()).anyMatch(x -> x.code().equals("total-events-not-matched")
                && x.message().contains("reported total of 5 events") && x.message().contains("has 4 events"));
    }

    @Test
    void aTotalBelowTheEventsBeforeTheLastIntervalStopsEventsThere() {
        double[] t = {2, 2, 4, 4, 8, 8, 12, 12, 15};
        double[] s = {1, 0.9, 0.9, 0.7875, 0.7875, 0.63, 0.63, 0.42, 0.42};
        // 3 events happen before 10 anyway; reported total 3: the published code sets the last interval's
        // events and censorings to 0, so the 4 at risk at 10 are censored at the end of the curve (15)
        ReconstructedIpd r = GUYOT.reconstruct(t, s, new double[] {0, 10}, new int[] {10, 4}, 3);
        assertThat(r.events()).isEqualTo(3);
        assertThat(r.time()).containsExactly(2, 3, 4, 6, 6, 8, 15, 15, 15, 15);
    }

    @Test
    void oneRiskTimeAssumesNoCensoringAndSaysSo() {
        double[] t = {2, 2, 4, 4, 8, 8, 12, 12, 15};
        double[] s = {1, 0.9, 0.9, 0.7875, 0.7875, 0.63, 0.63, 0.42, 0.42};
        ReconstructedIpd r = GUYOT.reconstruct(t, s, new double[] {0}, new int[] {10});
        // d = 1 (S 0.9), round(9·0.125) = 1, round(8·0.2) = 2, round(6·(1/3)) = 2: 6 events, 4 left at 15
        assertThat(r.events()).isEqualTo(6);
        assertThat(r.diagnostics()).anyMatch(x -> x.code().equals("no-censoring-information"));
    }

    @Test
    void exactCornersOfACensoredCurveGiveItsKaplanMeierBackClosely() {
        // R's aml (Miller 1981), maintained arm: 11 patients, 3 censored. The events come back exactly; the
        // censorings are spread evenly over their interval, so one that really happened at 13 (after the
        // event at 13) is placed before it: S(13) becomes 10/11 · 8/9 = 0.8081 instead of 10/11 · 9/10 = 0.8182.
        double[] time = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161};
        boolean[] event = {true, true, false, true, true, false, true, true, false, true, false};
        SurvivalCurve km = KaplanMeier.withDefaults().fit(time, event);
        double[][] pts = corners(km);
        double[] riskTime = {0, 20, 40};
        int[] nRisk = {11, 7, 3};
        ReconstructedIpd r = GUYOT.reconstruct(pts[0], pts[1], riskTime, nRisk);
        SurvivalCurve again = KaplanMeier.withDefaults().fit(r.time(), r.event());
        assertThat(r.events()).isEqualTo(7);
        assertThat(r.n()).isEqualTo(11);
        double worst = 0;
        for (double at : new double[] {10, 15, 20, 25, 30, 35, 40}) {
            worst = Math.max(worst, Math.abs(again.at(at).get(0).survival() - km.at(at).get(0).survival()));
        }
        // one misplaced censoring among 9-10 at risk moves S by about S/n ≈ 0.01
        assertThat(worst).isLessThan(0.025);
        assertThat(worst).isGreaterThan(0);
        // after the last risk time (40) censoring is extrapolated at the earlier rate: round(2 · 121/34) = 7,
        // at most the 3 at risk, spread over (40, 161), so the censoring at 45 moves after the event at 48:
        // S(50) = 0.3636 · 2/3 = 0.2424 where the truth is 0.3682 · 1/2 = 0.1841. The weak spot of the method.
        assertThat(again.at(50).get(0).survival()).isCloseTo(0.36363636 * 2 / 3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(km.at(50).get(0).survival()).isCloseTo(0.18409091, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.reconstructedRisk()).containsExactly(nRisk);
    }

    @Test
    void preparationSortsLowersNoiseAndStartsAtOne() {
        // unsorted, a small rise (noise) at 5, no (0, 1)
        double[] t = {5, 1, 1, 7, 5.2};
        double[] s = {0.81, 1.004, 0.9, 0.7, 0.8};
        DigitizedCurve c = GUYOT.prepare(t, s);
        assertThat(c.time()).containsExactly(0, 1, 1, 5, 5.2, 7);
        assertThat(c.survival()).containsExactly(1, 1, 0.9, 0.81, 0.8, 0.7);
        assertThat(c.source()).containsExactly(-1, 1, 2, 0, 4, 3);
        assertThat(c.diagnostics()).extracting(Diagnostic::code)
                .containsExactly("clamped-points", "sorted-points");
        DigitizedCurve noisy = GUYOT.prepare(new double[] {1, 2, 3}, new double[] {0.9, 0.91, 0.5});
        assertThat(noisy.survival()).containsExactly(1, 0.9, 0.9, 0.5);
        // the first point (1, 0.9) is well below 1: the events before it all land at time 1
        assertThat(noisy.diagnostics()).extracting(Diagnostic::code).containsExactly("monotone-points", "curve-start");
    }

    @Test
    void aRiseBeyondTheNoiseIsFound() {
        // two curves in one file: the second starts high again at time 10
        double[] t = {0, 5, 10, 12, 15, 20};
        double[] s = {1, 0.6, 0.4, 0.95, 0.9, 0.3};
        assertThat(GUYOT.risingPoint(t, s)).contains(new DigitizedCurve.RisingPoint(2, 3));
        // a vertical drop read a little to the right of its lower corner is noise: 1% of 20 = 0.2
        double[] t2 = {0, 5.1, 5.0, 10};
        double[] s2 = {1, 1, 0.6, 0.6};
        assertThat(GUYOT.risingPoint(t2, s2)).isEmpty();
        // a flat stretch read 0.01 high later on is noise too (tolerance 0.02)
        assertThat(GUYOT.risingPoint(new double[] {0, 5, 9}, new double[] {1, 0.6, 0.61})).isEmpty();
        assertThat(GUYOT.withNoiseTolerance(0.01, 0.005).risingPoint(new double[] {0, 5, 9},
                new double[] {1, 0.6, 0.61})).isPresent();
    }

    @Test
    void permutingTheDigitizedPointsChangesNothing() {
        double[] time = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161};
        boolean[] event = {true, true, false, true, true, false, true, true, false, true, false};
        double[][] pts = corners(KaplanMeier.withDefaults().fit(time, event));
        ReconstructedIpd base = GUYOT.reconstruct(pts[0], pts[1], new double[] {0, 20, 40}, new int[] {11, 7, 3});
        SplittableRandom rnd = new SplittableRandom(42);
        for (int rep = 0; rep < 20; rep++) {
            int n = pts[0].length;
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int x = perm[i];
                perm[i] = perm[j];
                perm[j] = x;
            }
            double[] t = new double[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = pts[0][perm[i]];
                s[i] = pts[1][perm[i]];
            }
            ReconstructedIpd r = GUYOT.reconstruct(t, s, new double[] {0, 20, 40}, new int[] {11, 7, 3});
            assertThat(r.time()).containsExactly(base.time());
            assertThat(r.event()).containsExactly(base.event());
        }
    }

    @Test
    void badInputIsRejected() {
        double[] t = {2, 2, 4, 4, 8, 8, 12, 12, 15};
        double[] s = {1, 0.9, 0.9, 0.7875, 0.7875, 0.63, 0.63, 0.42, 0.42};
        assertThatThrownBy(() -> GUYOT.reconstruct(t, s, new double[] {0, 20}, new int[] {10, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond the last digitized point");
        assertThatThrownBy(() -> GUYOT.reconstruct(t, s, new double[] {0, 5, 10}, new int[] {10, 4, 6}))
                .hasMessageContaining("cannot increase");
        assertThatThrownBy(() -> GUYOT.reconstruct(t, s, new double[] {1, 10}, new int[] {10, 4}))
                .hasMessageContaining("start at time 0");
        assertThatThrownBy(() -> GUYOT.reconstruct(t, s, new double[] {0, 10, 10}, new int[] {10, 4, 4}))
                .hasMessageContaining("must increase");
        assertThatThrownBy(() -> GUYOT.reconstruct(t, s, new double[] {0, 10}, new int[] {10, 4}, 11))
                .hasMessageContaining("total number of events");
        assertThatThrownBy(() -> GUYOT.reconstruct(new double[] {1, 2}, new double[] {0.9, 1.5},
                new double[] {0}, new int[] {10})).hasMessageContaining("outside [0, 1]");
        assertThatThrownBy(() -> GUYOT.withNoiseTolerance(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCurveFallingFasterThanTheRiskTableAllowsIsFlagged() {
        // the curve drops to 0.5 by time 10 but 9 of 10 are said to be at risk at 10
        double[] t = {0, 5, 5, 12};
        double[] s = {1, 1, 0.5, 0.5};
        ReconstructedIpd r = GUYOT.reconstruct(t, s, new double[] {0, 10}, new int[] {10, 9});
        assertThat(r.diagnostics()).anyMatch(x -> x.code().equals("risk-not-matched")
                && x.message().contains("9 still at risk at 10") && x.message().contains("has 5 at risk"));
        assertThat(r.reconstructedRisk()).containsExactly(10, 5);
    }
}

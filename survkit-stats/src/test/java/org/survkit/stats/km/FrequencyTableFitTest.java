package org.survkit.stats.km;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.survkit.stats.model.Factor;

/**
 * Kaplan–Meier on a frequency table (one row per distinct (group, time, status) with its count) equals the fit on
 * the replicated rows (reference: survkit's KaplanMeier on those rows, checked against R survfit in the km
 * reference tests): the event table, standard errors, limits, median, n and the reverse (follow-up) curves.
 */
class FrequencyTableFitTest {

    @Test
    void aFrequencyTableGivesTheCurvesOfTheReplicatedRows() {
        Random r = new Random(5);
        int n = 1500;
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        String[] group = new String[n];
        for (int i = 0; i < n; i++) {
            time[i] = 1 + r.nextInt(60);
            event[i] = r.nextDouble() < 0.6;
            group[i] = "g" + r.nextInt(3);
        }
        Map<String, int[]> cells = new LinkedHashMap<>();
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] c = cells.computeIfAbsent(group[i] + "|" + time[i] + "|" + event[i], k -> new int[1]);
            if (c[0]++ == 0) {
                first.add(i);
            }
        }
        int m = first.size();
        double[] t = new double[m];
        boolean[] e = new boolean[m];
        String[] g = new String[m];
        int[] count = new int[m];
        int k = 0;
        for (int[] c : cells.values()) {
            int i = first.get(k);
            t[k] = time[i];
            e[k] = event[i];
            g[k] = group[i];
            count[k++] = c[0];
        }
        KaplanMeier km = KaplanMeier.withDefaults();
        check(km.fit(t, e, count, Factor.of(g)), km.fit(time, event, group));
        check(km.reverse(t, e, count, Factor.of(g)), km.reverse(time, event, group));
    }

    private static void check(List<GroupCurve> actual, List<GroupCurve> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            SurvivalCurve a = actual.get(i).curve();
            SurvivalCurve b = expected.get(i).curve();
            assertThat(actual.get(i).group()).isEqualTo(expected.get(i).group());
            assertThat(a.n()).isEqualTo(b.n());
            assertThat(a.time()).containsExactly(b.time());
            assertThat(a.nRisk()).containsExactly(b.nRisk());
            double[][] pa = {a.survival(), a.stdErr(), a.lower(), a.upper(), a.cumHaz()};
            double[][] pb = {b.survival(), b.stdErr(), b.lower(), b.upper(), b.cumHaz()};
            for (int q = 0; q < pa.length; q++) {
                for (int j = 0; j < pb[q].length; j++) {
                    assertThat(pa[q][j]).isCloseTo(pb[q][j], within(1e-9 * Math.abs(pb[q][j]) + 1e-300));
                }
            }
            assertThat(a.median().estimate()).isEqualTo(b.median().estimate());
        }
    }
}

package org.survkit.stats.competing;

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
 * Cumulative incidence and Gray's test on a frequency table (one row per distinct (stratum, group, time, status)
 * with its count) equal the fit on the replicated rows (reference: survkit's CumulativeIncidence on those rows,
 * checked against R cmprsk 2.2-11 in the competing-risks reference tests).
 */
class FrequencyTableCifTest {

    @Test
    void aFrequencyTableGivesTheCurvesAndTestsOfTheReplicatedRows() {
        Random r = new Random(17);
        int n = 1200;
        double[] time = new double[n];
        double[] status = new double[n];
        String[] group = new String[n];
        String[] strata = new String[n];
        for (int i = 0; i < n; i++) {
            time[i] = 1 + r.nextInt(40);
            status[i] = r.nextInt(3); // 0 censored, causes 1 and 2
            group[i] = "g" + r.nextInt(3);
            strata[i] = r.nextBoolean() ? "a" : "b";
        }
        Map<String, int[]> cells = new LinkedHashMap<>();
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] c = cells.computeIfAbsent(strata[i] + "|" + group[i] + "|" + time[i] + "|" + status[i],
                    k -> new int[1]);
            if (c[0]++ == 0) {
                first.add(i);
            }
        }
        int m = first.size();
        double[] t = new double[m];
        double[] s = new double[m];
        String[] g = new String[m];
        String[] st = new String[m];
        int[] count = new int[m];
        int k = 0;
        for (int[] c : cells.values()) {
            int i = first.get(k);
            t[k] = time[i];
            s[k] = status[i];
            g[k] = group[i];
            st[k] = strata[i];
            count[k++] = c[0];
        }
        CumulativeIncidence ci = CumulativeIncidence.withDefaults();
        CumulativeIncidenceResult e = ci.fit(time, status, 0, group, strata);
        CumulativeIncidenceResult a = ci.fit(t, s, 0, count, Factor.of(g), Factor.of(st));
        assertThat(a.curves()).hasSameSizeAs(e.curves());
        for (int i = 0; i < e.curves().size(); i++) {
            CumulativeIncidenceCurve x = a.curves().get(i);
            CumulativeIncidenceCurve y = e.curves().get(i);
            assertThat(x.n()).isEqualTo(y.n());
            assertThat(x.events()).isEqualTo(y.events());
            assertThat(x.time()).containsExactly(y.time());
            assertThat(x.nRisk()).containsExactly(y.nRisk());
            for (int j = 0; j < y.cif().length; j++) {
                assertThat(x.cif()[j]).isCloseTo(y.cif()[j], within(1e-9 * y.cif()[j]));
                assertThat(x.variance()[j]).isCloseTo(y.variance()[j], within(1e-9 * y.variance()[j]));
            }
        }
        assertThat(a.tests()).hasSameSizeAs(e.tests());
        for (int i = 0; i < e.tests().size(); i++) {
            assertThat(a.tests().get(i).statistic()).isCloseTo(e.tests().get(i).statistic(),
                    within(1e-9 * e.tests().get(i).statistic()));
        }
    }
}

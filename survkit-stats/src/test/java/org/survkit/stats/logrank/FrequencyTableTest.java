package org.survkit.stats.logrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.model.Factor;

/**
 * The log-rank family on a frequency table (one row per distinct (stratum, group, time, status) with its count)
 * equals the family on the replicated rows (reference: survkit's LogRankTest on those rows, checked against R in
 * LogRankReferenceTest): the counts are the statistics' sufficient data. Seeded data; 3 groups take the dense
 * tabulation, 20 groups the sorted walk.
 */
class FrequencyTableTest {

    private record Table(double[] time, boolean[] event, String[] group, String[] strata, int[] count) {
    }

    private record Rows(double[] time, boolean[] event, String[] group, String[] strata) {
        static Rows random(long seed, int n, int groups) {
            Random r = new Random(seed);
            double[] t = new double[n];
            boolean[] e = new boolean[n];
            String[] g = new String[n];
            String[] s = new String[n];
            for (int i = 0; i < n; i++) {
                int gi = r.nextInt(groups);
                g[i] = "g" + gi;
                s[i] = r.nextBoolean() ? "a" : "b";
                t[i] = 1 + r.nextInt(40) + (gi % 3);
                e[i] = r.nextDouble() < 0.7;
            }
            return new Rows(t, e, g, s);
        }

        /** Distinct (stratum, group, time, status) rows with their counts, in order of first appearance. */
        Table table() {
            Map<String, int[]> counts = new LinkedHashMap<>();
            List<Integer> first = new ArrayList<>();
            for (int i = 0; i < time.length; i++) {
                String key = strata[i] + "|" + group[i] + "|" + time[i] + "|" + event[i];
                int[] c = counts.get(key);
                if (c == null) {
                    counts.put(key, new int[] {1});
                    first.add(i);
                } else {
                    c[0]++;
                }
            }
            int m = first.size();
            double[] t = new double[m];
            boolean[] e = new boolean[m];
            String[] g = new String[m];
            String[] s = new String[m];
            int[] c = new int[m];
            int k = 0;
            for (int[] v : counts.values()) {
                int i = first.get(k);
                t[k] = time[i];
                e[k] = event[i];
                g[k] = group[i];
                s[k] = strata[i];
                c[k] = v[0];
                k++;
            }
            return new Table(t, e, g, s, c);
        }
    }

    private static void check(int groups, Weighting w) {
        Rows rows = Rows.random(groups * 31L + w.ordinal(), 2000, groups);
        Table t = rows.table();
        assertThat(t.time().length).isLessThan(rows.time().length);
        LogRankTest test = LogRankTest.withDefaults().with(w);
        List<String> levels = Factor.of(rows.group()).levels();
        Factor tg = Factor.ordered(t.group(), levels);
        Factor ts = Factor.ordered(t.strata(), List.of("a", "b"));
        LogRankResult expected = test.test(rows.time(), rows.event(), rows.group(), rows.strata());
        LogRankResult actual = test.test(t.time(), t.event(), t.count(), tg, ts);
        assertThat(actual.statistic()).isCloseTo(expected.statistic(), within(1e-9 * expected.statistic()));
        assertThat(actual.pValue()).isCloseTo(expected.pValue(), within(1e-9 * expected.pValue()));
        assertThat(actual.groups()).isEqualTo(expected.groups());
        List<PairwiseComparison> pe = test.pairwise(rows.time(), rows.event(), rows.group(), rows.strata(),
                PValueAdjustment.HOLM);
        List<PairwiseComparison> pa = test.pairwise(t.time(), t.event(), t.count(), tg, ts, PValueAdjustment.HOLM);
        for (int i = 0; i < pe.size(); i++) {
            assertThat(pa.get(i).statistic()).isCloseTo(pe.get(i).statistic(),
                    within(1e-9 * Math.max(1e-300, pe.get(i).statistic())));
        }
        TrendTestResult te = test.trend(rows.time(), rows.event(), rows.group(), rows.strata(), null);
        TrendTestResult ta = test.trend(t.time(), t.event(), t.count(), tg, ts, null);
        assertThat(ta.statistic()).isCloseTo(te.statistic(), within(1e-9 * te.statistic()));
    }

    @Test
    void denseTabulationOfAFrequencyTableEqualsTheReplicatedRows() {
        for (Weighting w : Weighting.values()) {
            check(3, w);
        }
    }

    @Test
    void sortedWalkOfAFrequencyTableEqualsTheReplicatedRows() {
        check(20, Weighting.LOGRANK);
        check(20, Weighting.PETO);
    }
}

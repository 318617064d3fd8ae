package org.survkit.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Kaplan–Meier and the log-rank sums have two implementations: a dense (group × distinct time)
 * table for few groups (the fast path) and a walk over observations sorted by time (many groups
 * or distinct times). Both must give identical numbers; seeded random cohorts with ties,
 * censoring at event times and time 0.
 */
class TabulationPathsTest {

    @Test
    void denseAndSortedPathsAgree() {
        SplittableRandom rnd = new SplittableRandom(20261127);
        for (int rep = 0; rep < 200; rep++) {
            int n = 1 + rnd.nextInt(120);
            int k = 1 + rnd.nextInt(5);
            double[] time = new double[n];
            boolean[] event = new boolean[n];
            int[] code = new int[n];
            for (int i = 0; i < n; i++) {
                time[i] = rnd.nextInt(25) / 2.0;
                event[i] = rnd.nextDouble() < 0.6;
                code[i] = rnd.nextInt(k + 1) - (rnd.nextDouble() < 0.1 ? 1 : 0); // some -1 = skipped
                code[i] = Math.min(Math.max(code[i], -1), k - 1);
            }
            RankedTimes ranked = RankedTimes.of(time, true);
            for (Weighting w : Weighting.values()) {
                LogRankAccumulator dense = new LogRankAccumulator(k);
                dense.addCounts(TimeGroupCounts.of(ranked, event, code, k, null), w, 0.5, 1);
                LogRankAccumulator sorted = new LogRankAccumulator(k);
                int[] kept = java.util.stream.IntStream.range(0, n).filter(i -> code[i] >= 0).toArray();
                sorted.addSorted(ranked, event, code, kept, w, 0.5, 1);
                assertThat(dense.n).isEqualTo(sorted.n);
                assertThat(dense.observed).isEqualTo(sorted.observed);
                assertThat(dense.expected).containsExactly(sorted.expected, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(dense.score).containsExactly(sorted.score, org.assertj.core.data.Offset.offset(1e-12));
                for (int j = 0; j < k; j++) {
                    assertThat(dense.variance[j]).containsExactly(sorted.variance[j],
                            org.assertj.core.data.Offset.offset(1e-12));
                }
            }
            KaplanMeier km = KaplanMeier.withDefaults();
            TimeGroupCounts counts = TimeGroupCounts.of(ranked, event, code, k, null);
            for (int g = 0; g < k; g++) {
                int gg = g;
                int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> code[i] == gg).toArray();
                assertThat(km.fromCounts(ranked.times(), counts, g)).isEqualTo(km.fitRanked(ranked, event, rows));
            }
        }
    }

    @Test
    void manyGroupsUseTheSortedPathWithTheSameCurves() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 400;
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        String[] group = new String[n];
        for (int i = 0; i < n; i++) {
            time[i] = rnd.nextInt(40);
            event[i] = rnd.nextBoolean();
            group[i] = "g" + rnd.nextInt(TimeGroupCounts.MAX_GROUPS + 4);
        }
        java.util.List<GroupCurve> all = KaplanMeier.withDefaults().fit(time, event, group);
        assertThat(all.size()).isGreaterThan(TimeGroupCounts.MAX_GROUPS);
        for (GroupCurve gc : all) {
            int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> group[i].equals(gc.group())).toArray();
            double[] t = java.util.Arrays.stream(rows).mapToDouble(i -> time[i]).toArray();
            boolean[] e = new boolean[rows.length];
            for (int i = 0; i < rows.length; i++) {
                e[i] = event[rows[i]];
            }
            assertThat(gc.curve()).isEqualTo(KaplanMeier.withDefaults().fit(t, e));
        }
    }
}

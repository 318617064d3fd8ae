package org.survkit.stats.km;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.survkit.stats.internal.TabulationCohort;
import org.survkit.stats.internal.TimeGroupCounts;

/**
 * Kaplan–Meier has two implementations: a dense (group × distinct time) table for few groups (the
 * fast path) and a walk over observations sorted by time (many groups or distinct times). Both must
 * give identical curves; seeded random cohorts with ties, censoring at event times and time 0. The
 * same for the log-rank sums: {@code logrank.TabulationPathsTest}.
 */
class KaplanMeierTabulationPathsTest {

    @Test
    void denseAndSortedPathsAgree() {
        SplittableRandom rnd = new SplittableRandom(20261127);
        for (int rep = 0; rep < 200; rep++) {
            TabulationCohort c = TabulationCohort.draw(rnd);
            KaplanMeier km = KaplanMeier.withDefaults();
            TimeGroupCounts counts = c.counts();
            for (int g = 0; g < c.k(); g++) {
                int gg = g;
                int[] rows = java.util.stream.IntStream.range(0, c.n()).filter(i -> c.code()[i] == gg).toArray();
                assertThat(km.fromCounts(c.ranked().times(), counts, g)).isEqualTo(km.fitRanked(c.ranked(), c.event(), rows));
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

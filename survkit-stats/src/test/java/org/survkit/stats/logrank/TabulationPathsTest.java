package org.survkit.stats.logrank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.survkit.stats.internal.TabulationCohort;

/**
 * The log-rank sums have two implementations: a dense (group × distinct time) table for few groups
 * (the fast path) and a walk over observations sorted by time (many groups or distinct times). Both
 * must give identical numbers; seeded random cohorts with ties, censoring at event times and time 0.
 * The same for Kaplan–Meier: {@code km.KaplanMeierTabulationPathsTest}.
 */
class TabulationPathsTest {

    @Test
    void denseAndSortedPathsAgree() {
        SplittableRandom rnd = new SplittableRandom(20261127);
        for (int rep = 0; rep < 200; rep++) {
            TabulationCohort c = TabulationCohort.draw(rnd);
            int k = c.k();
            int n = c.n();
            for (Weighting w : Weighting.values()) {
                LogRankAccumulator dense = new LogRankAccumulator(k);
                dense.addCounts(c.counts(), w, 0.5, 1);
                LogRankAccumulator sorted = new LogRankAccumulator(k);
                int[] kept = java.util.stream.IntStream.range(0, n).filter(i -> c.code()[i] >= 0).toArray();
                sorted.addSorted(c.ranked(), c.event(), null, c.code(), kept, w, 0.5, 1);
                assertThat(dense.n).isEqualTo(sorted.n);
                assertThat(dense.observed).isEqualTo(sorted.observed);
                assertThat(dense.expected).containsExactly(sorted.expected, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(dense.score).containsExactly(sorted.score, org.assertj.core.data.Offset.offset(1e-12));
                for (int j = 0; j < k; j++) {
                    assertThat(dense.variance[j]).containsExactly(sorted.variance[j],
                            org.assertj.core.data.Offset.offset(1e-12));
                }
            }
        }
    }
}

package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.survkit.stats.internal.TimeFix;

/**
 * {@link MergedTimes}, R's timefix from chunks of the sorted distinct times (as a cluster's partitions hold them),
 * equals the in-memory {@code TimeFix.apply} on all the times at once (reference: survkit's TimeFix, itself R's
 * aeqSurv in TimeFixPropertyTest), whatever the chunks: runs of near-equal times inside a chunk, across one chunk
 * boundary, over a chunk wholly tied, and empty chunks. Seeded.
 */
class MergedTimesTest {

    private static double meanAbs(double[] sortedDistinct) {
        double s = 0;
        for (double y : sortedDistinct) {
            s += Math.abs(y);
        }
        return s / sortedDistinct.length;
    }

    /** Chunked at the given cut positions (repeated cuts: empty chunks), then each time merged. */
    private static double[] chunked(double[] sortedDistinct, int[] cuts, double[] times) {
        double mean = meanAbs(sortedDistinct);
        List<MergedTimes.Chunk> chunks = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            chunks.add(MergedTimes.chunk(Arrays.copyOfRange(sortedDistinct, from, cut), mean));
            from = cut;
        }
        chunks.add(MergedTimes.chunk(Arrays.copyOfRange(sortedDistinct, from, sortedDistinct.length), mean));
        MergedTimes m = MergedTimes.of(chunks, mean);
        double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            out[i] = m.merged(times[i]);
        }
        return out;
    }

    @Test
    void chunkedEqualsTheInMemoryTimefixWhereverTheChunksEnd() {
        Random r = new Random(20261206);
        for (int example = 0; example < 300; example++) {
            int n = 1 + r.nextInt(40);
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double t = r.nextInt(3) == 0 ? r.nextInt(5) * 10.0 : r.nextDouble() * 100;
                values.add(t);
                // chains of near-equal neighbours: t, t(1 + 1e-12), t(1 + 2e-12), … (one run)
                int chain = r.nextInt(4);
                for (int k = 1; k <= chain; k++) {
                    values.add(t * (1 + k * 1e-12));
                }
            }
            double[] times = values.stream().mapToDouble(Double::doubleValue).toArray();
            double[] sorted = Arrays.stream(times).distinct().sorted().toArray();
            int cutCount = r.nextInt(6);
            int[] cuts = new int[cutCount];
            for (int c = 0; c < cutCount; c++) {
                cuts[c] = r.nextInt(sorted.length + 1);
            }
            Arrays.sort(cuts);
            assertThat(chunked(sorted, cuts, times)).as("cuts %s", Arrays.toString(cuts))
                    .isEqualTo(TimeFix.apply(times));
        }
    }

    @Test
    void aRunOverAWhollyTiedChunkAndEmptyChunksIsOneRun() {
        double[] sorted = {1, 5, 5 * (1 + 1e-12), 5 * (1 + 2e-12), 5 * (1 + 3e-12), 5 * (1 + 4e-12), 9};
        // chunks {1, 5}, {5+, 5++}, {}, {5+++, 5++++, 9}: the run 5..5++++ spans three chunks and an empty one
        double[] merged = chunked(sorted, new int[] {2, 4, 4}, sorted);
        assertThat(merged).containsExactly(1, 5, 5, 5, 5, 5, 9);
        assertThat(merged).isEqualTo(TimeFix.apply(sorted));
    }
}

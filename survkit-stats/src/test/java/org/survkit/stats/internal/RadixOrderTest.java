package org.survkit.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.survkit.stats.cox.ConcordanceIndex;
import org.survkit.stats.cox.ProportionalHazardsTest;

/** The radix sort behind {@link ConcordanceIndex} and {@link ProportionalHazardsTest} against the JDK sort and {@link RankedTimes}. */
class RadixOrderTest {

    private static double[] sample(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(6)) {
                case 0 -> v[i] = rnd.nextInt(10) - 5;                  // ties, negatives
                case 1 -> v[i] = rnd.nextBoolean() ? -0.0 : 0.0;        // signed zeros are equal
                case 2 -> v[i] = rnd.nextInt(5) * 0.1;                  // 0.30000000000000004 ...
                case 3 -> v[i] = rnd.nextInt(5) / 10.0;                 // ... and 0.3: merged by timefix
                case 4 -> v[i] = rnd.nextGaussian() * 1e6;
                default -> v[i] = rnd.nextDouble() * (rnd.nextBoolean() ? 1e-300 : 1e300);
            }
        }
        return v;
    }

    @Test
    void ascendingIsTheStableSortedOrder() {
        Random rnd = new Random(11);
        for (int rep = 0; rep < 200; rep++) {
            double[] v = sample(rnd, rnd.nextInt(300));
            int[] expected = IntStream.range(0, v.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> v[i] + 0.0).thenComparing(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            assertThat(RadixOrder.ascending(v)).as("rep " + rep + " " + Arrays.toString(v)).containsExactly(expected);
        }
    }

    @Test
    void ranksEqualRankedTimesWithAndWithoutTimefix() {
        Random rnd = new Random(12);
        for (int rep = 0; rep < 200; rep++) {
            double[] v = sample(rnd, 1 + rnd.nextInt(300));
            for (boolean timefix : new boolean[] {false, true}) {
                RadixOrder.Ranked ours = RadixOrder.ranks(v, timefix);
                RankedTimes ref = RankedTimes.of(v, timefix);
                assertThat(ours.rank()).as("rep " + rep + " timefix " + timefix).containsExactly(ref.rank());
                assertThat(ours.distinct()).containsExactly(ref.times());
            }
        }
    }

    @Test
    void twoThreadsFromTheThresholdGiveTheOneThreadOrderAndRanks() {
        // above TwoCores.ROWS the passes count and scatter in two halves: the stable order still, and
        // equal values straddle the halves (ties, signed zeros, an odd length)
        Random rnd = new Random(13);
        for (int n : new int[] {TwoCores.ROWS, TwoCores.ROWS + 12_345}) {
            double[] v = sample(rnd, n);
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> v[i] + 0.0).thenComparing(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            assertThat(RadixOrder.ascending(v)).as("n " + n).isEqualTo(expected);
            for (boolean timefix : new boolean[] {false, true}) {
                RadixOrder.Ranked ours = RadixOrder.ranks(v, timefix);
                RankedTimes ref = RankedTimes.of(v, timefix);
                assertThat(ours.order()).isEqualTo(expected);
                assertThat(ours.rank()).as("n " + n + " timefix " + timefix).isEqualTo(ref.rank());
                assertThat(ours.distinct()).isEqualTo(ref.times());
            }
        }
        // few distinct values: passes whose digit is the same for every key are skipped between the moving ones
        double[] few = new double[TwoCores.ROWS + 3];
        for (int i = 0; i < few.length; i++) {
            few[i] = rnd.nextInt(3) * 1024.0 + (rnd.nextBoolean() ? 0.5 : 0);
        }
        int[] expected = IntStream.range(0, few.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> few[i]).thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
        assertThat(RadixOrder.ascending(few)).isEqualTo(expected);
        assertThat(RadixOrder.ranks(few, false).rank()).isEqualTo(RankedTimes.of(few, false).rank());
    }

    @Test
    void keysEqualOnTheHighDigitsAreOrderedByTheirLowOnes() {
        // the passes over the high digits run first; keys equal on them are ordered within their run by the low
        // digits: by insertion for short runs, by radix passes for runs longer than 32 (values a few ulps apart,
        // many of them equal, both signs), at one thread and at two
        Random rnd = new Random(14);
        for (int n : new int[] {5_000, TwoCores.ROWS + 7}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                long base = Double.doubleToRawLongBits(rnd.nextInt(4) == 0 ? -1.5 : rnd.nextInt(3) + 1.25);
                long low = switch (rnd.nextInt(3)) {
                    case 0 -> rnd.nextInt(8);                       // ties within a long run
                    case 1 -> rnd.nextLong() & ((1L << 33) - 1);    // anywhere in the low 33 bits
                    default -> (long) rnd.nextInt(40) << 20;
                };
                v[i] = Double.longBitsToDouble(base & ~((1L << 33) - 1) | low);
            }
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> v[i] + 0.0).thenComparing(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            assertThat(RadixOrder.ascending(v)).as("n " + n).isEqualTo(expected);
            assertThat(RadixOrder.ranks(v, false).rank()).isEqualTo(RankedTimes.of(v, false).rank());
            // short runs only: two values per run of the high digits
            double[] pairs = new double[n];
            for (int i = 0; i < n; i++) {
                pairs[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(1.0 + (i % (n / 2)) * 0x1p-19)
                        | (rnd.nextBoolean() ? 1L : 5L));
            }
            int[] expectedPairs = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> pairs[i]).thenComparing(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            assertThat(RadixOrder.ascending(pairs)).as("pairs n " + n).isEqualTo(expectedPairs);
        }
    }
}

package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.survkit.stats.internal.TwoCores;
import org.junit.jupiter.api.Test;

/**
 * The score-order concordance walk in two ranges of score positions on two threads ({@link ScoreOrderConcordance})
 * against the same walk in one range: forced on small seeded data (any size splits when the threshold is 0) and at
 * the production threshold. Without case weights every count, influence term and the variance are equal bit for bit;
 * with weights they agree to 1e-12 relative (only the order of additions differs).
 */
class ScoreOrderInTwoRangesTest {

    private static final int ONE_RANGE = Integer.MAX_VALUE;
    private static final int TWO_RANGES = 0;

    /** Rows of one data set. */
    private record Data(double[] start, double[] stop, boolean[] event, double[] score, int[] strata, double[] w,
            int[] cluster) {

        int n() {
            return stop.length;
        }
    }

    private enum Strata {
        NONE, RANDOM, START_AT_HALF
    }

    private enum Scores {
        CONTINUOUS, FEW, GROUP_OVER_HALF
    }

    private static Data sample(Random rnd, int n, boolean counting, Strata strata, Scores scores, boolean weighted,
            boolean clustered) {
        double[] start = counting ? new double[n] : null;
        double[] stop = new double[n];
        boolean[] event = new boolean[n];
        double[] score = new double[n];
        int[] code = strata == Strata.NONE ? null : new int[n];
        double[] w = weighted ? new double[n] : null;
        int[] cluster = clustered ? new int[n] : null;
        int times = 1 + rnd.nextInt(30);
        for (int i = 0; i < n; i++) {
            stop[i] = 1 + rnd.nextInt(times);
            if (counting) {
                start[i] = rnd.nextInt((int) stop[i]) - (rnd.nextBoolean() ? 0.5 : 0);
            }
            event[i] = rnd.nextDouble() < 0.6;
            score[i] = switch (scores) {
                case CONTINUOUS -> rnd.nextInt(4) == 0 ? rnd.nextInt(3) : rnd.nextGaussian();
                case FEW -> rnd.nextInt(5) - 2;
                // the middle group holds the positions n/4 .. 3n/4 (one stratum): the split moves to its end
                case GROUP_OVER_HALF -> i < n / 4 ? -1 : i < 3 * n / 4 ? 0.5 : 2 + rnd.nextGaussian();
            };
            if (code != null) {
                // START_AT_HALF: stratum 0 is the first n/2 rows, so the split lands exactly at stratum 1's start
                code[i] = strata == Strata.RANDOM ? 2 * rnd.nextInt(4) : i < n / 2 ? 7 : 9;
            }
            if (w != null) {
                w[i] = rnd.nextInt(10) == 0 ? 0 : 0.25 + 2 * rnd.nextDouble();
            }
            if (cluster != null) {
                cluster[i] = rnd.nextInt(Math.max(1, n / 3));
            }
        }
        // shuffle the rows so neither walk sees them in the order they were made in
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            swap(stop, i, j);
            swap(score, i, j);
            boolean e = event[i];
            event[i] = event[j];
            event[j] = e;
            if (start != null) {
                swap(start, i, j);
            }
            if (w != null) {
                swap(w, i, j);
            }
            if (code != null) {
                int c = code[i];
                code[i] = code[j];
                code[j] = c;
            }
        }
        return new Data(start, stop, event, score, code, w, cluster);
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static ConcordanceIndex.Pairs pairs(Data d, int parallelRows) {
        return ConcordanceIndex.scoreOrder(d.start, d.stop, d.event, d.score, d.strata, d.w, parallelRows);
    }

    private static double[] counts(ConcordanceIndex.Pairs p) {
        return new double[] {p.concordant(), p.discordant(), p.tiedRisk(), p.tiedTime(), p.tiedBoth()};
    }

    private static ConcordanceIndex.Detail summary(Data d, ConcordanceIndex.Pairs p) {
        return ConcordanceIndex.summarize(p, d.n(), d.cluster, ConcordanceWeighting.HARRELL, null);
    }

    /** One range against two: exact without weights, 1e-12 relative with. */
    private static void assertSame(Data d, ConcordanceIndex.Pairs one, ConcordanceIndex.Pairs two, String what) {
        assertThat(two.obs()).as(what).isEqualTo(one.obs());
        ConcordanceIndex.Detail a = summary(d, one);
        ConcordanceIndex.Detail b = summary(d, two);
        if (d.w == null) {
            assertThat(counts(two)).as(what + " counts").containsExactly(counts(one));
            assertThat(two.diff()).as(what + " diff").isEqualTo(one.diff());
            assertThat(two.total()).as(what + " total").isEqualTo(one.total());
            assertThat(Double.doubleToLongBits(b.estimate())).as(what + " C").isEqualTo(Double.doubleToLongBits(a.estimate()));
            assertThat(Double.doubleToLongBits(b.variance())).as(what + " variance")
                    .isEqualTo(Double.doubleToLongBits(a.variance()));
            return;
        }
        double[] x = counts(one);
        double[] y = counts(two);
        for (int k = 0; k < x.length; k++) {
            assertThat(y[k]).as(what + " count " + k).isCloseTo(x[k], within(1e-12 * Math.max(1, Math.abs(x[k]))));
        }
        double scale = 1;
        for (int pos = 0; pos < d.n(); pos++) {
            scale = Math.max(scale, Math.abs(one.total()[pos]));
        }
        double off = 0;
        for (int pos = 0; pos < d.n(); pos++) {
            off = Math.max(off, Math.abs(two.diff()[pos] - one.diff()[pos]));
            off = Math.max(off, Math.abs(two.total()[pos] - one.total()[pos]));
        }
        assertThat(off).as(what + " influence terms").isLessThanOrEqualTo(1e-12 * scale);
        if (Double.isNaN(a.variance())) {
            assertThat(b.variance()).as(what + " variance").isNaN();
        } else {
            assertThat(b.estimate()).as(what + " C").isCloseTo(a.estimate(), within(1e-12));
            assertThat(b.variance()).as(what + " variance").isCloseTo(a.variance(), within(1e-12 * a.variance()));
        }
    }

    @Test
    void twoRangesEqualOneOnSeededData() {
        Random rnd = new Random(20261206);
        for (int rep = 0; rep < 400; rep++) {
            int n = 2 + rnd.nextInt(rep % 10 == 0 ? 3000 : 120);
            boolean counting = rep % 2 == 1;
            Strata strata = Strata.values()[rep % 3];
            Scores scores = Scores.values()[(rep / 3) % 3];
            boolean weighted = rep % 4 >= 2;
            Data d = sample(rnd, n, counting, strata, scores, weighted, rep % 5 == 0);
            String what = "rep " + rep + " n " + n + " " + strata + " " + scores + (counting ? " counting" : "")
                    + (weighted ? " weighted" : "");
            assertSame(d, pairs(d, ONE_RANGE), pairs(d, TWO_RANGES), what);
        }
    }

    @Test
    void secondRangeStartsFromTheFirstRangesTree() {
        // one stratum, distinct scores: the split falls at n/2 inside the stratum, so half of every later position's
        // pairs are with observations the second walker never visits; a second range starting from an empty tree
        // would miss them
        Random rnd = new Random(5);
        for (boolean counting : new boolean[] {false, true}) {
            Data d = sample(rnd, 1000, counting, Strata.NONE, Scores.CONTINUOUS, false, false);
            ConcordanceIndex.Pairs one = pairs(d, ONE_RANGE);
            ConcordanceIndex.Pairs two = pairs(d, TWO_RANGES);
            assertSame(d, one, two, counting ? "counting" : "right-censored");
            assertThat(one.concordant() + one.discordant()).isGreaterThan(1000);
        }
    }

    @Test
    void splitsAtTheProductionThresholdAsTheForcedOne() {
        // 70,000 rows (above TwoCores.ROWS): the default path walks in two ranges
        Random rnd = new Random(77);
        int n = 70_000;
        assertThat(n).isGreaterThanOrEqualTo(TwoCores.ROWS);
        Data[] sets = {
            sample(rnd, n, false, Strata.NONE, Scores.CONTINUOUS, false, false),
            sample(rnd, n, true, Strata.RANDOM, Scores.FEW, false, false),
            sample(rnd, n, false, Strata.START_AT_HALF, Scores.GROUP_OVER_HALF, true, false),
        };
        for (int k = 0; k < sets.length; k++) {
            Data d = sets[k];
            ConcordanceIndex.Pairs one = pairs(d, ONE_RANGE);
            assertSame(d, one, pairs(d, TwoCores.ROWS), "set " + k);
            ConcordanceIndex.Detail viaDetail = ConcordanceIndex.detail(d.start, d.stop, d.event, d.score, d.strata,
                    d.w, null, ConcordanceIndex.Algorithm.SCORE_ORDER);
            assertThat(viaDetail.estimate()).as("set " + k).isCloseTo(summary(d, one).estimate(), within(1e-12));
        }
    }
}

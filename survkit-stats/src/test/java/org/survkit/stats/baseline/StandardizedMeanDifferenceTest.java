package org.survkit.stats.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survkit.stats.baseline.Table1Reference.STAT;
import static org.survkit.stats.baseline.Table1Reference.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Standardized mean differences: values computed by hand from Yang &amp; Dalton (2012), and the R
 * implementation of reference/table1/refgen_table1.R (tableone's formulas, Moore–Penrose inverse
 * by SVD as {@code MASS::ginv}; R 4.2.2) in reference/table1/smd.json.
 */
class StandardizedMeanDifferenceTest {

    @Test
    void binaryByHand() {
        // p1 = 20/40 = 0.5, p2 = 10/40 = 0.25 (second level): |0.25| / sqrt((0.25 + 0.1875) / 2) = 0.25 / sqrt(0.21875)
        double smd = StandardizedMeanDifference.categorical(new int[] {20, 20}, new int[] {30, 10});
        close("binary", smd, 0.25 / Math.sqrt(0.21875), 1e-14);
        close("binary", smd, 0.5345224838248488, 1e-14);
    }

    @Test
    void threeLevelsByHand() {
        // levels 2 and 3: p1 = (0.5, 0.25), p2 = (0.25, 0.25); T = (0.25, 0)
        // S1 = [[.25, -.125], [-.125, .1875]], S2 = [[.1875, -.0625], [-.0625, .1875]], S = [[.21875, -.09375], [-.09375, .1875]]
        // det S = 0.0322265625; (S^-1)_11 = .1875 / det; T'S^-1 T = 0.0625 * .1875 / 0.0322265625 = 4/11
        double smd = StandardizedMeanDifference.categorical(new int[] {10, 20, 10}, new int[] {20, 10, 10});
        close("three levels", smd, Math.sqrt(4.0 / 11), 1e-14);
    }

    @Test
    void continuousByHand() {
        // x1 = 1, 2, 3 (mean 2, var 1); x2 = 2, 4, 6 (mean 4, var 4): |2 - 4| / sqrt((1 + 4) / 2) = 2 / sqrt(2.5)
        close("continuous", StandardizedMeanDifference.continuous(new double[] {1, 2, 3}, new double[] {2, 4, 6}),
                2 / Math.sqrt(2.5), 1e-15);
        assertThat(StandardizedMeanDifference.continuous(new double[] {3, 3}, new double[] {3, 3, 3})).isZero();
        assertThat(StandardizedMeanDifference.continuous(new double[] {3}, new double[] {3, 4})).isNaN();
    }

    @Test
    void categoricalMatchesR() {
        for (JsonNode c : Table1Reference.json("smd").get("categorical")) {
            List<int[]> counts = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < c.get("counts").size(); i++) {
                counts.add(Table1Reference.ints(c.get("counts").get(i)));
                groups.add(String.valueOf(i + 1));
            }
            StandardizedDifference d = StandardizedMeanDifference.categorical(groups, counts);
            check(c, d);
        }
    }

    @Test
    void continuousMatchesR() {
        for (JsonNode c : Table1Reference.json("smd").get("continuous")) {
            List<double[]> samples = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < c.get("groups").size(); i++) {
                samples.add(Table1Reference.doubles(c.get("groups").get(i)));
                groups.add(String.valueOf(i + 1));
            }
            check(c, StandardizedMeanDifference.continuous(groups, samples));
        }
    }

    private static void check(JsonNode c, StandardizedDifference d) {
        String w = c.get("name").asText();
        for (int i = 0; i < d.pairs().size(); i++) {
            close(w + " pair " + i, d.pairs().get(i).smd(), c.get("pairs").get(i).get("smd"), STAT);
        }
        close(w + " max", d.max(), c.get("max"), STAT);
        close(w + " mean", d.mean(), c.get("mean"), STAT);
        assertThat(Double.compare(d.value(SmdSummary.MAX), d.max())).isZero();
        assertThat(Double.compare(d.value(SmdSummary.MEAN), d.mean())).isZero();
    }

    /** A two-level factor gives the binary formula; the SMD is symmetric and ignores level order of the groups. */
    @Test
    void identities() {
        Random rnd = new Random(1);
        for (int rep = 0; rep < 100; rep++) {
            int a = 1 + rnd.nextInt(50);
            int b = 1 + rnd.nextInt(50);
            int c = 1 + rnd.nextInt(50);
            int d = 1 + rnd.nextInt(50);
            double p1 = b / (double) (a + b);
            double p2 = d / (double) (c + d);
            double binary = Math.abs(p1 - p2) / Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2);
            close("binary", StandardizedMeanDifference.categorical(new int[] {a, b}, new int[] {c, d}), binary, 1e-12);
            int[] x = {a, b, c};
            int[] y = {d, c, a};
            close("symmetric", StandardizedMeanDifference.categorical(x, y), StandardizedMeanDifference.categorical(y, x),
                    1e-12);
            // dropping another level than the first gives the same Mahalanobis distance when S is regular
            close("reference level", StandardizedMeanDifference.categorical(x, y),
                    StandardizedMeanDifference.categorical(new int[] {c, b, a}, new int[] {a, c, d}), 1e-10);
        }
    }
}

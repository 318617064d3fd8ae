package org.survkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.survkit.stats.RandomCohortPropertyTest.SEED;
import static org.survkit.stats.RandomCohortPropertyTest.draw;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link PValueAdjustment} against R's {@code p.adjust}: the ordering properties of the methods,
 * a literal transcription of R's code as an oracle, and vectors adjusted by hand.
 */
class PValueAdjustmentPropertyTest {
    private static final int EXAMPLES = 2000;

    /** 1–15 p-values on a 1e-4 grid (ties), with 0, 1 and NaN (R's NA) thrown in. */
    static Gen<double[]> pValues() {
        Gen<double[]> gen = rs -> {
            double[] p = new double[draw(rs, 1, 15)];
            for (int i = 0; i < p.length; i++) {
                switch (draw(rs, 0, 9)) {
                    case 0:
                        p[i] = Double.NaN;
                        break;
                    case 1:
                        p[i] = draw(rs, 0, 1);
                        break;
                    case 2:
                        p[i] = draw(rs, 0, 10) / 100.0; // many ties
                        break;
                    default:
                        p[i] = draw(rs, 0, 10_000) / 10_000.0;
                }
            }
            return p;
        };
        return gen.describedAs(Arrays::toString);
    }

    @Test
    void orderingPropertiesOfTheMethods() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(pValues()).checkAssert(p -> {
            double[] none = PValueAdjustment.NONE.adjust(p);
            double[] bonf = PValueAdjustment.BONFERRONI.adjust(p);
            double[] holm = PValueAdjustment.HOLM.adjust(p);
            double[] bh = PValueAdjustment.BH.adjust(p);
            assertThat(none).isEqualTo(p);
            for (int i = 0; i < p.length; i++) {
                if (Double.isNaN(p[i])) {
                    assertThat(java.util.List.of(bonf[i], holm[i], bh[i])).as("NA stays NA").allMatch(x -> x.isNaN());
                    continue;
                }
                for (double[] a : new double[][] {bonf, holm, bh}) {
                    assertThat(a[i]).as("raw <= adjusted <= 1").isBetween(p[i], 1.0);
                }
                assertThat(holm[i]).as("Holm <= Bonferroni").isLessThanOrEqualTo(bonf[i]);
                assertThat(bh[i]).as("BH <= Holm").isLessThanOrEqualTo(holm[i]);
                for (int j = 0; j < p.length; j++) {
                    if (p[i] <= p[j]) { // NaN compares false
                        assertThat(bonf[i]).as("Bonferroni monotone").isLessThanOrEqualTo(bonf[j]);
                        assertThat(holm[i]).as("Holm monotone").isLessThanOrEqualTo(holm[j]);
                        assertThat(bh[i]).as("BH monotone").isLessThanOrEqualTo(bh[j]);
                    }
                }
            }
        });
    }

    /** survkit against a line-by-line transcription of R 4.x stats::p.adjust. */
    @Test
    void equalsRsDefinition() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(pValues()).checkAssert(p -> {
            assertThat(PValueAdjustment.BONFERRONI.adjust(p)).isEqualTo(rPAdjust(p, "bonferroni"));
            assertThat(PValueAdjustment.HOLM.adjust(p)).isEqualTo(rPAdjust(p, "holm"));
            assertThat(PValueAdjustment.BH.adjust(p)).isEqualTo(rPAdjust(p, "BH"));
            double[] copy = p.clone();
            PValueAdjustment.HOLM.adjust(p);
            assertThat(p).as("input untouched").isEqualTo(copy);
        });
    }

    /**
     * <pre>
     * p0 &lt;- p; nna &lt;- !is.na(p); p &lt;- p[nna]; lp &lt;- length(p); n &lt;- lp   # n is evaluated lazily
     * if (n &lt;= 1) return(p0)
     * bonferroni = pmin(n * p, 1)
     * holm = { i &lt;- seq_len(lp); o &lt;- order(p); ro &lt;- order(o); pmin(1, cummax((n - i + 1L) * p[o]))[ro] }
     * BH   = { i &lt;- lp:1L; o &lt;- order(p, decreasing = TRUE); ro &lt;- order(o); pmin(1, cummin(n/i * p[o]))[ro] }
     * p0[nna] &lt;- p
     * </pre>
     */
    static double[] rPAdjust(double[] p0, String method) {
        int[] nna = IntStream.range(0, p0.length).filter(i -> !Double.isNaN(p0[i])).toArray();
        double[] p = Arrays.stream(nna).mapToDouble(i -> p0[i]).toArray();
        int lp = p.length;
        int n = lp;
        double[] out = p0.clone();
        if (n <= 1) {
            return out;
        }
        double[] q = new double[lp];
        switch (method) {
            case "bonferroni":
                for (int i = 0; i < lp; i++) {
                    q[i] = Math.min(n * p[i], 1);
                }
                break;
            case "holm": {
                Integer[] o = order(p, false);
                double cummax = Double.NEGATIVE_INFINITY;
                for (int i = 1; i <= lp; i++) {
                    cummax = Math.max(cummax, (n - i + 1) * p[o[i - 1]]);
                    q[o[i - 1]] = Math.min(1, cummax);
                }
                break;
            }
            default: {
                Integer[] o = order(p, true);
                double cummin = Double.POSITIVE_INFINITY;
                for (int k = 0; k < lp; k++) {
                    int i = lp - k;
                    cummin = Math.min(cummin, (double) n / i * p[o[k]]);
                    q[o[k]] = Math.min(1, cummin);
                }
            }
        }
        for (int k = 0; k < lp; k++) {
            out[nna[k]] = q[k];
        }
        return out;
    }

    /** R's order(): a stable sort of the indices. */
    private static Integer[] order(double[] p, boolean decreasing) {
        Integer[] o = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Comparator<Integer> c = Comparator.comparingDouble(i -> p[i]);
        Arrays.sort(o, decreasing ? c.reversed() : c);
        return o;
    }

    // ---- vectors adjusted by hand from R's definitions ----

    /**
     * p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") = 0.05 0.08 0.09 0.09 0.09:
     * (5, 4, 3, 2, 1) × p = 0.05, 0.08, 0.09, 0.08, 0.05, then cummax.
     * "bonferroni": 5p = 0.05 0.10 0.15 0.20 0.25.
     * "BH": from the top, n/i·p = 5/5·0.05, 5/4·0.04, 5/3·0.03, 5/2·0.02, 5/1·0.01 = 0.05 each; cummin 0.05.
     */
    @Test
    void sortedVector() {
        double[] p = {0.01, 0.02, 0.03, 0.04, 0.05};
        assertThat(PValueAdjustment.HOLM.adjust(p)).containsExactly(new double[] {0.05, 0.08, 0.09, 0.09, 0.09},
                within(1e-15));
        assertThat(PValueAdjustment.BONFERRONI.adjust(p)).containsExactly(new double[] {0.05, 0.10, 0.15, 0.20, 0.25},
                within(1e-15));
        assertThat(PValueAdjustment.BH.adjust(p)).containsExactly(new double[] {0.05, 0.05, 0.05, 0.05, 0.05},
                within(1e-15));
    }

    /**
     * p = c(0.04, 0.001, 0.04, 0.3, 0.02); sorted 0.001, 0.02, 0.04, 0.04, 0.3.
     * holm: 5·0.001 = 0.005, 4·0.02 = 0.08, 3·0.04 = 0.12, 2·0.04 = 0.08, 1·0.3 = 0.3; cummax
     * 0.005, 0.08, 0.12, 0.12, 0.3; in input order 0.12 0.005 0.12 0.3 0.08.
     * bonferroni: 0.2 0.005 0.2 1 (1.5 capped) 0.1.
     * BH: from the top 5/5·0.3 = 0.3, 5/4·0.04 = 0.05, 5/3·0.04 = 0.0667, 5/2·0.02 = 0.05, 5/1·0.001 = 0.005;
     * cummin 0.3, 0.05, 0.05, 0.05, 0.005; in input order 0.05 0.005 0.05 0.3 0.05.
     */
    @Test
    void unsortedVectorWithTies() {
        double[] p = {0.04, 0.001, 0.04, 0.3, 0.02};
        assertThat(PValueAdjustment.HOLM.adjust(p)).containsExactly(new double[] {0.12, 0.005, 0.12, 0.3, 0.08},
                within(1e-15));
        assertThat(PValueAdjustment.BONFERRONI.adjust(p)).containsExactly(new double[] {0.2, 0.005, 0.2, 1, 0.1},
                within(1e-15));
        assertThat(PValueAdjustment.BH.adjust(p)).containsExactly(new double[] {0.05, 0.005, 0.05, 0.3, 0.05},
                within(1e-15));
    }

    /**
     * p = c(0.01, NA, 0.04, 0.03): n = 3 non-missing (R evaluates n = length(p) after dropping NA).
     * holm: sorted 0.01, 0.03, 0.04 → 3·0.01 = 0.03, 2·0.03 = 0.06, 1·0.04 = 0.04; cummax 0.03, 0.06, 0.06
     * → 0.03 NA 0.06 0.06. bonferroni: 0.03 NA 0.12 0.09.
     * BH: from the top 3/3·0.04 = 0.04, 3/2·0.03 = 0.045, 3/1·0.01 = 0.03; cummin 0.04, 0.04, 0.03
     * → 0.03 NA 0.04 0.04. A single p-value is returned as is: p.adjust(0.02, "bonferroni") = 0.02.
     */
    @Test
    void missingValuesAreNotCounted() {
        double[] p = {0.01, Double.NaN, 0.04, 0.03};
        assertThat(PValueAdjustment.HOLM.adjust(p)).containsExactly(new double[] {0.03, Double.NaN, 0.06, 0.06},
                within(1e-15));
        assertThat(PValueAdjustment.BONFERRONI.adjust(p)).containsExactly(new double[] {0.03, Double.NaN, 0.12, 0.09},
                within(1e-15));
        assertThat(PValueAdjustment.BH.adjust(p)).containsExactly(new double[] {0.03, Double.NaN, 0.04, 0.04},
                within(1e-15));
        for (PValueAdjustment a : PValueAdjustment.values()) {
            assertThat(a.adjust(new double[] {0.02})).containsExactly(0.02);
            assertThat(a.adjust(new double[] {Double.NaN, 0.02})).containsExactly(Double.NaN, 0.02);
        }
    }
}

package org.survkit.stats.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ConcordanceIndex#ofCells}: the C and standard error of cells (rows summed per stratum, time, status and
 * score, with Σw and Σw²) equal those of the rows themselves ({@link ConcordanceIndex#forModel}, checked against R
 * survival's concordance in ConcordanceIndexTest), on seeded data with many ties in time and score, strata, with and
 * without case weights, in both walks (few distinct times: the score-order walk; many: the time-order walk).
 */
class ConcordanceCellsTest {
    @Test
    void cellsGiveTheRowsConcordanceAndStandardError() {
        check(false);
    }

    /** With clusters (R concordance(fit) of coxph(..., cluster = )): cells split by cluster, influences summed. */
    @Test
    void cellsWithClustersGiveTheRowsClusteredStandardError() {
        check(true);
    }

    private static void check(boolean clustered) {
        for (int seed = 1; seed <= 6; seed++) {
            Random r = new Random(seed);
            int n = 300;
            int days = seed % 2 == 0 ? 15 : 400;
            double[] time = new double[n];
            boolean[] event = new boolean[n];
            double[] score = new double[n];
            int[] strata = new int[n];
            double[] w = new double[n];
            int[] cluster = new int[n];
            for (int i = 0; i < n; i++) {
                cluster[i] = clustered ? r.nextInt(3) : 0;
                time[i] = 1 + r.nextInt(days);
                event[i] = r.nextDouble() < 0.6;
                score[i] = 0.25 * r.nextInt(8) - 0.5;
                strata[i] = r.nextInt(3);
                w[i] = seed > 3 ? 1 + r.nextInt(3) : 1;
            }
            Concordance rows = ConcordanceIndex.forModel(null, time, event, score, strata, seed > 3 ? w : null,
                    clustered ? cluster : null);
            Map<List<Double>, double[]> cells = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                double[] c = cells.computeIfAbsent(List.of((double) strata[i], time[i], event[i] ? 1.0 : 0.0,
                        score[i], (double) cluster[i]), k -> new double[2]);
                c[0] += w[i];
                c[1] += w[i] * w[i];
            }
            int m = cells.size();
            double[] t = new double[m];
            boolean[] e = new boolean[m];
            double[] s = new double[m];
            int[] st = new int[m];
            double[] sw = new double[m];
            double[] sw2 = new double[m];
            int[] cl = new int[m];
            int k = 0;
            for (Map.Entry<List<Double>, double[]> c : new ArrayList<>(cells.entrySet())) {
                st[k] = c.getKey().get(0).intValue();
                t[k] = c.getKey().get(1);
                e[k] = c.getKey().get(2) == 1.0;
                s[k] = c.getKey().get(3);
                sw[k] = c.getValue()[0];
                sw2[k] = c.getValue()[1];
                cl[k] = c.getKey().get(4).intValue();
                k++;
            }
            Concordance fromCells = clustered ? ConcordanceIndex.ofCells(t, e, s, st, sw, null, cl)
                    : ConcordanceIndex.ofCells(t, e, s, st, sw, sw2);
            if (!clustered || days < n) { // rows merged into cells (with clusters and 400 days hardly any)
                assertThat(m).isLessThan(n);
            }
            assertThat(fromCells.estimate()).as("seed %d", seed).isCloseTo(rows.estimate(),
                    within(1e-12 * rows.estimate()));
            assertThat(fromCells.stdErr()).as("seed %d", seed).isCloseTo(rows.stdErr(), within(1e-9 * rows.stdErr()));
        }
    }
}

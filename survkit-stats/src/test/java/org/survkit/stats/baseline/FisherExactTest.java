package org.survkit.stats.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.survkit.stats.baseline.Table1Reference.P;
import static org.survkit.stats.baseline.Table1Reference.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fisher's exact test against R 4.2.2 {@code fisher.test} (reference/table1/fisher_chisq.json: 21
 * hand-made tables, among them R's own examples, and 40 seeded random 2..4 × 2..4 tables with N ≤ 30),
 * and the network algorithm against a brute-force listing of all tables with the same margins.
 */
class FisherExactTest {

    static Stream<JsonNode> tables() {
        List<JsonNode> out = new ArrayList<>();
        Table1Reference.json("fisher_chisq").get("tables").forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void matchesR(JsonNode t) {
        // R 4.2.2: fisher.test(matrix(...))$p.value, two-sided
        FisherExactResult r = FisherExact.withDefaults().test(Table1Reference.table(t.get("table")));
        close(t.get("name").asText(), r.pValue(), t.get("p_value"), P);
    }

    @Test
    void teaTastingAsInR() {
        // R 4.2.2: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857142857142857 (= 34/70)
        FisherExactResult r = FisherExact.withDefaults().test(new int[][] {{3, 1}, {1, 3}});
        assertThat(r.pValue()).isCloseTo(34.0 / 70, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(r.algorithm()).isEqualTo(FisherExactResult.Algorithm.HYPERGEOMETRIC);
    }

    @Test
    void jobSatisfactionAsInR() {
        // R 4.2.2: Job <- matrix(c(1,2,1,0, 3,3,6,1, 10,10,14,9, 6,7,12,11), 4, 4); fisher.test(Job)$p.value
        FisherExactResult r = FisherExact.withDefaults()
                .test(new int[][] {{1, 3, 10, 6}, {2, 3, 10, 7}, {1, 6, 14, 12}, {0, 1, 9, 11}});
        close("Job", r.pValue(), 0.7826849389664, 1e-12);
        assertThat(r.algorithm()).isEqualTo(FisherExactResult.Algorithm.NETWORK);
    }

    @Test
    void zeroRowsAndColumnsAreDropped() {
        FisherExactResult r = FisherExact.withDefaults().test(new int[][] {{2, 0, 3}, {0, 0, 0}, {1, 0, 4}});
        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.columns()).isEqualTo(2);
        // same tables as {{2, 3}, {1, 4}} but R sends a 3 x 3 table to FEXACT, so the r x c rule applies:
        // R 4.2.2: fisher.test(matrix(c(2, 1, 3, 4), 2))$p.value = 1
        assertThat(r.pValue()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(FisherExact.withDefaults().test(new int[][] {{0, 0}, {3, 4}}).pValue()).isEqualTo(1.0);
        assertThat(FisherExact.withDefaults().test(new int[][] {{5}, {3}}).algorithm())
                .isEqualTo(FisherExactResult.Algorithm.SINGLE_TABLE);
    }

    @Test
    void rejectsBadTables() {
        assertThatThrownBy(() -> FisherExact.withDefaults().test(new int[][] {{1, -1}, {2, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> FisherExact.withDefaults().test(new int[][] {{1, 2}, {2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 2");
    }

    @Test
    void workLimitStopsHugeTables() {
        int[][] big = new int[6][8];
        Random rnd = new Random(7);
        for (int[] row : big) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 20 + rnd.nextInt(30);
            }
        }
        assertThatThrownBy(() -> FisherExact.withDefaults().withWorkLimit(10_000).test(big))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("work limit");
    }

    /** Seeded random tables: the network p-value equals a plain sum over every table with the same margins. */
    @Test
    void networkEqualsBruteForce() {
        Random rnd = new Random(20240611);
        for (int rep = 0; rep < 300; rep++) {
            int r = 2 + rnd.nextInt(3);
            int c = 2 + rnd.nextInt(3);
            if (r == 2 && c == 2) {
                c = 3;
            }
            int[][] t = new int[r][c];
            int n = 3 + rnd.nextInt(22);
            for (int i = 0; i < n; i++) {
                t[rnd.nextInt(r)][rnd.nextInt(c)]++;
            }
            int[][] reduced = ContingencyTables.withoutEmptyMargins(t);
            if (reduced.length < 2 || reduced[0].length < 2) {
                continue;
            }
            double brute = BruteForce.pValue(reduced);
            double network = FisherExact.withDefaults().test(t).pValue();
            close("table " + java.util.Arrays.deepToString(t), network, brute, 1e-11);
        }
    }

    /** Listing of all r x c tables with given margins (small tables only). */
    static final class BruteForce {
        static double pValue(int[][] t) {
            int[] rows = new int[t.length];
            int[] cols = new int[t[0].length];
            int n = 0;
            double obs = 0;
            for (int i = 0; i < t.length; i++) {
                for (int j = 0; j < t[0].length; j++) {
                    rows[i] += t[i][j];
                    cols[j] += t[i][j];
                    n += t[i][j];
                }
            }
            double[] lf = FisherNetwork.logFactorials(n);
            for (int[] row : t) {
                for (int x : row) {
                    obs -= lf[x];
                }
            }
            double logK = -lf[n];
            for (int v : rows) {
                logK += lf[v];
            }
            for (int v : cols) {
                logK += lf[v];
            }
            List<Double> values = new ArrayList<>();
            listTables(0, 0, rows, cols, new int[t.length][t[0].length], lf, values);
            double p = 0;
            for (double v : values) {
                if (v <= obs + FisherNetwork.TOLERANCE) {
                    p += Math.exp(v + logK);
                }
            }
            return p;
        }
    }

    @Test
    void boundsHoldOnEveryCompletion() {
        // the relaxation bounds used for pruning enclose the exact min/max over completions
        Random rnd = new Random(99);
        for (int rep = 0; rep < 200; rep++) {
            int r = 2 + rnd.nextInt(3);
            int c = 2 + rnd.nextInt(3);
            int[][] t = new int[r][c];
            for (int i = 0; i < 12 + rnd.nextInt(10); i++) {
                t[rnd.nextInt(r)][rnd.nextInt(c)]++;
            }
            int[][] red = ContingencyTables.withoutEmptyMargins(t);
            if (red.length < 2 || red[0].length < 2) {
                continue;
            }
            int[] rows = new int[red.length];
            int[] cols = new int[red[0].length];
            int n = 0;
            for (int i = 0; i < red.length; i++) {
                for (int j = 0; j < red[0].length; j++) {
                    rows[i] += red[i][j];
                    cols[j] += red[i][j];
                    n += red[i][j];
                }
            }
            double[] lf = FisherNetwork.logFactorials(n);
            double[] exact = extremes(rows, cols, lf);
            java.util.Arrays.sort(rows);
            java.util.Arrays.sort(cols);
            double hi = Math.min(spread(cols, rows, lf), spread(rows, cols, lf));
            double lo = Math.max(concentrate(cols, rows, lf), concentrate(rows, cols, lf));
            assertThat(lo).isLessThanOrEqualTo(exact[0] + 1e-9);
            assertThat(hi).isGreaterThanOrEqualTo(exact[1] - 1e-9);
        }
    }

    private static double spread(int[] totals, int[] capsAsc, double[] lf) {
        double v = 0;
        for (int t : totals) {
            v += FisherNetwork.spread(t, capsAsc, lf);
        }
        return v;
    }

    private static double concentrate(int[] totals, int[] capsAsc, double[] lf) {
        double v = 0;
        for (int t : totals) {
            v += FisherNetwork.concentrate(t, capsAsc, lf);
        }
        return v;
    }

    /** {min, max} of −Σ log x! over all tables with the margins, by listing them. */
    private static double[] extremes(int[] rows, int[] cols, double[] lf) {
        List<Double> values = new ArrayList<>();
        int r = rows.length;
        int c = cols.length;
        listTables(0, 0, rows.clone(), cols.clone(), new int[r][c], lf, values);
        return new double[] {values.stream().mapToDouble(d -> d).min().orElseThrow(),
            values.stream().mapToDouble(d -> d).max().orElseThrow()};
    }

    private static void listTables(int i, int j, int[] rowLeft, int[] colLeft, int[][] x, double[] lf, List<Double> out) {
        int r = x.length;
        int c = x[0].length;
        if (i == r) {
            for (int v : colLeft) {
                if (v != 0) {
                    return;
                }
            }
            double s = 0;
            for (int[] row : x) {
                for (int v : row) {
                    s -= lf[v];
                }
            }
            out.add(s);
            return;
        }
        if (j == c) {
            if (rowLeft[i] == 0) {
                listTables(i + 1, 0, rowLeft, colLeft, x, lf, out);
            }
            return;
        }
        for (int v = 0; v <= Math.min(rowLeft[i], colLeft[j]); v++) {
            x[i][j] = v;
            rowLeft[i] -= v;
            colLeft[j] -= v;
            listTables(i, j + 1, rowLeft, colLeft, x, lf, out);
            rowLeft[i] += v;
            colLeft[j] += v;
        }
    }
}

package org.survkit.stats.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Guyot algorithm gives the published R code's counts, point by point.
 *
 * <p>Expected values: R 4.2.2, survival 3.5-3: {@code reference/guyot/make_guyot_reference.R}, which
 * digitizes KM curves of lung (by sex), gbsg (by hormon) and veteran (by trt) with seeded noise, prepares
 * the points and runs {@code reference/guyot/guyot2012.R}, a transcription of Guyot et al. (2012),
 * Additional file 1. Output in {@code src/test/resources/reference/guyot/}. Exact equality: the counts are
 * integers and the IPD times are the points' doubles or their midpoints.
 */
class GuyotParityTest {

    static Stream<String[]> cases() {
        return read("cases.csv").stream().skip(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void countsAndPatientsEqualThePublishedCode(String name, String total) {
        List<String[]> points = read(name + "_points.csv");
        List<String[]> risk = read(name + "_risk.csv");
        List<String[]> counts = read(name + "_counts.csv");
        List<String[]> ipd = read(name + "_ipd.csv");
        double[] t = column(points, 0);
        double[] s = column(points, 1);
        double[] riskTime = column(risk, 0);
        int[] nRisk = ints(column(risk, 1));
        int tot = total.equals("NA") ? -1 : Integer.parseInt(total);

        ReconstructedIpd r = IpdReconstruction.withDefaults().reconstruct(t, s, riskTime, nRisk, tot);

        // the prepared points are exactly R's (preparation leaves prepared points alone)
        assertThat(r.curve().time()).containsExactly(t);
        assertThat(r.curve().survival()).containsExactly(s);
        assertThat(r.nEvent()).as("d").containsExactly(ints(column(counts, 3)));
        assertThat(r.nCensor()).as("cen").containsExactly(ints(column(counts, 4)));
        assertThat(r.time()).as("IPD time").containsExactly(column(ipd, 0));
        double[] ev = column(ipd, 1);
        boolean[] expected = new boolean[ev.length];
        for (int i = 0; i < ev.length; i++) {
            expected[i] = ev[i] == 1;
        }
        assertThat(r.event()).as("IPD event").containsExactly(expected);
    }

    private static double[] column(List<String[]> rows, int c) {
        double[] x = new double[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            x[i - 1] = Double.parseDouble(rows.get(i)[c]);
        }
        return x;
    }

    private static int[] ints(double[] x) {
        int[] r = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = (int) x[i];
        }
        return r;
    }

    private static List<String[]> read(String file) {
        try (InputStream in = GuyotParityTest.class.getClassLoader().getResourceAsStream("reference/guyot/" + file)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    rows.add(line.trim().split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

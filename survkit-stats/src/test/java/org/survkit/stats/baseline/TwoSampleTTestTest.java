package org.survkit.stats.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.survkit.stats.baseline.Table1Reference.P;
import static org.survkit.stats.baseline.Table1Reference.STAT;
import static org.survkit.stats.baseline.Table1Reference.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two-sample t-tests against R 4.2.2 {@code t.test(x, y)} (Welch) and {@code t.test(x, y,
 * var.equal = TRUE)} on the synthetic samples of reference/table1/group_tests.json.
 */
class TwoSampleTTestTest {

    static Stream<JsonNode> samples() {
        List<JsonNode> out = new ArrayList<>();
        Table1Reference.json("group_tests").get("two_sample").forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void matchesR(JsonNode s) {
        String w = s.get("name").asText();
        double[] x = Table1Reference.doubles(s.get("x"));
        double[] y = Table1Reference.doubles(s.get("y"));
        if (s.has("welch")) {
            check(w + " welch", TwoSampleTTest.withDefaults().test(x, y), s.get("welch"));
        }
        check(w + " student", TwoSampleTTest.withDefaults().with(VarianceAssumption.EQUAL).test(x, y), s.get("student"));
    }

    private static void check(String w, TTestResult t, JsonNode r) {
        close(w + " t", t.statistic(), r.get("statistic"), STAT);
        close(w + " df", t.df(), r.get("df"), STAT);
        close(w + " p", t.pValue(), r.get("p_value"), P);
        close(w + " lower", t.lower(), r.get("lower"), STAT);
        close(w + " upper", t.upper(), r.get("upper"), STAT);
        if (r.has("std_err")) {
            close(w + " se", t.stdErr(), r.get("std_err"), STAT);
        }
    }

    @Test
    void byHand() {
        // x = {1, 2, 3}, y = {4, 5, 6}: means 2 and 5, variances 1 and 1; se = sqrt(2/3); t = -3/sqrt(2/3) = -3.674235;
        // Welch df = (2/3)^2 / (2 * (1/3)^2 / 2) = 4 (equal to the pooled df here).
        // R 4.2.2: t.test(1:3, 4:6): t = -3.6742, df = 4, p-value = 0.02131
        TTestResult t = TwoSampleTTest.withDefaults().test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        close("t", t.statistic(), -3 / Math.sqrt(2.0 / 3), 1e-14);
        close("df", t.df(), 4, 1e-14);
        close("p", t.pValue(), 0.02131164113055, 1e-10);
        assertThat(t.difference()).isEqualTo(-3.0);
    }

    @Test
    void edgeCasesAsR() {
        // R 4.2.2: t.test(1, 2:4) stops "not enough 'x' observations"; t.test(c(1,1), c(1,1)) "data are essentially constant"
        assertThatThrownBy(() -> TwoSampleTTest.withDefaults().test(new double[] {1}, new double[] {2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not enough 'x'");
        assertThatThrownBy(() -> TwoSampleTTest.withDefaults().test(new double[] {1, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("essentially constant");
        // the pooled test accepts a group of one, as R
        assertThat(TwoSampleTTest.withDefaults().with(VarianceAssumption.EQUAL)
                .test(new double[] {1}, new double[] {2, 3, 4}).df()).isEqualTo(2);
        assertThatThrownBy(() -> TwoSampleTTest.withDefaults().withConfidenceLevel(1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.survkit.stats.baseline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.survkit.stats.baseline.Table1Reference.P;
import static org.survkit.stats.baseline.Table1Reference.STAT;
import static org.survkit.stats.baseline.Table1Reference.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One-way ANOVA against R 4.2.2 {@code oneway.test(var.equal = TRUE)} (checked equal to
 * {@code summary(aov())} in the generator) and {@code oneway.test(var.equal = FALSE)}
 * (reference/table1/group_tests.json), and identities with the t-tests.
 */
class OneWayAnovaTest {

    @Test
    void kSamplesMatchR() {
        for (JsonNode s : Table1Reference.json("group_tests").get("k_sample")) {
            String w = s.get("name").asText();
            List<double[]> groups = new ArrayList<>();
            s.get("groups").forEach(g -> groups.add(Table1Reference.doubles(g)));
            check(w + " anova", OneWayAnova.withDefaults().test(groups), s.get("anova"));
            check(w + " welch", OneWayAnova.withDefaults().with(VarianceAssumption.UNEQUAL).test(groups), s.get("welch_anova"));
        }
    }

    @Test
    void twoSamplesMatchAov() {
        // R 4.2.2: summary(aov(y ~ g)) on the two-sample cases, groups of one included
        for (JsonNode s : Table1Reference.json("group_tests").get("two_sample")) {
            check(s.get("name").asText(), OneWayAnova.withDefaults().test(Table1Reference.doubles(s.get("x")),
                    Table1Reference.doubles(s.get("y"))), s.get("anova"));
        }
    }

    private static void check(String w, AnovaResult a, JsonNode r) {
        close(w + " F", a.statistic(), r.get("statistic"), STAT);
        close(w + " df1", a.df1(), r.get("df1"), STAT);
        close(w + " df2", a.df2(), r.get("df2"), STAT);
        close(w + " p", a.pValue(), r.get("p_value"), P);
    }

    /** With two groups F = t² of the pooled t-test, and Welch's F = Welch t² with the same df. */
    @Test
    void twoGroupsEqualTheTTests() {
        Random rnd = new Random(11);
        for (int rep = 0; rep < 40; rep++) {
            double[] x = rnd.doubles(2 + rnd.nextInt(30)).map(v -> v * 3).toArray();
            double[] y = rnd.doubles(2 + rnd.nextInt(30)).map(v -> v + 0.5).toArray();
            TTestResult s = TwoSampleTTest.withDefaults().with(VarianceAssumption.EQUAL).test(x, y);
            AnovaResult f = OneWayAnova.withDefaults().test(x, y);
            close("F = t^2", f.statistic(), s.statistic() * s.statistic(), 1e-10);
            close("p", f.pValue(), s.pValue(), 1e-9);
            TTestResult w = TwoSampleTTest.withDefaults().test(x, y);
            AnovaResult fw = OneWayAnova.withDefaults().with(VarianceAssumption.UNEQUAL).test(x, y);
            close("Welch F = t^2", fw.statistic(), w.statistic() * w.statistic(), 1e-10);
            close("Welch df", fw.df2(), w.df(), 1e-10);
        }
    }

    @Test
    void rejectsDegenerateInput() {
        assertThatThrownBy(() -> OneWayAnova.withDefaults().test(new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two groups");
        assertThatThrownBy(() -> OneWayAnova.withDefaults().test(new double[] {1, 1}, new double[] {2, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no variation");
        assertThatThrownBy(() -> OneWayAnova.withDefaults().test(new double[] {1}, new double[] {2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more observations");
        assertThatThrownBy(() -> OneWayAnova.withDefaults().with(VarianceAssumption.UNEQUAL)
                .test(new double[] {1}, new double[] {2, 3})).isInstanceOf(IllegalArgumentException.class);
    }
}

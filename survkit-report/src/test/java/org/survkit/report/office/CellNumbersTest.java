package org.survkit.report.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's cell formats (survkit-report Formats) read back into their numbers, by role. */
class CellNumbersTest {

    private static Object n(Map<String, CellNumbers.Part> m, String role) {
        CellNumbers.Part p = m.get(role);
        return p == null ? null : p.number() != null ? p.number() : p.text();
    }

    @Test
    void shapes() {
        Map<String, CellNumbers.Part> c = CellNumbers.parse("9/43 (20.9)");
        assertThat(List.of(n(c, "n"), n(c, "N"), n(c, "%"))).containsExactly(9.0, 43.0, 20.9);
        assertThat(c.get("%").digits()).isEqualTo(1);
        c = CellNumbers.parse("6.12 (\u22122.67 to 14.92)");
        assertThat(List.of(n(c, "value"), n(c, "lower"), n(c, "upper"))).containsExactly(6.12, -2.67, 14.92);
        c = CellNumbers.parse("58.2 (17.4\u2013NR)");
        assertThat(List.of(n(c, "value"), n(c, "lower"), n(c, "upper"))).containsExactly(58.2, 17.4, "NR");
        c = CellNumbers.parse("100.0 [17]");
        assertThat(List.of(n(c, "value"), n(c, "at risk"))).containsExactly(100.0, 17.0);
        assertThat(c).doesNotContainKey("lower");
        c = CellNumbers.parse("41.0 [35.0, 49.0]");
        assertThat(List.of(n(c, "median"), n(c, "Q1"), n(c, "Q3"))).containsExactly(41.0, 35.0, 49.0);
        c = CellNumbers.parse("< 0.001 b");
        assertThat(List.of(n(c, "bound"), n(c, "value"), n(c, "note"))).containsExactly("<", 0.001, "b");
        c = CellNumbers.parse("13.02 (1.54\u2013> 1000)");
        assertThat(n(c, "upper")).isEqualTo("> 1000");
    }

    @Test
    void textAndMissing() {
        assertThat(CellNumbers.parse("\u2014")).isEmpty();
        assertThat(CellNumbers.parse("")).isEmpty();
        assertThat(n(CellNumbers.parse("not estimable"), "value")).isEqualTo("not estimable");
        assertThat(n(CellNumbers.parse("Log-rank test, 3 groups"), "value")).isEqualTo("Log-rank test, 3 groups");
    }

    @Test
    void aColumnsRolesAreTheUnionOfItsCellsInOneOrder() {
        assertThat(CellNumbers.roles(List.of("", "42.5 \u00B1 9.9", "9/43 (20.9)"))).containsExactly("n", "N", "%",
                "mean", "SD");
        assertThat(CellNumbers.roles(List.of("0.7 a", "< 0.001 b", ""))).containsExactly("bound", "value", "note");
    }
}

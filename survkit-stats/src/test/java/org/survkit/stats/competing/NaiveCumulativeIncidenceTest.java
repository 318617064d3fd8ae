package org.survkit.stats.competing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.model.Factor;

/**
 * 1 − Kaplan–Meier of one cause against its cumulative incidence: a hand-computed case, the identity without
 * competing events, R on pbc, the guardrail note.
 */
class NaiveCumulativeIncidenceTest {

    /**
     * Four patients: cause 2 at 1, cause 1 at 2 and 3, censored at 4. Aalen–Johansen: F₁(3) = 3/4·1/3 + 2/4·1/2
     * = 1/2; Kaplan–Meier censoring cause 2: S₁(3) = 2/3·1/2 = 1/3, so 1 − S₁(3) = 2/3 (by hand).
     */
    @Test
    void handComputedCase() {
        double[] time = {1, 2, 3, 4};
        double[] status = {2, 1, 1, 0};
        CumulativeIncidenceResult r = CumulativeIncidence.withDefaults().fit(time, status, 0);
        List<NaiveCumulativeIncidence> rows = NaiveCumulativeIncidence.of(r, time, status, null, 3);
        assertThat(rows).hasSize(2);
        NaiveCumulativeIncidence one = rows.get(0);
        assertThat(one.cause()).isEqualTo(1);
        assertThat(one.group()).isEqualTo("all");
        assertThat(one.cif()).isCloseTo(0.5, within(1e-15));
        assertThat(one.naive()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(one.difference()).isCloseTo(1.0 / 6, within(1e-15));
        // cause 2 occurs first: nothing competes with it before it, so both are 1/4
        assertThat(rows.get(1).naive()).isCloseTo(0.25, within(1e-15));
        assertThat(rows.get(1).difference()).isCloseTo(0, within(1e-15));
        List<Diagnostic> d = CompetingRisksGuardrails.forNaiveIncidence(rows, null);
        assertThat(d).hasSize(1);
        assertThat(d.get(0).code()).isEqualTo("naive-incidence");
        assertThat(d.get(0).severity()).isEqualTo(Diagnostic.Severity.NOTE);
        assertThat(d.get(0).message()).startsWith("At 3, ").contains("cause 1")
                .contains("\u2014 66.7% vs 50.0% (+16.7).").doesNotContain("all");
    }

    @Test
    void withoutCompetingEventsBothAgreeAndNothingIsReported() {
        double[] time = {5, 3, 8, 8, 2, 9, 12, 4, 7, 7};
        double[] status = {1, 0, 1, 1, 0, 1, 0, 1, 1, 0};
        String[] arm = {"a", "a", "a", "a", "a", "b", "b", "b", "b", "b"};
        CumulativeIncidenceResult r = CumulativeIncidence.withDefaults().fit(time, status, 0, arm, null);
        for (double at : new double[] {0, 4, 7, 8}) {
            for (NaiveCumulativeIncidence n : NaiveCumulativeIncidence.of(r, time, status, Factor.of(arm), at)) {
                assertThat(n.difference()).as(n.toString()).isCloseTo(0, within(1e-14));
            }
        }
        assertThat(CompetingRisksGuardrails.forNaiveIncidence(NaiveCumulativeIncidence.of(r, time, status,
                Factor.of(arm), 7), "months")).isEmpty();
        // group a is followed to 8 only: left out at 10
        assertThat(NaiveCumulativeIncidence.of(r, time, status, Factor.of(arm), 10)).extracting(
                NaiveCumulativeIncidence::group).containsOnly("b");
    }

    /**
     * R 4.2.2, survival 3.5-3, cmprsk 2.2-11, pbc (survival's, 418 rows), death (status 2) by edema at 1826 days:
     * {@code 1 - summary(survfit(Surv(time, status == 2) ~ 1, data = s, timefix = FALSE), times = 1826)$surv} and
     * {@code timepoints(cuminc(s$time, s$status, cencode = 0), 1826)$est["1 2", 1]} per edema level s.
     */
    @Test
    void pbcDeathByEdemaMatchesR() throws IOException {
        String csv;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("datasets/pbc.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).skip(1).toList();
        double[] time = new double[lines.size()];
        double[] status = new double[lines.size()];
        String[] edema = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            time[i] = Double.parseDouble(f[1]);
            status[i] = Double.parseDouble(f[2]);
            edema[i] = f[9];
        }
        Factor g = Factor.of(edema);
        CumulativeIncidenceResult r = CumulativeIncidence.withDefaults().fit(time, status, 0, g, null);
        List<NaiveCumulativeIncidence> rows = NaiveCumulativeIncidence.of(r, time, status, g, 1826).stream()
                .filter(n -> n.cause() == 2).toList();
        assertThat(rows).extracting(NaiveCumulativeIncidence::group).containsExactly("0", "0.5", "1");
        double[][] expected = {{0.23305612981057289, 0.22832830650547861}, {0.53038405444822545, 0.51556635877491486},
            {0.92500000000000004, 0.92499999999999949}};
        for (int k = 0; k < 3; k++) {
            assertThat(rows.get(k).naive()).isCloseTo(expected[k][0], within(1e-12));
            assertThat(rows.get(k).cif()).isCloseTo(expected[k][1], within(1e-12));
        }
        List<Diagnostic> d = CompetingRisksGuardrails.forNaiveIncidence(rows, "days");
        assertThat(d).hasSize(1);
        assertThat(d.get(0).message()).startsWith("At 1826 days, ").contains("\u2014 0: 23.3% vs 22.8% (+0.5); ")
                .contains("0.5: 53.0% vs 51.6% (+1.5)").contains("1: 92.5% vs 92.5% (+0.0)");
    }

    @Test
    void groupOrderOfTheFactorIsKeptAndChecked() {
        double[] time = {1, 2, 3, 4, 5, 6};
        double[] status = {1, 2, 0, 1, 2, 0};
        Factor g = new Factor(List.of("z", "a"), new int[] {0, 0, 0, 1, 1, 1});
        CumulativeIncidenceResult r = CumulativeIncidence.withDefaults().fit(time, status, 0, g, null);
        assertThat(r.groups()).containsExactly("z", "a");
        CumulativeIncidenceResult sorted = CumulativeIncidence.withDefaults().fit(time, status, 0,
                new String[] {"z", "z", "z", "a", "a", "a"}, null);
        assertThat(sorted.groups()).containsExactly("a", "z");
        assertThat(r.test(1).statistic()).isCloseTo(sorted.test(1).statistic(), within(1e-12));
        assertThat(r.curve("z", 2)).isEqualTo(sorted.curve("z", 2));
        assertThatThrownBy(() -> NaiveCumulativeIncidence.of(r, time, status, Factor.of(new String[] {"z", "z", "z",
            "a", "a", "a"}), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CumulativeIncidence.withDefaults().fit(time, status, 0,
                new Factor(List.of("z", "a", "empty"), new int[] {0, 0, 0, 1, 1, 1}), null))
                .hasMessageContaining("empty");
    }
}

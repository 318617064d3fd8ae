package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code survkit plan}: Schoenfeld/Freedman events, power, patients (closed forms in SampleSizeTest). */
class CliPlanTest {

    @Test
    void eventsPowerAndPatients() {
        JsonNode j = Cli.run("plan", "--hr", "0.5", "--format", "json").json();
        assertThat(j.get("method").asText()).isEqualTo("schoenfeld");
        assertThat(j.get("events").asInt()).isEqualTo(66); // 4 (1.959964 + 0.841621)^2 / log(0.5)^2 = 65.35
        assertThat(j.get("patients").isNull()).isTrue();
        JsonNode f = Cli.run("plan", "--hr", "0.5", "--method", "freedman", "--format", "json").json();
        assertThat(f.get("events").asInt()).isEqualTo(71); // 9 (1.959964 + 0.841621)^2 = 70.64
        JsonNode p = Cli.run("plan", "--hr", "0.5", "--events", "66", "--format", "json").json();
        assertThat(p.get("power").asDouble()).isBetween(0.80, 0.81);
        JsonNode n = Cli.run("plan", "--hr", "0.5", "--accrual", "0", "--follow-up", "24", "--median", "12",
                "--format", "json").json();
        // no accrual period: P(event) = 1 - exp(-h 24): control 0.75, experimental (median 24) 0.5 -> mean 0.625
        assertThat(n.get("patients").asInt()).isEqualTo((int) Math.ceil(66 / 0.625));
        Cli text = Cli.run("plan", "--hr", "0.5");
        assertThat(text.out()).contains("events needed for 80% power: 66");
    }

    @Test
    void userErrors() {
        assertThat(CliErrorTest.userError("plan", "--hr", "1").err()).contains("not 1");
        assertThat(CliErrorTest.userError("plan", "--hr", "0.5", "--median", "12").err()).contains("--accrual");
        assertThat(CliErrorTest.userError("plan", "--hr", "0.5", "--power", "80").err()).contains("power");
    }

    @Test
    void simulatedPowerIsReproducibleAndNearTheFormula() {
        String[] args = {"plan", "--hr", "0.5", "--accrual", "24", "--follow-up", "24", "--median", "12", "--simulate",
            "1000", "--seed", "3", "--format", "json"};
        JsonNode a = Cli.run(args).json().get("simulation");
        JsonNode b = Cli.run(args).json().get("simulation");
        assertThat(a).isEqualTo(b);
        assertThat(a.get("trials").asInt()).isEqualTo(1000);
        assertThat(Math.abs(a.get("power").asDouble() - 0.8)).isLessThan(3 * a.get("std_err").asDouble() + 0.02);
        assertThat(CliErrorTest.userError("plan", "--hr", "0.5", "--simulate", "100").err()).contains("--accrual");
    }
}

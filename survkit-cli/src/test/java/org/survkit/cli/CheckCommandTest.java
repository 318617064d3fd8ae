package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code survkit check}: every problem at once, a column profile, exit 2 with problems, JSON for programs. */
class CheckCommandTest {

    @TempDir
    Path dir;

    private Path messy() throws Exception {
        Path f = dir.resolve("export.csv");
        Files.writeString(f, "id;os_months;status;age\n1;12,5;Décédé;61,5\n2;30;Vivant;54,2\n3;x;Decede;70\n"
                + "4;24,25;Vivnat;48,9\n5;6;Vivant;unknown\n6;18;Décédé;66,1\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void listsEveryProblemWithItsLineAndExitsTwo() throws Exception {
        Cli r = Cli.run("check", messy().toString(), "--time", "os_months", "--event", "status", "--event-value",
                "Décédé", "--censor-value", "Vivant");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).contains("line 4, column 'os_months': value \"x\" is not a number")
                .contains("line 5, column 'status': value \"Vivnat\" looks like a misspelling of the censor value"
                        + " \"Vivant\"")
                .contains("line 6, column 'age': value \"unknown\" is not a number")
                .contains("os_months").contains("event coding:");
        // accents only: read as the declared value, and said so in the coding table
        assertThat(r.out()).contains("\"Decede\"").contains("differs only in case, accents or spaces");
    }

    @Test
    void jsonForProgramsAndZeroWhenClean() throws Exception {
        Path f = dir.resolve("clean.csv");
        Files.writeString(f, "time,status\n1,1\n2,0\n3,1\n");
        Cli clean = Cli.run("check", f.toString(), "--time", "time", "--event", "status", "--format", "json");
        assertThat(clean.status()).isZero();
        JsonNode j = Cli.JSON.readTree(clean.out());
        assertThat(j.get("clean").asBoolean()).isTrue();
        Cli bad = Cli.run("check", messy().toString(), "--format", "json");
        JsonNode b = Cli.JSON.readTree(bad.out());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(b.get("columns").get(1).get("decimal_mark").asText()).isEqualTo(",");
        assertThat(b.get("problems").findValuesAsText("value")).contains("x", "unknown", "Vivnat");
    }
}

package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code survkit schema}, and the flags of every command against the study keys. */
class CliSchemaTest {

    @Test
    void schemaPrintsTheStudySchema() {
        Cli c = Cli.run("schema");
        assertThat(c.status()).isZero();
        JsonNode s = c.json();
        assertThat(s.get("properties").get("horizon").get("type").asText()).isEqualTo("number");
        assertThat(s.get("properties").get("comparisons").get("properties").get("adjust").get("enum").toString())
                .isEqualTo("[\"none\",\"bonferroni\",\"holm\",\"bh\"]");
    }

    @Test
    void everyStudyFlagOfEveryCommandReadsItsValueWithItsKeysParser() {
        // a flag spelled like a study key's flag must be that key's (one name, one meaning): its help text is the
        // key's unless the command describes its own use of it
        Map<String, StudyKey<?>> keys = StudyKeys.byFlag();
        int bound = 0;
        for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                StudyKey<?> k = keys.get(o.longestName());
                if (k != null) {
                    bound++;
                    assertThat(String.join(" ", o.description())).as(sub.getCommandName() + " " + o.longestName())
                            .isNotBlank();
                }
            }
        }
        assertThat(bound).isGreaterThan(60);
    }
}

package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Main#commandLine(String...)} builds one command when the arguments name one; it must print exactly what
 * the whole command line prints: results, help, version, and every mistake's message (an option of another
 * command is named as such).
 */
class FocusedCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void printsWhatTheWholeCommandLinePrints() throws IOException {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "time,status,arm\n5,1,a\n8,0,b\n3,1,a\n9,1,b\n2,0,a\n7,1,b\n");
        String d = f.toString();
        List<String[]> cases = List.of(
                new String[] {"km", d, "--time", "time", "--event", "status", "--group", "arm", "--format", "json"},
                new String[] {"compare", d, "--time", "time", "--event", "status", "--group", "arm"},
                new String[] {"cox", d, "--time", "time", "--event", "status", "--covariates", "arm"},
                new String[] {"km", "--help"},
                new String[] {"cox", "--help"},
                new String[] {"km", "--version"},
                new String[] {"km", d, "--time", "time", "--event", "status", "--ties", "breslow"},
                new String[] {"km", d, "--time", "time", "--event", "status", "--no-such-option"},
                new String[] {"compare", d, "--time", "time", "--event", "status", "--group", "arm", "--format", "x"},
                new String[] {"km", d, "--time", "tme", "--event", "status"},
                new String[] {"km"});
        for (String[] args : cases) {
            Cli whole = Cli.run(Main.commandLine(), args);
            Cli focused = Cli.run(Main.commandLine(args), args);
            assertThat(focused).as(String.join(" ", args)).isEqualTo(whole);
        }
        assertThat(Cli.run(cases.get(6)).err()).contains("belongs to cox");
    }

    @Test
    void anythingButABuiltInCommandGetsTheWholeCommandLine() {
        assertThat(Main.commandLine("--help").getSubcommands()).containsKeys("km", "cox", "help");
        assertThat(Main.commandLine("help", "km").getSubcommands()).containsKeys("km", "cox", "help");
        assertThat(Main.commandLine("km", "x.csv").getSubcommands()).containsOnlyKeys("km");
        assertThat(Main.commandLine().getSubcommands()).containsKeys("km", "compare", "cox", "report");
    }
}

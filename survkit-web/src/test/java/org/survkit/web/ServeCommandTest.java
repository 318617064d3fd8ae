package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.survkit.cli.Main;
import picocli.CommandLine;

/** {@code survkit serve} is a subcommand of the CLI when survkit-web is on the class path. */
class ServeCommandTest {
    @Test
    void serveIsASubcommandWithItsOptions() {
        CommandLine cl = Main.commandLine();
        assertThat(cl.getSubcommands()).containsKeys("serve", "km", "compare", "cox", "report", "plan");
        assertThat(cl.getSubcommands().get("serve").getCommandSpec().optionsMap()).containsKeys("--port", "--host",
                "--data-dir", "--db", "--token", "--max-upload-mb", "--max-rows", "--no-browser");
    }

    @Test
    void aShortTokenIsAUsageError() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("serve", "--token", "short", "--no-browser")).isEqualTo(2);
        assertThat(err.toString()).contains("16 to 200");
    }

    @Test
    void aDatabaseUrlThatIsNotJdbcIsAUsageError() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("serve", "--db", "postgres://localhost/x", "--no-browser")).isEqualTo(2);
        assertThat(err.toString()).contains("--db takes a PostgreSQL JDBC URL such as jdbc:postgresql://")
                .contains("got 'postgres://localhost/x'");
    }

    @Test
    void guardAcceptsOnlyLocalHostNamesWithTheRightPort() {
        AccessGuard g = new AccessGuard("t".repeat(20), "c".repeat(48), "127.0.0.1", 8080);
        assertThat(g.hostAllowed("127.0.0.1:8080")).isTrue();
        assertThat(g.hostAllowed("LOCALHOST:8080")).isTrue();
        assertThat(g.hostAllowed("localhost")).isTrue();
        assertThat(g.hostAllowed("[::1]:8080")).isTrue();
        assertThat(g.hostAllowed("127.0.0.1:8081")).isFalse();
        assertThat(g.hostAllowed("attacker.example:8080")).isFalse();
        assertThat(g.hostAllowed("127.0.0.1.attacker.example:8080")).isFalse();
        assertThat(g.hostAllowed("")).isFalse();
        assertThat(g.hostAllowed(null)).isFalse();
        AccessGuard lan = new AccessGuard("t".repeat(20), "c".repeat(48), "192.168.1.20", 8080);
        assertThat(lan.hostAllowed("192.168.1.20:8080")).isTrue();
    }

    @Test
    void fileNamesAreMadeSafeAndOnlyReadableKindsPass() {
        assertThat(FileNames.safe("../../etc/lung.csv")).isEqualTo("lung.csv");
        assertThat(FileNames.safe("C:\\Users\\x\\My data (v2).xlsx")).isEqualTo("My data _v2_.xlsx");
        assertThat(FileNames.safe(".hidden.tsv")).isEqualTo("hidden.tsv");
        assertThat(FileNames.safe("<x>.CSV")).isEqualTo("_x_.csv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FileNames.safe("run.sh")).isInstanceOf(ApiError.class)
                .hasMessageContaining("'run.sh' is not a file survkit reads");
    }
}

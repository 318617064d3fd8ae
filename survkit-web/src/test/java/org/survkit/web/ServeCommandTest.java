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
                "--data-dir", "--db", "--token", "--max-upload-mb", "--max-rows", "--max-columns", "--no-browser");
    }

    /** Runs serve with arguments that make it refuse to start; {@return what it printed to standard error} */
    static String refused(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertThat(cl.execute(args)).as(err.toString()).isEqualTo(2);
        return err.toString();
    }

    @Test
    void aShortTokenIsAUsageError() {
        assertThat(refused("serve", "--token", "short", "--no-browser")).contains("16 to 200");
    }

    @Test
    void weakTokensAreRefusedWithTheReason() {
        assertThat(refused("serve", "--token", "aaaaaaaaaaaaaaaa", "--no-browser"))
                .contains("too easy to guess: it has only 1 different characters").contains("openssl rand -hex 24");
        assertThat(Tokens.weakness("abababababababab")).contains("only 2 different characters");
        assertThat(Tokens.weakness("1234567890123456")).contains("about 25 bits; at least 64 needed");
        assertThat(Tokens.weakness("abcdefghijklmnopqrstuvwxyz")).contains("too easy to guess");
        assertThat(Tokens.weakness("password12345678")).contains("too easy to guess");
        assertThat(Tokens.weakness(Tokens.token())).isNull();
        assertThat(Tokens.weakness(TestServer.TOKEN.replace("0123456789abcdef", "q7Xk2mPz9"))).isNull();
        // 16 random hex digits (what 'openssl rand -hex 8' prints) pass unless they happen to be digits only or
        // to use fewer than 6 characters: 10,000 seeded draws
        java.util.Random r = new java.util.Random(16);
        int refused = 0;
        for (int i = 0; i < 10_000; i++) {
            String hex = java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8).putLong(r.nextLong())
                    .array());
            if (Tokens.weakness(hex) != null) {
                refused++;
                assertThat(hex.chars().allMatch(Character::isDigit) || hex.chars().distinct().count() < Tokens.MIN_DISTINCT).as(hex)
                        .isTrue();
            }
        }
        assertThat(refused).isLessThan(20);
    }

    @Test
    void maxRowsBeyondWhatTheHeapCanAnalyseIsRefusedAtStartUp() {
        assertThat(refused("serve", "--max-rows", "2147483647", "--no-browser"))
                .contains("--max-rows 2,147,483,647 is more than this server's memory can analyse")
                .contains("Give at most --max-rows").contains("-Xmx");
        HeapBudget small = new HeapBudget(512L << 20);
        assertThat(small.checkRows(1_000_000)).isNull();
        assertThat(small.checkRows(2_000_000)).contains("Give at most --max-rows 1,");
        assertThat(new HeapBudget(256L << 20).maxRows()).isLessThan(1_000_000);
    }

    @Test
    void postgresGetsTimeoutsAndThePasswordFromTheEnvironment() {
        java.util.Properties p = StudyStore.connectionProperties("jdbc:postgresql://db/survkit?user=u", "s3cret");
        assertThat(p.getProperty("password")).isEqualTo("s3cret");
        assertThat(p.getProperty("connectTimeout")).isEqualTo("10");
        assertThat(p.getProperty("socketTimeout")).isEqualTo("60");
        assertThat(p.getProperty("options")).contains("statement_timeout=30000");
        java.util.Properties given = StudyStore.connectionProperties(
                "jdbc:postgresql://db/survkit?user=u&password=x&socketTimeout=5", "s3cret");
        assertThat(given.getProperty("password")).isNull();
        assertThat(given.getProperty("socketTimeout")).isNull();
        assertThat(StudyStore.connectionProperties("jdbc:h2:mem:x", "s3cret")).isEmpty();
        assertThat(StudyStore.redact("jdbc:postgresql://db/x?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=u&password=***&ssl=true");
    }

    @Test
    void aDatabaseUrlThatIsNotJdbcIsAUsageError() {
        assertThat(refused("serve", "--db", "postgres://localhost/x?password=p", "--no-browser"))
                .contains("--db takes a PostgreSQL JDBC URL such as jdbc:postgresql://")
                .contains("got 'postgres://localhost/x?password=***'").contains("PGPASSWORD");
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

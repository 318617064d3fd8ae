package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user mistake exits with status 2 and one clear message: file, line, column, value, what to do. */
class CliErrorTest {
    @TempDir
    Path dir;
    String bad;

    @BeforeEach
    void write() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "time,status,grp,d0,d1\n5,1,a,2020-01-01,2020-02-01\n-3,0,b,2020-01-01,2020-13-01\n"
                + "abc,1,a,2020-01-01,2020-02-01\n");
        bad = f.toString();
    }

    static Cli userError(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).startsWith("survkit: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        return r;
    }

    @Test
    void unknownColumnSuggestsTheClosestName() {
        assertThat(userError("km", bad, "--time", "tme", "--event", "status").err())
                .contains("bad.csv").contains("'tme'").contains("Did you mean 'time'").contains("time, status, grp");
    }

    @Test
    void negativeTime() {
        assertThat(userError("km", bad, "--time", "time", "--event", "status").err())
                .contains("bad.csv: 2 invalid values").contains("line 3, column 'time'").contains("\"-3\"")
                .contains("≥ 0").contains("line 4, column 'time': value \"abc\" is not a number");
    }

    @Test
    void unparseableNumber() throws IOException {
        Path f = dir.resolve("num.csv");
        Files.writeString(f, "time,status\n5,1\nabc,1\n");
        assertThat(userError("km", f.toString(), "--time", "time", "--event", "status").err())
                .contains("num.csv, line 3, column 'time'").contains("\"abc\"").contains("not a number");
    }

    @Test
    void impossibleDateIsNamedAsSuch() {
        assertThat(userError("km", bad, "--start-date", "d0", "--end-date", "d1", "--event", "status").err())
                .contains("line 3, column 'd1'").contains("2020-13-01").contains("has month 13, but months run 1–12");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = dir.resolve("empty.csv");
        Files.writeString(f, "");
        assertThat(userError("km", f.toString(), "--time", "time", "--event", "status").err()).contains("empty.csv")
                .contains("empty");
    }

    @Test
    void headerOnlyFile() throws IOException {
        Path f = dir.resolve("header.csv");
        Files.writeString(f, "time,status\n");
        assertThat(userError("km", f.toString(), "--time", "time", "--event", "status").err()).contains("header.csv");
    }

    @Test
    void missingFile() {
        assertThat(userError("km", dir.resolve("nope.csv").toString(), "--time", "time", "--event", "status").err())
                .contains("nope.csv");
    }

    @Test
    void unknownEventCodesAreListed() {
        assertThat(userError("km", Cli.resource("lung.csv"), "--time", "time", "--event", "status").err())
                .contains("column 'status'").contains("1, 2").contains("--event-value");
    }

    @Test
    void oneGroupWhereATestNeedsTwo() throws IOException {
        Path f = dir.resolve("one.csv");
        Files.writeString(f, "time,status,arm\n1,1,A\n2,0,A\n3,1,A\n");
        assertThat(userError("compare", f.toString(), "--time", "time", "--event", "status", "--group", "arm").err())
                .contains("one.csv").contains("'arm'").contains("only one group (A)").contains("at least two");
    }

    @Test
    void tooManyGroups() throws IOException {
        StringBuilder sb = new StringBuilder("time,status,id\n");
        for (int i = 0; i < 1000; i++) {
            sb.append(i % 50 + 1).append(',').append(i % 2).append(',').append(i).append('\n');
        }
        Path f = dir.resolve("ids.csv");
        Files.writeString(f, sb);
        assertThat(userError("compare", f.toString(), "--time", "time", "--event", "status", "--group", "id").err())
                .contains("1000 distinct values").contains("identifier");
    }

    @Test
    void badOptionsAreReportedBeforeReadingData() {
        assertThat(userError("km", bad, "--time", "time", "--event", "status", "--conf-type", "foo").err())
                .contains("foo").contains("log-log");
        assertThat(userError("km", bad, "--time", "time", "--event", "status", "--conf-level", "95").err())
                .contains("--conf-level");
        assertThat(userError("compare", bad, "--time", "time", "--event", "status", "--group", "grp", "--rho", "1")
                .err()).contains("--test fh");
        assertThat(userError("compare", bad, "--time", "time", "--event", "status", "--group", "grp", "--adjust",
                "tukey").err()).contains("holm");
        assertThat(userError("km", bad, "--time", "time", "--event", "status", "--at", "-1").err()).contains("--at");
        assertThat(userError("km", bad, "--event", "status").err()).contains("--time");
        assertThat(userError("km", bad, "--time", "time").err()).contains("--event");
        assertThat(userError("km", bad, "--time", "time", "--event", "status", "--format", "xml").err())
                .contains("xml");
        assertThat(userError("frobnicate").err()).contains("frobnicate");
    }

    @Test
    void excludedRowsAreCountedWithLineNumbers() {
        Cli r = Cli.run("compare", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value",
                "2", "--group", "ph.ecog", "--format", "json");
        assertThat(r.status()).isZero();
        var ex = r.json().get("excluded");
        assertThat(ex.get("rows_read").asInt()).isEqualTo(228);
        assertThat(ex.get("rows_analysed").asInt()).isEqualTo(227);
        assertThat(ex.get("reasons").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(ex.get("reasons").get(0).get("first_lines").get(0).asInt()).isEqualTo(15);
        Cli t = Cli.run("compare", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value",
                "2", "--group", "ph.ecog");
        assertThat(t.out()).contains("228 rows read, 227 analysed, 1 excluded").contains("(line 15)");
    }
}

package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code survkit report}: from flags, from a study file, and its user errors (exit status 2). */
class CliReportTest {

    @TempDir
    Path dir;

    @Test
    void quickReportWritesAStudyFileThatReproducesTheReport() throws IOException {
        Path first = dir.resolve("first");
        Cli r = Cli.run("report", Cli.resource("lung.csv"), "--time", "time", "--time-unit", "days", "--event",
                "status", "--event-value", "2", "--group", "sex", "--table1", "age,ph.ecog", "--covariates",
                "age,ph.ecog", "--at", "180,365", "--out", first.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + first.resolve("report.html")).contains("228 rows read, 228 analysed");
        for (String f : new String[] {"report.html", "study.yaml", "analysis.csv", "tables/table1.csv",
            "tables/survival.json", "tables/cox_1.csv", "figures/km_all.svg", "figures/km_all.png",
            "figures/forest_1.png"}) {
            assertThat(first.resolve(f)).as(f).isRegularFile();
        }
        String study = Files.readString(first.resolve("study.yaml"));
        assertThat(study).startsWith("# Written by survkit report. Re-run with: survkit report study.yaml")
                .contains("column: \"sex\"").contains("value: \"2\"").contains("covariates: [\"sex\", \"age\","
                        + " \"ph.ecog\"]").contains("output: \".\"");
        // the study file alone gives the same report
        Path second = dir.resolve("second");
        Cli again = Cli.run("report", first.resolve("study.yaml").toString(), "--out", second.toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(Files.readString(second.resolve("report.html")))
                .isEqualTo(Files.readString(first.resolve("report.html")));
        assertThat(Files.readString(second.resolve("tables/table1.csv")))
                .isEqualTo(Files.readString(first.resolve("tables/table1.csv")));
        assertThat(Files.readString(second.resolve("analysis.csv")))
                .isEqualTo(Files.readString(first.resolve("analysis.csv")));
        // and run in place (output "."), it rewrites its own folder
        Cli inPlace = Cli.run("report", first.resolve("study.yaml").toString(), "--no-png");
        assertThat(inPlace.status()).as(inPlace.err()).isZero();
        assertThat(inPlace.out()).contains("wrote " + first.resolve("report.html"));
    }

    @Test
    void studyFileErrorsNameTheLineAndExitWith2() throws IOException {
        Files.copy(Path.of(Cli.resource("lung.csv")), dir.resolve("lung.csv"));
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, "data: lung.csv\ntime: time\nevent: {column: status, value: 2}\nhorizn: 365\n");
        Cli r = Cli.run("report", study.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("survkit: study.yaml, line 4: unknown key 'horizn'. Did you mean 'horizon'?");
        Files.writeString(study, "data: lung.csv\ntime: time\nevent: {column: status, value: 2}\n"
                + "groups: {rules: [{label: A, when: \"sex = 1\"}]}\n");
        r = Cli.run("report", study.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("line 4, 'groups.rules[1].when': rule 'A', position 5: '=' is not a comparison;"
                + " write '==' to test equality.");
        Files.writeString(study, "data: lung.csv\ntime: time\nevent: {column: status, value: 2}\ngroups: sexx\n");
        r = Cli.run("report", study.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("study.yaml, line 4, 'groups.column': unknown column 'sexx'. Did you mean 'sex'?");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void flagsAndStudyFileDoNotMix() {
        Cli r = Cli.run("report", dir.resolve("s.yaml").toString(), "--time", "t", "--group", "g");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--time, --group describe a cohort file; with a study file, put them in the"
                + " study file");
    }

    @Test
    void quickReportErrorsSpeakOfTheFlags() {
        Cli r = Cli.run("report", Cli.resource("lung.csv"), "--time", "tme", "--event", "status", "--out",
                dir.resolve("q").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("survkit: --time: unknown column 'tme'. Did you mean 'time'?");
        r = Cli.run("report", Cli.resource("lung.csv"), "--time", "time", "--out", dir.resolve("q").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("say where follow-up time and the event are");
        r = Cli.run("report", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--table1", "agee",
                "--out", dir.resolve("q").toString());
        assertThat(r.err()).startsWith("survkit: --table1: unknown column 'agee'. Did you mean 'age'?");
    }

    @Test
    void doesNotOverwriteAStudyFileItDidNotWrite() throws IOException {
        Path folder = dir.resolve("mine");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("study.yaml"), "# my own study\n");
        Cli r = Cli.run("report", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--out",
                folder.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("exists and was not written by survkit report");
        assertThat(Files.readString(folder.resolve("study.yaml"))).isEqualTo("# my own study\n");
    }

    @Test
    void mainListsTheCommand() {
        Cli r = Cli.run("--help");
        assertThat(r.out()).contains("report");
        assertThat(Cli.run("report", "--help").out()).contains("survkit report study.yaml [--out DIR]");
    }
}

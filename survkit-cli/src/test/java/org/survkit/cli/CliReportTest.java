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

    /**
     * {@code --docx} (the study key {@code docx}) adds report.docx and tables.xlsx; the study file written keeps it, so
     * that running that file writes them again, and without the flag or the key neither is written.
     */
    @Test
    void docxWritesTheWordReportAndTheWorkbook() throws IOException {
        Path first = dir.resolve("docx");
        Cli r = Cli.run("report", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value", "2",
                "--group", "sex", "--no-png", "--docx", "--out", first.toString());
        assertThat(r.status()).as(r.err()).isZero();
        // no logging noise of the Word writer: at most the report's progress lines (when it runs over a second)
        assertThat(r.err().lines().filter(l -> !l.startsWith("survkit report: "))).isEmpty();
        assertThat(first.resolve("report.docx")).isRegularFile();
        assertThat(first.resolve("tables.xlsx")).isRegularFile();
        assertThat(Files.readString(first.resolve("study.yaml"))).contains("\ndocx: yes\n");
        Path second = dir.resolve("again");
        Cli again = Cli.run("report", first.resolve("study.yaml").toString(), "--no-png", "--out", second.toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(second.resolve("report.docx")).isRegularFile();
        Path plain = dir.resolve("plain");
        Cli none = Cli.run("report", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value",
                "2", "--no-png", "--out", plain.toString());
        assertThat(none.status()).as(none.err()).isZero();
        assertThat(plain.resolve("report.docx")).doesNotExist();
        assertThat(plain.resolve("tables.xlsx")).doesNotExist();
        assertThat(Cli.run("report", "--help").out()).contains("--docx").contains("report.docx");
    }

    /**
     * The rules of what combines with entry times and case weights are the study's, checked where every front end makes
     * its study: the report from flags refuses what the study file refuses (a landmark with entry times), with the same
     * reason in the words of the flags; entry times and weights alone make a report whose study file keeps them.
     */
    @Test
    void reportFromFlagsRefusesWhatTheStudyFileRefuses() throws IOException {
        Path data = dir.resolve("entry.csv");
        Files.writeString(data, "time,status,entry,w,arm\n5,1,0,1,A\n8,0,1,2,B\n12,1,2,1,A\n15,1,0,1,B\n20,0,3,2,A\n"
                + "25,1,1,1,B\n30,0,0,1,A\n");
        Path yaml = dir.resolve("study.yaml");
        Files.writeString(yaml, "data: entry.csv\ntime: {column: time, entry: entry}\nevent: status\nlandmark: 2\n");
        Cli file = Cli.run("report", yaml.toString(), "--no-png", "--out", dir.resolve("file").toString());
        Cli flags = Cli.run("report", data.toString(), "--time", "time", "--event", "status", "--start", "entry",
                "--landmark", "2", "--no-png", "--out", dir.resolve("flags").toString());
        assertThat(file.status()).as(file.err()).isEqualTo(2);
        assertThat(flags.status()).as(flags.err()).isEqualTo(2);
        String fileSays = "study.yaml, line 4, 'landmark': cannot be combined with 'entry': ";
        String flagsSay = "--landmark: cannot be combined with --start: ";
        assertThat(file.err()).contains(fileSays);
        assertThat(flags.err()).contains(flagsSay);
        assertThat(flags.err().substring(flags.err().indexOf(flagsSay) + flagsSay.length()).strip())
                .isEqualTo(file.err().substring(file.err().indexOf(fileSays) + fileSays.length()).strip())
                .startsWith("a landmark and entry times both say when a row starts to count");
        Path weighted = dir.resolve("weighted");
        Cli ok = Cli.run("report", data.toString(), "--time", "time", "--event", "status", "--start", "entry",
                "--weights", "w", "--group", "arm", "--no-png", "--out", weighted.toString());
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(Files.readString(weighted.resolve("study.yaml"))).contains("entry: \"entry\"")
                .contains("weights: \"w\"").contains("--start entry --weights w");
    }

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
    void figureFlagsChooseTheFilesTheirWidthAndResolution() throws IOException {
        Path folder = dir.resolve("figs");
        Cli r = Cli.run("report", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--event-value",
                "2", "--group", "sex", "--figure-formats", "pdf,tiff", "--figure-width", "85", "--figure-dpi", "150",
                "--out", folder.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(folder.resolve("figures/km_all.svg")).isRegularFile();
        assertThat(folder.resolve("figures/km_all.pdf")).isRegularFile();
        assertThat(folder.resolve("figures/km_all.tiff")).isRegularFile();
        assertThat(folder.resolve("figures/km_all.png")).doesNotExist();
        assertThat(Files.readString(folder.resolve("figures/km_all.svg"))).contains("width=\"85mm\"");
        // 85 mm at 150 dpi = 502 px
        assertThat(javax.imageio.ImageIO.read(folder.resolve("figures/km_all.tiff").toFile()).getWidth())
                .isEqualTo(502);
        // the study file written keeps them, and names the flags in its comment
        String yaml = Files.readString(folder.resolve("study.yaml"));
        assertThat(yaml).contains("formats: [svg, pdf, tiff]").contains("width_mm: 85").contains("dpi: 150")
                .contains("--figure-formats pdf,tiff --figure-width 85 --figure-dpi 150");
        // a study file's figures are overridden by the flags
        Cli again = Cli.run("report", folder.resolve("study.yaml").toString(), "--figure-formats", "eps",
                "--out", dir.resolve("again").toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(dir.resolve("again/figures/km_all.eps")).isRegularFile();
        assertThat(dir.resolve("again/figures/km_all.pdf")).doesNotExist();
    }

    @Test
    void aWrongFigureFlagIsOneMessage() {
        String[] base = {"report", Cli.resource("lung.csv"), "--time", "time", "--event", "status", "--out",
            dir.resolve("x").toString()};
        Cli formats = Cli.run(concat(base, "--figure-formats", "svg,jpg"));
        assertThat(formats.status()).isEqualTo(2);
        assertThat(formats.err()).contains("--figure-formats: \"jpg\" is not allowed; use svg, png, pdf, eps and"
                + " tiff, one or more (e.g. svg,png,pdf).").doesNotContain("Exception").doesNotContain("\tat ");
        Cli width = Cli.run(concat(base, "--figure-width", "40"));
        assertThat(width.status()).isEqualTo(2);
        assertThat(width.err()).contains("--figure-width: 40 is not allowed; give a number from 80 to 300 (e.g. 85).");
        Cli dpi = Cli.run(concat(base, "--figure-dpi", "30"));
        assertThat(dpi.status()).isEqualTo(2);
        assertThat(dpi.err()).contains("--figure-dpi: 30 is not allowed; give the resolution in dots per inch");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void quickReportReadsDatesMissingCodesAndStrataAsEveryCommandDoes() throws IOException {
        // day-first dates in a ';' file, a missing-value code and strata: the flags every command takes
        Path data = dir.resolve("export.csv");
        Files.writeString(data, String.join("\n", "id;start;last;status;arm;site",
                "1;03/01/2015;12/06/2017;dead;A;x", "2;15/02/2015;01/09/2019;alive;B;y",
                "3;20/03/2015;05/05/2016;dead;A;x", "4;02/04/2015;30/12/2018;alive;B;unknown",
                "5;11/05/2015;14/02/2017;dead;A;y", "6;19/06/2015;22/08/2019;alive;B;x",
                "7;07/07/2015;03/03/2018;dead;B;y", "8;25/08/2015;17/11/2019;alive;A;x",
                "9;30/09/2015;09/10/2016;dead;B;x", "10;12/10/2015;28/06/2019;alive;A;y") + "\n");
        String[] reading = {"--start-date", "start", "--end-date", "last", "--time-unit", "months", "--date-format",
            "dd/MM/yyyy", "--event", "status", "--event-value", "dead", "--group", "arm", "--strata", "site", "--na",
            "unknown", "--horizon", "36"};
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("report", data.toString()));
        a.addAll(java.util.List.of(reading));
        a.addAll(java.util.List.of("--out", dir.resolve("r").toString(), "--no-png"));
        Cli r = Cli.run(a.toArray(new String[0]));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("10 rows read, 9 analysed");
        String yaml = Files.readString(dir.resolve("r").resolve("study.yaml"));
        assertThat(yaml).contains("from: \"start\"").contains("date_format: \"dd/MM/yyyy\"")
                .contains("na: [\"unknown\"]").contains("strata: \"site\"").contains("horizon: 36");
        // the same P as survkit compare with the same flags
        java.util.List<String> c = new java.util.ArrayList<>(java.util.List.of("compare", data.toString()));
        c.addAll(java.util.List.of(reading));
        c.addAll(java.util.List.of("--format", "json"));
        double p = Cli.run(c.toArray(new String[0])).json().get("p_value").asDouble();
        double reportP = Cli.JSON.readTree(dir.resolve("r").resolve("tables").resolve("comparisons.json").toFile())
                .get("p_value").asDouble();
        assertThat(reportP).isEqualTo(p);
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
    void presentationFlagsReachTheTablesAndTheStudyFileAndOverrideAStudyFile() throws IOException {
        Path first = dir.resolve("styled");
        Cli r = Cli.run("report", Cli.resource("lung.csv"), "--time", "time", "--time-unit", "days", "--event",
                "status", "--event-value", "2", "--group", "sex", "--table1", "age,ph.ecog", "--p-style", "ama",
                "--table1-p-values", "no", "--table1-percent", "n (%)", "--table1-continuous", "median_iqr",
                "--hazard-ratios", "cox", "--no-png", "--out", first.toString());
        assertThat(r.status()).as(r.err()).isZero();
        String study = Files.readString(first.resolve("study.yaml"));
        assertThat(study).contains("p_style: ama").contains("  p_values: no\n  percent: \"n (%)\"\n"
                + "  continuous: median_iqr\n  variables:\n").contains("hazard_ratios: [cox]")
                .contains("--p-style ama");
        String t1 = Files.readString(first.resolve("tables/table1.csv"));
        assertThat(t1.lines().findFirst().orElseThrow()).doesNotContain(",P,");
        assertThat(t1).contains("age, median [IQR]").contains("ph.ecog, n (%)");
        String pairwise = Files.readString(first.resolve("tables/pairwise.csv"));
        assertThat(pairwise.lines().findFirst().orElseThrow()).contains("HR Cox").doesNotContain("Mantel");
        // the overall test's P in AMA's style: R 4.2.2, survival 3.5-3: survdiff(Surv(time, status) ~ sex, lung)
        // gives p = 0.00131, printed .001
        assertThat(Files.readString(first.resolve("tables/comparisons.csv"))).contains(",.001\n");
        // given with a study file, a flag overrides its key
        Cli again = Cli.run("report", first.resolve("study.yaml").toString(), "--p-style", "lancet",
                "--table1-p-values", "yes", "--no-png", "--out", dir.resolve("again").toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(Files.readString(dir.resolve("again/tables/comparisons.csv"))).contains(",0\u00B70013\n");
        assertThat(Files.readString(dir.resolve("again/tables/table1.csv")).lines().findFirst().orElseThrow())
                .contains(",P,");
        Cli bad = Cli.run("report", first.resolve("study.yaml").toString(), "--p-style", "jama");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--p-style: \"jama\" is not allowed; use digits, nejm, ama or lancet.");
    }

    @Test
    void analysisCommandsPrintTheirTextInAPStyleWhenAsked() {
        String[] compare = {"compare", Cli.resource("lung.csv"), "--time", "time", "--event", "status",
            "--event-value", "2", "--group", "sex"};
        // R 4.2.2, survival 3.5-3: survdiff(Surv(time, status) ~ sex, lung): p = 0.00131 (format.pval)
        Cli r = Cli.run(compare);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("degrees of freedom, p = 0.00131");
        String[] nejm = java.util.Arrays.copyOf(compare, compare.length + 2);
        nejm[compare.length] = "--p-style";
        nejm[compare.length + 1] = "nejm";
        Cli n = Cli.run(nejm);
        assertThat(n.status()).as(n.err()).isZero();
        assertThat(n.out()).contains("degrees of freedom, p = 0.001\n");
        String[] digits = java.util.Arrays.copyOf(compare, compare.length + 2);
        digits[compare.length] = "--p-digits";
        digits[compare.length + 1] = "1";
        assertThat(Cli.run(digits).out()).contains("degrees of freedom, p = 0.001\n");
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

    @Test
    void lineTypesAndLegendFlagsOverrideTheStudyAndAreCheckedByTheirKey() throws IOException {
        Path study = Path.of("../examples/rapamycin-mbc/study.yaml");
        Path out = dir.resolve("solid");
        Cli r = Cli.run("report", study.toString(), "--out", out.toString(), "--no-png", "--line-types", "solid",
                "--legend", "bottom");
        assertThat(r.status()).as(r.err()).isZero();
        String km = Files.readString(out.resolve("figures/km_all.svg"));
        assertThat(km).contains("class=\"km-curve\"").doesNotContain("stroke-dasharray=\"4.5 2.5\"");
        Cli dashed = Cli.run("report", study.toString(), "--out", dir.resolve("dashed").toString(), "--no-png");
        assertThat(dashed.status()).as(dashed.err()).isZero();
        assertThat(Files.readString(dir.resolve("dashed").resolve("figures/km_all.svg")))
                .contains("stroke-dasharray=\"4.5 2.5\"");
        Cli bad = Cli.run("report", study.toString(), "--out", dir.resolve("bad").toString(), "--line-types",
                "dotted");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--line-types: \"dotted\" is not allowed; use auto, solid or dashed.")
                .doesNotContain("Exception");
    }
}

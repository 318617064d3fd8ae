package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line ({@code target/survkit.jar}, what {@code ./survkit} runs) as a user runs it: a test-scoped
 * dependency or a missing service file passes every unit test (their class path is Maven's) and fails only here. Run
 * by failsafe after the jar is shaded ({@code mvn verify}).
 */
class ShadedJarIT {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target", "survkit.jar").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("survkit.jar finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The issue-14 check: the example study with Word, Excel and every figure format, from the jar. */
    @Test
    void theExampleReportWithWordExcelAndEveryFigureFormat() throws Exception {
        Path study = Path.of("..", "examples", "rapamycin-mbc", "study.yaml").toAbsolutePath().normalize();
        Path out = dir.resolve("report");
        Run r = run(dir, "report", study.toString(), "--out", out.toString(), "--docx", "--figure-formats",
                "svg,png,pdf,eps,tiff");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        for (String f : List.of("report.html", "report.docx", "tables.xlsx", "figures/km_all.svg", "figures/km_all.png",
                "figures/km_all.pdf", "figures/km_all.eps", "figures/km_all.tiff")) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
    }

    /** The readers from the jar: CSV and Parquet give the same analysis. */
    @Test
    void kmOnCsvAndParquetFromTheJar() throws Exception {
        Path lung = Path.of("..", "examples", "lung").toAbsolutePath().normalize();
        String[] flags = {"--time", "time", "--event", "status", "--event-value", "2", "--group", "sex", "--format",
            "json"};
        List<String> csv = new ArrayList<>(List.of("km", lung.resolve("lung.csv").toString()));
        csv.addAll(List.of(flags));
        List<String> parquet = new ArrayList<>(List.of("km", lung.resolve("lung.parquet").toString()));
        parquet.addAll(List.of(flags));
        Run a = run(Files.createDirectories(dir.resolve("a")), csv.toArray(new String[0]));
        Run b = run(Files.createDirectories(dir.resolve("b")), parquet.toArray(new String[0]));
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(b.status()).as(b.err()).isZero();
        assertThat(b.out()).contains("\"survival\"");
    }
}

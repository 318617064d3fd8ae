package org.survkit.report;

import org.survkit.report.html.PdfPrinter;
import org.survkit.study.file.StudyReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example report opened in headless Chromium (Debian {@code chromium}, which {@code .ci/run}
 * installs): it renders with no console errors and no network request, the figures are present
 * in the rendered DOM, and a screenshot is kept as a build artifact
 * ({@code target/report-screenshots/rapamycin-mbc.png}). Without a Chromium binary (a developer
 * machine that has not installed it) the test is skipped, never silently passed.
 */
class ReportInBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--enable-logging=stderr", "--v=0",
            // any host lookup fails loudly: a request to the network would show in the log
            "--host-resolver-rules=MAP * ~NOTFOUND");

    @TempDir
    Path out;

    @Test
    void exampleReportRendersOfflineWithoutErrors() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install -y chromium)");
        ReportEngine.Result r = ReportEngine.withDefaults().withPng(false).run(
                StudyReader.read(ExampleStudiesTest.EXAMPLES.resolve("rapamycin-mbc/study.yaml")).withOutput(out));
        String html = Files.readString(r.html(), StandardCharsets.UTF_8);

        // 1. nothing in the page points outside it
        Matcher m = Pattern.compile("(?i)(src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        List<String> external = new ArrayList<>();
        while (m.find()) {
            String url = m.group(2);
            if (!url.startsWith("#") && !url.startsWith("data:")) {
                external.add(url);
            }
        }
        assertThat(external).as("references leaving the page").isEmpty();
        assertThat(html).doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(http");

        // 2. Chromium: DOM after rendering, and the log
        List<String> dump = new ArrayList<>(List.of(CHROMIUM.toString()));
        dump.addAll(FLAGS);
        dump.add("--dump-dom");
        dump.add(r.html().toUri().toString());
        Run dom = run(dump);
        assertThat(dom.exit).as(dom.err).isZero();
        assertThat(dom.out).contains("<svg").contains("Number at risk").contains("Guardrails");
        int figures = dom.out.split("<svg", -1).length - 1;
        assertThat(figures).as("inline figures").isGreaterThanOrEqualTo(4);
        List<String> problems = dom.err.lines()
                .filter(l -> l.contains("CONSOLE") || l.contains("ERR_NAME_NOT_RESOLVED") || l.contains("Uncaught"))
                .toList();
        assertThat(problems).as("console errors or network requests").isEmpty();

        // 3. a screenshot as a build artifact
        Path shots = Path.of("target/report-screenshots");
        Files.createDirectories(shots);
        Path png = shots.resolve("rapamycin-mbc.png").toAbsolutePath();
        List<String> shot = new ArrayList<>(List.of(CHROMIUM.toString()));
        shot.addAll(FLAGS);
        shot.add("--screenshot=" + png);
        shot.add("--window-size=1280,3000");
        shot.add(r.html().toUri().toString());
        Run s = run(shot);
        assertThat(s.exit).as(s.err).isZero();
        assertThat(Files.size(png)).isGreaterThan(50_000);
    }

    @Test
    void exampleReportPrintsToPdf() throws Exception {
        assumeTrue(PdfPrinter.browser().isPresent(), "no Chromium/Chrome on the PATH (apt-get install -y chromium)");
        ReportEngine.Result r = ReportEngine.withDefaults().withPng(false).run(
                StudyReader.read(ExampleStudiesTest.EXAMPLES.resolve("rapamycin-mbc/study.yaml")).withOutput(out));
        Path pdf = out.resolve("report.pdf");
        PdfPrinter.print(r.html(), pdf);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // seven sections with figures and tables: several A4 pages, figures kept as vectors (no huge rasters)
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertThat(text.split("/Type\\s*/Page[^s]", -1).length - 1).isGreaterThanOrEqualTo(4);
        assertThat(Files.size(pdf)).isBetween(50_000L, 5_000_000L);
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("chromium", ".out");
        Path stderr = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in 120 s: " + command);
        }
        return new Run(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}

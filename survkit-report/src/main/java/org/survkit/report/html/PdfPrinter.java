package org.survkit.report.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.survkit.io.InputException;

/**
 * The HTML report printed to PDF by a headless Chromium (or Google Chrome) already installed on
 * the machine: the browser's print engine lays out the report's print stylesheet, inline SVG
 * figures stay vector, and no PDF library has to re-implement CSS. Nothing is downloaded; the
 * browser runs with networking features off, so the printed page makes no request.
 *
 * <p>Which browser: {@code SURVKIT_CHROMIUM} if set, else the first of {@code chromium},
 * {@code chromium-browser}, {@code google-chrome} found on the {@code PATH}.
 */
public final class PdfPrinter {

    /** The flags of DEPENDENCIES.md's headless recipe: no sandbox (containers), no network side traffic. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--no-pdf-header-footer");

    private static final String[] NAMES = {"chromium", "chromium-browser", "google-chrome"};

    private PdfPrinter() {
    }

    /** {@return the browser that would print, if any} */
    public static Optional<Path> browser() {
        String env = System.getenv("SURVKIT_CHROMIUM");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Prints {@code html} to {@code pdf}.
     *
     * @throws InputException when no browser is installed or printing fails (the HTML report is unaffected)
     */
    public static void print(Path html, Path pdf) {
        Path browser = browser().orElseThrow(() -> new InputException("--pdf needs Chromium or Google Chrome to"
                + " print the report (Debian/Ubuntu: apt-get install chromium; or set SURVKIT_CHROMIUM to the"
                + " browser). The HTML report was written; it also prints to PDF from any browser (File > Print)."));
        List<String> cmd = new ArrayList<>();
        cmd.add(browser.toString());
        cmd.addAll(FLAGS);
        cmd.add("--print-to-pdf=" + pdf.toAbsolutePath());
        cmd.add(html.toAbsolutePath().toUri().toString());
        try {
            Path log = Files.createTempFile("survkit-pdf", ".log");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new InputException("printing the report to PDF with " + browser + " did not finish in 120 s;"
                            + " the HTML report was written.");
                }
                if (p.exitValue() != 0 || !Files.exists(pdf) || Files.size(pdf) == 0) {
                    List<String> lines = Files.readAllLines(log);
                    String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
                    throw new InputException("printing the report to PDF with " + browser + " failed (exit "
                            + p.exitValue() + ": " + tail + "); the HTML report was written.");
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new InputException("cannot run " + browser + " to print the report (" + e.getMessage() + "); the"
                    + " HTML report was written.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while printing the report to PDF.", e);
        }
    }
}

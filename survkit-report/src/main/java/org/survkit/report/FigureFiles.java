package org.survkit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.survkit.plot.FigureExport;
import org.survkit.plot.FigureFormat;
import org.survkit.report.html.ReportFigures;

/**
 * Writes the report's figures into {@code figures/} in every format asked for: the SVG as rendered, the other formats
 * converted from it by survkit-plot's {@link FigureExport}, one conversion per figure and rendering (PNG and TIFF
 * share one raster), all of them in parallel on as many threads as the machine has cores, the raster conversions
 * (the slowest) first.
 */
final class FigureFiles {

    /** The progress step of the conversions. */
    static final String STEP = "figure files";

    private FigureFiles() {
    }

    /** {@return every file the figures make, relative to the output folder, figure by figure} */
    static List<String> names(List<ReportFigures.Item> figures, List<FigureFormat> formats) {
        List<String> out = new ArrayList<>();
        for (ReportFigures.Item f : figures) {
            for (FigureFormat format : formats) {
                out.add("figures/" + f.id() + "." + format.id());
            }
        }
        return out;
    }

    /**
     * Writes the files.
     *
     * @param dir      the figures folder
     * @param figures  the figures, rendered as SVG
     * @param formats  the formats (SVG among them)
     * @param dpi      the resolution of the raster formats
     * @param progress told of each conversion done
     * @throws UncheckedIOException when a file cannot be written
     */
    static void write(Path dir, List<ReportFigures.Item> figures, List<FigureFormat> formats, int dpi,
            ReportProgress progress) {
        record Job(ReportFigures.Item figure, Set<FigureFormat> formats) {
        }
        List<Job> jobs = new ArrayList<>();
        for (Set<FigureFormat> rendering : FigureExport.renderings(formats)) {
            if (!rendering.equals(Set.of(FigureFormat.SVG))) {
                figures.forEach(f -> jobs.add(new Job(f, rendering)));
            }
        }
        for (ReportFigures.Item f : figures) {
            if (formats.contains(FigureFormat.SVG)) {
                writeFile(dir.resolve(f.id() + ".svg"), f.svg().getBytes(StandardCharsets.UTF_8));
            }
        }
        if (jobs.isEmpty()) {
            return;
        }
        AtomicInteger done = new AtomicInteger();
        progress.update(STEP, 0, jobs.size());
        int threads = Math.min(jobs.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "survkit-figures");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Job j : jobs) {
                running.add(pool.submit(() -> {
                    Map<FigureFormat, byte[]> files = FigureExport.convert(j.figure().svg(), j.formats(), dpi);
                    files.forEach((format, bytes) -> writeFile(dir.resolve(j.figure().id() + "." + format.id()),
                            bytes));
                    progress.update(STEP, done.incrementAndGet(), jobs.size());
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the figures", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeFile(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

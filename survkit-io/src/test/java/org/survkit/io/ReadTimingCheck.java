package org.survkit.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A by-hand timing check, not a unit test: writes (once) a seeded 1,000,000-row, 11-column CSV
 * ({@code time,status,group,x1..x8}) and times {@link CohortReader#read} on it, first in a cold JVM, then warm.
 * With a third argument {@code k} > 0, each run reads the file twice: without covariates, then with the
 * covariates {@code x1..xk} (numeric), so the cost of the covariates is seen under the same machine load.
 *
 * <pre>
 * cd survkit-io &amp;&amp; mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.survkit.io.ReadTimingCheck [file] [runs] [k]
 * </pre>
 */
public final class ReadTimingCheck {

    private ReadTimingCheck() {
    }

    /**
     * Runs the check.
     *
     * @param args optional file path (default {@code target/bench-1m.csv}), number of runs (default 5) and number
     *             of covariates (default 0, at most 8)
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench-1m.csv");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (!Files.exists(file)) {
            write(file, 1_000_000);
            System.out.println("wrote " + file + " (" + Files.size(file) / 1_000_000 + " MB)");
        }
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        CohortSpec spec = CohortSpec.builder().time("time").event("status").group("group");
        List<String> covariates = new ArrayList<>();
        for (int x = 1; x <= k; x++) {
            covariates.add("x" + x);
        }
        for (int run = 1; run <= runs; run++) {
            time(file, spec, "", run == 1 ? " (cold; " + (System.currentTimeMillis() - jvmStart)
                    + " ms since JVM start)" : "", run);
            if (k > 0) {
                time(file, spec.covariates(covariates), " with " + k + " covariates", "", run);
            }
        }
    }

    private static void time(Path file, CohortSpec spec, String label, String note, int run) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        Cohort cohort = CohortReader.read(file, spec);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        System.out.printf(Locale.ROOT, "run %d%s: %d rows in %d ms wall, %d ms CPU of the reading thread%s%n", run,
                label, cohort.size(), ms, cpuMs, note);
    }

    private static void write(Path file, int rows) throws IOException {
        Random random = new Random(42);
        String[] groups = {"control", "treatment", "placebo"};
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("time,status,group,x1,x2,x3,x4,x5,x6,x7,x8\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(1 + random.nextInt(3650)).append(',').append(random.nextInt(2)).append(',')
                        .append(groups[random.nextInt(3)]);
                for (int x = 0; x < 8; x++) {
                    line.append(',').append(String.format(Locale.ROOT, "%.3f", random.nextGaussian() * 10 + 50));
                }
                out.write(line.append('\n').toString());
            }
        }
    }
}

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.survkit.plot.FigureFormat;
import org.survkit.report.ReportEngine;
import org.survkit.report.ScaleCohort;
import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;

/**
 * The report's speed in one warm JVM (issue 14, item 7): the rapamycin example and a seeded 100,000-row cohort, each
 * with figure files (SVG + PNG at 300 dpi, and SVG + PNG + PDF + EPS + TIFF) and without (SVG only, which the HTML
 * needs). Each case runs WARMUP times, then RUNS times measured; prints the median and min wall time and the median
 * CPU time of the process (all threads; with the wall time it says how loaded the machine was) as a Markdown table.
 *
 * <p>The 100,000-row cohort is survkit-report's test generator {@code ScaleCohort} (the cohort ReportScaleTest
 * times), compiled on its own onto the class path (bench/report_bench.sh does this):
 *
 * <pre>
 * javac -d /tmp/scale survkit-report/src/test/java/org/survkit/report/ScaleCohort.java
 * java -XX:+UseParallelGC -cp survkit-web/target/survkit.jar:/tmp/scale bench/ReportBench.java [WARMUP RUNS]
 * </pre>
 */
public class ReportBench {

    public static void main(String[] args) throws IOException {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path tmp = Files.createTempDirectory("survkit-report-bench");
        Study rapamycin = StudyReader.read(Path.of("examples/rapamycin-mbc/study.yaml")).withOutput(tmp.resolve("rapa"));
        // the seeded cohort of survkit-report's ReportScaleTest, from the same generator (ScaleCohort)
        Study big = StudyReader.read(ScaleCohort.write(tmp, ScaleCohort.ROWS).study()).withOutput(tmp.resolve("big"));
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.println("| report | figure files | median ms | min ms | CPU ms (median) | files |");
        System.out.println("|---|---|---|---|---|---|");
        for (Study s : List.of(rapamycin, big)) {
            String name = s == rapamycin ? "rapamycin example (43 rows, 8 figures)" : "100,000 rows (5 figures)";
            for (List<FigureFormat> formats : List.of(List.of(FigureFormat.SVG), List.of(FigureFormat.SVG,
                    FigureFormat.PNG), Arrays.asList(FigureFormat.values()))) {
                Study study = s.withFigures(s.figures().withFormats(formats));
                long[] ms = new long[runs];
                long[] cpu = new long[runs];
                int files = 0;
                for (int i = 0; i < warmup + runs; i++) {
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    files = ReportEngine.withDefaults().run(study).files().size();
                    long t = (System.nanoTime() - t0) / 1_000_000;
                    if (i >= warmup) {
                        ms[i - warmup] = t;
                        cpu[i - warmup] = (os.getProcessCpuTime() - c0) / 1_000_000;
                    }
                }
                Arrays.sort(ms);
                Arrays.sort(cpu);
                System.out.println("| " + name + " | " + String.join(", ", formats.stream().map(FigureFormat::id)
                        .toList()) + " | " + ms[runs / 2] + " | " + ms[0] + " | " + cpu[runs / 2] + " | " + files + " |");
            }
        }
    }
}

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.survkit.plot.FigureFormat;
import org.survkit.report.ReportEngine;
import org.survkit.study.Study;
import org.survkit.study.file.StudyReader;

/**
 * The report's speed in one warm JVM (issue 14, item 7): the rapamycin example and a seeded 100,000-row cohort, each
 * with figure files (SVG + PNG at 300 dpi, and SVG + PNG + PDF + EPS + TIFF) and without (SVG only, which the HTML
 * needs). Each case runs WARMUP times, then RUNS times measured; prints the median and min wall time and the median
 * CPU time of the process (all threads; with the wall time it says how loaded the machine was) as a Markdown table.
 *
 * <pre>
 * java -XX:+UseParallelGC -cp survkit-web/target/survkit.jar bench/ReportBench.java [WARMUP RUNS]
 * </pre>
 */
public class ReportBench {

    public static void main(String[] args) throws IOException {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path tmp = Files.createTempDirectory("survkit-report-bench");
        Study rapamycin = StudyReader.read(Path.of("examples/rapamycin-mbc/study.yaml")).withOutput(tmp.resolve("rapa"));
        Study big = StudyReader.read(bigCohort(tmp)).withOutput(tmp.resolve("big"));
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

    /** The seeded 100,000-row cohort of survkit-report's ReportScaleTest, with its study file. */
    static Path bigCohort(Path dir) throws IOException {
        Random r = new Random(100_000L);
        LocalDate base = LocalDate.of(2010, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("cohort.csv"), StandardCharsets.UTF_8)) {
            w.write("patient_id,start,last_contact,status,er,her2,age,grade,site\n");
            for (int i = 0; i < 100_000; i++) {
                boolean er = r.nextBoolean();
                boolean her2 = r.nextDouble() < 0.25;
                double rate = er ? 0.010 : her2 ? 0.02 : 0.03;
                int days = (int) Math.ceil(-Math.log(r.nextDouble()) / rate * 30.4375);
                int censor = 30 + r.nextInt(3000);
                LocalDate start = base.plusDays(r.nextInt(1800));
                boolean dead = days <= censor;
                String end = i % 997 == 0 ? "" : start.plusDays(Math.min(days, censor)).toString();
                w.write("P" + i + "," + start + "," + end + "," + (dead ? "dead" : "alive") + ","
                        + (er ? "positive" : "negative") + "," + (her2 ? "positive" : "negative") + ","
                        + (30 + r.nextInt(50)) + "," + (1 + r.nextInt(3)) + "," + (r.nextBoolean() ? "bone" : "liver")
                        + "\n");
            }
        }
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: {from: start, to: last_contact, unit: months}
                event: {column: status, value: dead}
                groups:
                  name: subgroup
                  rules:
                    - {label: "ER+", when: er == "positive"}
                    - {label: "ER- HER2+", when: er == "negative" and her2 == "positive"}
                    - {label: "ER- HER2-", when: er == "negative" and her2 == "negative"}
                horizon: 60
                at: [12, 36, 60]
                table1:
                  - {column: age, type: continuous}
                  - {column: grade, levels: ["1", "2", "3"]}
                  - site
                cox:
                  - {name: Adjusted, covariates: [subgroup, age, grade], categorical: [grade]}
                output: out
                """);
        return dir.resolve("study.yaml");
    }
}

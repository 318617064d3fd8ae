package org.survkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.cli.Cli;

/**
 * The README's {@code spark-submit --class org.survkit.spark.SparkMain --jars … survkit-spark.jar cox DATA …} as a
 * cluster runs it: Spark's own jars on the JVM's class path, survkit's jars only through {@code --jars} (a child
 * class loader), run by Spark's {@code SparkSubmit} (what the spark-submit script starts). A service file or class
 * lookup that works on Maven's flat class path but not in spark-submit's loaders fails only here. Run by failsafe
 * after {@code package} has written {@code target/survkit-spark.jar} and {@code target/lib}.
 */
class SparkSubmitIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void spark_submitRunsTheCommandAsTheLocalEngineDoes() throws Exception {
        Path lib = Path.of("target", "lib").toAbsolutePath();
        List<String> jars;
        try (Stream<Path> s = Files.list(lib)) {
            jars = s.map(Path::toString).filter(j -> j.endsWith(".jar")).sorted().toList();
        }
        String system = jars.stream().filter(j -> !Path.of(j).getFileName().toString().startsWith("survkit-"))
                .collect(Collectors.joining(File.pathSeparator));
        String survkit = jars.stream().filter(j -> Path.of(j).getFileName().toString().startsWith("survkit-"))
                .collect(Collectors.joining(","));
        assertThat(survkit).contains("survkit-cli").contains("survkit-stats");
        String lung = Path.of("..", "examples", "lung", "lung.csv").toAbsolutePath().normalize().toString();
        String[] analysis = {"cox", lung, "--time", "time", "--event", "status", "--event-value", "2", "--covariates",
            "age,sex", "--cluster", "inst", "--format", "json"};
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // the --add-opens Spark needs on Java 17, as this JVM got them (the pom's spark.opens)
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-D")).forEach(cmd::add);
        cmd.addAll(List.of("-cp", system, "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--class",
                "org.survkit.spark.SparkMain", "--jars", survkit,
                Path.of("target", "survkit-spark.jar").toAbsolutePath().toString()));
        cmd.addAll(List.of(analysis));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("spark-submit finished").isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isZero();
        JsonNode submitted = JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
        // the in-memory engine on the same file (itself R-checked: CliOutputGoldenTest's cox_lung)
        JsonNode local = JSON.readTree(Cli.run(analysis).out());
        assertThat(submitted.get("n").asInt()).isEqualTo(local.get("n").asInt());
        for (int k = 0; k < 2; k++) {
            for (String f : List.of("coef", "se", "robust_se", "p_value")) {
                double e = local.get("coefficients").get(k).get(f).asDouble();
                assertThat(submitted.get("coefficients").get(k).get(f).asDouble()).as(f)
                        .isCloseTo(e, within(1e-9 * Math.abs(e)));
            }
        }
        assertThat(submitted.get("robust_score_test").get("statistic").asDouble()).isCloseTo(
                local.get("robust_score_test").get("statistic").asDouble(), within(1e-8));
    }

}

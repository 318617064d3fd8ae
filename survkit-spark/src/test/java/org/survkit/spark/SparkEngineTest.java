package org.survkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.survkit.cli.Main;
import picocli.CommandLine;

/**
 * The command line with survkit-spark on the class path: {@code --engine spark} finds this module's engine
 * through ServiceLoader and prints what the local engine prints (reference: the same command without
 * {@code --engine}, survkit's in-memory engines) on R's lung data (examples/lung/lung.csv).
 */
class SparkEngineTest {
    private static final String LUNG = "../examples/lung/lung.csv";

    private record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private static String[] with(String[] args, String... more) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void kmCompareAndCoxOnSparkPrintTheLocalEnginesNumbers() throws Exception {
        String[] km = {"km", LUNG, "--time", "time", "--event", "status", "--event-value", "2", "--group", "sex",
            "--at", "180,365", "--format", "json"};
        JsonNode local = run(km).json();
        Run spark = run(with(km, "--engine", "spark", "--master", "local[2]"));
        assertThat(spark.status()).as(spark.err()).isZero();
        assertThat(spark.json().get("groups")).isEqualTo(local.get("groups"));
        assertThat(spark.json().get("survival_at")).isEqualTo(local.get("survival_at"));

        String[] compare = {"compare", LUNG, "--time", "time", "--event", "status", "--event-value", "2", "--group",
            "ph.ecog", "--pairwise", "--format", "json"};
        Run cmpLocal = run(compare);
        Run cmpSpark = run(with(compare, "--engine", "spark", "--master", "local[2]"));
        assertThat(cmpSpark.status()).as(cmpSpark.err()).isZero();
        assertThat(cmpSpark.json().get("test")).isEqualTo(cmpLocal.json().get("test"));
        assertThat(cmpSpark.json().get("pairwise")).isEqualTo(cmpLocal.json().get("pairwise"));
    }

    @Test
    void anOptionThatNeedsTheWholeFileSaysSo() {
        Run r = run("km", LUNG, "--time", "time", "--event", "status", "--landmark", "30", "--engine", "spark");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--landmark").contains("not available with --engine spark")
                .doesNotContain("Exception");
    }
}

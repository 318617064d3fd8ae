package org.survkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.cli.Main;
import picocli.CommandLine;

/**
 * The command line with survkit-spark on the class path: {@code --engine spark} finds this module's engine
 * through ServiceLoader and prints what the local engine prints (reference: the same command without
 * {@code --engine}, survkit's in-memory engines) on R's lung data (examples/lung/lung.csv).
 */
class SparkEngineTest {
    private static final String LUNG = "../examples/lung/lung.csv";
    private static final String PBC = "../examples/pbc/pbc.csv";

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

    /** The command with {@code --engine spark} in local mode, which must succeed. */
    private static Run onSpark(String... args) {
        Run r = run(with(args, "--engine", "spark", "--master", "local[2]"));
        assertThat(r.status()).as(r.err()).isZero();
        return r;
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
        Run spark = onSpark(km);
        assertThat(spark.json().get("groups")).isEqualTo(local.get("groups"));
        assertThat(spark.json().get("survival_at")).isEqualTo(local.get("survival_at"));

        String[] compare = {"compare", LUNG, "--time", "time", "--event", "status", "--event-value", "2", "--group",
            "ph.ecog", "--pairwise", "--format", "json"};
        Run cmpLocal = run(compare);
        Run cmpSpark = onSpark(compare);
        assertThat(cmpSpark.json().get("test")).isEqualTo(cmpLocal.json().get("test"));
        assertThat(cmpSpark.json().get("pairwise")).isEqualTo(cmpLocal.json().get("pairwise"));
    }

    /**
     * cox on lung: the coefficients and the PH test (R cox.zph, transform km, which the local cox prints) equal the
     * local engine's (equal to the in-memory engine, checked against R survival 3.5-3 in survkit-stats).
     */
    @Test
    void coxOnSparkPrintsTheLocalModelAndProportionalHazardsTest() throws Exception {
        String[] cox = {"cox", LUNG, "--time", "time", "--event", "status", "--event-value", "2", "--covariates",
            "age,sex,ph.karno", "--zph-transform", "km", "--format", "json"};
        JsonNode local = run(cox).json();
        JsonNode spark = onSpark(cox).json();
        for (String key : List.of("estimate", "se")) {
            double c = local.get("concordance").get(key).asDouble();
            assertThat(spark.get("concordance").get(key).asDouble()).as(key).isCloseTo(c, within(1e-9 * c));
        }
        assertThat(spark.get("ph_transform")).isEqualTo(local.get("ph_transform"));
        assertThat(spark.get("ph_test")).hasSize(4);
        for (int t = 0; t < 4; t++) {
            JsonNode a = spark.get("ph_test").get(t);
            JsonNode e = local.get("ph_test").get(t);
            assertThat(a.get("term")).isEqualTo(e.get("term"));
            assertThat(a.get("statistic").asDouble()).isCloseTo(e.get("statistic").asDouble(),
                    within(1e-9 * e.get("statistic").asDouble()));
            assertThat(a.get("p_value").asDouble()).isCloseTo(e.get("p_value").asDouble(),
                    within(1e-9 * e.get("p_value").asDouble()));
        }
    }

    @Test
    void kmOnSparkPrintsTheLocalEventCodingLineAndNotes() {
        String[] km = {"km", LUNG, "--time", "time", "--event", "status", "--event-value", "2", "--group", "sex",
            "--at", "180,365,2000"};
        Run local = run(km);
        Run spark = onSpark(km);
        assertThat(line(spark.out(), "event coding:")).isEqualTo(line(local.out(), "event coding:"))
                .contains("\"2\" \u2192 event (165)");
        // the guardrails' block (at 2000 days few remain at risk) is the local engine's, word for word
        assertThat(spark.out().substring(spark.out().indexOf("Warnings")))
                .isEqualTo(local.out().substring(local.out().indexOf("Warnings")));
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no line " + prefix + ")");
    }

    /**
     * cif on R's pbc (examples/pbc; status 0 censored, 1 transplant, 2 death; trt missing in 106 rows): the curves,
     * the times asked and Gray's test equal the local engine's (equal to the in-memory engine, itself checked against
     * R cmprsk 2.2 cuminc/timepoints in survkit-stats), as do the notes.
     */
    @Test
    void cifOnSparkPrintsTheLocalEnginesNumbers() throws Exception {
        String[] cif = {"cif", PBC, "--time", "time", "--event", "status", "--censor-value", "0", "--group", "trt",
            "--at", "1000,2000", "--format", "json"};
        JsonNode local = run(cif).json();
        Run spark = onSpark(cif);
        for (String key : List.of("event", "censor_value", "causes", "variance_method", "n", "groups", "gray_test",
                "warnings")) {
            assertThat(spark.json().get(key)).as(key).isEqualTo(local.get(key));
        }
        // the rows left out, per reason with its column, count and first lines, as the local reader says them
        // (missing group, column trt: 106 rows)
        assertThat(spark.json().get("excluded")).isEqualTo(local.get("excluded"));
        assertThat(spark.json().get("excluded").get("reasons").get(0).get("count").asInt()).isEqualTo(106);
        Run one = onSpark(with(cif, "--cause", "2"));
        assertThat(one.json().get("gray_test")).isEqualTo(run(with(cif, "--cause", "2")).json().get("gray_test"));
        Run none = run("cif", PBC, "--time", "time", "--event", "status", "--engine", "spark", "--master",
                "local[2]");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("cif needs --censor-value").contains("0, 1, 2");
    }

    /**
     * finegray on R's pbc (status 0 censored, 1 transplant, 2 death; cause 2): the coefficients, crr's robust and the
     * model-based standard errors equal the local engine's (the in-memory crr fit, itself checked against R cmprsk crr
     * in survkit-stats) to 1e-9, as do the notes.
     */
    @Test
    void fineGrayOnSparkPrintsTheLocalEnginesModel() throws Exception {
        String[] fg = {"finegray", PBC, "--time", "time", "--event", "status", "--censor-value", "0", "--cause", "2",
            "--covariates", "age,bili,albumin", "--format", "json"};
        JsonNode local = run(fg).json();
        JsonNode spark = onSpark(fg).json();
        JsonNode e = local.get("coefficients");
        JsonNode a = spark.get("coefficients");
        assertThat(a).hasSize(3);
        for (int j = 0; j < 3; j++) {
            for (String key : List.of("coef", "se", "model_se", "p_value")) {
                double x = e.get(j).get(key).asDouble();
                assertThat(a.get(j).get(key).asDouble()).as(key).isCloseTo(x, within(1e-9 * Math.abs(x)));
            }
        }
        assertThat(spark.get("warnings")).isEqualTo(local.get("warnings"));
        assertThat(spark.get("n")).isEqualTo(local.get("n"));
        // chol is written NA in 134 rows of pbc.csv: missing for both engines
        String[] chol = {"finegray", PBC, "--time", "time", "--event", "status", "--censor-value", "0", "--covariates",
            "age,chol", "--format", "json"};
        assertThat(onSpark(chol).json().get("n")).isEqualTo(run(chol).json().get("n"));
    }

    /**
     * R's pbc with the status written as words, as hospital exports write it (0 censored, 1 transplant, 2 death), and
     * with edits in the given data lines (1-based, the header is line 1). The reference for every check below is the
     * local engine on the same file.
     */
    private static Path wordCodedPbc(Path dir, String name, Map<Integer, String> edits) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(PBC));
        Map<String, String> words = Map.of("0", "censored", "1", "transplant", "2", "death");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            cells[2] = edits.getOrDefault(i + 1, words.get(cells[2]));
            out.add(String.join(",", cells));
        }
        Path file = dir.resolve(name);
        Files.write(file, out);
        return file;
    }

    /** The same text up to numbers equal to 1e-9 relative (the golden comparison). */
    private static void sameAsLocal(String[] args) {
        Run local = run(args);
        assertThat(local.status()).as(local.err()).isZero();
        SparkGoldenTest.assertSameUpToNumbers(onSpark(args).out(), local.out());
    }

    /** An error's message on Spark ("survkit cif: ...") and locally ("survkit: ..."). */
    private static void sameMessage(String[] args) {
        Run local = run(args);
        Run spark = run(with(args, "--engine", "spark", "--master", "local[2]"));
        assertThat(local.status()).isEqualTo(2);
        assertThat(spark.status()).as(spark.out()).isEqualTo(2);
        String message = local.err().substring(local.err().indexOf(": ") + 2);
        assertThat(spark.err().substring(spark.err().indexOf(": ") + 2)).isEqualTo(message);
    }

    /**
     * cif and finegray on a status column of words: coded as the local engine codes them (the censoring word 0, the
     * causes 1, 2, … in alphabetical order, shown as words), every line and number as the local engine prints them
     * (its cif and crr fit are checked against R cmprsk on the numeric pbc in survkit-stats and the CLI goldens).
     */
    @Test
    void wordCodedCausesOnSparkAreCodedAsTheLocalEngineCodesThem(@TempDir Path dir) throws Exception {
        String pbc = wordCodedPbc(dir, "pbc_words.csv", Map.of()).toString();
        sameAsLocal(new String[] {"cif", pbc, "--time", "time", "--event", "status", "--censor-value", "censored",
            "--group", "trt", "--at", "1000,2000", "--cause", "death"});
        sameAsLocal(new String[] {"finegray", pbc, "--time", "time", "--event", "status", "--censor-value",
            "Censored", "--cause", "death", "--covariates", "age,bili,albumin", "--horizon", "3000"});
        JsonNode local = run("cif", pbc, "--time", "time", "--event", "status", "--censor-value", "censored",
                "--format", "json").json();
        assertThat(local.get("causes").toString()).isEqualTo("[\"death\",\"transplant\"]");
        assertThat(onSpark("cif", pbc, "--time", "time", "--event", "status", "--censor-value", "censored",
                "--format", "json").json()).isEqualTo(local);
    }

    /**
     * A messy export: a misspelt word (line 5: "deaht", a cause of its own for both engines, with the guardrails'
     * note on its single event), one in another case (line 10: "Death", the same cause as "death"), an empty status
     * (line 7: excluded, the "event coding" line says so), NA and "." (lines 12, 14: missing too); a number column with a word in it, a --censor-value that
     * is not in the column and a --cause that is not a cause: the local engine's words.
     */
    @Test
    void messyWordCodesOnSparkGetTheLocalEnginesMessages(@TempDir Path dir) throws Exception {
        // lines 12 and 14: R's NA and SAS's "." — missing for the in-memory reader, and so on Spark (they were words)
        String messy = wordCodedPbc(dir, "pbc_messy.csv", Map.of(5, "deaht", 7, "", 10, "Death", 12, "NA", 14, "."))
                .toString();
        String[] cif = {"cif", messy, "--time", "time", "--event", "status", "--censor-value", "censored",
            "--group", "trt"};
        sameAsLocal(cif);
        assertThat(onSpark(cif).out()).contains("event coding: \"\" \u2192 missing (1; empty cell)")
                .contains("causes deaht, Death, transplant");
        sameMessage(new String[] {"cif", messy, "--time", "time", "--event", "status", "--censor-value", "censord"});
        sameMessage(new String[] {"finegray", messy, "--time", "time", "--event", "status", "--censor-value",
            "censored", "--cause", "relapse", "--covariates", "age"});
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(PBC)));
        lines.set(6, lines.get(6).replaceFirst("^(\\d+,\\d+,)\\d", "$1l")); // line 7: the letter l for 1
        Path typo = dir.resolve("pbc_typo.csv");
        Files.write(typo, lines);
        sameMessage(new String[] {"cif", typo.toString(), "--time", "time", "--event", "status", "--censor-value",
            "0"});
        assertThat(run("cif", typo.toString(), "--time", "time", "--event", "status", "--censor-value", "0").err())
                .contains("line 7, column 'status': value \"l\" is not a number");
    }

    @Test
    void anOptionNotBuiltForSparkSaysSoAndWhy() {
        Run r = run("km", LUNG, "--start-date", "a", "--end-date", "b", "--event", "status", "--engine", "spark");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--start-date is not available with --engine spark: follow-up from dates is"
                + " computed by the in-memory reader").doesNotContain("Exception");
        Run zph = run("cox", LUNG, "--time", "time", "--event", "status", "--covariates", "age", "--zph-transform",
                "identity", "--engine", "spark");
        assertThat(zph.status()).isEqualTo(2);
        assertThat(zph.err()).contains("--zph-transform is not available with --engine spark: the"
                + " proportional-hazards test on Spark uses the km transform");
    }
}

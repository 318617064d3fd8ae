package org.survkit.report;

import org.survkit.study.file.StudyReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.RestrictedMeanComparison;

/**
 * The RMST comparison in the report: shown automatically when the curves cross (the recommended
 * summary under non-proportional hazards), on request otherwise, never with {@code rmst: no}; τ
 * defaults to the shortest group's last follow-up time.
 */
class ReportRmstTest {

    @TempDir
    Path dir;

    /** Seeded: arm A dies early then plateaus, arm B survives early and dies late: the curves cross. */
    private void crossing() throws IOException {
        Random r = new Random(11);
        StringBuilder csv = new StringBuilder("months,dead,arm\n");
        for (int i = 0; i < 80; i++) {
            boolean a = i < 40;
            double t;
            int dead;
            if (a) {
                boolean early = r.nextDouble() < 0.45;
                t = early ? 1 + r.nextInt(80) / 10.0 : 30 + r.nextInt(300) / 10.0;
                dead = early ? 1 : 0;
            } else {
                t = 10 + r.nextInt(450) / 10.0;
                dead = t > 20 && r.nextDouble() < 0.8 ? 1 : 0;
            }
            csv.append(t).append(',').append(dead).append(',').append(a ? "A" : "B").append('\n');
        }
        Files.writeString(dir.resolve("cohort.csv"), csv.toString());
    }

    private ReportEngine.Result run(String comparisons) throws IOException {
        Files.writeString(dir.resolve("study.yaml"), """
                data: cohort.csv
                time: {column: months, unit: months}
                event: dead
                groups: arm
                """ + comparisons + "output: out\n");
        return ReportEngine.withDefaults().withPng(false).run(StudyReader.read(dir.resolve("study.yaml")));
    }

    private static double[][] column(Path csv, String arm) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")).filter(f -> f[2].equals(arm))
                .map(f -> new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])}).toArray(double[][]::new);
    }

    private static GroupCurve curve(Path csv, String arm) throws IOException {
        double[][] rows = column(csv, arm);
        double[] t = new double[rows.length];
        boolean[] e = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = rows[i][0];
            e[i] = rows[i][1] == 1;
        }
        return new GroupCurve(arm, KaplanMeier.withDefaults().fit(t, e));
    }

    @Test
    void crossingCurvesBringTheRmstTableWithTheDefaultHorizon() throws IOException {
        crossing();
        ReportEngine.Result result = run("");
        Path table = result.outputDir().resolve("tables/rmst.json");
        assertThat(table).exists();
        JsonNode j = new ObjectMapper().readTree(table.toFile());
        assertThat(j.get("reason").asText()).contains("cross");
        // τ = the shorter of the two groups' last follow-up times
        Path csv = dir.resolve("cohort.csv");
        double lastA = java.util.Arrays.stream(column(csv, "A")).mapToDouble(x -> x[0]).max().orElseThrow();
        double lastB = java.util.Arrays.stream(column(csv, "B")).mapToDouble(x -> x[0]).max().orElseThrow();
        double tau = Math.min(lastA, lastB);
        assertThat(j.get("tau").asDouble()).isEqualTo(tau);
        // the numbers are survkit-stats' (checked against R survRM2 formulas in RestrictedMeanComparisonTest)
        RestrictedMeanComparison c = RestrictedMeanComparison.of(curve(csv, "A"), curve(csv, "B"), tau, 0.95);
        JsonNode pair = j.get("pairs").get(0);
        assertThat(pair.get("reference").asText()).isEqualTo("A");
        assertThat(pair.get("difference").get("estimate").asDouble()).isCloseTo(c.difference().estimate(),
                within(1e-12));
        assertThat(pair.get("ratio").get("upper").asDouble()).isCloseTo(c.ratio().upper(), within(1e-12));
        assertThat(j.get("groups").get(1).get("rmst").asDouble()).isCloseTo(c.rmstComparison().estimate(),
                within(1e-12));
        String html = Files.readString(result.html());
        assertThat(html).contains("Restricted mean survival time up to").contains("recommended summary")
                .contains("estricted mean survival times up to");
        assertThat(Files.readString(result.outputDir().resolve("tables/guardrails.json"))).contains("crossing-curves");
    }

    @Test
    void rmstCanBeForcedOffOrOnWithAGivenHorizon() throws IOException {
        crossing();
        ReportEngine.Result off = run("comparisons: {rmst: no}\n");
        assertThat(off.outputDir().resolve("tables/rmst.json")).doesNotExist();
        assertThat(Files.readString(off.html())).doesNotContain("Restricted mean survival time up to");
        ReportEngine.Result on = run("comparisons: {rmst: yes, tau: 24}\n");
        JsonNode j = new ObjectMapper().readTree(on.outputDir().resolve("tables/rmst.json").toFile());
        assertThat(j.get("tau").asDouble()).isEqualTo(24);
        assertThat(j.get("reason").asText()).isEqualTo("requested");
        assertThat(Files.readString(on.html())).contains("Restricted mean survival time up to 24 months");
        // a horizon beyond a group's follow-up is flagged
        ReportEngine.Result far = run("comparisons: {rmst: yes, tau: 500}\n");
        assertThat(Files.readString(far.outputDir().resolve("tables/guardrails.json")))
                .contains("tau-beyond-follow-up");
    }

    @Test
    void figureColoursFromTheStudyFile() throws IOException {
        crossing();
        ReportEngine.Result r = run("figures: {colors: [\"#111111\", \"#EE0000\"]}\n");
        String km = Files.readString(r.outputDir().resolve("figures/km_all.svg"));
        assertThat(km).contains("#111111").contains("#EE0000").doesNotContain("#0072B2");
        assertThat(Files.readString(r.outputDir().resolve("figures/log_minus_log.svg"))).contains("#EE0000");
    }

    @Test
    void badRmstValuesNameTheKey() throws IOException {
        crossing();
        assertThatThrownBy(() -> run("comparisons: {rmst: maybe}\n")).hasMessageContaining("study.yaml, line 5")
                .hasMessageContaining("comparisons.rmst").hasMessageContaining("use auto, yes or no");
        assertThatThrownBy(() -> run("comparisons: {rmst: no, tau: 12}\n")).hasMessageContaining("comparisons.tau")
                .hasMessageContaining("'rmst: no'");
    }
}

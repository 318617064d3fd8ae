package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --landmark T} equals the same analysis on data landmarked by hand (rows with time > T,
 * time − T), for km, compare and cox, and counts the rows it drops. R 4.2.2, survival 3.5-3:
 * {@code l <- subset(lung, time > 180); l$time <- l$time - 180;
 * survfit(Surv(time, status == 2) ~ sex, l, conf.type = "log-log")}: n 88 / 71, median 207 / 293.
 */
class CliLandmarkTest {

    @Test
    void landmarkEqualsManualLandmarking(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(Cli.resource("lung.csv")));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            double t = Double.parseDouble(f[1]);
            if (t > 180) {
                f[1] = Double.toString(t - 180);
                out.add(String.join(",", f));
            }
        }
        Path manual = dir.resolve("landmarked.csv");
        Files.write(manual, out);
        String[][] commands = {
            {"km", "--group", "sex", "--at", "100,365"},
            {"compare", "--group", "sex"},
            {"cox", "--covariates", "age,sex"}};
        for (String[] cmd : commands) {
            List<String> a = new ArrayList<>(List.of(cmd[0], Cli.resource("lung.csv"), "--landmark", "180"));
            List<String> b = new ArrayList<>(List.of(cmd[0], manual.toString()));
            for (List<String> x : List.of(a, b)) {
                x.addAll(List.of("--time", "time", "--event", "status", "--event-value", "2", "--format", "json"));
                x.addAll(List.of(cmd).subList(1, cmd.length));
            }
            JsonNode ja = Cli.run(a.toArray(new String[0])).json();
            JsonNode jb = Cli.run(b.toArray(new String[0])).json();
            for (String key : new String[] {"groups", "statistic", "p_value", "coefficients", "loglik"}) {
                assertThat(String.valueOf(ja.get(key))).as(cmd[0] + " " + key).isEqualTo(String.valueOf(jb.get(key)));
            }
            assertThat(ja.get("excluded").get("rows_analysed").asInt()).isEqualTo(159);
            assertThat(ja.get("excluded").get("reasons").toString()).contains("landmark 180");
        }
        JsonNode km = Cli.run("km", Cli.resource("lung.csv"), "--landmark", "180", "--time", "time", "--event",
                "status", "--event-value", "2", "--group", "sex", "--format", "json").json();
        assertThat(km.get("groups").get(0).get("n").asInt()).isEqualTo(88);
        assertThat(km.get("groups").get(0).get("median").get("estimate").asDouble()).isEqualTo(207);
        assertThat(km.get("groups").get(1).get("median").get("estimate").asDouble()).isEqualTo(293);
    }
}

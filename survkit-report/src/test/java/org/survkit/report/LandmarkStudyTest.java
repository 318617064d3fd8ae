package org.survkit.report;

import org.survkit.study.file.StudyReader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.SurvivalCurve;

/**
 * {@code landmark: T} in a study file: patients with an event or censoring at or before T are left
 * out (counted), time is measured from T, and the survival estimates equal Kaplan–Meier on the
 * landmarked data (R 4.2.2, survival 3.5-3: {@code l <- subset(lung, time > 180); l$time <- l$time - 180;
 * survfit(Surv(time, status == 2) ~ 1, l)}: n 159, median 249).
 */
class LandmarkStudyTest {
    @TempDir
    Path dir;

    @Test
    void landmarkedStudyEqualsManualLandmarking() throws Exception {
        Path csv = dir.resolve("lung.csv");
        Files.copy(Path.of("../examples/lung/lung.csv"), csv);
        Path study = dir.resolve("study.yaml");
        Files.writeString(study, "data: lung.csv\ntime: {column: time, unit: days}\nevent: {column: status, value: 2}\n"
                + "landmark: 180\nat: [100, 365]\noutput: out\n");
        ReportEngine.Result r = ReportEngine.withDefaults().withPng(false).run(StudyReader.read(study));
        assertThat(r.analysed()).isEqualTo(159);
        String html = Files.readString(r.html());
        assertThat(html).contains("landmark analysis from 180").contains("immortal-time bias");
        // the written study reads back with its landmark
        assertThat(StudyReader.read(study).landmark()).isEqualTo(180);
        // KM on the manually landmarked lung data
        List<String> lines = Files.readAllLines(csv);
        double[] t = lines.stream().skip(1).map(l -> l.split(",", -1)).filter(f -> Double.parseDouble(f[1]) > 180)
                .mapToDouble(f -> Double.parseDouble(f[1]) - 180).toArray();
        boolean[] e = new boolean[t.length];
        int k = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            if (Double.parseDouble(f[1]) > 180) {
                e[k++] = f[2].equals("2");
            }
        }
        SurvivalCurve km = KaplanMeier.withDefaults().fit(t, e);
        assertThat(km.n()).isEqualTo(159);
        assertThat(km.median().estimate()).isEqualTo(249);
        JsonNode survival = new ObjectMapper().readTree(r.outputDir().resolve("tables/survival.json").toFile());
        assertThat(survival.toString()).contains("249");
    }
}

package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load on loopback with a seeded 100,000-row cohort: upload-to-figure time (upload, then the page's km and
 * compare analyses and the figure, as the page requests them), and 20 concurrent analyses whose answers must
 * equal the CLI's byte for byte. Measured times are printed; the assertions leave room for a slow CI machine.
 */
class LoadTest {
    static final int ROWS = 100_000;

    @TempDir
    Path dir;

    /** A seeded cohort: 3 arms with exponential hazards 1/900, 1/1300, 1/1800 per day, uniform censoring. */
    static String cohort() {
        Random r = new Random(20261127L);
        StringBuilder sb = new StringBuilder(ROWS * 32).append("id,days,dead,arm,age,sex\n");
        double[] rate = {1 / 900.0, 1 / 1300.0, 1 / 1800.0};
        String[] arms = {"A", "B", "C"};
        for (int i = 0; i < ROWS; i++) {
            int a = r.nextInt(3);
            double t = -Math.log(1 - r.nextDouble()) / rate[a];
            double c = 30 + r.nextDouble() * 3000;
            int days = (int) Math.ceil(Math.min(t, c));
            sb.append(i + 1).append(',').append(days).append(',').append(t <= c ? 1 : 0).append(',').append(arms[a])
                    .append(',').append(40 + r.nextInt(45)).append(',').append(r.nextBoolean() ? "F" : "M").append('\n');
        }
        return sb.toString();
    }

    @Test
    void uploadToFigureAndTwentyConcurrentAnalysesEqualToTheCli() throws Exception {
        Path csv = dir.resolve("cohort100k.csv");
        Files.writeString(csv, cohort(), StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(csv);
        try (TestServer s = new TestServer(dir.resolve("server"))) {
            // warm the server's code paths on lung once (a user's first click also pays this)
            long c0 = System.nanoTime();
            double cold = uploadToFigure(s, "lung.csv", Files.readAllBytes(TestServer.LUNG), "time", "status", "sex",
                    "2");
            double first = uploadToFigure(s, "cohort100k.csv", bytes, "days", "dead", "arm", null);
            double second = uploadToFigure(s, "cohort100k.csv", bytes, "days", "dead", "arm", null);
            System.out.printf(Locale.ROOT, "[load] upload-to-figure, %,d rows (%.1f MB): first %.0f ms, again %.0f ms"
                    + " (lung warm-up %.0f ms, %.0f ms total)%n", ROWS, bytes.length / 1048576.0, first * 1000,
                    second * 1000, cold * 1000, (System.nanoTime() - c0) / 1e6);
            assertThat(second).as("upload-to-figure seconds").isLessThan(6.0);

            String id = s.upload("cohort100k.csv", bytes).json().get("id").asText();
            List<String> bodies = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            String common = "\"time\":\"days\",\"event\":\"dead\"";
            for (int i = 0; i < 20; i++) {
                switch (i % 4) {
                    case 0 -> {
                        bodies.add("{\"dataset\":\"" + id + "\",\"analysis\":\"km\",\"options\":{" + common
                                + ",\"group\":\"arm\",\"at\":[365,730,1095],\"tau\":1500}}");
                        expected.add(TestServer.cliIn(csv, "km", "--time", "days", "--event", "dead", "--group", "arm",
                                "--at", "365,730,1095", "--tau", "1500", "--format", "json"));
                    }
                    case 1 -> {
                        bodies.add("{\"dataset\":\"" + id + "\",\"analysis\":\"compare\",\"options\":{" + common
                                + ",\"group\":\"arm\",\"pairwise\":true,\"trend\":true}}");
                        expected.add(TestServer.cliIn(csv, "compare", "--time", "days", "--event", "dead", "--group",
                                "arm", "--pairwise", "--trend", "--format", "json"));
                    }
                    case 2 -> {
                        bodies.add("{\"dataset\":\"" + id + "\",\"analysis\":\"compare\",\"options\":{" + common
                                + ",\"group\":\"arm\",\"strata\":\"sex\",\"test\":\"gehan\"}}");
                        expected.add(TestServer.cliIn(csv, "compare", "--time", "days", "--event", "dead", "--group",
                                "arm", "--strata", "sex", "--test", "gehan", "--format", "json"));
                    }
                    default -> {
                        bodies.add("{\"dataset\":\"" + id + "\",\"analysis\":\"cox\",\"options\":{" + common
                                + ",\"covariates\":[\"arm\",\"age\",\"sex\"]}}");
                        expected.add(TestServer.cliIn(csv, "cox", "--time", "days", "--event", "dead", "--covariates",
                                "arm,age,sex", "--format", "json"));
                    }
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(20);
            long t0 = System.nanoTime();
            List<Future<TestServer.Reply>> replies = new ArrayList<>();
            for (String b : bodies) {
                replies.add(pool.submit(() -> s.postJson("/api/analyses", b)));
            }
            List<Long> done = new ArrayList<>();
            for (int i = 0; i < replies.size(); i++) {
                TestServer.Reply r = replies.get(i).get(300, TimeUnit.SECONDS);
                done.add(System.nanoTime());
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).as("analysis %d equals the CLI's", i).isEqualTo(expected.get(i));
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            System.out.printf(Locale.ROOT, "[load] 20 concurrent analyses (8 km, 8 compare, 4 cox) of %,d rows:"
                    + " all 200 and equal to the CLI, %.2f s wall%n", ROWS, wall);
            assertThat(wall).isLessThan(120.0);
        }
    }

    /** Seconds from the start of the upload to the figure, with the page's requests (analyses in parallel). */
    static double uploadToFigure(TestServer s, String name, byte[] bytes, String time, String event, String group,
            String eventValue) {
        long t0 = System.nanoTime();
        TestServer.Reply up = s.upload(name, bytes);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        String id = up.json().get("id").asText();
        String opts = "{\"time\":\"" + time + "\",\"event\":\"" + event + "\",\"group\":\"" + group + "\""
                + (eventValue == null ? "" : ",\"event_value\":\"" + eventValue + "\"") + "}";
        CompletableFuture<TestServer.Reply> km = CompletableFuture.supplyAsync(() -> s.postJson("/api/analyses",
                "{\"dataset\":\"" + id + "\",\"analysis\":\"km\",\"options\":" + opts + "}"));
        CompletableFuture<TestServer.Reply> cmp = CompletableFuture.supplyAsync(() -> s.postJson("/api/analyses",
                "{\"dataset\":\"" + id + "\",\"analysis\":\"compare\",\"options\":" + opts.replace("}",
                        ",\"pairwise\":true}") + "}"));
        assertThat(km.join().status()).isEqualTo(200);
        assertThat(cmp.join().status()).isEqualTo(200);
        TestServer.Reply fig = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + opts + "}");
        assertThat(fig.status()).as(fig.body()).isEqualTo(200);
        assertThat(fig.body()).contains("<svg").contains("Number at risk");
        return (System.nanoTime() - t0) / 1e9;
    }

}

package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset file damaged on disk is never analysed as if whole: before every use its size and SHA-256 are compared
 * with the database's, and a file cut short, changed or missing is written again from the database first, also
 * when twenty requests need it at once. Start-up removes what a crash leaves; a refused upload leaves nothing.
 */
class DatasetIntegrityTest {
    @TempDir
    Path dir;

    static final String KM = "\",\"analysis\":\"km\",\"options\":{\"time\":\"time\",\"event\":\"status\","
            + "\"event_value\":\"2\",\"group\":\"sex\"}}";

    static Path file(TestServer s, String id) throws IOException {
        try (Stream<Path> files = Files.list(s.dataDir.resolve("datasets").resolve(id))) {
            return files.findFirst().orElseThrow();
        }
    }

    @Test
    void aFileCutShortAtARowBoundaryIsWrittenAgainBeforeTheAnalysis() throws IOException {
        try (TestServer s = new TestServer(dir)) {
            String id = s.upload(TestServer.LUNG).json().get("id").asText();
            String whole = s.postJson("/api/analyses", "{\"dataset\":\"" + id + KM).body();
            Path file = file(s, id);
            byte[] original = Files.readAllBytes(file);
            // cut after line 181 of 229: a valid CSV, 180 of the 228 patients (as a crash during a copy leaves it)
            String text = new String(original, StandardCharsets.UTF_8);
            int cut = 0;
            for (int line = 0; line < 181; line++) {
                cut = text.indexOf('\n', cut) + 1;
            }
            Files.write(file, text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
            assertThat(TestServer.cliIn(file, "km", "--time", "time", "--event", "status", "--event-value", "2",
                    "--format", "json")).contains("\"n\" : 180");

            TestServer.Reply again = s.postJson("/api/analyses", "{\"dataset\":\"" + id + KM);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(whole).contains("\"rows_read\" : 228");
            assertThat(Files.readAllBytes(file)).isEqualTo(original);

            // the same size with other content (one digit changed) is caught by the SHA-256
            byte[] changed = original.clone();
            int digit = text.indexOf("\n3,") + 1;
            changed[digit] = '4';
            Files.write(file, changed);
            assertThat(s.postJson("/api/analyses", "{\"dataset\":\"" + id + KM).body()).isEqualTo(whole);
            assertThat(Files.readAllBytes(file)).isEqualTo(original);

            // the figure, Table 1 and the description check the file too
            Files.write(file, new byte[0]);
            TestServer.Reply fig = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":{\"time\":"
                    + "\"time\",\"event\":\"status\",\"event_value\":\"2\"}}");
            assertThat(fig.status()).as(fig.body()).isEqualTo(200);
            Files.delete(file);
            assertThat(s.get("/api/datasets/" + id).json().get("rows").asInt()).isEqualTo(228);
            assertThat(Files.readAllBytes(file)).isEqualTo(original);
        }
    }

    @Test
    void twentyConcurrentAnalysesOfAnEmptiedFileAllGetTheWholeData() throws Exception {
        try (TestServer s = new TestServer(dir)) {
            String id = s.upload(TestServer.LUNG).json().get("id").asText();
            String whole = s.postJson("/api/analyses", "{\"dataset\":\"" + id + KM).body();
            for (int round = 0; round < 3; round++) {
                Path file = file(s, id);
                if (round == 1) {
                    Files.delete(file);
                } else {
                    Files.write(file, new byte[0]);
                }
                ExecutorService pool = Executors.newFixedThreadPool(20);
                List<Future<TestServer.Reply>> replies = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    replies.add(pool.submit(() -> s.postJson("/api/analyses", "{\"dataset\":\"" + id + KM)));
                }
                for (Future<TestServer.Reply> f : replies) {
                    TestServer.Reply r = f.get(120, TimeUnit.SECONDS);
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    assertThat(r.body()).isEqualTo(whole);
                }
                pool.shutdown();
            }
            try (Stream<Path> left = Files.list(s.dataDir.resolve("tmp"))) {
                assertThat(left).as("temporary files").isEmpty();
            }
        }
    }

    @Test
    void startUpRemovesWhatACrashLeftAndARefusedUploadLeavesNothing() throws IOException {
        String id;
        try (TestServer s = new TestServer(dir)) {
            id = s.upload(TestServer.LUNG).json().get("id").asText();
            assertThat(s.upload("one.csv", "time\n1\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
            assertThat(s.upload("x.csv", new byte[] {1, 0, 2}).status()).isEqualTo(400);
            try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
                assertThat(left).isEmpty();
            }
            try (Stream<Path> kept = Files.list(dir.resolve("datasets"))) {
                assertThat(kept.map(p -> p.getFileName().toString())).containsExactly(id);
            }
        }
        // what a crash may leave: a folder moved into place whose row was never written, a half upload, a report
        Path orphan = Files.createDirectories(dir.resolve("datasets").resolve("0".repeat(32)));
        Files.writeString(orphan.resolve("lung.csv"), "time,status\n1,1\n");
        Files.writeString(dir.resolve("datasets").resolve("stray.txt"), "x");
        Files.writeString(Files.createDirectories(dir.resolve("tmp").resolve("1".repeat(32))).resolve("big.csv"), "t");
        Files.writeString(Files.createDirectories(dir.resolve("reports").resolve("2".repeat(32)))
                .resolve("study.yaml"), "title: x\n");
        try (TestServer s = new TestServer(dir)) {
            try (Stream<Path> kept = Files.list(dir.resolve("datasets"))) {
                assertThat(kept.map(p -> p.getFileName().toString())).containsExactly(id);
            }
            try (Stream<Path> left = Stream.concat(Files.list(dir.resolve("tmp")), Files.list(dir.resolve("reports")))) {
                assertThat(left).isEmpty();
            }
            assertThat(s.get("/api/datasets/" + id).status()).isEqualTo(200);
            assertThat(s.get("/api/datasets/" + "0".repeat(32)).status()).isEqualTo(404);
        }
    }
}

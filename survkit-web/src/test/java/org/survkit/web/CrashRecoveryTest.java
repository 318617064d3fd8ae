package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code survkit serve} (a separate JVM, {@link ServerProcess}) loses nothing that was
 * acknowledged: right after each of several saves, and in the middle of twenty clients saving and renaming at
 * once. After each restart every acknowledged study, rename and dataset is there, and the dataset gives the same
 * analysis. Subclasses choose H2 (the default) or PostgreSQL.
 */
abstract class CrashRecoveryTest {
    @TempDir
    Path dir;

    /** {@return more options for serve (the database)} */
    abstract List<String> serveArgs();

    /** Prepares the data folder before the first start (nothing by default). */
    void prepare(Path dataDir) throws Exception {
    }

    @BeforeEach
    void prepareDataFolder() throws Exception {
        prepare(dir.resolve("data"));
    }

    static final String SETTINGS = "{\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\","
            + "\"group\":\"sex\"}}";
    static final String KM = "\",\"analysis\":\"km\",\"options\":{\"time\":\"time\",\"event\":\"status\","
            + "\"event_value\":\"2\"}}";

    ServerProcess start() {
        return ServerProcess.start(dir.resolve("data"), List.of("-Xmx256m"), serveArgs());
    }

    static String create(ApiClient s, String dataset, String name) {
        ApiClient.Reply r = s.postJson("/api/studies", "{\"name\":\"" + name + "\",\"dataset\":\"" + dataset
                + "\",\"settings\":" + SETTINGS + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    static void rename(ApiClient s, String id, String name) {
        ApiClient.Reply r = s.putJson("/api/studies/" + id, "{\"name\":\"" + name + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static Map<String, String> names(ApiClient s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode n : s.get("/api/studies").json()) {
            m.put(n.get("id").asText(), n.get("name").asText());
        }
        return m;
    }

    @Test
    void killRightAfterEachAcknowledgedSaveLosesNothing() {
        Map<String, String> acknowledged = new LinkedHashMap<>();
        String dataset;
        String km;
        try (ServerProcess s = start()) {
            ApiClient.Reply up = s.upload(TestServer.LUNG);
            assertThat(up.status()).as(up.body()).isEqualTo(201);
            dataset = up.json().get("id").asText();
            km = s.postJson("/api/analyses", "{\"dataset\":\"" + dataset + KM).body();
            s.kill(); // right after the acknowledged upload
        }
        String previous = null;
        for (int round = 1; round <= 4; round++) {
            try (ServerProcess s = start()) {
                assertThat(names(s)).as("round %d", round).isEqualTo(acknowledged);
                if (previous != null) {
                    rename(s, previous, "Study " + (round - 1) + ", renamed");
                    acknowledged.put(previous, "Study " + (round - 1) + ", renamed");
                }
                String id = create(s, dataset, "Study " + round);
                acknowledged.put(id, "Study " + round);
                previous = id;
                s.kill(); // right after the acknowledgement
            }
        }
        PrivateFiles.delete(dir.resolve("data").resolve("datasets")); // the database alone brings the data back
        try (ServerProcess s = start()) {
            assertThat(names(s)).containsExactlyInAnyOrderEntriesOf(acknowledged);
            assertThat(s.postJson("/api/analyses", "{\"dataset\":\"" + dataset + KM).body()).isEqualTo(km);
        }
    }

    @Test
    void killDuringTwentyConcurrentClientsLosesNoAcknowledgedStudyOrRename() throws Exception {
        String dataset;
        Map<String, String> lastAcknowledged = new ConcurrentHashMap<>();
        Map<String, List<String>> sentAfter = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        try (ServerProcess s = start()) {
            dataset = s.upload(TestServer.LUNG).json().get("id").asText();
            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch enough = new CountDownLatch(1);
            for (int c = 0; c < 20; c++) {
                int client = c;
                pool.submit(() -> {
                    try {
                        for (int k = 0; ; k++) {
                            String id = create(s, dataset, "c" + client + " s" + k);
                            lastAcknowledged.put(id, "c" + client + " s" + k);
                            for (int v = 1; v <= 2; v++) {
                                String name = "c" + client + " s" + k + " v" + v;
                                sentAfter.computeIfAbsent(id, x -> new CopyOnWriteArrayList<>()).add(name);
                                rename(s, id, name);
                                lastAcknowledged.put(id, name);
                                sentAfter.get(id).remove(name);
                            }
                            if (acks.addAndGet(3) >= 150) {
                                enough.countDown();
                            }
                        }
                    } catch (Throwable e) {
                        // the kill ends every client in the middle of a request
                    }
                });
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("150 acknowledged saves").isTrue();
            s.kill(); // with requests in flight
            pool.shutdownNow();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        try (ServerProcess s = start()) {
            Map<String, String> after = names(s);
            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, String> e : lastAcknowledged.entrySet()) {
                String now = after.get(e.getKey());
                List<String> later = sentAfter.getOrDefault(e.getKey(), List.of());
                if (now == null || !now.equals(e.getValue()) && !later.contains(now)) {
                    wrong.add(e.getKey() + ": acknowledged '" + e.getValue() + "', found '" + now + "'");
                }
            }
            assertThat(wrong).as("acknowledged studies and renames lost (of %d studies)", lastAcknowledged.size())
                    .isEmpty();
            assertThat(lastAcknowledged.size()).isGreaterThanOrEqualTo(50);
            assertThat(s.postJson("/api/analyses", "{\"dataset\":\"" + dataset + KM).status()).isEqualTo(200);
        }
    }
}

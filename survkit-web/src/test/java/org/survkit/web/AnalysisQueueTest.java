package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory line in front of analyses: work runs when its estimated bytes fit the budget, else waits; a full line
 * or a long wait is a 503 with Retry-After and a sentence; running out of memory anyway is a 503 too, and frees
 * the budget. Through a server whose budget holds one analysis at a time, 20 concurrent requests are each answered
 * 200 or 503, never 500.
 */
class AnalysisQueueTest {
    @TempDir
    Path dir;

    static final long MB = 1L << 20;

    /** Runs work that holds {@code bytes} until {@code release}; {@return when it ends} once it runs. */
    static CompletableFuture<String> hold(AnalysisQueue q, long bytes, CountDownLatch release) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> q.run(bytes, "the first", () -> {
            running.countDown();
            await(release);
            return "first";
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        return f;
    }

    @Test
    void workThatDoesNotFitWaitsAndIsRefusedAfterTheLongestWait() throws Exception {
        AnalysisQueue q = new AnalysisQueue(100 * MB, 4, 1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = hold(q, 80 * MB, release);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> q.run(80 * MB, "the Cox analysis of lung.csv", () -> "second"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfterSeconds()).isEqualTo(5);
                    assertThat(e.getMessage()).isEqualTo("the server is busy with other analyses (at most 100 MB of"
                            + " memory for them, and 4 waiting): the Cox analysis of lung.csv was not started. Try"
                            + " again in a few seconds.");
                });
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds waited").isGreaterThan(0.9);
        // what fits beside it runs at once
        assertThat(q.run(20 * MB, "a small one", () -> "small")).isEqualTo("small");
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(q.run(100 * MB, "all of it", () -> "free")).isEqualTo("free");
    }

    @Test
    void whenTheLineIsFullWorkIsRefusedAtOnceAndTheWaitingRunsLater() throws Exception {
        AnalysisQueue q = new AnalysisQueue(100 * MB, 1, 120);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = hold(q, 80 * MB, release);
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> q.run(80 * MB, "the waiting", () -> "w"));
        long until = System.nanoTime() + 30_000_000_000L;
        while (q.waiting() < 1 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(q.waiting()).isEqualTo(1);
        long t1 = System.nanoTime();
        assertThatThrownBy(() -> q.run(80 * MB, "the third", () -> "third")).isInstanceOf(ApiError.class)
                .hasMessageContaining("busy");
        assertThat((System.nanoTime() - t1) / 1e9).as("refused without waiting its 120 s").isLessThan(60);
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo("w");
    }

    @Test
    void workAboveTheWholeBudgetRunsAloneAndRunningOutOfMemoryIsA503ThatFreesTheBudget() {
        AnalysisQueue q = new AnalysisQueue(100 * MB, 4, 1);
        assertThat(q.run(10_000 * MB, "a huge one", () -> "ran")).isEqualTo("ran");
        assertThatThrownBy(() -> q.run(50 * MB, "the report of big.csv", () -> {
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfterSeconds()).isEqualTo(30);
            assertThat(e.getMessage()).startsWith("the server ran out of memory during the report of big.csv. Try"
                    + " again when fewer analyses run, or give Java more memory");
        });
        assertThat(q.run(100 * MB, "the whole budget", () -> "free again")).isEqualTo("free again");
    }

    @Test
    void whileTheServersBudgetIsTakenRequestsGet503WithRetryAfterAndThenRunAgain() throws Exception {
        HeapBudget small = new HeapBudget(100 * MB, 2, 1);
        try (TestServer s = new TestServer(ServerSettings.loopback(dir, TestServer.TOKEN), small)) {
            String id = s.upload(TestServer.LUNG).json().get("id").asText();
            String body = "{\"dataset\":\"" + id + "\",\"analysis\":\"cox\",\"options\":{\"time\":\"time\",\"event\":"
                    + "\"status\",\"event_value\":\"2\",\"covariates\":[\"age\",\"sex\",\"ph.ecog\"]}}";
            String expected = s.postJson("/api/analyses", body).body();
            // something holds the whole budget (as a long analysis would)
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> hold = CompletableFuture.runAsync(() -> s.server.queue().run(small.budget(),
                    "a long analysis", () -> {
                        holding.countDown();
                        await(release);
                        return null;
                    }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<TestServer.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> s.postJson("/api/analyses", body)));
            }
            for (Future<TestServer.Reply> f : replies) {
                TestServer.Reply r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isEqualTo(503);
                assertThat(r.header("Retry-After")).isEqualTo("5");
                assertThat(r.json().get("error").asText()).startsWith("the server is busy with other analyses")
                        .contains("the cox analysis of lung.csv was not started");
            }
            pool.shutdown();
            release.countDown();
            hold.get(10, TimeUnit.SECONDS);
            assertThat(s.postJson("/api/analyses", body).body()).isEqualTo(expected);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

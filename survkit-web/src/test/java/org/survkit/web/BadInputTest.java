package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and requests a user may get wrong: each gives a clear message (4xx, {"error": ...}, no stack trace, no
 * server path) and the server goes on working. Limits are set low (1 MB, 1,000 rows) to test them quickly.
 */
class BadInputTest {
    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = new TestServer(ServerSettings.loopback(dir, TestServer.TOKEN).withLimits(1024 * 1024, 1000));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String error(TestServer.Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        String m = r.json().get("error").asText();
        assertThat(m).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(dir.toString());
        return m;
    }

    static void stillWorks() {
        TestServer.Reply r = s.upload(TestServer.LUNG);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asText();
        TestServer.Reply km = s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\"compare\","
                + "\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\",\"group\":\"sex\"}}");
        assertThat(km.status()).isEqualTo(200);
        assertThat(km.json().get("p_value").asDouble()).isEqualTo(0.0013111645203554782, org.assertj.core.data.Offset
                .offset(1e-9)); // R 4.2.2 survival 3.5-3: survdiff(Surv(time, status) ~ sex, lung) p = 0.00131
    }

    @Test
    void binaryFileNamedCsv() {
        byte[] bytes = new byte[4096];
        new Random(5).nextBytes(bytes);
        bytes[10] = 0;
        assertThat(error(s.upload("cohort.csv", bytes), 400)).contains("cohort.csv").contains("binary");
        stillWorks();
    }

    @Test
    void fileOfAnotherKind() {
        assertThat(error(s.upload("scan.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)), 400))
                .contains("scan.pdf").contains(".xlsx");
        assertThat(error(s.upload("data.xlsx", "time,status\n1,1\n".getBytes(StandardCharsets.UTF_8)), 400))
                .contains("not an Excel workbook");
        assertThat(error(s.upload("old.xls", new byte[] {1, 2, 3}), 400)).contains("old.xls");
        stillWorks();
    }

    @Test
    void oneColumnCsv() {
        assertThat(error(s.upload("times.csv", "time\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8)), 400))
                .contains("only one column").contains("'time'");
        stillWorks();
    }

    @Test
    void emptyFile() {
        assertThat(error(s.upload("empty.csv", new byte[0]), 400)).contains("empty.csv is empty");
        assertThat(error(s.upload("header.csv", "time,status\n".getBytes(StandardCharsets.UTF_8)), 400))
                .contains("no data rows");
        stillWorks();
    }

    static byte[] bigCsv(int bytes) {
        byte[] big = new byte[bytes];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i % 50 == 49 ? '\n' : i % 2 == 0 ? '1' : ',');
        }
        return big;
    }

    /**
     * Over the limit, with a Content-Length: the server reads what the client sends before it answers 413 (were it
     * to close with unread data, the client's system would reset the connection and the answer be lost, as it was
     * at times before). Ten times in a row, on one server, each answered.
     */
    @Test
    void fileOverTheSizeLimitIsRefusedQuicklyWithAClearMessage() {
        byte[] big = bigCsv(1024 * 1024 + 200_000);
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            String m = error(s.upload("big.csv", big), 413);
            assertThat(m).isEqualTo("big.csv is larger than the upload limit of 1 MB. Remove columns or rows you do not"
                    + " need, or start survkit serve with a larger --max-upload-mb.");
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20.0);
        }
        stillWorks();
    }

    /** Chunked (no Content-Length): counted as it comes, refused with 413, nothing kept. */
    @Test
    void aChunkedUploadOverTheLimitGets413() throws java.io.IOException {
        byte[] body = TestServer.uploadBody("big.csv", bigCsv(2 * 1024 * 1024));
        TestServer.Reply r = s.send(s.request("/api/datasets").header("Content-Type", TestServer.MULTIPART)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.ByteArrayInputStream(body))));
        assertThat(error(r, 413)).startsWith("big.csv is larger than the upload limit of 1 MB");
        assertThat(empty(dir.resolve("tmp"))).isTrue();
        stillWorks();
    }

    /**
     * A client that waits for a go-ahead (Expect: 100-continue, as curl does for large files) is refused before it
     * sends the file (a raw request: Java 17's HttpClient waits forever when the answer is not 100, JDK-8286171).
     */
    @Test
    void aClientThatAsksFirstIsRefusedBeforeItSends() {
        String answer = s.raw("POST /api/datasets HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\nAuthorization: Bearer "
                + TestServer.TOKEN + "\r\nContent-Type: " + TestServer.MULTIPART + "\r\nContent-Length: 5000000\r\n"
                + "Expect: 100-continue\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").doesNotContain("100 Continue")
                .contains("larger than the upload limit of 1 MB");
        stillWorks();
    }

    /** A client that stops in the middle of an upload leaves nothing behind, and the server goes on. */
    @Test
    void anInterruptedUploadLeavesNothing() throws Exception {
        byte[] head = ("POST /api/datasets HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\nAuthorization: Bearer "
                + TestServer.TOKEN + "\r\nContent-Type: " + TestServer.MULTIPART + "\r\nContent-Length: 900000\r\n\r\n--"
                + TestServer.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.csv\"\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", s.port())) {
            socket.getOutputStream().write(head);
            socket.getOutputStream().write(bigCsv(400_000));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        }
        Path tmp = dir.resolve("tmp");
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until && !empty(tmp)) {
            Thread.sleep(50);
        }
        assertThat(empty(tmp)).as("no temporary files left").isTrue();
        stillWorks();
    }

    static boolean empty(Path folder) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }

    /** Excel's "Unicode text" (UTF-16 with a byte order mark, tab-separated) is read as the command line reads it. */
    @Test
    void utf16TextIsReadAsTheCommandLineReadsIt() throws java.io.IOException {
        String text = new String(java.nio.file.Files.readAllBytes(TestServer.LUNG), StandardCharsets.UTF_8)
                .replace(",", "\t");
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        TestServer.Reply up = s.upload("unicode.txt", utf16);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().get("rows").asInt()).isEqualTo(228);
        Path copy = dir.resolveSibling(dir.getFileName() + "-unicode").resolve("unicode.txt");
        java.nio.file.Files.createDirectories(copy.getParent());
        java.nio.file.Files.write(copy, utf16);
        TestServer.Reply km = s.postJson("/api/analyses", "{\"dataset\":\"" + up.json().get("id").asText()
                + "\",\"analysis\":\"km\",\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\"}}");
        assertThat(km.body()).isEqualTo(TestServer.cliIn(copy, "km", "--time", "time", "--event", "status",
                "--event-value", "2", "--format", "json"));
        // without a byte order mark it is not taken for text, and the message says what to do
        byte[] bare = text.getBytes(StandardCharsets.UTF_16LE);
        assertThat(error(s.upload("bare.txt", bare), 400)).contains("UTF-16 text without a byte order mark")
                .contains("CSV UTF-8");
    }

    @Test
    void aBadOptionValueListsTheValidOnes() {
        String id = s.upload(TestServer.LUNG).json().get("id").asText();
        String opts = "\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\"}";
        assertThat(error(s.postJson("/api/figures", "{\"dataset\":\"" + id + "\"," + opts
                + ",\"figure\":{\"censor_marks\":\"BOGUS\"}}"), 400))
                .isEqualTo("'censor_marks' must be one of plus, tick, none; not 'BOGUS'.");
        assertThat(error(s.postJson("/api/figures", "{\"dataset\":\"" + id + "\"," + opts
                + ",\"figure\":{\"scale\":\"log\"}}"), 400)).isEqualTo("'scale' must be one of fraction, percent;"
                + " not 'log'.");
        assertThat(error(s.postJson("/api/table1", "{\"dataset\":\"" + id + "\",\"settings\":{" + opts
                + ",\"figure\":{\"censor_marks\":\"x\"},\"table1\":[\"age\"]}}"), 400))
                .contains("'censor_marks' must be one of plus, tick, none");
        assertThat(error(s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\"km\","
                + "\"options\":{\"time\":\"time\",\"event\":\"status\",\"conf_type\":\"wide\"}}"), 400))
                .contains("log-log, log or plain");
    }

    @Test
    void moreRowsThanTheLimit() {
        StringBuilder sb = new StringBuilder("time,status\n");
        for (int i = 0; i < 1500; i++) {
            sb.append(i % 97).append(',').append(i % 2).append('\n');
        }
        assertThat(error(s.upload("many.csv", sb.toString().getBytes(StandardCharsets.UTF_8)), 400))
                .contains("more than 1,000 rows");
        stillWorks();
    }

    @Test
    void htmlInColumnNamesAndValuesStaysText() {
        String csv = "\"<script>alert(1)</script>\",time,status,\"<b>arm</b>\"\n"
                + "1,10,1,\"<img src=x onerror=alert(1)>\"\n2,20,0,B\n3,30,1,\"<img src=x onerror=alert(1)>\"\n4,40,1,B\n"
                + "5,15,1,B\n6,25,1,\"<img src=x onerror=alert(1)>\"\n";
        TestServer.Reply up = s.upload("x<y>.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        JsonNode d = up.json();
        assertThat(d.get("file_name").asText()).isEqualTo("x_y_.csv");
        assertThat(d.get("columns").get(0).asText()).isEqualTo("<script>alert(1)</script>"); // JSON carries data as is
        String id = d.get("id").asText();
        TestServer.Reply fig = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":{\"time\":\"time\","
                + "\"event\":\"status\",\"group\":\"<b>arm</b>\"}}");
        assertThat(fig.status()).as(fig.body()).isEqualTo(200);
        assertThat(fig.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(fig.body()).doesNotContain("<img").doesNotContain("<b>").contains("&lt;img");
        TestServer.Reply study = s.postJson("/api/studies", "{\"name\":\"<script>x</script>\",\"dataset\":\"" + id
                + "\",\"settings\":{\"options\":{\"time\":\"time\",\"event\":\"status\",\"group\":\"<b>arm</b>\"},"
                + "\"table1\":[\"<script>alert(1)</script>\"]}}");
        assertThat(study.status()).as(study.body()).isEqualTo(201);
        TestServer.Reply report = s.get("/api/studies/" + study.json().get("id").asText() + "/report");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).doesNotContain("<script").doesNotContain("<img src=x").contains("&lt;img");
        // the page itself is static: its texts come from the API and are inserted with textContent
        assertThat(WebServer.resource("app.js")).doesNotContain("innerHTML").doesNotContain("insertAdjacentHTML");
        stillWorks();
    }

    @Test
    void aThousandGroupsGiveAClearMessage() {
        StringBuilder sb = new StringBuilder("id,time,status,patient\n");
        Random r = new Random(1000);
        for (int i = 0; i < 1000; i++) {
            sb.append(i).append(',').append(1 + r.nextInt(100)).append(',').append(r.nextInt(2)).append(",P")
                    .append(i).append('\n');
        }
        String id = s.upload("ids.csv", sb.toString().getBytes(StandardCharsets.UTF_8)).json().get("id").asText();
        String opts = "\"options\":{\"time\":\"time\",\"event\":\"status\",\"group\":\"patient\"}";
        assertThat(error(s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\"compare\"," + opts
                + "}"), 400)).contains("1000 distinct values").contains("identifier");
        assertThat(error(s.postJson("/api/figures", "{\"dataset\":\"" + id + "\"," + opts + "}"), 400))
                .contains("1000 distinct values").contains("at most 24 groups");
        assertThat(s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\"km\"," + opts + "}").status())
                .isEqualTo(200);
        stillWorks();
    }

    @Test
    void malformedRequests() {
        assertThat(error(s.send(s.request("/api/datasets").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))), 400)).contains("multipart");
        assertThat(error(s.postJson("/api/analyses", "[1,2]"), 400)).contains("JSON object");
        assertThat(error(s.postJson("/api/analyses", "{\"dataset\":\"x\",\"analysis\":\"km\",\"extra\":1}"), 400))
                .contains("unknown member 'extra'");
        assertThat(error(s.get("/api/datasets/..%2F..%2Fetc"), 404)).doesNotContain("/etc/");
        String huge = "{\"name\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        assertThat(error(s.postJson("/api/studies", huge), 413)).contains("too large");
        stillWorks();
    }
}

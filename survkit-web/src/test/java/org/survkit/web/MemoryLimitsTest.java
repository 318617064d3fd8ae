package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile uploads against {@code survkit serve} with a 512 MB heap ({@code -Xmx512m}, its own JVM) and the default
 * limits: a 9 MB CSV with 1,000,000 columns, a small {@code .xlsx} whose one cell unpacks to 1.5 GB, a 60 MB
 * chunked upload, and concurrent Cox models. Each is answered with a clear 4xx (or waits its turn), nothing is
 * left on disk, the heap never runs out, and the server goes on answering.
 */
class MemoryLimitsTest {
    @TempDir
    static Path dir;
    static ServerProcess s;

    @BeforeAll
    static void start() {
        s = ServerProcess.start(dir.resolve("data"), List.of("-Xmx512m"), List.of());
    }

    @AfterAll
    static void stop() {
        if (s != null) {
            assertThat(s.log()).doesNotContain("OutOfMemoryError");
            s.close();
        }
    }

    static void stillAnswersAndLeftNothing() throws IOException {
        assertThat(s.alive()).isTrue();
        assertThat(s.get("/api/config").status()).isEqualTo(200);
        ApiClient.Reply up = s.upload(TestServer.LUNG);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        try (Stream<Path> left = Files.list(dir.resolve("data").resolve("tmp"))) {
            assertThat(left).as("temporary files").isEmpty();
        }
    }

    @Test
    void aMillionColumnCsvGetsAClear400WithinAMinute() throws IOException {
        StringBuilder header = new StringBuilder(8_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            header.append(i == 0 ? "" : ",").append('c').append(i);
        }
        byte[] csv = (header + "\n" + "1,".repeat(999_999) + "1\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(csv.length).isBetween(8_000_000, 10_000_000);
        long t0 = System.nanoTime();
        ApiClient.Reply r = s.upload("wide.csv", csv);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("[memory] 1,000,000-column CSV (%.1f MB) on -Xmx512m: %d in %.2f s%n", csv.length / 1e6,
                r.status(), seconds);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("wide.csv, line 1: the header has more than 5,000 columns,"
                + " more than survkit reads here. Is this a table with one column per variable and one row per patient?"
                + " Save a copy that keeps only the columns the analysis needs and use that.");
        assertThat(seconds).isLessThan(60);
        stillAnswersAndLeftNothing();
    }

    @Test
    void aWorkbookWhoseOneCellUnpacksToOneAndAHalfGigabytesGetsAClear400() throws IOException {
        Path small = dir.resolve("small.xlsx");
        cellBomb(small, 0);
        ApiClient.Reply control = s.upload("small.xlsx", Files.readAllBytes(small));
        assertThat(control.status()).as("the same workbook with an empty cell is read: " + control.body()).isEqualTo(201);
        Path bomb = dir.resolve("bomb.xlsx");
        long cellBytes = cellBomb(bomb, 1500);
        assertThat(Files.size(bomb)).isLessThan(10L << 20);
        long t0 = System.nanoTime();
        ApiClient.Reply r = s.upload("bomb.xlsx", Files.readAllBytes(bomb));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("[memory] .xlsx of %.1f MB with one %,d-byte cell on -Xmx512m: %d in %.2f s%n",
                Files.size(bomb) / 1e6, cellBytes, r.status(), seconds);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).startsWith("bomb.xlsx (a shared text of the workbook): a value is"
                + " longer than 32,767 characters");
        try (Stream<Path> kept = Files.list(dir.resolve("data").resolve("datasets"))) {
            assertThat(kept.flatMap(MemoryLimitsTest::files)).noneMatch(p -> p.getFileName().toString()
                    .startsWith("bomb"));
        }
        stillAnswersAndLeftNothing();
    }

    @Test
    void aSixtyMegabyteChunkedUploadGets413() throws IOException {
        byte[] big = new byte[60 << 20];
        Arrays.fill(big, (byte) '1');
        for (int i = 49; i < big.length; i += 50) {
            big[i] = '\n';
        }
        byte[] body = ApiClient.uploadBody("big.csv", big);
        ApiClient.Reply r = s.send(s.request("/api/datasets").header("Content-Type", ApiClient.MULTIPART)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.json().get("error").asText()).startsWith("big.csv is larger than the upload limit of 50 MB.");
        stillAnswersAndLeftNothing();
    }

    @Test
    void concurrentCoxModelsWaitTheirTurnInsteadOfRunningOutOfMemory() throws Exception {
        ApiClient.Reply up = s.upload("cohort.csv", cohort(150_000).getBytes(StandardCharsets.US_ASCII));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        String id = up.json().get("id").asText();
        String body = "{\"dataset\":\"" + id + "\",\"analysis\":\"cox\",\"options\":{\"time\":\"days\",\"event\":"
                + "\"dead\",\"covariates\":[\"arm\",\"age\",\"sex\"]}}";
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<ApiClient.Reply>> replies = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 12; i++) {
            replies.add(pool.submit(() -> s.postJson("/api/analyses", body)));
        }
        int ok = 0;
        for (Future<ApiClient.Reply> f : replies) {
            ApiClient.Reply r = f.get(300, TimeUnit.SECONDS);
            if (r.status() == 503) {
                assertThat(r.header("Retry-After")).isNotNull();
                assertThat(r.json().get("error").asText()).contains("busy").contains("Try again");
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().get("n").asInt()).isEqualTo(150_000);
                ok++;
            }
        }
        pool.shutdown();
        System.out.printf("[memory] 12 concurrent Cox models of 150,000 rows on -Xmx512m: %d answered, %.1f s%n", ok,
                (System.nanoTime() - t0) / 1e9);
        assertThat(ok).isGreaterThan(0);
        stillAnswersAndLeftNothing();
    }

    private static Stream<Path> files(Path p) {
        try {
            return Files.isDirectory(p) ? Files.list(p).toList().stream() : Stream.of(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A seeded cohort as the load test's: days, dead, arm (A/B/C), age, sex. */
    static String cohort(int rows) {
        Random r = new Random(2026);
        StringBuilder sb = new StringBuilder(rows * 24).append("days,dead,arm,age,sex\n");
        for (int i = 0; i < rows; i++) {
            int a = r.nextInt(3);
            double t = -Math.log(1 - r.nextDouble()) * (900 + 400 * a);
            double c = 30 + r.nextDouble() * 3000;
            sb.append((int) Math.ceil(Math.min(t, c))).append(',').append(t <= c ? 1 : 0).append(',')
                    .append((char) ('A' + a)).append(',').append(40 + r.nextInt(45)).append(',')
                    .append(r.nextBoolean() ? 'F' : 'M').append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes a workbook whose shared text 0, used by cell B2, is {@code megabytes} MiB of the letter a: a few MB
     * packed. {@return the cell's bytes}
     */
    static long cellBomb(Path file, int megabytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(1);
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application"
                    + "/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application"
                    + "/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\""
                    + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sharedStrings+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType="
                    + "\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas"
                    + ".openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas"
                    + ".openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/>"
                    + "</sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns="
                    + "\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type="
                    + "\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target="
                    + "\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id="
                    + "\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target="
                    + "\"styles.xml\"/></Relationships>");
            entry(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas"
                    + ".openxmlformats.org/spreadsheetml/2006/main\"><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs>"
                    + "</styleSheet>");
            entry(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://"
                    + "schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\""
                    + "inlineStr\"><is><t>time</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>notes</t></is></c></row>"
                    + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>").getBytes(StandardCharsets.UTF_8));
            byte[] mb = new byte[1 << 20];
            Arrays.fill(mb, (byte) 'a');
            for (int i = 0; i < megabytes; i++) {
                zip.write(mb);
            }
            zip.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return (long) megabytes << 20;
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}

package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-up from two date columns, and Excel workbooks: through the API exactly as through the CLI. */
class FileKindsTest {
    static final Path MBC = Path.of("..", "examples", "rapamycin-mbc", "cohort.csv").toAbsolutePath().normalize();
    static final Path STAT = Path.of("..", "survkit-io", "src", "test", "resources", "stat").toAbsolutePath()
            .normalize();

    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = new TestServer(dir.resolve("server"));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void timeFromStartAndEndDatesInMonths() {
        TestServer.Reply up = s.upload(MBC);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().get("types").get("rapamycin_start").asText()).isEqualTo("date");
        String id = up.json().get("id").asText();
        String opts = "{\"start_date\":\"rapamycin_start\",\"end_date\":\"last_contact\",\"time_unit\":\"months\","
                + "\"event\":\"vital_status\",\"group\":\"her2\",\"at\":[12,60]}";
        TestServer.Reply km = s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\"km\",\"options\":"
                + opts + "}");
        assertThat(km.status()).as(km.body()).isEqualTo(200);
        assertThat(km.body()).isEqualTo(TestServer.cliIn(MBC, "km", "--start-date", "rapamycin_start", "--end-date",
                "last_contact", "--time-unit", "months", "--event", "vital_status", "--group", "her2", "--at", "12,60",
                "--format", "json"));
        TestServer.Reply fig = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":"
                + opts.replace(",\"at\":[12,60]", "") + "}");
        assertThat(fig.status()).as(fig.body()).isEqualTo(200);
        assertThat(fig.body()).contains("months");
    }

    @Test
    void excelWorkbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Random r = new Random(7);
        try (Workbook wb = new Workbook(bytes, "survkit-test", "1.0")) {
            Worksheet ws = wb.newWorksheet("Cohort");
            String[] head = {"id", "diagnosis", "last_seen", "dead", "arm"};
            for (int c = 0; c < head.length; c++) {
                ws.value(0, c, head[c]);
            }
            for (int i = 1; i <= 60; i++) {
                LocalDate d0 = LocalDate.of(2018, 1, 1).plusDays(r.nextInt(700));
                ws.value(i, 0, i);
                ws.value(i, 1, d0);
                ws.style(i, 1).format("yyyy-mm-dd").set();
                ws.value(i, 2, d0.plusDays(20 + r.nextInt(1500)));
                ws.style(i, 2).format("yyyy-mm-dd").set();
                ws.value(i, 3, r.nextInt(3) == 0 ? "no" : "yes");
                ws.value(i, 4, i % 2 == 0 ? "Surgery" : "Radiotherapy");
            }
        }
        Path file = dir.resolve("cohort.xlsx");
        Files.write(file, bytes.toByteArray());
        TestServer.Reply up = s.upload(file);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().get("rows").asInt()).isEqualTo(60);
        assertThat(up.json().get("types").get("diagnosis").asText()).isEqualTo("date");
        String id = up.json().get("id").asText();
        TestServer.Reply cmp = s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\"compare\","
                + "\"options\":{\"start_date\":\"diagnosis\",\"end_date\":\"last_seen\",\"time_unit\":\"years\","
                + "\"event\":\"dead\",\"group\":\"arm\"}}");
        assertThat(cmp.status()).as(cmp.body()).isEqualTo(200);
        assertThat(cmp.body()).isEqualTo(TestServer.cliIn(file, "compare", "--start-date", "diagnosis", "--end-date",
                "last_seen", "--time-unit", "years", "--event", "dead", "--group", "arm", "--format", "json"));
    }

    @Test
    void spssAndStataFiles() throws IOException {
        Path disguised = Files.copy(STAT.resolve("cohort.zsav"), dir.resolve("export.csv"));
        for (Path file : java.util.List.of(STAT.resolve("cohort.sav"), STAT.resolve("cohort_v14.dta"),
                STAT.resolve("cohort_v8.dta"), disguised)) {
            TestServer.Reply up = s.upload(file);
            assertThat(up.status()).as(up.body()).isEqualTo(201);
            assertThat(up.json().get("rows").asInt()).isEqualTo(40);
            assertThat(up.json().get("types").get("diag").asText()).isEqualTo("date");
            assertThat(up.json().get("preview").get(0).get(2).asText()).isEqualTo("Alive");
            String id = up.json().get("id").asText();
            TestServer.Reply km = s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\"km\","
                    + "\"options\":{\"time\":\"time\",\"event\":\"status\",\"group\":\"group\"}}");
            assertThat(km.status()).as(km.body()).isEqualTo(200);
            assertThat(km.body()).isEqualTo(TestServer.cliIn(file, "km", "--time", "time", "--event", "status",
                    "--group", "group", "--format", "json"));
            assertThat(km.body()).contains("Triple n\u00e9gatif");
        }
    }

    @Test
    void parquetFile() throws IOException {
        Path lung = Path.of("..", "examples", "lung", "lung.parquet").toAbsolutePath().normalize();
        Path disguised = Files.copy(lung, dir.resolve("lung-export.csv"));
        for (Path file : java.util.List.of(lung, disguised)) {
            TestServer.Reply up = s.upload(file);
            assertThat(up.status()).as(up.body()).isEqualTo(201);
            assertThat(up.json().get("rows").asInt()).isEqualTo(228);
            assertThat(up.json().get("types").get("time").asText()).isEqualTo("number");
            String id = up.json().get("id").asText();
            TestServer.Reply km = s.postJson("/api/analyses", "{\"dataset\":\"" + id + "\",\"analysis\":\"km\","
                    + "\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\",\"group\":\"sex\"}}");
            assertThat(km.status()).as(km.body()).isEqualTo(200);
            assertThat(km.body()).isEqualTo(TestServer.cliIn(file, "km", "--time", "time", "--event", "status",
                    "--event-value", "2", "--group", "sex", "--format", "json"));
        }
    }
}

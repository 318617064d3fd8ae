package org.survkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user takes away: the figure as SVG and PNG, tables as CSV/JSON, the HTML report, the study file and the
 * ZIP of everything; and the study file reproduces the report's tables from the command line.
 */
class DownloadsTest {
    @TempDir
    Path dir;
    @TempDir
    Path user;

    static final String SETTINGS = "{\"options\":{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\","
            + "\"group\":\"ph.ecog\",\"time_unit\":\"days\",\"at\":[180,365],\"adjust\":\"bonferroni\"},"
            + "\"figure\":{\"confidence_bands\":true,\"colors\":[\"#112233\",\"#AA5500\",\"#33AA77\",\"#7700AA\"]},"
            + "\"table1\":[\"age\",\"sex\",\"wt.loss\"],"
            + "\"cox\":{\"covariates\":[\"ph.ecog\",\"age\",\"sex\"]},\"title\":\"Lung cohort by ECOG\"}";

    @Test
    void theFigureInJournalFormatsAndSizesAndTheStudysFigureFiles() throws IOException {
        try (TestServer s = new TestServer(dir)) {
            String id = s.upload(TestServer.LUNG).json().get("id").asText();
            String opts = "{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\",\"group\":\"sex\"}";
            TestServer.Reply pdf = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + opts
                    + ",\"format\":\"pdf\",\"figure\":{\"width_mm\":\"85\"}}");
            assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
            assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
            assertThat(new String(pdf.bytes(), StandardCharsets.ISO_8859_1)).startsWith("%PDF-").contains("/FontFile2");
            TestServer.Reply tiff = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + opts
                    + ",\"format\":\"tiff\",\"figure\":{\"width_mm\":85,\"dpi\":600}}");
            assertThat(tiff.status()).isEqualTo(200);
            assertThat(tiff.header("Content-Type")).isEqualTo("image/tiff");
            // 85 mm at 600 dpi = 2008 px
            assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(tiff.bytes())).getWidth()).isEqualTo(2008);
            TestServer.Reply badFormat = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + opts
                    + ",\"format\":\"jpg\"}");
            assertThat(badFormat.status()).isEqualTo(400);
            assertThat(badFormat.json().get("error").asText()).isEqualTo("'format' must be svg, png, pdf, eps or tiff.");
            TestServer.Reply badWidth = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + opts
                    + ",\"figure\":{\"width_mm\":40}}");
            assertThat(badWidth.status()).isEqualTo(400);
            assertThat(badWidth.json().get("error").asText()).startsWith("Figure width (mm): 40 is not allowed; give a"
                    + " number from 80 to 300");

            String settings = SETTINGS.replace("\"figure\":{", "\"figure\":{\"formats\":[\"svg\",\"pdf\"],"
                    + "\"width_mm\":\"85\",\"dpi\":\"600\",");
            String study = s.postJson("/api/studies", "{\"name\":\"Lung figures\",\"dataset\":\"" + id
                    + "\",\"settings\":" + settings + "}").json().get("id").asText();
            TestServer.Reply yaml = s.get("/api/studies/" + study + "/study.yaml");
            assertThat(yaml.body()).contains("formats: [svg, pdf]").contains("width_mm: 85").contains("dpi: 600");
        }
    }

    @Test
    void figureTablesReportStudyFileAndZip() throws IOException {
        try (TestServer s = new TestServer(dir)) {
            String id = s.upload(TestServer.LUNG).json().get("id").asText();
            String opts = "{\"time\":\"time\",\"event\":\"status\",\"event_value\":\"2\",\"group\":\"sex\"}";
            TestServer.Reply svg = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + opts
                    + ",\"figure\":{\"colors\":[\"#112233\",\"#AA5500\"],\"median_lines\":true,\"scale\":\"percent\"}}");
            assertThat(svg.status()).as(svg.body()).isEqualTo(200);
            assertThat(svg.body()).contains("#112233").contains("#AA5500").contains("Log-rank");
            TestServer.Reply png = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + opts
                    + ",\"format\":\"png\"}");
            assertThat(png.status()).isEqualTo(200);
            assertThat(png.header("Content-Type")).isEqualTo("image/png");
            assertThat(png.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            TestServer.Reply bad = s.postJson("/api/figures", "{\"dataset\":\"" + id + "\",\"options\":" + opts
                    + ",\"figure\":{\"colors\":[\"red\"]}}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("error").asText()).contains("#RRGGBB");

            String study = s.postJson("/api/studies", "{\"name\":\"Lung by ECOG\",\"dataset\":\"" + id
                    + "\",\"settings\":" + SETTINGS + "}").json().get("id").asText();
            TestServer.Reply report = s.get("/api/studies/" + study + "/report?download=1");
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            assertThat(report.header("Content-Disposition")).isEqualTo("attachment; filename=\"Lung-by-ECOG-report.html\"");
            assertThat(report.body()).contains("Lung cohort by ECOG").contains("Table 1").contains("wt.loss")
                    .contains("<svg").contains("#112233").contains("#AA5500"); // the page's colours

            TestServer.Reply yaml = s.get("/api/studies/" + study + "/study.yaml");
            assertThat(yaml.status()).isEqualTo(200);
            assertThat(yaml.body()).startsWith("# Written by survkit report").contains("path: \"lung.csv\"")
                    .contains("column: \"ph.ecog\"").contains("adjust: bonferroni")
                    .contains("colors: [\"#112233\", \"#AA5500\", \"#33AA77\", \"#7700AA\"]");

            TestServer.Reply zip = s.get("/api/studies/" + study + "/export.zip");
            assertThat(zip.status()).isEqualTo(200);
            Map<String, byte[]> entries = unzip(zip.bytes());
            assertThat(entries).containsKeys("study.yaml", "lung.csv", "report/report.html", "report/analysis.csv",
                    "report/tables/survival.json", "report/tables/survival.csv");
            assertThat(entries.keySet().stream().filter(n -> n.startsWith("report/figures/") && n.endsWith(".png")))
                    .isNotEmpty();
            assertThat(entries.keySet().stream().filter(n -> n.startsWith("report/figures/") && n.endsWith(".svg")))
                    .isNotEmpty();

            // report.docx and tables.xlsx of the study key docx, run on the saved study
            TestServer.Reply docx = s.get("/api/studies/" + study + "/report.docx");
            assertThat(docx.status()).isEqualTo(200);
            assertThat(docx.header("Content-Type")).startsWith(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            assertThat(docx.header("Content-Disposition")).isEqualTo("attachment; filename=\"Lung-by-ECOG-report.docx\"");
            String document = new String(unzip(docx.bytes()).get("word/document.xml"), StandardCharsets.UTF_8);
            assertThat(document).contains("<w:tbl>").contains("Lung cohort by ECOG").contains("wt.loss");
            assertThat(unzip(docx.bytes()).keySet().stream().filter(n -> n.startsWith("word/media/"))).isNotEmpty();
            TestServer.Reply xlsx = s.get("/api/studies/" + study + "/tables.xlsx");
            assertThat(xlsx.status()).isEqualTo(200);
            assertThat(xlsx.header("Content-Disposition")).isEqualTo("attachment; filename=\"Lung-by-ECOG-tables.xlsx\"");
            // fastexcel streams its entries with data descriptors: read the workbook by its central directory, as
            // Excel does
            Path workbook = Files.write(dir.resolve("tables.xlsx"), xlsx.bytes());
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(workbook.toFile())) {
                assertThat(z.stream().map(ZipEntry::getName)).contains("xl/workbook.xml")
                        .anyMatch(n -> n.startsWith("xl/worksheets/"));
            }

            // the user puts study.yaml next to the data and runs the CLI: the same tables
            Files.writeString(user.resolve("study.yaml"), yaml.body(), StandardCharsets.UTF_8);
            Files.copy(TestServer.LUNG, user.resolve("lung.csv"));
            TestServer.cli("report", user.resolve("study.yaml").toString(), "--no-png");
            Map<String, String> cliTables = new TreeMap<>();
            try (Stream<Path> files = Files.list(user.resolve("report").resolve("tables"))) {
                for (Path p : files.toList()) {
                    cliTables.put("report/tables/" + p.getFileName(), Files.readString(p));
                }
            }
            assertThat(cliTables).isNotEmpty().containsKey("report/tables/cox_1.json");
            for (Map.Entry<String, String> e : cliTables.entrySet()) {
                assertThat(new String(entries.get(e.getKey()), StandardCharsets.UTF_8)).as(e.getKey())
                        .isEqualTo(e.getValue());
            }
        }
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }
}

package org.survkit.report.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.report.ReportEngine;
import org.survkit.report.tables.FindingText;
import org.survkit.study.file.StudyReader;

/**
 * report.docx of the rapamycin example (examples/rapamycin-mbc), checked in its XML: the tables are Word tables
 * ({@code w:tbl}) holding the cells report.html shows — Table 1's 9/43 (20.9) and 5-year overall survival 93.3 %,
 * the numbers of the paper the example reproduces (examples/rapamycin-mbc/README.md; R 4.2.2 survival 3.5-3 in
 * check_cohort.R agrees, expected.json) — in journal style, and the figures are PNG at 300 dpi placed at their
 * physical size. The run asks for no PNG files: the document renders its own.
 */
class DocxReportTest {

    @TempDir
    static Path out;

    static Map<String, byte[]> parts;
    static String document;
    static String html;

    @BeforeAll
    static void runTheExample() throws IOException {
        Path study = Path.of("../examples/rapamycin-mbc/study.yaml");
        assumeTrue(Files.isRegularFile(study.resolveSibling("cohort.csv")), "the example's cohort.csv is missing");
        ReportEngine.Result r = ReportEngine.withDefaults().withPng(false).run(StudyReader.read(study).withOutput(out)
                .withDocx(true));
        assertThat(r.files()).contains("report.docx", "tables.xlsx").noneMatch(f -> f.endsWith(".png"));
        parts = unzip(out.resolve("report.docx"));
        document = new String(parts.get("word/document.xml"), StandardCharsets.UTF_8);
        html = Files.readString(out.resolve("report.html"));
    }

    private static Map<String, byte[]> unzip(Path file) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                m.put(e.getName(), z.readAllBytes());
            }
        }
        return m;
    }

    private static List<XWPFTable> tables() throws IOException {
        try (InputStream in = Files.newInputStream(out.resolve("report.docx")); XWPFDocument d = new XWPFDocument(in)) {
            return List.copyOf(d.getTables());
        }
    }

    private static XWPFTable table(String firstHeading) throws IOException {
        for (XWPFTable t : tables()) {
            if (t.getRow(0).getCell(0).getText().equals(firstHeading)) {
                return t;
            }
        }
        throw new AssertionError("no table headed " + firstHeading);
    }

    private static List<String> row(XWPFTable t, String label) {
        for (XWPFTableRow r : t.getRows()) {
            if (r.getCell(0).getText().equals(label)) {
                return r.getTableCells().stream().map(c -> c.getText()).toList();
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void theTablesAreWordTablesWithTheReportsCells() throws IOException {
        // the report's tables but Guardrails: flow, Table 1, survival, overall test, pairwise, CIF, Gray, Cox, PH test
        assertThat(tables()).hasSize(9);
        assertThat(count(document, "<w:tbl>")).isEqualTo(9);
        List<String> grade3 = row(table("Characteristic"), "III");
        assertThat(grade3.get(1)).isEqualTo("9/43 (20.9)");
        assertThat(html).contains("<td>9/43 (20.9)</td>");
        List<String> erPr = row(table("Group"), "ER/PR+ HER2\u2212");
        assertThat(erPr.get(6)).isEqualTo("93.3 (61.3\u201399.0) [2]");
        assertThat(html).contains("<td>93.3 (61.3\u201399.0) [2]</td>");
        // the pairwise table with its notes under it
        assertThat(row(table("Comparison"), "Triple positive vs ER/PR+ HER2\u2212").get(2)).isEqualTo("0.006");
        assertThat(document).contains("adjusted for 3 comparisons by Holm").contains("Mantel\u2013Haenszel method");
        // the header repeats on a new page, the title and the methods are there
        assertThat(document).contains("<w:tblHeader w:val=\"on\"/>").contains("Rapamycin in metastatic breast cancer")
                .contains("Kaplan\u2013Meier");
    }

    /**
     * report.docx has report.html's Guardrails section, before the methods: its lead, then each finding of the report
     * (tables/guardrails.json, the list report.html shows) with its severity, title and where, then what to do.
     */
    @Test
    void theGuardrailsSectionHasEveryFindingOfTheHtmlReport() throws IOException {
        List<String> text;
        try (InputStream in = Files.newInputStream(out.resolve("report.docx")); XWPFDocument d = new XWPFDocument(in)) {
            text = d.getParagraphs().stream().map(XWPFParagraph::getText).toList();
        }
        int at = text.indexOf("Guardrails");
        assertThat(at).as("the Guardrails heading").isPositive();
        assertThat(text.get(at + 1)).isEqualTo(FindingText.LEAD);
        JsonNode findings = new ObjectMapper().readTree(out.resolve("tables/guardrails.json").toFile());
        assertThat(findings.size()).as("the findings of report.html")
                .isEqualTo(html.split("<li class=\"(warning|note)\">", -1).length - 1);
        List<String> expected = new ArrayList<>();
        int n = 0;
        for (JsonNode f : findings) {
            String severity = f.get("severity").asText();
            expected.add(++n + ". " + Character.toUpperCase(severity.charAt(0)) + severity.substring(1) + ": "
                    + FindingText.title(f.get("code").asText()) + " (" + f.get("scope").asText() + ")");
            expected.add(f.get("message").asText());
        }
        if (expected.isEmpty()) {
            expected.add(FindingText.NO_FINDING);
        }
        assertThat(text.subList(at + 2, at + 2 + expected.size())).isEqualTo(expected);
        assertThat(text.get(at + 2 + expected.size())).isEqualTo("Methods");
    }

    @Test
    void theTablesHaveTheJournalStyle() {
        Matcher m = Pattern.compile("<w:tblBorders>(.*?)</w:tblBorders>").matcher(document);
        int n = 0;
        while (m.find()) {
            String b = m.group(1);
            assertThat(b).contains("<w:top w:val=\"single\" w:sz=\"8\"").contains("<w:bottom w:val=\"single\" w:sz=\"8\"")
                    .contains("<w:left w:val=\"none\"").contains("<w:right w:val=\"none\"")
                    .contains("<w:insideH w:val=\"none\"").contains("<w:insideV w:val=\"none\"");
            n++;
        }
        assertThat(n).isEqualTo(9);
        // the rule under the header: every cell of each table's first row
        assertThat(count(document, "<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"4\"")).isEqualTo(3 + 7 + 8 + 4 + 7
                + 6 + 4 + 3 + 4);
    }

    @Test
    void table1sPValuesCarryTheirNoteLettersAsSuperscripts() {
        // "0.7 a" in the cells: 0.7 and a superscript a; the note "a One-way ANOVA." starts with the same letter
        assertThat(document).containsPattern("<w:t>0\\.7</w:t></w:r><w:r><w:rPr>(<[^>]*>)*<w:vertAlign "
                + "w:val=\"superscript\"/>(<[^>]*>)*</w:rPr><w:t>a</w:t>");
        assertThat(document).containsPattern("<w:vertAlign w:val=\"superscript\"/>(<[^>]*>)*</w:rPr><w:t>a</w:t>"
                + "</w:r><w:r>(<[^>]*>)*<w:t xml:space=\"preserve\"> </w:t></w:r><w:r>(<[^>]*>)*<w:t>One-way ANOVA.");
        assertThat(document).doesNotContain("0.7 a");
    }

    @Test
    void theFiguresArePngAt300DpiAtTheirPhysicalSize() {
        List<byte[]> pngs = new ArrayList<>();
        parts.forEach((name, bytes) -> {
            if (name.startsWith("word/media/") && name.endsWith(".png")) {
                pngs.add(bytes);
            }
        });
        // flow, all groups, three pairs, log(-log), CIF, forest
        assertThat(pngs).hasSize(8);
        for (byte[] p : pngs) {
            assertThat(PngSize.dpi(p)).isEqualTo(300);
        }
        // the Kaplan-Meier figure is 170 mm wide (survkit-plot's double column): 2008 px at 300 dpi, 6,120,000 EMU
        assertThat(pngs.stream().map(p -> PngSize.pixels(p)[0]).toList()).contains(2008);
        Matcher m = Pattern.compile("<wp:extent cx=\"(\\d+)\" cy=\"(\\d+)\"/>").matcher(document);
        int n = 0;
        while (m.find()) {
            assertThat(Long.parseLong(m.group(1))).isBetween(6_119_000L, 6_121_000L);
            n++;
        }
        assertThat(n).isEqualTo(8);
        assertThat(document).contains("Figure 2. ").contains("Overall survival by subgroup, all groups");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}

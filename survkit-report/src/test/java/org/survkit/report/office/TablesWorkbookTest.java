package org.survkit.report.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.report.ReportEngine;
import org.survkit.study.file.StudyReader;

/**
 * tables.xlsx of the rapamycin example read back with fastexcel-reader: one sheet per table, and the numbers of
 * the report's cells as numeric cells — counts as integers, percentages and both limits of an interval as numbers,
 * a P value as a number with its note letter (or its bound, "<") in a column of its own. The values are those
 * report.html prints (Table 1's 9/43 (20.9) and 5-year survival 93.3 (61.3–99.0) [2]: the paper's numbers the
 * example reproduces, examples/rapamycin-mbc/README.md, and R 4.2.2 survival 3.5-3 in check_cohort.R).
 */
class TablesWorkbookTest {

    @TempDir
    static Path out;

    static Map<String, List<Row>> sheets = new HashMap<>();

    @BeforeAll
    static void runTheExample() throws IOException {
        Path study = Path.of("../examples/rapamycin-mbc/study.yaml");
        assumeTrue(Files.isRegularFile(study.resolveSibling("cohort.csv")), "the example's cohort.csv is missing");
        ReportEngine.withDefaults().withPng(false).run(StudyReader.read(study).withOutput(out).withDocx(true));
        try (InputStream in = Files.newInputStream(out.resolve("tables.xlsx")); ReadableWorkbook wb =
                new ReadableWorkbook(in)) {
            for (Sheet s : wb.getSheets().toList()) {
                sheets.put(s.getName(), s.read());
            }
        }
    }

    /** The cell of a row (by its first cell) under a heading (row 2 of the sheet). */
    private static Cell cell(String sheet, String label, String heading) {
        List<Row> rows = sheets.get(sheet);
        Row header = rows.get(1);
        int col = -1;
        for (int c = 0; c < header.getCellCount(); c++) {
            if (header.getCell(c) != null && heading.equals(header.getCell(c).getRawValue())) {
                col = c;
            }
        }
        assertThat(col).as(sheet + ": column " + heading + " in " + header).isNotNegative();
        for (Row r : rows) {
            if (r.getCellCount() > 0 && r.getCell(0) != null && label.equals(r.getCell(0).getRawValue())) {
                return r.getCell(col);
            }
        }
        throw new AssertionError(sheet + ": no row " + label);
    }

    private static BigDecimal number(String sheet, String label, String heading) {
        Cell c = cell(sheet, label, heading);
        assertThat(c.getType()).as(sheet + " " + label + " " + heading).isEqualTo(CellType.NUMBER);
        return c.asNumber();
    }

    @Test
    void oneSheetPerTable() {
        assertThat(sheets.keySet()).containsExactlyInAnyOrder("flow", "table1", "survival", "comparisons", "pairwise",
                "cif", "gray", "cox_1", "cox_1_ph", "guardrails");
        assertThat(sheets.get("table1").get(0).getCell(0).getRawValue()).startsWith("Patient characteristics");
    }

    @Test
    void table1sCountsAndPercentagesAreNumbers() {
        assertThat(number("table1", "III", "Overall (N = 43): n")).isEqualByComparingTo("9");
        assertThat(number("table1", "III", "Overall (N = 43): N")).isEqualByComparingTo("43");
        assertThat(number("table1", "III", "Overall (N = 43): %")).isEqualByComparingTo("20.9");
        assertThat(number("table1", "Age at diagnosis, years, mean \u00B1 SD", "Overall (N = 43): mean"))
                .isEqualByComparingTo("42.5");
        assertThat(number("table1", "Age at diagnosis, years, mean \u00B1 SD", "Overall (N = 43): SD"))
                .isEqualByComparingTo("9.9");
    }

    @Test
    void pValuesAreNumbersWithTheirNoteLetterApart() {
        assertThat(number("table1", "Age at diagnosis, years, mean \u00B1 SD", "P")).isEqualByComparingTo("0.7");
        assertThat(cell("table1", "Age at diagnosis, years, mean \u00B1 SD", "P: note").getRawValue()).isEqualTo("a");
        assertThat(cell("table1", "Trastuzumab, n/N (%)", "P: bound").getRawValue()).isEqualTo("<");
        assertThat(number("table1", "Trastuzumab, n/N (%)", "P")).isEqualByComparingTo("0.001");
        assertThat(number("pairwise", "Triple positive vs ER/PR+ HER2\u2212", "P")).isEqualByComparingTo("0.006");
        assertThat(number("pairwise", "Triple positive vs ER/PR+ HER2\u2212", "P (Holm)")).isEqualByComparingTo(
                "0.02");
    }

    @Test
    void intervalsAreTwoNumericColumns() {
        String at60 = "60 months % (95% CI) [at risk]";
        assertThat(number("survival", "ER/PR+ HER2\u2212", at60)).isEqualByComparingTo("93.3");
        assertThat(number("survival", "ER/PR+ HER2\u2212", at60 + ": lower")).isEqualByComparingTo("61.3");
        assertThat(number("survival", "ER/PR+ HER2\u2212", at60 + ": upper")).isEqualByComparingTo("99.0");
        assertThat(number("survival", "ER/PR+ HER2\u2212", at60 + ": at risk")).isEqualByComparingTo("2");
        // a median not reached stays "NR", as the report prints it
        assertThat(cell("survival", "ER/PR+ HER2\u2212", "Median, months (95% CI)").getRawValue()).isEqualTo("NR");
        assertThat(number("cox_1", "Age at diagnosis, years", "HR (95% CI): upper")).isEqualByComparingTo("1.10");
        assertThat(number("survival", "All patients", "N")).isEqualByComparingTo("43");
    }
}

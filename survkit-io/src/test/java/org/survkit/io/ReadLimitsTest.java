package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caps on columns, value length and unpacked workbook size: each ends the reading early with a message that
 * names the file and the place and says what to do, and a file within the caps reads as before.
 */
class ReadLimitsTest {

    @TempDir
    Path dir;

    static final ReadLimits SMALL = ReadLimits.withDefaults().withMaxColumns(10).withMaxCellChars(50)
            .withMaxUnpackedBytes(200_000);

    @Test
    void defaultsAreGenerousAndWithersChangeOneCap() {
        ReadLimits d = ReadLimits.withDefaults();
        assertThat(d.maxColumns()).isEqualTo(100_000);
        assertThat(d.maxCellChars()).isEqualTo(1_000_000);
        assertThat(d.maxUnpackedBytes()).isEqualTo(8L << 30);
        assertThat(d.withMaxColumns(7)).isEqualTo(new ReadLimits(7, 1_000_000, 8L << 30));
        assertThat(SMALL.maxCellsPerRow()).isEqualTo(ReadLimits.EXCEL_COLUMNS);
        assertThatThrownBy(() -> d.withMaxCellChars(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHeaderWiderThanTheCapIsRefusedWhileItIsSplit() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            sb.append(i == 0 ? "" : ",").append("c").append(i);
        }
        Path wide = Fixtures.text(dir, "wide.csv", sb + "\n" + "1,".repeat(10) + "1\n");
        assertThatThrownBy(() -> TablePreview.read(wide, null, 5, SMALL)).isInstanceOf(InputException.class)
                .hasMessage("wide.csv, line 1: the header has more than 10 columns, more than survkit reads here. Is"
                        + " this a table with one column per variable and one row per patient? Save a copy that keeps"
                        + " only the columns the analysis needs and use that.");
        assertThat(TablePreview.read(wide, null, 5).columns()).hasSize(11);
    }

    @Test
    void aMillionColumnHeaderIsRefusedQuicklyUnderTheDefaults() {
        StringBuilder sb = new StringBuilder(8_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            sb.append(i == 0 ? "" : ",").append('c').append(i);
        }
        Path wide = Fixtures.text(dir, "million.csv", sb.append("\n").toString());
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> TablePreview.countRows(wide, null, 10)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("million.csv, line 1: the header has more than 100,000 columns");
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds").isLessThan(5.0);
    }

    @Test
    void aValueLongerThanTheCapIsRefusedWithItsLineAndColumn() {
        Path longValue = Fixtures.text(dir, "long.csv", "time,notes\n1,short\n2,\"" + "x".repeat(51) + "\"\n");
        assertThatThrownBy(() -> TablePreview.levels(longValue, null, 20, SMALL)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("long.csv, line 3, column 2: a value is longer than 50 characters")
                .hasMessageContaining("double quote");
        assertThat(TablePreview.read(longValue, null, 5).rows()).hasSize(2);
    }

    @Test
    void theCohortReaderKeepsItsDefaultsForTheCommandLine() {
        Path file = Fixtures.text(dir, "ok.csv", "time,status,notes\n5,1,\"" + "y".repeat(5_000) + "\"\n7,0,a\n");
        Cohort c = CohortReader.read(file, CohortSpec.builder().time("time").event("status"));
        assertThat(c.size()).isEqualTo(2);
    }

    @Test
    void aWorkbookCellLongerThanTheCapIsRefusedBeforeTheWorkbookIsOpened() {
        Path file = Fixtures.xlsx(dir, "long.xlsx", wb -> {
            Worksheet ws = wb.newWorksheet("Data");
            ws.value(0, 0, "time");
            ws.value(0, 1, "notes");
            ws.value(1, 0, 1);
            ws.value(1, 1, "z".repeat(60));
        });
        assertThatThrownBy(() -> TablePreview.read(file, null, 5, SMALL)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("long.xlsx (a shared text of the workbook): a value is longer than 50"
                        + " characters");
        assertThat(TablePreview.read(file, null, 5).rows().get(0)).containsExactly("1", "z".repeat(60));
    }

    @Test
    void richTextRunsOfOneCellAddUp() {
        String sst = "<sst xmlns=\"x\"><si><r><t>" + "a".repeat(30) + "</t></r><r><rPr><b/></rPr><t>"
                + "b".repeat(30) + "</t></r></si></sst>";
        Path file = rawWorkbook("rich.xlsx", sst, "<worksheet><sheetData/></worksheet>");
        assertThatThrownBy(() -> TablePreview.read(file, null, 5, SMALL)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("rich.xlsx (a shared text of the workbook): a value is longer than 50");
    }

    @Test
    void anInlineCellNamesItsReference() {
        String sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>time</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>" + "\u00e9".repeat(51) + "</t></is></c></row></sheetData>"
                + "</worksheet>";
        Path file = rawWorkbook("inline.xlsx", null, sheet);
        assertThatThrownBy(() -> TablePreview.read(file, null, 5, SMALL)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("inline.xlsx, cell B1: a value is longer than 50 characters");
        // 50 two-byte characters are 50 characters, not 100
        Path fits = rawWorkbook("fits.xlsx", null, sheet.replace("\u00e9".repeat(51), "\u00e9".repeat(50)));
        assertThatThrownBy(() -> TablePreview.read(fits, null, 5, SMALL)).isInstanceOf(InputException.class)
                .hasMessageNotContaining("longer than");
    }

    @Test
    void aRowWithMoreCellsThanExcelAllowsIsRefused() {
        StringBuilder row = new StringBuilder("<worksheet><sheetData><row r=\"1\">");
        for (int i = 0; i <= ReadLimits.EXCEL_COLUMNS; i++) {
            row.append("<c t=\"n\"><v>1</v></c>");
        }
        Path file = rawWorkbook("cells.xlsx", null, row.append("</row></sheetData></worksheet>").toString());
        assertThatThrownBy(() -> TablePreview.read(file, null, 5, SMALL.withMaxUnpackedBytes(10_000_000)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cells.xlsx: row 1 of the workbook (part xl/worksheets/sheet1.xml) has more"
                        + " than 16,384 cells");
    }

    @Test
    void aWorkbookThatUnpacksToMoreThanTheCapIsRefusedAfterReadingOnlyTheCap() {
        StringBuilder sheet = new StringBuilder("<worksheet><sheetData>");
        for (int r = 1; r <= 20_000; r++) {
            sheet.append("<row r=\"").append(r).append("\"><c><v>").append(r).append("</v></c></row>");
        }
        Path file = rawWorkbook("big.xlsx", null, sheet.append("</sheetData></worksheet>").toString());
        assertThatThrownBy(() -> TablePreview.countRows(file, null, 10, SMALL)).isInstanceOf(InputException.class)
                .hasMessage("big.xlsx unpacks to more than 195 KB, more than survkit reads from one workbook. Save the"
                        + " sheet with the data as CSV and use that, or delete the sheets, columns and formatting the"
                        + " analysis does not need.");
    }

    @Test
    void aWorkbookWiderThanTheColumnCapIsRefusedAtItsHeader() {
        Path file = Fixtures.xlsx(dir, "wide.xlsx", wb -> {
            Worksheet ws = wb.newWorksheet("Data");
            for (int c = 0; c < 12; c++) {
                ws.value(0, c, "c" + c);
                ws.value(1, c, c);
            }
        });
        assertThatThrownBy(() -> TablePreview.read(file, null, 5, SMALL)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("wide.xlsx, sheet 'Data', row 1: the header has more than 10 columns");
    }

    /** A ZIP with the parts the scan looks at (not a complete workbook: the scan refuses it before it is opened). */
    private Path rawWorkbook(String name, String sharedStrings, String sheet) {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            if (sharedStrings != null) {
                zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
                zip.write(sharedStrings.getBytes(StandardCharsets.UTF_8));
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(sheet.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}

package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .xlsx workbooks written with fastexcel: date cells, sheets, row numbers. */
class ExcelTest {

    @TempDir
    Path dir;

    private Path workbook;

    /**
     * Sheet "Cohort" (first): id, time, status, arm, diagnosis (date cells), last_seen (date cells), dead (booleans).
     * Sheet "Second": text dates, a blank row, values beyond the header.
     */
    @BeforeEach
    void writeWorkbook() {
        workbook = Fixtures.xlsx(dir, "study.xlsx", wb -> {
            Worksheet ws = wb.newWorksheet("Cohort");
            header(ws, 0, "id", "time", "status", "arm", "diagnosis", "last_seen", "dead");
            Object[][] rows = {
                {1, 12.5, 1, "A", LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1), true},
                {2, 30, 0, "B", LocalDate.of(2020, 6, 15), LocalDateTime.of(2020, 7, 15, 14, 30), false},
                {3, null, 1, "A", LocalDate.of(2019, 2, 1), LocalDate.of(2019, 3, 1), true},
            };
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (v instanceof String s) {
                        ws.value(r + 1, c, s);
                    } else if (v instanceof Boolean b) {
                        ws.value(r + 1, c, b);
                    } else if (v instanceof LocalDate d) {
                        ws.value(r + 1, c, d);
                        ws.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof LocalDateTime t) {
                        ws.value(r + 1, c, t);
                        ws.style(r + 1, c).format("dd.mm.yyyy hh:mm").set();
                    }
                }
            }
            Worksheet second = wb.newWorksheet("Second");
            header(second, 2, "start", "end", "event");
            second.value(3, 0, "01/02/2020");
            second.value(3, 1, "01/03/2020");
            second.value(3, 2, "yes");
            second.value(5, 0, "01/01/2021");
            second.value(5, 1, "11/01/2021");
            second.value(5, 2, "no");
            second.value(5, 4, "note: checked");
            second.value(6, 0, 43831);
            second.value(6, 1, 43841);
            second.value(6, 2, 1);
        });
    }

    private static void header(Worksheet ws, int row, String... names) {
        for (int c = 0; c < names.length; c++) {
            ws.value(row, c, names[c]);
        }
    }

    @Test
    void readsNumbersTextAndRowNumbersFromTheFirstSheet() {
        Cohort cohort = CohortReader.read(workbook,
                CohortSpec.builder().time("time").event("status").group("arm"));

        assertThat(cohort.rowsRead()).isEqualTo(3);
        assertThat(cohort.time()).containsExactly(12.5, 30.0);
        assertThat(cohort.event()).containsExactly(true, false);
        assertThat(cohort.group()).containsExactly("A", "B");
        assertThat(cohort.line()).containsExactly(2, 3);
        assertThat(cohort.exclusions()).containsExactly(
                new Exclusion("missing time (column 'time')", "time", 1, List.of(4)));
    }

    @Test
    void dateCellsAreDatesAndTimeOfDayIsDropped() {
        Cohort cohort = CohortReader.read(workbook, CohortSpec.builder().startDate("diagnosis").endDate("last_seen")
                .timeUnit(TimeUnit.MONTHS).event("dead"));

        // 2020-01-01 -> 2021-01-01 is 366 days; 2020-06-15 -> 2020-07-15 is 30 days; 2019-02-01 -> 2019-03-01 28
        assertThat(cohort.time()).containsExactly(366 / 30.4375, 30 / 30.4375, 28 / 30.4375);
        assertThat(cohort.event()).containsExactly(true, false, true);
        assertThat(cohort.warnings()).isEmpty();
    }

    @Test
    void secondSheetByNameWithTextDatesBlankRowsAndSerialNumbers() {
        Cohort cohort = CohortReader.read(workbook, CohortSpec.builder().sheet("Second").startDate("start")
                .endDate("end").dateFormat("dd/MM/yyyy").event("event"));

        assertThat(cohort.time()).containsExactly(29.0, 10.0, 10.0);
        assertThat(cohort.event()).containsExactly(true, false, true);
        assertThat(cohort.line()).containsExactly(4, 6, 7);
        assertThat(cohort.warnings()).hasSize(4);
        assertThat(cohort.warnings()).anySatisfy(w -> assertThat(w).isEqualTo(
                "study.xlsx, sheet 'Second': 1 blank row inside the data was skipped (row 5)."));
        assertThat(cohort.warnings()).anySatisfy(w -> assertThat(w).startsWith(
                "study.xlsx, sheet 'Second', row 6: there are values to the right of the last named column "
                        + "(column C)"));
        assertThat(cohort.warnings()).anySatisfy(w -> assertThat(w).startsWith(
                "study.xlsx, sheet 'Second', row 7, column 'start': the number 43831 was read as an Excel date "
                        + "serial number, 2020-01-01"));
    }

    @Test
    void unknownSheetListsTheSheets() {
        assertThatThrownBy(() -> CohortReader.read(workbook,
                CohortSpec.builder().sheet("Secnd").time("time").event("status")))
                .isInstanceOf(InputException.class)
                .hasMessage("study.xlsx: there is no sheet named 'Secnd' (given with --sheet). Did you mean "
                        + "'Second'? Sheets in this workbook: 'Cohort', 'Second'. Give one of these names with "
                        + "--sheet.");
    }

    @Test
    void errorsNameSheetRowColumnAndValue() {
        assertThatThrownBy(() -> CohortReader.read(workbook,
                CohortSpec.builder().time("diagnosis").event("status")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("study.xlsx, sheet 'Cohort', row 2, column 'diagnosis': value "
                        + "\"2020-01-01\" is a date, not a number.");
        assertThatThrownBy(() -> CohortReader.read(workbook,
                CohortSpec.builder().time("time").event("arm")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("study.xlsx, sheet 'Cohort', row 2, column 'arm': value \"A\" is not a "
                        + "known event code. Values found in this column: A, B.");
        assertThatThrownBy(() -> CohortReader.read(workbook,
                CohortSpec.builder().time("tim").event("status")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("study.xlsx, sheet 'Cohort', row 1: there is no column 'tim'");
    }

    @Test
    void titleRowAboveTheHeaderIsExplained() {
        Path file = Fixtures.xlsx(dir, "title.xlsx", wb -> {
            Worksheet ws = wb.newWorksheet("S");
            ws.value(0, 0, "Follow-up export 2024");
            header(ws, 1, "t", "e");
            ws.value(2, 0, 1);
            ws.value(2, 1, 1);
        });

        assertThatThrownBy(() -> CohortReader.read(file, CohortSpec.builder().time("t").event("e")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("title.xlsx, sheet 'S', row 1: there is no column 't'")
                .hasMessageContaining("The header is the first non-blank row (row 1): delete any title rows");
    }

    @Test
    void emptySheetIsAnError() {
        Path file = Fixtures.xlsx(dir, "empty.xlsx", wb -> {
            wb.newWorksheet("Blank");
            wb.newWorksheet("Data").value(0, 0, "x");
        });

        assertThatThrownBy(() -> CohortReader.read(file, CohortSpec.builder().time("t").event("e")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("empty.xlsx, sheet 'Blank' is empty. Choose the sheet that holds the data "
                        + "with --sheet");
    }

    @Test
    void headerOnlySheetHasNoDataRows() {
        Path file = Fixtures.xlsx(dir, "header.xlsx", wb -> header(wb.newWorksheet("S"), 0, "t", "e"));

        assertThatThrownBy(() -> CohortReader.read(file, CohortSpec.builder().time("t").event("e")))
                .isInstanceOf(InputException.class)
                .hasMessage("header.xlsx, sheet 'S': the header (row 1) has no data rows below it. Add the data "
                        + "rows, or check that this is the right file and sheet (--sheet).");
    }

    @Test
    void duplicateHeaderUsesColumnLetters() {
        Path file = Fixtures.xlsx(dir, "dup.xlsx", wb -> {
            Worksheet ws = wb.newWorksheet("S");
            header(ws, 0, "t", "e", "t");
            ws.value(1, 0, 1);
        });

        assertThatThrownBy(() -> CohortReader.read(file, CohortSpec.builder().time("t").event("e")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("dup.xlsx, sheet 'S', row 1: the column name 't' appears twice (column A "
                        + "and column C).");
    }

    @Test
    void xlsxWithUnusualExtensionIsSniffed() throws Exception {
        Path renamed = dir.resolve("study.data");
        java.nio.file.Files.copy(workbook, renamed);

        Cohort cohort = CohortReader.read(renamed, CohortSpec.builder().time("time").event("status"));

        assertThat(cohort.size()).isEqualTo(2);
    }

    @Test
    void previewShowsDatesAsIsoAndGuessesTypes() {
        TablePreview preview = TablePreview.read(workbook, null, 10);

        assertThat(preview.columns()).containsExactly("id", "time", "status", "arm", "diagnosis", "last_seen",
                "dead");
        assertThat(preview.rows().get(0)).containsExactly("1", "12.5", "1", "A", "2020-01-01", "2021-01-01",
                "TRUE");
        assertThat(preview.rows().get(1).get(5)).isEqualTo("2020-07-15T14:30");
        assertThat(preview.types()).containsEntry("time", "number").containsEntry("arm", "text")
                .containsEntry("diagnosis", "date").containsEntry("last_seen", "date").containsEntry("dead", "text");
    }
}

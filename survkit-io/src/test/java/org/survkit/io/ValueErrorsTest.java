package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each user error: message names file, line, column, value and the fix. */
class ValueErrorsTest {

    private static final CohortSpec SPEC = CohortSpec.builder().time("time").event("status");

    @TempDir
    Path dir;

    private Path file(String content) {
        return Fixtures.text(dir, "cohort.csv", content);
    }

    @Test
    void textInTheTimeColumn() {
        assertThatThrownBy(() -> CohortReader.read(file("time,status\n1,1\nabc,1\n"), SPEC))
                .isInstanceOf(InputException.class)
                .hasMessage("cohort.csv, line 3, column 'time': value \"abc\" is not a number. Times must be "
                        + "numbers ≥ 0, or give --start-date/--end-date for dates. "
                        + "If \"abc\" means a missing value, add it with --na.");
    }

    @Test
    void decimalCommaIsReadAndNamed() {
        Cohort cohort = CohortReader.read(file("time;status\n1,5;1\n2;0\n"), SPEC);
        assertThat(cohort.time()).containsExactly(1.5, 2.0);
        assertThat(cohort.warnings()).anyMatch(w -> w.endsWith("To set the decimal mark yourself, use --decimal (. or"
                + " ,)."));
        assertThat(cohort.warnings()).anyMatch(w -> w.contains("read with a decimal comma in column 'time'")
                && w.contains("\"1,5\" = 1.5, line 2"));
    }

    @Test
    void decimalDotInACommaColumnIsAProblemNamingTheMark() {
        assertThatThrownBy(() -> CohortReader.read(file("time;status\n1,5;1\n2,25;0\n3.5;1\n"), SPEC))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cohort.csv, line 4, column 'time': value \"3.5\" is written with a decimal "
                        + "dot, but this column's numbers are read with a comma (62,5) (detected from its values).");
        assertThatThrownBy(() -> CohortReader.read(file("time;status\n1,5;1\n"), SPEC.decimal(DecimalMark.POINT)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is written with a decimal comma, but this column's numbers are read with a dot "
                        + "(62.5) (--decimal). Correct the value, or set --decimal to , if the file uses that mark.");
    }

    @Test
    void dateInTheTimeColumnSuggestsDateOptions() {
        assertThatThrownBy(() -> CohortReader.read(file("time,status\n2020-03-01,1\n"), SPEC))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cohort.csv, line 2, column 'time': value \"2020-03-01\" is a date, not "
                        + "a number.")
                .hasMessageContaining("--start-date and --end-date");
    }

    @Test
    void negativeTime() {
        assertThatThrownBy(() -> CohortReader.read(file("time,status\n5,1\n-3,0\n"), SPEC))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cohort.csv, line 3, column 'time': value \"-3\" is negative. Follow-up "
                        + "times must be ≥ 0");
    }

    @Test
    void nanInfinityAndOverflowAreNotTimes() {
        assertThatThrownBy(() -> CohortReader.read(file("time,status\nNaN,1\n"), SPEC))
                .hasMessageContaining("value \"NaN\" is not a number");
        assertThatThrownBy(() -> CohortReader.read(file("time,status\nInfinity,1\n"), SPEC))
                .hasMessageContaining("value \"Infinity\" is not a number");
        assertThatThrownBy(() -> CohortReader.read(file("time,status\n1e999,1\n"), SPEC))
                .hasMessageContaining("value \"1e999\" is too large");
    }

    @Test
    void zeroAndExponentTimesAreFine() {
        Cohort cohort = CohortReader.read(file("time,status\n0,1\n-0,1\n1.5e2,0\n.5,1\n"), SPEC);

        assertThat(cohort.time()).containsExactly(0.0, 0.0, 150.0, 0.5);
        assertThat(Double.doubleToRawLongBits(cohort.time()[1])).isZero();
    }

    @Test
    void unknownColumnListsColumnsAndSuggestsTheClosest() {
        assertThatThrownBy(() -> CohortReader.read(file("futime,status,age\n1,1,50\n"),
                CohortSpec.builder().time("futme").event("status")))
                .isInstanceOf(InputException.class)
                .hasMessage("cohort.csv, line 1: there is no column 'futme' (given with --time) in the header. "
                        + "Did you mean 'futime'? Available columns: futime, status, age. Give one of these names "
                        + "exactly as written in the header.");
    }

    @Test
    void unknownColumnWithoutCloseNameAndSingleColumnHint() {
        assertThatThrownBy(() -> CohortReader.read(file("time|status\n1|1\n"), SPEC))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cohort.csv, line 1: there is no column 'time' (given with --time) in the "
                        + "header. Available columns: time|status.")
                .hasMessageContaining("The header has a single column");
    }

    @Test
    void fileNotFound() {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> CohortReader.read(missing, SPEC))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("File not found: " + missing.toAbsolutePath())
                .hasMessageContaining("Check the path");
    }

    @Test
    void folderInsteadOfFile() {
        assertThatThrownBy(() -> CohortReader.read(dir, SPEC))
                .isInstanceOf(InputException.class).hasMessageContaining("is a folder, not a file");
    }

    @Test
    void bothTimeAndDates() {
        assertThatThrownBy(() -> CohortReader.read(file("time,status\n1,1\n"), SPEC.startDate("a").endDate("b")))
                .isInstanceOf(InputException.class)
                .hasMessage("cohort.csv: both a time column ('time', --time) and date columns "
                        + "(--start-date/--end-date) were given. Give either --time or --start-date and "
                        + "--end-date, not both.");
    }

    @Test
    void neitherTimeNorDates() {
        assertThatThrownBy(() -> CohortReader.read(file("time,status\n1,1\n"),
                CohortSpec.builder().event("status")))
                .isInstanceOf(InputException.class)
                .hasMessage("cohort.csv: no follow-up time was given. Give the time column with --time, or the "
                        + "two date columns with --start-date and --end-date.");
    }

    @Test
    void onlyOneDateColumn() {
        assertThatThrownBy(() -> CohortReader.read(file("a,status\n1,1\n"),
                CohortSpec.builder().startDate("a").event("status")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cohort.csv: --start-date was given without --end-date.");
    }

    @Test
    void noEventColumn() {
        assertThatThrownBy(() -> CohortReader.read(file("time,status\n1,1\n"), CohortSpec.builder().time("time")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no event column was given").hasMessageContaining("--event");
    }

    @Test
    void oldExcelFormatByExtensionAndByContent() {
        Path xls = Fixtures.bytes(dir, "old.xls", new byte[] {1, 2, 3});
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0};
        Path renamed = Fixtures.bytes(dir, "export.dat", ole2);
        Path misnamed = Fixtures.bytes(dir, "really-old.xlsx", ole2);

        for (Path p : new Path[] {xls, renamed, misnamed}) {
            assertThatThrownBy(() -> CohortReader.read(p, SPEC)).as(p.toString())
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(p.getFileName() + " is in the old Excel format (.xls)")
                    .hasMessageContaining("save as .xlsx or CSV");
        }
    }

    @Test
    void corruptXlsxIsAnInputException() {
        Path bad = Fixtures.text(dir, "bad.xlsx", "time,status\n1,1\n");

        assertThatThrownBy(() -> CohortReader.read(bad, SPEC))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("bad.xlsx could not be read as an Excel .xlsx workbook")
                .hasMessageContaining("save it again as .xlsx");
    }

    @Test
    void sheetIsIgnoredForTextFilesWithAWarning() {
        Cohort cohort = CohortReader.read(file("time,status\n1,1\n"), SPEC.sheet("Data"));

        assertThat(cohort.warnings()).containsExactly("cohort.csv is a text file, which has no sheets; --sheet "
                + "'Data' was ignored.");
    }

    @Test
    void manyDistinctGroupsGiveAWarning() {
        StringBuilder b = new StringBuilder("time,status,age\n");
        for (int i = 0; i < 25; i++) {
            b.append(i).append(",1,").append(40 + i).append('\n');
        }
        Cohort cohort = CohortReader.read(file(b.toString()), SPEC.group("age"));

        assertThat(cohort.warnings()).singleElement().asString().contains("column 'age' has 25 different values");
    }
}

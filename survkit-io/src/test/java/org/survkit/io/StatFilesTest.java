package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPSS ({@code .sav}, {@code .zsav}) and Stata ({@code .dta}) files written by R's haven from one cohort
 * ({@code src/test/resources/stat/make_stat_files.R}), read cell by cell against the CSV of what survkit must
 * deliver that the same script wrote.
 */
class StatFilesTest {

    private static final List<String> SPSS = List.of("cohort.sav", "cohort.zsav", "cohort_plain.sav");
    private static final List<String> NEW_STATA = List.of("cohort_v13.dta", "cohort_v14.dta", "cohort_v15.dta");
    private static final List<String> OLD_STATA = List.of("cohort_v8.dta", "cohort_v10.dta", "cohort_v12.dta");

    @TempDir
    Path dir;

    static Path stat(String name) {
        try {
            return Path.of(Objects.requireNonNull(StatFilesTest.class.getResource("/stat/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path expectedFor(String name) {
        return stat(OLD_STATA.contains(name) ? "expected_old_dta.csv" : "expected.csv");
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>(SPSS);
        all.addAll(NEW_STATA);
        all.addAll(OLD_STATA);
        all.addAll(List.of("strl_v13.dta", "strl_v14.dta", "strl_v15.dta"));
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cohort.sav", "cohort.zsav", "cohort_plain.sav", "cohort_v8.dta", "cohort_v10.dta",
        "cohort_v12.dta", "cohort_v13.dta", "cohort_v14.dta", "cohort_v15.dta"})
    void everyCellAsTheExpectedCsv(String name) {
        TablePreview file = TablePreview.read(stat(name), null, Integer.MAX_VALUE);
        TablePreview expected = TablePreview.read(expectedFor(name), null, Integer.MAX_VALUE);

        SameCells.assertSameCells(name, file, expected, 40);
        String rowWord = name.endsWith(".dta") ? "observation" : "case";
        assertThat(file.location(16)).isEqualTo(rowWord + " 17");
        assertThat(file.types()).containsEntry("diag", "date").containsEntry("time", "number")
                .containsEntry("status", "text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cohort.sav", "cohort.zsav", "cohort_v8.dta", "cohort_v14.dta"})
    void variableLabelsAreExposed(String name) {
        TablePreview file = TablePreview.read(stat(name), null, 0);

        assertThat(file.variableLabels()).containsExactly(Map.entry("status", "Vital status"),
                Map.entry("group", "Groupe récepteur"), Map.entry("age", "Age at diagnosis (years)"),
                Map.entry("tumour_size_mm", "Tumour size (mm)"), Map.entry("diag", "Date of diagnosis"));
        assertThat(TablePreview.read(expectedFor(name), null, 0).variableLabels()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cohort.sav", "cohort.zsav", "cohort_plain.sav"})
    void userMissingValuesAreCountedPerColumn(String name) {
        TablePreview file = TablePreview.read(stat(name), null, Integer.MAX_VALUE);

        assertThat(file.warnings()).containsExactly(
                name + ", column 'age': 3 values declared user-missing in the SPSS file (999) were read as missing.",
                name + ", column 'tumour_size_mm': 2 values declared user-missing in the SPSS file (900 thru "
                        + "highest) were read as missing.");
    }

    @Test
    void stataFilesRaiseNoWarnings() {
        for (String name : NEW_STATA) {
            assertThat(TablePreview.read(stat(name), null, Integer.MAX_VALUE).warnings()).as(name).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cohort.sav", "cohort.zsav", "cohort_v8.dta", "cohort_v15.dta"})
    void datesArriveAsDatesToo(String name) {
        List<LocalDate[]> rows = new ArrayList<>();
        List<String[]> texts = new ArrayList<>();
        TableSources.read(stat(name), null, new RowHandler() {
            @Override
            public int[] header(SourceContext context, List<String> names, int line) {
                assertThat(line).isZero();
                return new int[] {names.indexOf("diag"), names.indexOf("visit"), names.indexOf("time")};
            }

            @Override
            public void row(int line, String[] text, LocalDate[] dates) {
                rows.add(dates.clone());
                texts.add(text.clone());
            }

            @Override
            public void warn(String message) {
            }
        });
        assertThat(rows).hasSize(40);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < 2; c++) {
                String text = texts.get(r)[c];
                assertThat(rows.get(r)[c]).isEqualTo(text.isEmpty() ? null : LocalDate.parse(text));
            }
            assertThat(rows.get(r)[2]).isNull();
        }
        assertThat(texts.get(1)[1]).isEqualTo("2020-02-29"); // 23:59:59 stays on its day
        assertThat(texts.get(8)[1]).isEqualTo("1959-12-31"); // before Stata's 1960 epoch
    }

    @Test
    void cohortIsTheOneReadFromTheExpectedCsv() {
        CohortSpec spec = CohortSpec.builder().time("time").event("status").group("group");
        for (String name : all()) {
            if (name.startsWith("strl")) {
                continue;
            }
            Cohort file = CohortReader.read(stat(name), spec);
            Cohort csv = CohortReader.read(expectedFor(name), spec);
            assertThat(file.rowsRead()).as(name).isEqualTo(40);
            assertThat(file.time()).as(name).isEqualTo(csv.time());
            assertThat(file.event()).as(name).isEqualTo(csv.event());
            assertThat(file.group()).as(name).isEqualTo(csv.group());
            assertThat(Arrays.stream(file.line()).map(l -> l + 1).toArray()).as(name).isEqualTo(csv.line());
            assertThat(file.exclusions()).as(name).hasSameSizeAs(csv.exclusions());
            assertThat(file.size()).as(name).isEqualTo(37);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"strl_v13.dta", "strl_v14.dta", "strl_v15.dta"})
    void longStringsStoredAsStrls(String name) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            text.append(String.format(java.util.Locale.ROOT, "%04d;", i));
        }
        TablePreview file = TablePreview.read(stat(name), null, Integer.MAX_VALUE);

        assertThat(file.columns()).containsExactly("id", "report");
        assertThat(file.rows()).containsExactly(List.of("1", "Zoë"), List.of("2", text.toString()), List.of("3", ""),
                List.of("4", text.toString()));
        assertThatThrownBy(() -> TablePreview.read(stat(name), null, 5, ReadLimits.withDefaults()
                .withMaxCellChars(2999))).isInstanceOf(InputException.class)
                .hasMessageStartingWith(name + ", observation 2, column 'report': a value is longer than 2,999");
    }

    @Test
    void unknownColumnIsNamedWithTheFileAlone() {
        assertThatThrownBy(() -> CohortReader.read(stat("cohort.sav"),
                CohortSpec.builder().time("tme").event("status")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cohort.sav: there is no column 'tme'").hasMessageContaining("'time'");
    }

    @Test
    void truncatedFilesFailWithTheFileName() throws IOException {
        Random random = new Random(20240612);
        for (String name : all()) {
            byte[] bytes = Files.readAllBytes(stat(name));
            List<String> expected = rowsOf(stat(name));
            List<Integer> cuts = new ArrayList<>(List.of(0, 1, 3, 4, 100, 176, bytes.length - 1));
            for (int i = 0; i < 40; i++) {
                cuts.add(random.nextInt(bytes.length));
            }
            for (int cut : cuts) {
                Path file = Files.write(dir.resolve(name), Arrays.copyOf(bytes, cut));
                try {
                    assertThat(rowsOf(file)).as("%s cut at %d read without error", name, cut).isEqualTo(expected);
                } catch (InputException e) {
                    assertThat(e.getMessage()).as("%s cut at %d", name, cut).startsWith(name + " ")
                            .doesNotContain("null").doesNotContain("Exception");
                }
            }
        }
    }

    @Test
    void truncatedDataNameTheCase() throws IOException {
        byte[] sav = Files.readAllBytes(stat("cohort_plain.sav"));
        Path file = Files.write(dir.resolve("cohort_plain.sav"), Arrays.copyOf(sav, sav.length - 500));
        assertThatThrownBy(() -> TablePreview.read(file, null, Integer.MAX_VALUE))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cohort_plain.sav ends inside the data at case 39 (the file says it holds 40 "
                        + "cases): the file is incomplete");
        byte[] dta = Files.readAllBytes(stat("cohort_v8.dta"));
        Path old = Files.write(dir.resolve("cohort_v8.dta"), Arrays.copyOf(dta, dta.length / 2));
        assertThatThrownBy(() -> TablePreview.read(old, null, Integer.MAX_VALUE))
                .isInstanceOf(InputException.class)
                .hasMessageMatching("cohort_v8\\.dta ends inside the data at observation \\d+ \\(the file says it "
                        + "holds 40 observations\\).*");
    }

    @Test
    void damagedFilesFailWithTheFileName() throws IOException {
        Random random = new Random(7);
        for (String name : all()) {
            byte[] bytes = Files.readAllBytes(stat(name));
            for (int i = 0; i < 60; i++) {
                byte[] copy = bytes.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                Path file = Files.write(dir.resolve(name), copy);
                try {
                    TablePreview.read(file, null, Integer.MAX_VALUE);
                } catch (InputException e) {
                    assertThat(e.getMessage()).as(name).startsWith(name);
                }
            }
        }
    }

    @Test
    void kindIsKnownByTheFirstBytesWhateverTheName() throws IOException {
        Path sav = Files.copy(stat("cohort.sav"), dir.resolve("export.csv"));
        Path dta = Files.copy(stat("cohort_v14.dta"), dir.resolve("export.txt"));
        Path old = Files.copy(stat("cohort_v8.dta"), dir.resolve("export"));
        Path zsav = Files.copy(stat("cohort.zsav"), dir.resolve("export.xlsx"));
        for (Path file : List.of(sav, dta, old, zsav)) {
            assertThat(TablePreview.read(file, null, Integer.MAX_VALUE).rows()).as(file.toString())
                    .isEqualTo(TablePreview.read(stat("expected.csv"), null, Integer.MAX_VALUE).rows()
                            .subList(0, 40).stream().map(r -> file == old ? cutNote(r) : r).toList());
        }
    }

    private static List<String> cutNote(List<String> row) {
        List<String> copy = new ArrayList<>(row);
        copy.set(8, copy.get(8).length() > 244 ? copy.get(8).substring(0, 244) : copy.get(8));
        return copy;
    }

    @Test
    void sheetIsIgnoredWithAWarning() {
        TablePreview sav = TablePreview.read(stat("cohort.sav"), "Data", 1);
        TablePreview dta = TablePreview.read(stat("cohort_v13.dta"), "Data", 1);

        assertThat(sav.warnings()).contains("cohort.sav is an SPSS data file, which has no sheets; --sheet 'Data' was "
                + "ignored.");
        assertThat(dta.warnings()).containsExactly("cohort_v13.dta is a Stata data file, which has no sheets; --sheet "
                + "'Data' was ignored.");
    }

    @Test
    void readLimitsApply() {
        for (String name : List.of("cohort.sav", "cohort_v13.dta", "cohort_v14.dta", "cohort_v8.dta")) {
            assertThatThrownBy(() -> TablePreview.read(stat(name), null, 5, ReadLimits.withDefaults()
                    .withMaxColumns(9))).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(name + ": the header has more than 9 columns");
            String row = name.endsWith(".dta") ? "observation" : "case";
            assertThatThrownBy(() -> TablePreview.read(stat(name), null, 5, ReadLimits.withDefaults()
                    .withMaxCellChars(200))).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(name + ", " + row + " 3, column 'note': a value is longer than 200");
        }
    }

    @Test
    void portableFilesAreRefusedWithAdvice() throws IOException {
        byte[] por = new byte[600];
        Arrays.fill(por, (byte) '0');
        System.arraycopy("SPSSPORT".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, por, 456, 8);
        Path named = Files.write(dir.resolve("cohort.por"), new byte[] {1, 2, 3});
        Path sniffed = Files.write(dir.resolve("cohort.dat"), por);
        for (Path file : List.of(named, sniffed)) {
            assertThatThrownBy(() -> TablePreview.read(file, null, 5)).isInstanceOf(InputException.class)
                    .hasMessageContaining("is an SPSS portable file (.por)").hasMessageContaining("save it as .sav or CSV");
        }
    }

    @Test
    void notAStatFileDespiteItsName() throws IOException {
        Path sav = Fixtures.text(dir, "cohort.sav", "time,status\n1,0\n");
        Path dta = Fixtures.text(dir, "cohort.dta", "time,status\n1,0\n");
        assertThatThrownBy(() -> TablePreview.read(sav, null, 5)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("cohort.sav could not be read as an SPSS data file (.sav): it does not start "
                        + "with $FL2 or $FL3.");
        assertThatThrownBy(() -> TablePreview.read(dta, null, 5)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("cohort.dta could not be read as a Stata data file (.dta): it does not start "
                        + "as a Stata file does.");
    }

    private static List<String> rowsOf(Path file) {
        return TablePreview.read(file, null, Integer.MAX_VALUE).rows().stream().map(Object::toString).toList();
    }
}

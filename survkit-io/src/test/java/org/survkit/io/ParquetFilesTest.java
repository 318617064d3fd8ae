package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parquet files written by Apache Parquet's own Java writer (parquet-hadoop 1.18.2, through
 * {@code reference/parquet/MakeParquetFiles.java}), read cell by cell against the CSV of what survkit must deliver
 * that the same generator wrote: every flat type, nulls, several row groups and pages, data pages v1 and v2,
 * dictionary on and off (so PLAIN, RLE_DICTIONARY/PLAIN_DICTIONARY, DELTA_BINARY_PACKED, DELTA_BYTE_ARRAY and RLE
 * booleans), and the codecs UNCOMPRESSED, SNAPPY, GZIP and ZSTD.
 */
class ParquetFilesTest {

    @TempDir
    Path dir;

    /** lung as Parquet, written from {@code examples/lung/lung.csv} beside it (its one home). */
    static final Path LUNG = Path.of("../examples/lung/lung.parquet");

    static Path parquet(String name) {
        if (name.equals("lung.parquet")) {
            return LUNG;
        }
        try {
            return Path.of(Objects.requireNonNull(ParquetFilesTest.class.getResource("/parquet/" + name), name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> typesFiles() {
        List<String> names = new ArrayList<>();
        for (String codec : List.of("uncompressed", "snappy", "gzip", "zstd")) {
            for (String version : List.of("v1", "v2")) {
                for (String dictionary : List.of("dict", "plain")) {
                    names.add("types_" + codec + "_" + version + "_" + dictionary + ".parquet");
                }
            }
        }
        names.add("types_zstd_v1_split.parquet");
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("typesFiles")
    void everyCellAsTheExpectedCsv(String name) {
        TablePreview file = TablePreview.read(parquet(name), null, Integer.MAX_VALUE);
        TablePreview expected = TablePreview.read(parquet("types_expected.csv"), null, Integer.MAX_VALUE);

        SameCells.assertSameCells(name, file, expected, 300);
        assertThat(file.location(16)).isEqualTo("row 17");
        assertThat(file.types()).containsEntry("diag", "date").containsEntry("seen_ns", "date")
                .containsEntry("seen_96", "date").containsEntry("time", "number").containsEntry("dose", "number")
                .containsEntry("arm", "text");
    }

    @Test
    void datesArriveAsDatesToo() {
        List<LocalDate> dates = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        ParquetSource.read(parquet("types_zstd_v2_plain.parquet"), new RowHandler() {
            @Override
            public int[] header(SourceContext context, List<String> names, int line) {
                return new int[] {names.indexOf("diag"), names.indexOf("seen_us")};
            }

            @Override
            public void row(int line, String[] text, LocalDate[] days) {
                texts.add(text[0]);
                dates.add(days[0]);
                assertThat(days[1] == null ? "" : days[1].toString()).isEqualTo(text[1]);
            }

            @Override
            public void warn(String message) {
            }
        }, ReadLimits.withDefaults());

        assertThat(dates).hasSize(300);
        for (int i = 0; i < dates.size(); i++) {
            assertThat(dates.get(i) == null ? "" : dates.get(i).toString()).isEqualTo(texts.get(i));
        }
    }

    /** lung as Parquet (INT32 columns, NA as null) reads as the CSV it was written from, cell by cell. */
    @ParameterizedTest
    @ValueSource(strings = {"lung.parquet", "lung_v2_zstd.parquet"})
    void lungAsTheCsv(String name) {
        TablePreview file = TablePreview.read(parquet(name), null, Integer.MAX_VALUE);
        TablePreview csv = TablePreview.read(Fixtures.dataset("lung.csv"), null, Integer.MAX_VALUE);

        assertThat(file.columns()).isEqualTo(csv.columns());
        assertThat(file.rows()).isEqualTo(csv.rows());
        assertThat(file.types()).isEqualTo(csv.types());
    }

    @Test
    void lungCohortAsFromTheCsv() {
        CohortSpec spec = CohortSpec.builder().time("time").event("status").eventValue("2").group("ph.ecog")
                .covariates(List.of("age", "wt.loss"));
        Cohort fromParquet = CohortReader.read(parquet("lung.parquet"), spec);
        Cohort fromCsv = CohortReader.read(Fixtures.dataset("lung.csv"), spec);

        assertThat(fromParquet.time()).isEqualTo(fromCsv.time());
        assertThat(fromParquet.event()).isEqualTo(fromCsv.event());
        assertThat(fromParquet.group()).isEqualTo(fromCsv.group());
        assertThat(fromParquet.rowsExcluded()).isEqualTo(fromCsv.rowsExcluded()).isPositive();
    }

    @Test
    void aNestedColumnIsNamed() {
        assertThatThrownBy(() -> TablePreview.read(parquet("nested.parquet"), null, 10))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("nested.parquet, column 'address': the column is nested (a group of fields)")
                .hasMessageContaining("flat columns only");
        assertThatThrownBy(() -> TablePreview.read(parquet("list.parquet"), null, 10))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("list.parquet, column 'visits': the column is nested (a list");
    }

    @Test
    void theFlatColumnsOfANestedFileCanBeRead() {
        List<String> ids = new ArrayList<>();
        ParquetSource.read(parquet("nested.parquet"), new RowHandler() {
            @Override
            public int[] header(SourceContext context, List<String> names, int line) {
                assertThat(names).containsExactly("id", "address");
                return new int[] {0};
            }

            @Override
            public void row(int line, String[] text, LocalDate[] days) {
                ids.add(text[0]);
            }

            @Override
            public void warn(String message) {
            }
        }, ReadLimits.withDefaults());

        assertThat(ids).containsExactly("1");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 100, 5000, 9000, 9140})
    void aTruncatedFileSaysSo(int keep) throws IOException {
        byte[] whole = Files.readAllBytes(parquet("lung.parquet"));
        Path cut = dir.resolve("lung.parquet");
        Files.write(cut, java.util.Arrays.copyOf(whole, keep));

        assertThatThrownBy(() -> TablePreview.read(cut, null, 10)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("lung.parquet ends early: a Parquet file ends with a description of its "
                        + "columns (the footer)");
    }

    @Test
    void aFileThatIsNotParquetSaysSo() throws IOException {
        Path csv = dir.resolve("cohort.parquet");
        Files.writeString(csv, "time,status\n1,1\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TablePreview.read(csv, null, 10)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("cohort.parquet is not a Parquet file: it does not start with the bytes "
                        + "'PAR1'");
    }

    @Test
    void aParquetFileIsKnownByItsFirstBytesWhateverItsName() throws IOException {
        Path renamed = dir.resolve("lung.csv");
        Files.copy(parquet("lung.parquet"), renamed);

        assertThat(TablePreview.read(renamed, null, 3).rows().get(0)).containsExactly("3", "306", "2", "74", "1",
                "1", "90", "100", "1175", "");
    }

    @Test
    void anEmptyFileSaysSo() throws IOException {
        Path empty = dir.resolve("empty.parquet");
        Files.write(empty, new byte[0]);

        assertThatThrownBy(() -> TablePreview.read(empty, null, 3)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("empty.parquet is empty (0 bytes)");
    }

    /** The cap on unpacked bytes (tight for uploads) holds for Parquet pages as for workbooks. */
    @Test
    void pagesUnpackWithinTheCap() {
        Path file = parquet("types_zstd_v1_dict.parquet");
        ReadLimits tight = ReadLimits.withDefaults().withMaxUnpackedBytes(20_000);

        assertThatThrownBy(() -> TablePreview.read(file, null, 10, tight)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("types_zstd_v1_dict.parquet unpacks to more than 19 KB, more than survkit "
                        + "reads from one file here.");
        assertThat(TablePreview.read(file, null, 10, ReadLimits.withDefaults().withMaxUnpackedBytes(200_000))
                .rows()).hasSize(10);
    }

    /**
     * Damage anywhere in the pages (seeded): the file reads, or one {@link InputException} names the file; never
     * another exception.
     */
    @Test
    void damagedPagesGiveAMessageNeverAStackTrace() throws IOException {
        byte[] whole = Files.readAllBytes(parquet("types_snappy_v2_dict.parquet"));
        int footer = whole.length - 8 - java.nio.ByteBuffer.wrap(whole, whole.length - 8, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        java.util.Random random = new java.util.Random(15);
        int messages = 0;
        for (int trial = 0; trial < 100; trial++) {
            byte[] damaged = whole.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                damaged[4 + random.nextInt(footer - 4)] = (byte) random.nextInt(256);
            }
            Path file = dir.resolve("damaged.parquet");
            Files.write(file, damaged);
            try {
                TablePreview.read(file, null, Integer.MAX_VALUE);
            } catch (InputException e) {
                assertThat(e.getMessage()).startsWith("damaged.parquet");
                messages++;
            }
        }
        assertThat(messages).isPositive();
    }
}

package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parquet files from a second writer, independent of both survkit and parquet-mr: arrow-rs (the Rust parquet
 * crate, as parquet-wasm 0.8.0; {@code reference/parquet/arrow-rs/make.mjs}), with every codec it writes
 * (UNCOMPRESSED, SNAPPY, GZIP, BROTLI, Hadoop-framed LZ4, ZSTD, LZ4_RAW), pages v1 with a dictionary and v2
 * without, row groups of 70 rows and small pages, nulls in every column; read cell by cell against the CSV the
 * same script wrote.
 */
class ArrowRsParquetFilesTest {

    static Stream<String> files() {
        List<String> names = new ArrayList<>();
        for (String codec : List.of("uncompressed", "snappy", "gzip", "brotli", "lz4", "zstd", "lz4raw")) {
            names.add("arrowrs_" + codec + "_v1_dict.parquet");
            names.add("arrowrs_" + codec + "_v2_plain.parquet");
        }
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyCellAsTheExpectedCsv(String name) {
        TablePreview file = TablePreview.read(ParquetFilesTest.parquet(name), null, Integer.MAX_VALUE);
        TablePreview expected = TablePreview.read(ParquetFilesTest.parquet("arrowrs_expected.csv"), null,
                Integer.MAX_VALUE);

        SameCells.assertSameCells(name, file, expected, 300);
        assertThat(file.types()).containsEntry("time", "number").containsEntry("diag", "date")
                .containsEntry("arm", "text");
    }
}

package org.survkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survkit.study.file.StudyReader;

/**
 * The lung example study on {@code examples/lung/lung.parquet} (written from {@code lung.csv} by Apache Parquet's
 * writer, {@code reference/parquet/}) makes the same tables as on the CSV, but the file name (the report numbers
 * excluded rows as data rows, the same in both).
 */
class ParquetStudyTest {

    @TempDir
    Path dir;

    @Test
    void sameTablesAsFromTheCsv() throws IOException {
        Path lung = ExampleStudiesTest.EXAMPLES.resolve("lung").toAbsolutePath().normalize();
        String study = Files.readString(lung.resolve("study.yaml"), StandardCharsets.UTF_8);
        Path csvStudy = write("csv", study.replace("data: lung.csv", "data: \"" + lung.resolve("lung.csv") + "\""));
        Path parquetStudy = write("parquet", study.replace("data: lung.csv", "data: \""
                + lung.resolve("lung.parquet") + "\""));

        ReportEngine.Result fromCsv = ReportEngine.withDefaults().withPng(false).run(
                StudyReader.read(csvStudy).withOutput(dir.resolve("csv/out")));
        ReportEngine.Result fromParquet = ReportEngine.withDefaults().withPng(false).run(
                StudyReader.read(parquetStudy).withOutput(dir.resolve("parquet/out")));

        assertThat(fromParquet.analysed()).isEqualTo(fromCsv.analysed()).isEqualTo(227);
        List<Path> tables = files(dir.resolve("csv/out/tables"));
        assertThat(tables).hasSizeGreaterThan(5);
        for (Path table : tables) {
            String csv = Files.readString(dir.resolve("csv/out/tables").resolve(table), StandardCharsets.UTF_8);
            String parquet = Files.readString(dir.resolve("parquet/out/tables").resolve(table),
                    StandardCharsets.UTF_8);
            assertThat(parquet.replace("lung.parquet", "lung.csv")).as(table.toString()).isEqualTo(csv);
        }
    }

    private Path write(String name, String study) throws IOException {
        Path file = dir.resolve(name).resolve("study.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, study, StandardCharsets.UTF_8);
        return file;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}

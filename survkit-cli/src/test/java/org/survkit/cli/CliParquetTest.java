package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same analysis from {@code examples/lung/lung.parquet} (written from {@code lung.csv} by Apache Parquet's
 * writer, {@code reference/parquet/}) and from the CSV prints the same, byte for byte but the file name and the
 * numbers of excluded rows: a Parquet file numbers its rows from 1, a CSV its lines with the header as line 1, so
 * row n of the Parquet file is line n + 1 of the CSV.
 */
class CliParquetTest {

    private static final Path PARQUET = Path.of("../examples/lung/lung.parquet").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    static Stream<Arguments> commands() {
        String[] lung = {"--time", "time", "--event", "status", "--event-value", "2"};
        return Stream.of(
                Arguments.of((Object) cat(new String[] {"km"}, lung, "--group", "sex", "--at", "90,180", "--tau", "180",
                        "--table")),
                Arguments.of((Object) cat(new String[] {"compare"}, lung, "--group", "ph.ecog", "--strata", "sex",
                        "--pairwise", "--trend", "--format", "json")),
                Arguments.of((Object) cat(new String[] {"cox"}, lung, "--covariates", "age,sex,ph.ecog,wt.loss",
                        "--categorical", "ph.ecog", "--cluster", "inst")),
                Arguments.of((Object) cat(new String[] {"cox"}, lung, "--covariates", "age,ph.karno", "--strata",
                        "sex", "--format", "csv")));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void sameOutputAsFromTheCsv(String[] command) {
        String csv = Cli.resource("lung.csv");
        Cli fromCsv = Cli.run(withFile(command, csv));
        Cli fromParquet = Cli.run(withFile(command, PARQUET.toString()));

        assertThat(fromCsv.status()).as(fromCsv.err()).isZero();
        assertThat(fromParquet.status()).as(fromParquet.err()).isZero();
        assertThat(asCsvLines(fromParquet.out().replace(PARQUET.toString(), "lung").replace("lung.parquet", "lung")))
                .isEqualTo(fromCsv.out().replace(csv, "lung").replace("lung.csv", "lung"));
    }

    @Test
    void aDamagedFileIsOneMessageNotAStackTrace() throws IOException {
        byte[] whole = Files.readAllBytes(PARQUET);
        Path cut = dir.resolve("cohort.parquet");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));

        Cli r = Cli.run("km", cut.toString(), "--time", "time", "--event", "status");

        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("cohort.parquet ends early").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aNestedColumnIsNamed() throws IOException {
        Path nested = dir.resolve("nested.parquet");
        Files.copy(Path.of("../survkit-io/src/test/resources/parquet/nested.parquet"), nested);

        Cli r = Cli.run("km", nested.toString(), "--time", "id", "--event", "address");

        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("nested.parquet, column 'address': the column is nested (a group of fields)")
                .doesNotContain("Exception");
    }

    /** Adds one to each row number in the lists of excluded rows ({@code (lines 1, 20, …)}, {@code first_lines}). */
    private static String asCsvLines(String out) {
        java.util.regex.Matcher m = ROW_LISTS.matcher(out);
        StringBuilder s = new StringBuilder();
        while (m.find()) {
            StringBuilder numbers = new StringBuilder();
            java.util.regex.Matcher n = java.util.regex.Pattern.compile("\\d+").matcher(m.group(2));
            while (n.find()) {
                n.appendReplacement(numbers, Long.toString(Long.parseLong(n.group()) + 1));
            }
            n.appendTail(numbers);
            m.appendReplacement(s, java.util.regex.Matcher.quoteReplacement(m.group(1) + numbers));
        }
        m.appendTail(s);
        return s.toString();
    }

    private static final java.util.regex.Pattern ROW_LISTS = java.util.regex.Pattern.compile(
            "(\\(lines? |\"first_lines\" : \\[)([0-9, …]*)");

    private static String[] withFile(String[] command, String file) {
        String[] out = new String[command.length + 1];
        out[0] = command[0];
        out[1] = file;
        System.arraycopy(command, 1, out, 2, command.length - 1);
        return out;
    }

    private static String[] cat(String[] a, String[] b, String... c) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        System.arraycopy(c, 0, r, a.length + b.length, c.length);
        return r;
    }
}

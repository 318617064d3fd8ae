package org.survkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Delimited text: delimiters, quotes, line ends, encodings, blank lines, ragged rows. */
class DelimitedTextTest {

    private static final CohortSpec SPEC = CohortSpec.builder().time("time").event("status").group("arm");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t"})
    void sniffsTheDelimiter(String d) {
        Path file = Fixtures.text(dir, "d.csv", String.join(d, "time", "status", "arm") + "\n"
                + String.join(d, "5", "1", "A") + "\n" + String.join(d, "7.5", "0", "B") + "\n");

        Cohort cohort = CohortReader.read(file, SPEC);

        assertThat(cohort.time()).containsExactly(5.0, 7.5);
        assertThat(cohort.event()).containsExactly(true, false);
        assertThat(cohort.group()).containsExactly("A", "B");
    }

    @Test
    void semicolonFileWhoseTextHoldsCommasIsStillSemicolon() {
        Path file = Fixtures.text(dir, "eu.csv", "time;status;arm\n5;1;\"A, high dose\"\n6;0;B,low\n");

        Cohort cohort = CohortReader.read(file, SPEC);

        assertThat(cohort.group()).containsExactly("A, high dose", "B,low");
    }

    @Test
    void tsvAndTxtAndUnknownExtensionsAreText() {
        String content = "time\tstatus\tarm\n5\t1\tA\n";
        for (String name : List.of("a.tsv", "a.txt", "a.dat", "noextension")) {
            Cohort cohort = CohortReader.read(Fixtures.text(dir, name, content), SPEC);
            assertThat(cohort.size()).as(name).isEqualTo(1);
        }
    }

    @Test
    void quotedValuesMayHoldDelimitersQuotesAndLineBreaks() {
        Path file = Fixtures.text(dir, "q.csv", "time,status,arm,note\n"
                + "5,1,\"A, B\",\"line one\nline two\"\n"
                + "6,1,\"say \"\"hi\"\"\",x\n"
                + ",1,C,x\n");

        Cohort cohort = CohortReader.read(file, SPEC);

        assertThat(cohort.group()).containsExactly("A, B", "say \"hi\"");
        // the second record starts on line 4 because the first one spans lines 2-3
        assertThat(cohort.line()).containsExactly(2, 4);
        assertThat(cohort.exclusions()).singleElement()
                .satisfies(x -> assertThat(x.firstLines()).containsExactly(5));
    }

    @Test
    void crlfAndCrLineEnds() {
        Cohort crlf = CohortReader.read(Fixtures.text(dir, "crlf.csv",
                "time,status,arm\r\n5,1,A\r\n6,0,B\r\n"), SPEC);
        Cohort cr = CohortReader.read(Fixtures.text(dir, "cr.csv", "time,status,arm\r5,1,A\r6,0,B\r"), SPEC);

        assertThat(crlf.group()).containsExactly("A", "B");
        assertThat(crlf.line()).containsExactly(2, 3);
        assertThat(cr.group()).containsExactly("A", "B");
    }

    @Test
    void utf8ByteOrderMarkIsStrippedFromTheFirstHeader() {
        byte[] body = "time,status,arm\n5,1,Ä\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);

        Cohort cohort = CohortReader.read(Fixtures.bytes(dir, "bom.csv", bytes), SPEC);

        assertThat(cohort.time()).containsExactly(5.0);
        assertThat(cohort.group()).containsExactly("Ä");
        assertThat(cohort.warnings()).isEmpty();
    }

    @Test
    void utf16WithByteOrderMarkAsExcelUnicodeText() {
        byte[] body = "time\tstatus\tarm\n5\t1\tÄ\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);

        Cohort cohort = CohortReader.read(Fixtures.bytes(dir, "unicode.txt", bytes), SPEC);

        assertThat(cohort.group()).containsExactly("Ä");
    }

    @Test
    void invalidUtf8IsReadAsWindows1252WithAWarning() {
        byte[] bytes = "time;status;arm\n5;1;Müller\n".getBytes(Charset.forName("windows-1252"));

        Cohort cohort = CohortReader.read(Fixtures.bytes(dir, "latin.csv", bytes), SPEC);

        assertThat(cohort.group()).containsExactly("Müller");
        assertThat(cohort.warnings()).singleElement().asString()
                .contains("latin.csv is not valid UTF-8").contains("Windows-1252");
    }

    @Test
    void trailingEmptyLinesAreFine() {
        Cohort cohort = CohortReader.read(Fixtures.text(dir, "t.csv", "time,status,arm\n5,1,A\n\n\n"), SPEC);

        assertThat(cohort.rowsRead()).isEqualTo(1);
        assertThat(cohort.warnings()).isEmpty();
    }

    @Test
    void blankLinesInsideTheDataAreSkippedWithAWarning() {
        Cohort cohort = CohortReader.read(Fixtures.text(dir, "b.csv",
                "time,status,arm\n5,1,A\n\n,,\n6,0,B\n"), SPEC);

        assertThat(cohort.rowsRead()).isEqualTo(2);
        assertThat(cohort.line()).containsExactly(2, 5);
        assertThat(cohort.warnings()).singleElement().asString()
                .isEqualTo("b.csv: 2 blank lines inside the data were skipped (lines 3, 4).");
    }

    @Test
    void rowWithTooManyValuesIsAnErrorNamingTheLine() {
        Path file = Fixtures.text(dir, "ragged.csv", "time,status,arm\n5,1,A\n6,0,B,extra\n");

        assertThatThrownBy(() -> CohortReader.read(file, SPEC)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("ragged.csv, line 3: this row has 4 values but the header has 3 columns")
                .hasMessageContaining("an extra ','")
                .hasMessageContaining("double quotes");
    }

    @Test
    void rowWithTooFewValuesIsAnError() {
        Path file = Fixtures.text(dir, "short.csv", "time,status,arm\r\n5,1\r\n");

        assertThatThrownBy(() -> CohortReader.read(file, SPEC)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("short.csv, line 2: this row has 2 values but the header has 3 columns");
    }

    @Test
    void unclosedQuoteIsAnErrorNamingTheLine() {
        Path file = Fixtures.text(dir, "quote.csv", "time,status,arm\n5,1,A\n6,0,\"B\n7,1,C\n");

        assertThatThrownBy(() -> CohortReader.read(file, SPEC)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("quote.csv, line 3: the text could not be split into values")
                .hasMessageContaining("double quote");
    }

    @Test
    void emptyFileIsAnError() {
        Path file = Fixtures.bytes(dir, "empty.csv", new byte[0]);

        assertThatThrownBy(() -> CohortReader.read(file, SPEC)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("empty.csv is empty (0 bytes).");
    }

    @Test
    void fileOfBlankLinesIsAnError() {
        Path file = Fixtures.text(dir, "blank.csv", "\n\n  \n");

        assertThatThrownBy(() -> CohortReader.read(file, SPEC)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("blank.csv holds only blank lines.");
    }

    @Test
    void headerOnlyMeansNoDataRows() {
        Path file = Fixtures.text(dir, "header.csv", "time,status,arm\n");

        assertThatThrownBy(() -> CohortReader.read(file, SPEC)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("header.csv: the header (line 1) has no data rows below it.");
    }

    @Test
    void blankHeaderNameIsAnError() {
        Path file = Fixtures.text(dir, "h.csv", "time,status,,arm\n5,1,x,A\n");

        assertThatThrownBy(() -> CohortReader.read(file, SPEC)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("h.csv, line 1: column 3 of the header has no name.")
                .hasMessageContaining("Give every column a name");
    }

    @Test
    void duplicateHeaderNameIsAnError() {
        Path file = Fixtures.text(dir, "dup.csv", "time,status,arm,status\n5,1,A,0\n");

        assertThatThrownBy(() -> CohortReader.read(file, SPEC)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("dup.csv, line 1: the column name 'status' appears twice (column 2 and "
                        + "column 4).")
                .hasMessageContaining("unique name");
    }

    @Test
    void headerNamesAndValuesAreTrimmed() {
        Cohort cohort = CohortReader.read(Fixtures.text(dir, "s.csv", " time , status ,arm\n 5 , 1 , A \n"), SPEC);

        assertThat(cohort.time()).containsExactly(5.0);
        assertThat(cohort.group()).containsExactly("A");
    }

    @Test
    void headerAfterLeadingBlankLinesKeepsPhysicalLineNumbers() {
        Cohort cohort = CohortReader.read(Fixtures.text(dir, "lead.csv", "\n\ntime,status,arm\n5,1,A\n"), SPEC);

        assertThat(cohort.line()).containsExactly(4);
    }

    @Test
    void groupLabelsAreInterned() {
        Cohort cohort = CohortReader.read(Fixtures.text(dir, "i.csv", "time,status,arm\n1,1,A\n2,1,A\n"), SPEC);

        assertThat(cohort.group()[0]).isSameAs(cohort.group()[1]);
    }
}

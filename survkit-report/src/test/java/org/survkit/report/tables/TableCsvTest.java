package org.survkit.report.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableCsvTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '~', value = {
        "=1+1 -> '=1+1",
        "+cmd|' /C calc'!A0 -> '+cmd|' /C calc'!A0",
        "-2+3 -> '-2+3",
        "@SUM(A1) -> '@SUM(A1)",
        "-0.25 -> -0.25",
        "+3 -> +3",
        "12 -> 12",
        "plain text -> plain text",
        "a=b -> a=b",
    })
    void formulasAreNeutralizedNumbersAreNot(String cell, String expected) {
        assertThat(TableCsv.neutralize(cell)).isEqualTo(expected);
    }

    @Test
    void tabAndCarriageReturnStartsAreNeutralizedToo() {
        assertThat(TableCsv.neutralize("\t=1")).isEqualTo("'\t=1");
        assertThat(TableCsv.neutralize("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void reportTableCsvNeutralizesHeaderAndCells() {
        ReportTable t = new ReportTable("t", "T", List.of("=h", "x\ny"), List.of(List.of("@a", "-1")), List.of(""),
                List.of(), null);
        assertThat(t.csv()).isEqualTo("'=h,x y\n'@a,-1\n");
    }
}

package org.survkit.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTextTest {

    @Test
    void cellsAreQuotedPerRfc4180AndCountTheirLineBreaks() {
        StringBuilder sb = new StringBuilder();
        CsvText.cell(sb, "a,b");
        CsvText.cell(sb, "say \"hi\"");
        CsvText.cell(sb, "two\nlines\r\nthree");
        assertThat(CsvText.lineBreaks("a,b")).isZero();
        assertThat(CsvText.lineBreaks("two\nlines\r\nthree")).isEqualTo(2);
        assertThat(CsvText.lineBreaks("old\rMac\r")).isEqualTo(2);
        assertThat(sb.toString()).isEqualTo("\"a,b\"\"say \"\"hi\"\"\"\"two\nlines\r\nthree\"");
    }

    @Test
    void recordsEndWithALineFeed() {
        StringBuilder sb = new StringBuilder();
        CsvText.record(sb, List.of("a", "b,c", ""));
        assertThat(sb.toString()).isEqualTo("a,\"b,c\",\n");
    }
}

package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The report's progress on standard error: quiet for a second, then a bar on a terminal or plain lines. */
class ReportProgressLineTest {

    private final AtomicLong now = new AtomicLong();
    private final StringWriter err = new StringWriter();

    private ReportProgressLine line(boolean terminal) {
        return new ReportProgressLine(new PrintWriter(err), terminal, now::get, false);
    }

    @Test
    void aQuickReportPrintsNothing() {
        try (ReportProgressLine p = line(false)) {
            p.update("analyses", 0, 1);
            now.set(900_000_000L);
            p.update("figure files", 3, 3);
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void plainLinesOncePerStepAndACountAtMostEverySecond() {
        try (ReportProgressLine p = line(false)) {
            p.update("analyses", 0, 1);
            now.set(1_200_000_000L);
            p.show(); // the ticker, after a second of analyses
            p.update("figure files", 0, 4);
            now.set(1_500_000_000L);
            p.update("figure files", 1, 4); // less than a second since the last line: not shown
            now.set(2_600_000_000L);
            p.update("figure files", 2, 4);
            p.update("figure files", 4, 4); // the last count always
        }
        assertThat(err.toString().lines().toList()).containsExactly("survkit report: analyses (1.2 s)",
                "survkit report: figure files 0/4 (1.2 s)", "survkit report: figure files 2/4 (2.6 s)",
                "survkit report: figure files 4/4 (2.6 s)");
    }

    @Test
    void onATerminalOneBarRedrawnAndClearedAtTheEnd() {
        try (ReportProgressLine p = line(true)) {
            now.set(2_000_000_000L);
            p.update("figure files", 6, 12);
        }
        String out = err.toString();
        assertThat(out).startsWith("\rsurvkit report: [############------------] figure files 6/12  2.0 s")
                .endsWith("\r").doesNotContain("\n");
    }
}

package org.survkit.cli.output;

import java.util.List;
import org.survkit.cli.result.CohortSummary;
import org.survkit.io.Exclusion;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.Weighting;

/** The pieces of text every command's printout shares: the data lines, the warnings, the names of tests. */
final class TextBlocks {
    private TextBlocks() {
    }

    /**
     * The data lines under a printout's title: {@code data: FILE   time: T   event: E[   group: G][   landmark: L]
     * [   horizon: H (censored there)]}, then the rows read, analysed and excluded with the reasons.
     */
    static String cohort(CohortSummary c) {
        StringBuilder sb = new StringBuilder();
        sb.append("data: ").append(c.source()).append("   time: ").append(c.timeLabel()).append("   event: ")
                .append(c.event()).append(c.group() != null ? "   group: " + c.group() : "");
        if (!Double.isNaN(c.landmark())) {
            sb.append("   landmark: ").append(Numbers.text(c.landmark(), 7));
        }
        if (!Double.isNaN(c.horizon())) {
            sb.append("   horizon: ").append(Numbers.text(c.horizon(), 7)).append(" (censored there)");
        }
        sb.append('\n');
        sb.append(c.rowsRead()).append(" rows read, ").append(c.rowsAnalysed()).append(" analysed, ")
                .append(c.rowsExcluded()).append(" excluded");
        if (c.rowsExcluded() > 0) {
            sb.append(":");
            for (Exclusion e : c.exclusions()) {
                sb.append("\n  ").append(e.count()).append(" ").append(e.reason());
                if (!e.firstLines().isEmpty()) {
                    sb.append(" (line").append(e.firstLines().size() > 1 ? "s " : " ");
                    sb.append(String.join(", ", e.firstLines().stream().map(String::valueOf).toList()));
                    sb.append(e.count() > e.firstLines().size() ? ", …" : "").append(")");
                }
            }
        } else {
            sb.append(".");
        }
        if (!c.eventCodes().isEmpty()) {
            sb.append("\nevent coding:");
            for (org.survkit.io.EventCode e : c.eventCodes()) {
                sb.append(" \"").append(e.value()).append("\" \u2192 ").append(e.meaning().word()).append(" (")
                        .append(e.count()).append(e.note().isEmpty() ? "" : "; " + e.note()).append(")");
                sb.append(e == c.eventCodes().get(c.eventCodes().size() - 1) ? "" : ",");
            }
        }
        return sb.append('\n').toString();
    }

    /** The closing "Warnings" block: the reader's warnings, then the diagnostics ("!" warnings, "-" notes). */
    static String warnings(CohortSummary c, List<Diagnostic> diagnostics) {
        if (c.warnings().isEmpty() && diagnostics.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\nWarnings\n");
        for (String w : c.warnings()) {
            sb.append("  ! ").append(w).append('\n');
        }
        for (Diagnostic d : diagnostics) {
            sb.append(d.severity() == Diagnostic.Severity.WARNING ? "  ! " : "  - ").append(d.message()).append('\n');
        }
        return sb.toString();
    }

    /** {@return the name of a log-rank-family test ({@link Weighting#displayName}) as the printouts title it} */
    static String testTitle(LogRankResult r) {
        String name = r.weighting().displayName();
        return switch (r.weighting()) {
            case LOGRANK -> name + " test (Mantel–Cox)";
            case PETO -> name + " test (rho = 1)";
            case FLEMING_HARRINGTON -> name + " G(" + Numbers.text(r.rho(), 4) + ", " + Numbers.text(r.gamma(), 4)
                    + ") test";
            default -> name + " test";
        };
    }

    /** A model's global test as summary.coxph prints it: {@code NAME = 12.3  on 2 df,   p = 0.002}. */
    static String testLine(String name, ChiSquareTest t, PValueFormat pf) {
        return name + " = " + Numbers.text(t.statistic(), 4) + "  on " + t.df() + " df,   p = "
                + pf.text(t.pValue()) + "\n";
    }

    /** A row of {@link #hazardRatios}: the term, the hazard ratio and its limits. */
    static String[] hazardRatioRow(String term, double hr, double lower, double upper) {
        return new String[] {term, Numbers.text(hr, 4), Numbers.text(lower, 4), Numbers.text(upper, 4)};
    }

    /** A model's hazard ratios with their limits, as summary.coxph's second table, and a blank line. */
    static String hazardRatios(double confLevel, List<String[]> rows) {
        CiLabels ci = new CiLabels(confLevel);
        return TextTable.of(new String[] {"", "exp(coef)", ci.lower(), ci.upper()}, rows) + "\n";
    }

    /** {@return "(did not converge in N iterations)" for a model that did not converge, else nothing} */
    static String convergence(boolean converged, int iterations) {
        return converged ? ""
                : "(did not converge in " + iterations + (iterations == 1 ? " iteration)\n" : " iterations)\n");
    }
}

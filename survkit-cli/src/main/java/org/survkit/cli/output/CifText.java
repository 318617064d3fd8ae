package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.CifResult;
import org.survkit.cli.result.CohortSummary;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.competing.CumulativeIncidenceAtTime;
import org.survkit.stats.competing.CumulativeIncidenceCurve;
import org.survkit.stats.competing.CumulativeIncidenceRow;
import org.survkit.stats.competing.GrayTestResult;
import org.survkit.study.Estimates;

/**
 * {@code survkit cif} as text: per cause and group the events and the cumulative incidence at the end of follow-up,
 * Gray's test per cause (as R's print.cuminc), the incidence at the chosen times (as timepoints) and, with
 * {@code --table}, each curve's full table.
 */
final class CifText {
    private CifText() {
    }

    static String of(CifResult r, PValueFormat pf) {
        CohortSummary c = r.cohort();
        Estimates e = r.estimates();
        CiLabels ci = new CiLabels(e.confLevel());
        StringBuilder sb = new StringBuilder("Cumulative incidence of competing risks (Aalen–Johansen)\n");
        sb.append(TextBlocks.cohort(c));
        sb.append("Confidence intervals: ").append(e.confType().rName()).append(", ").append(ci.percent())
                .append("; variance: ").append(r.variance().displayName())
                .append(r.entry() == null ? "" : "; entry times from column '" + r.entry() + "'").append("\n\n");
        List<String[]> rows = new ArrayList<>();
        for (CumulativeIncidenceCurve curve : r.curves()) {
            int last = curve.size() - 1;
            rows.add(new String[] {name(r, curve), Integer.toString(curve.n()), Integer.toString(curve.events()),
                Numbers.text(last < 0 ? 0 : curve.cif()[last], 4), Numbers.text(curve.lastStdErr(), 4),
                Numbers.text(curve.lastTime(), 6)});
        }
        sb.append(TextTable.of(new String[] {"", "n", "events", "CIF at end", "std.err", "last follow-up"}, rows));
        if (!r.tests().isEmpty()) {
            sb.append("\nGray's test").append(r.strata() != null ? " (stratified by " + r.strata() + ")" : "")
                    .append(r.rho() != 0 ? ", rho = " + Numbers.text(r.rho(), 4) : "").append('\n');
            List<String[]> tr = new ArrayList<>();
            for (GrayTestResult t : r.tests()) {
                tr.add(new String[] {cause(r, t.cause()), Numbers.text(t.statistic(), 4), Integer.toString(t.df()),
                    pf.text(t.pValue())});
            }
            sb.append(TextTable.of(new String[] {"", "chisq", "df", "p"}, tr));
        }
        double[] at = e.at();
        if (at.length > 0) {
            sb.append("\nCumulative incidence at chosen times\n");
            List<String[]> ar = new ArrayList<>();
            for (CumulativeIncidenceCurve curve : r.curves()) {
                for (CumulativeIncidenceAtTime a : curve.at(at)) {
                    ar.add(new String[] {name(r, curve), Numbers.text(a.time(), 6), Numbers.text(a.cif(), 4),
                        Numbers.text(a.variance(), 4), Numbers.text(a.lower(), 4), Numbers.text(a.upper(), 4)});
                }
            }
            sb.append(TextTable.of(new String[] {"", "time", "cif", "variance", ci.lowerInterval(),
                ci.upperInterval()}, ar));
        }
        if (r.eventTables()) {
            for (CumulativeIncidenceCurve curve : r.curves()) {
                sb.append('\n').append(name(r, curve)).append('\n');
                List<String[]> tr = new ArrayList<>();
                for (CumulativeIncidenceRow row : curve.rows()) {
                    tr.add(new String[] {Numbers.text(row.time(), 6), Integer.toString(row.nRisk()),
                        Integer.toString(row.nEvent()), Numbers.text(row.cif(), 4), Numbers.text(row.variance(), 4),
                        Numbers.text(row.lower(), 4), Numbers.text(row.upper(), 4)});
                }
                sb.append(TextTable.of(new String[] {"time", "n.risk", "n.event", "cif", "variance",
                    ci.lowerInterval(), ci.upperInterval()}, tr));
            }
        }
        sb.append(TextBlocks.warnings(c, r.diagnostics()));
        return sb.toString();
    }

    /** {@return a curve's name: {@code trt=1, cause 2}, or {@code er=negative, breast cancer} for word codes} */
    private static String name(CifResult r, CumulativeIncidenceCurve curve) {
        return (r.cohort().group() == null ? "" : r.cohort().groupLabel(curve.group()) + ", ")
                + cause(r, curve.cause());
    }

    private static String cause(CifResult r, double code) {
        return (r.codes().words() ? "" : "cause ") + r.codes().label(code);
    }
}

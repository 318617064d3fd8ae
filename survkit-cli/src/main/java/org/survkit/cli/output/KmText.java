package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.CohortSummary;
import org.survkit.cli.result.KmResult;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.MedianRule;
import org.survkit.stats.km.RestrictedMean;
import org.survkit.stats.km.SurvivalAtTime;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.km.SurvivalQuantile;
import org.survkit.stats.km.SurvivalRow;
import org.survkit.study.Estimates;

/**
 * {@code survkit km} as text: per group n, events, median with its limits, median follow-up and RMST (as R's
 * print.survfit with {@code rmean}), the test, survival at the chosen times and, with {@code --table}, each group's
 * event table (as summary.survfit).
 */
final class KmText {
    private KmText() {
    }

    static String of(KmResult r, PValueFormat pf) {
        Estimates e = r.estimates();
        CohortSummary c = r.cohort();
        CiLabels ci = new CiLabels(e.confLevel());
        boolean rmst = !Double.isNaN(e.tau());
        StringBuilder sb = new StringBuilder("Kaplan–Meier estimate of survival\n");
        sb.append(TextBlocks.cohort(c));
        if (r.weighted() || r.counting()) {
            sb.append(r.weighted() ? "case weights: " + r.weights() : "");
            sb.append(r.weighted() && r.counting() ? "   " : "");
            sb.append(r.counting() ? "entry times: " + r.start() + " ((start, stop] rows: at risk when start < t <= stop)"
                    : "");
            sb.append(r.weighted() ? "\nstandard errors: Greenwood with weighted counts; the robust (infinitesimal"
                    + " jackknife) ones when a weight is not a whole number, as R's survfit" : "").append('\n');
        }
        sb.append("Confidence intervals: ").append(e.confType().rName()).append(", ").append(ci.percent())
                .append("; median: ").append(medianRule(e.medianRule())).append("\n\n");
        Columns counts = Columns.of(r);
        List<String[]> rows = new ArrayList<>();
        for (int k = 0; k < r.curves().size(); k++) {
            GroupCurve gc = r.curves().get(k);
            SurvivalCurve s = gc.curve();
            SurvivalQuantile m = s.median(e.medianRule());
            SurvivalQuantile fu = r.followUp().get(k).curve().median();
            List<String> row = new ArrayList<>(List.of(c.groupLabel(gc.group())));
            if (counts.records()) {
                row.add(Integer.toString(s.n()));
            }
            row.add(counts.nMax() ? Numbers.text(s.nMax(), 6) : Integer.toString(s.n()));
            if (counts.nStart()) {
                row.add(Numbers.text(s.nStart(), 6));
            }
            row.addAll(List.of(Numbers.text(s.events(), 6), Numbers.text(m.estimate(), 4), Numbers.text(m.lower(), 4),
                    Numbers.text(m.upper(), 4), Numbers.text(fu.estimate(), 4)));
            if (rmst) {
                RestrictedMean rm = s.restrictedMean(e.tau());
                row.add(Numbers.text(rm.estimate(), 4));
                row.add(Numbers.text(rm.stdErr(), 4));
            }
            rows.add(row.toArray(new String[0]));
        }
        List<String> header = new ArrayList<>(List.of(""));
        if (counts.records()) {
            header.add("records");
        }
        header.addAll(counts.nStart() ? List.of("n.max", "n.start") : List.of("n"));
        header.addAll(List.of("events", "median", ci.lcl(), ci.ucl(), "follow-up"));
        if (rmst) {
            header.add("rmean(" + Numbers.text(e.tau(), 6) + ")");
            header.add("se(rmean)");
        }
        sb.append(TextTable.of(header.toArray(new String[0]), rows));
        sb.append("(follow-up: median potential follow-up by reverse Kaplan–Meier)\n");
        if (r.test() != null) {
            sb.append('\n').append(TextBlocks.testTitle(r.test())).append(": Chisq = ")
                    .append(Numbers.text(r.test().statistic(), 4)).append(" on ").append(r.test().df())
                    .append(" degrees of freedom, p = ").append(pf.text(r.test().pValue())).append('\n');
        }
        double[] at = e.at();
        if (at.length > 0) {
            sb.append("\nSurvival at chosen times\n");
            List<String[]> ar = new ArrayList<>();
            for (GroupCurve gc : r.curves()) {
                for (SurvivalAtTime a : gc.curve().at(at)) {
                    ar.add(new String[] {c.groupLabel(gc.group()), Numbers.text(a.time(), 6),
                        Numbers.text(a.nRisk(), 6), Numbers.text(a.survival(), 4), Numbers.text(a.stdErr(), 4),
                        Numbers.text(a.lower(), 4), Numbers.text(a.upper(), 4)});
                }
            }
            sb.append(TextTable.of(new String[] {"", "time", "n.risk", "survival", "std.err", ci.lowerInterval(),
                ci.upperInterval()}, ar));
        }
        if (r.eventTables()) {
            for (GroupCurve gc : r.curves()) {
                sb.append('\n').append(c.groupLabel(gc.group())).append('\n');
                List<String[]> tr = new ArrayList<>();
                for (SurvivalRow row : gc.curve().rows()) {
                    tr.add(new String[] {Numbers.text(row.time(), 6), Numbers.text(row.nRisk(), 6),
                        Numbers.text(row.nEvent(), 6), Numbers.text(row.nCensor(), 6),
                        Numbers.text(row.survival(), 4), Numbers.text(row.stdErr(), 4), Numbers.text(row.lower(), 4),
                        Numbers.text(row.upper(), 4)});
                }
                sb.append(TextTable.of(new String[] {"time", "n.risk", "n.event", "n.censor", "survival", "std.err",
                    ci.lowerInterval(), ci.upperInterval()}, tr));
            }
        }
        sb.append(TextBlocks.warnings(c, r.diagnostics()));
        return sb.toString();
    }

    /**
     * The count columns as R's print.survfit chooses them: n is the number of rows, or with case weights or
     * (start, stop] rows n.max; n.max and n.start both when they differ in some group; records (the rows) beside a
     * weighted or counting-process n whenever they differ.
     */
    private record Columns(boolean records, boolean nMax, boolean nStart) {
        static Columns of(KmResult r) {
            if (!r.weighted() && !r.counting()) {
                return new Columns(false, false, false);
            }
            boolean records = false;
            boolean start = false;
            for (GroupCurve gc : r.curves()) {
                SurvivalCurve s = gc.curve();
                records |= s.n() != s.nMax();
                start |= s.nMax() != s.nStart();
            }
            return new Columns(records, true, start);
        }
    }

    private static String medianRule(MedianRule rule) {
        return switch (rule) {
            case R -> "R's rule (midpoint of a flat stretch at 0.5, as print.survfit)";
            case MIDPOINT -> "midpoint of a flat stretch at 0.5, also at the end (Prism, quantile.survfit)";
            case FIRST_AT_OR_BELOW -> "first time at or below 0.5 (lifelines)";
        };
    }
}

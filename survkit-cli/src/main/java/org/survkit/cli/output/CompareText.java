package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.survkit.cli.result.CohortSummary;
import org.survkit.cli.result.CompareResult;
import org.survkit.stats.ChiSquareTest;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.km.RestrictedMeanComparison;
import org.survkit.stats.logrank.GroupSummary;
import org.survkit.stats.logrank.HazardRatio;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.PairwiseComparison;
import org.survkit.stats.logrank.TrendTestResult;
import org.survkit.stats.logrank.TwoGroupHazardRatios;

/**
 * {@code survkit compare} as text: observed and expected events per group and the test as R's print.survdiff, then
 * as asked Prism's conservative statistic, the trend test, the hazard ratios (as Prism), the pairwise tests and the
 * RMST comparisons.
 */
final class CompareText {
    private CompareText() {
    }

    static String of(CompareResult result, PValueFormat pf) {
        CohortSummary c = result.cohort();
        LogRankResult r = result.test();
        StringBuilder sb = new StringBuilder();
        sb.append(TextBlocks.testTitle(r)).append(result.strata() != null ? ", stratified by " + result.strata() : "")
                .append('\n');
        sb.append(TextBlocks.cohort(c)).append('\n');
        List<String[]> rows = new ArrayList<>();
        for (GroupSummary s : r.groups()) {
            double oe = s.expected() > 0 ? Math.pow(s.observed() - s.expected(), 2) / s.expected() : Double.NaN;
            rows.add(new String[] {c.groupLabel(s.group()), Integer.toString(s.n()), Numbers.text(s.observed(), 6),
                Numbers.text(s.expected(), 4), Numbers.text(oe, 3)});
        }
        sb.append(TextTable.of(new String[] {"", "N", "Observed", "Expected", "(O-E)^2/E"}, rows));
        sb.append("\n Chisq = ").append(Numbers.text(r.statistic(), 4)).append("  on ").append(r.df())
                .append(" degrees of freedom, p = ").append(pf.text(r.pValue())).append('\n');
        if (result.comparisons().conservative()) {
            ChiSquareTest cs = r.conservative();
            sb.append(" Conservative Σ(O−E)²/E = ").append(Numbers.text(cs.statistic(), 4)).append(", p = ")
                    .append(pf.text(cs.pValue())).append('\n');
        }
        TrendTestResult tr = result.trend();
        if (tr != null) {
            sb.append(" Test for trend (scores ").append(String.join(", ",
                    Arrays.stream(tr.scores()).mapToObj(x -> Numbers.text(x, 4)).toList()))
                    .append("): Chisq = ").append(Numbers.text(tr.statistic(), 4)).append(" on 1 df, p = ")
                    .append(pf.text(tr.pValue())).append('\n');
        }
        TwoGroupHazardRatios hr = result.hazardRatio();
        if (hr != null) {
            String ci = new CiLabels(hr.confLevel()).interval();
            sb.append("\nHazard ratio ").append(hr.comparison()).append(" vs ").append(hr.reference()).append('\n');
            sb.append("  Mantel–Haenszel  ").append(ratio(hr.mantelHaenszel(), ci)).append('\n');
            sb.append("  log-rank (O/E)   ").append(ratio(hr.logrank(), ci)).append('\n');
        }
        if (!result.pairwise().isEmpty()) {
            sb.append("\nPairwise comparisons (").append(TextBlocks.testTitle(r)).append("; p adjusted: ")
                    .append(result.comparisons().adjust().id()).append(")\n");
            List<String[]> pr = new ArrayList<>();
            for (PairwiseComparison p : result.pairwise()) {
                pr.add(new String[] {p.group1() + " vs " + p.group2(), Numbers.text(p.statistic(), 4),
                    pf.text(p.pValue()), pf.text(p.pAdjusted())});
            }
            sb.append(TextTable.of(new String[] {"", "Chisq", "p", "p adjusted"}, pr));
        }
        if (!result.rmst().isEmpty()) {
            sb.append(rmst(result.rmst(), pf));
        }
        sb.append(TextBlocks.warnings(c, result.diagnostics()));
        return sb.toString();
    }

    private static String rmst(List<RestrictedMeanComparison> rmsts, PValueFormat pf) {
        String ci = new CiLabels(rmsts.get(0).confLevel()).interval();
        StringBuilder sb = new StringBuilder("\nRestricted mean survival time up to ")
                .append(Numbers.text(rmsts.get(0).tau(), 6)).append('\n');
        List<String[]> rows = new ArrayList<>();
        for (RestrictedMeanComparison x : rmsts) {
            rows.add(new String[] {x.comparison() + " vs " + x.reference(),
                Numbers.text(x.rmstComparison().estimate(), 4) + " vs " + Numbers.text(x.rmstReference().estimate(), 4),
                interval(x.difference()), pf.text(x.difference().pValue()), interval(x.ratio())});
        }
        sb.append(TextTable.of(new String[] {"", "RMST", "difference (" + ci + ")", "p", "ratio (" + ci + ")"}, rows));
        return sb.toString();
    }

    private static String interval(RestrictedMeanComparison.Estimate e) {
        return Numbers.text(e.estimate(), 4) + " (" + Numbers.text(e.lower(), 4) + " to " + Numbers.text(e.upper(), 4)
                + ")";
    }

    private static String ratio(HazardRatio h, String ci) {
        return Numbers.text(h.estimate(), 4) + "  (" + ci + " " + Numbers.text(h.lower(), 4) + " to "
                + Numbers.text(h.upper(), 4) + ")";
    }
}

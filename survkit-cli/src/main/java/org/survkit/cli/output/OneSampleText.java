package org.survkit.cli.output;

import java.util.List;
import org.survkit.cli.result.OneSampleResult;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.logrank.OneSampleLogRank;

/** {@code survkit compare --expected} as text: observed and expected events and the test, as R's print.survdiff. */
final class OneSampleText {
    private OneSampleText() {
    }

    static String of(OneSampleResult result, PValueFormat pf) {
        OneSampleLogRank.Result r = result.test();
        StringBuilder sb = new StringBuilder("One-sample log-rank test (expected cumulative hazard: ")
                .append(result.expected()).append(")\n");
        sb.append(TextBlocks.cohort(result.cohort())).append('\n');
        double z = Math.signum(r.expected() - r.observed()) * Math.sqrt(r.test().statistic());
        sb.append(TextTable.of(new String[] {"N", "Observed", "Expected", "O/E", "Z"}, List.<String[]>of(
                new String[] {Integer.toString(r.n()), Numbers.text(r.observed(), 6), Numbers.text(r.expected(), 4),
                    Numbers.text(r.ratio(), 4), Numbers.text(z, 4)})));
        sb.append("\n Chisq = ").append(Numbers.text(r.test().statistic(), 4)).append("  on 1 degrees of freedom, p = ")
                .append(pf.text(r.test().pValue())).append('\n');
        sb.append(TextBlocks.warnings(result.cohort(), result.diagnostics()));
        return sb.toString();
    }
}

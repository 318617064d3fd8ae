package org.survkit.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.survkit.cli.result.CompareResult;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.PairwiseComparison;

/** {@code survkit compare} as CSV: the k-group test, then one row per pairwise test. */
final class CompareCsv {
    private CompareCsv() {
    }

    static String of(CompareResult result) {
        LogRankResult r = result.test();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {r.weighting().id(), "all", "", Numbers.csv(r.statistic()), Integer.toString(r.df()),
            Numbers.csv(r.pValue()), ""});
        for (PairwiseComparison p : result.pairwise()) {
            rows.add(new String[] {r.weighting().id(), p.group1(), p.group2(), Numbers.csv(p.statistic()),
                Integer.toString(p.df()), Numbers.csv(p.pValue()), Numbers.csv(p.pAdjusted())});
        }
        return Csv.write(new String[] {"test", "group1", "group2", "statistic", "df", "p_value", "p_adjusted"}, rows);
    }
}

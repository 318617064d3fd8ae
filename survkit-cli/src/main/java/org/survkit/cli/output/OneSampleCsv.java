package org.survkit.cli.output;

import java.util.List;
import org.survkit.cli.result.OneSampleResult;
import org.survkit.stats.logrank.OneSampleLogRank;

/** {@code survkit compare --expected} as CSV: one row, the test. */
final class OneSampleCsv {
    private OneSampleCsv() {
    }

    static String of(OneSampleResult result) {
        OneSampleLogRank.Result r = result.test();
        return Csv.write(new String[] {"test", "n", "observed", "expected", "statistic", "df", "p_value"},
                List.<String[]>of(new String[] {"one-sample log-rank", Integer.toString(r.n()), Numbers.csv(r.observed()),
                    Numbers.csv(r.expected()), Numbers.csv(r.test().statistic()), Integer.toString(r.test().df()),
                    Numbers.csv(r.test().pValue())}));
    }
}

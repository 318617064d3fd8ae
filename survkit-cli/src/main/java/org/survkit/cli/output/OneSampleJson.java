package org.survkit.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.survkit.cli.result.OneSampleResult;
import org.survkit.stats.logrank.OneSampleLogRank;

/** {@code survkit compare --expected} as JSON: the data, observed and expected events, the test. */
final class OneSampleJson {
    private OneSampleJson() {
    }

    static ObjectNode of(OneSampleResult result) {
        OneSampleLogRank.Result r = result.test();
        ObjectNode o = Json.object();
        o.put("test", "one-sample log-rank");
        Json.putText(o, "expected_column", result.expected());
        Json.putCohort(o, result.cohort());
        o.put("n", r.n());
        Json.put(o, "observed", r.observed());
        Json.put(o, "expected", r.expected());
        Json.put(o, "ratio", r.ratio());
        Json.put(o, "statistic", r.test().statistic());
        o.put("df", r.test().df());
        Json.put(o, "p_value", r.test().pValue());
        o.set("warnings", Json.warnings(result.cohort(), result.diagnostics()));
        return o;
    }
}

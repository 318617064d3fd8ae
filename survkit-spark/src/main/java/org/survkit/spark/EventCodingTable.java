package org.survkit.spark;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.survkit.cli.output.Numbers;
import org.survkit.io.EventCode;
import org.survkit.io.MissingCodes;

/**
 * The status column's coding table as the Spark engine reads it, for the output's "event coding" line (the local
 * engine's reader prints the same line): each distinct value in order of first appearance, what it was read as
 * (the event value an event, every other value censored, an empty cell, NA or . missing) and in how many rows, rows left
 * out for another missing column included. One small aggregation ({@code groupBy(status)}); at most
 * {@value #LIMIT} values are listed, the rest summed in one line.
 */
final class EventCodingTable {
    static final int LIMIT = 1000;
    private static final String NOT_EVENT = "not an event value: censored";

    private EventCodingTable() {
    }

    /**
     * @param declared whether the event value was given (else 1 is the event and 0 reads as censored without note)
     */
    static List<EventCode> of(Dataset<Row> data, SurvivalColumns c, boolean declared) {
        List<Row> rows = data.select(SparkSurvival.column(c.status()).as("v"), monotonically_increasing_id().as("i"))
                .groupBy("v").agg(count(lit(1)).as("n"), min("i").as("first"))
                .orderBy("first").limit(LIMIT + 1).collectAsList();
        List<EventCode> out = new ArrayList<>();
        // missing cells by their trimmed text, as the reader counts them: empty (null, NaN) and its codes (NA, .)
        java.util.Map<String, Integer> missing = new java.util.LinkedHashMap<>();
        long others = 0;
        for (Row r : rows) {
            int n = Math.toIntExact(r.getLong(1));
            Object v = r.get(0);
            if (v == null || v instanceof Double d && d.isNaN()) {
                missing.merge("", n, Integer::sum);
            } else if (v instanceof String t && MissingCodes.DEFAULTS.contains(t.strip())) {
                missing.merge(t.strip(), n, Integer::sum);
            } else if (out.size() == LIMIT) {
                others += n;
            } else {
                double x = v instanceof Boolean b ? (b ? 1 : 0) : v instanceof Number num ? num.doubleValue()
                        : Double.NaN; // text: Spark's cast to a number gives null, so never an event
                String text = v instanceof Number ? Numbers.code(x) : v.toString();
                boolean event = x == c.eventValue();
                out.add(new EventCode(text, event ? EventCode.Meaning.EVENT : EventCode.Meaning.CENSORED, n,
                        event || !declared && x == 0 ? "" : NOT_EVENT));
            }
        }
        if (others > 0) {
            out.add(new EventCode("(" + others + " rows with other values)", EventCode.Meaning.CENSORED,
                    Math.toIntExact(others), "too many different values to list"));
        }
        missing.forEach((text, n) -> out.add(new EventCode(text, EventCode.Meaning.MISSING, n,
                text.isEmpty() ? "empty cell" : "missing-value code")));
        return out;
    }
}

package org.survkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.survkit.stats.model.Factor;

/**
 * The rows of a Dataset counted per distinct (stratum, group, time, status) on the cluster, collected to the driver
 * as primitive arrays (one job, packed column by column per partition: {@link ColumnarChunk}). Every Kaplan–Meier and
 * log-rank statistic is a function of these counts; with continuous times the table has about as many rows as
 * distinct times, i.e. 5 numbers per distinct time are moved instead of the data.
 *
 * @param time   time per cell
 * @param event  whether the cell's status is an event
 * @param status the status code per cell (the raw value for competing risks; 1/0 for events/censored otherwise)
 * @param count  rows per cell
 * @param group  group label per cell ("all" without a group column)
 * @param strata stratum label per cell, or null without a stratum column
 */
record FrequencyTable(double[] time, boolean[] event, double[] status, int[] count, String[] group,
        String[] strata) {

    /** Cells by event / censored. */
    static FrequencyTable of(Dataset<Row> data, SurvivalColumns c) {
        return of(data, c, false);
    }

    /**
     * @param byCode cells by the status column's value (competing risks: each cause and the censor code) instead
     *               of event / censored
     */
    static FrequencyTable of(Dataset<Row> data, SurvivalColumns c, boolean byCode) {
        List<Column> keys = new ArrayList<>();
        keys.add(c.strata() == null ? lit("").as("s")
                : SparkSurvival.column(c.strata()).cast("string").as("s"));
        keys.add(c.group() == null ? lit("all").as("g")
                : SparkSurvival.column(c.group()).cast("string").as("g"));
        keys.add(SparkSurvival.column(c.time()).cast("double").as("t"));
        keys.add(byCode ? SparkSurvival.column(c.status()).cast("double").as("e")
                : when(SparkSurvival.isEvent(c), lit(1.0)).otherwise(lit(0.0)).as("e"));
        Dataset<Row> cells = SparkSurvival.complete(data, c)
                .groupBy(keys.toArray(new Column[0]))
                .agg(functions.count(lit(1)).as("n"));
        ColumnarChunk table = ColumnarChunk.collect(cells, 2);
        int m = table.size;
        boolean[] event = new boolean[m];
        int[] count = new int[m];
        for (int i = 0; i < m; i++) {
            event[i] = table.numbers[1][i] == 1;
            count[i] = Math.toIntExact((long) table.numbers[2][i]);
        }
        return new FrequencyTable(table.numbers[0], event, table.numbers[1], count, table.labels(1),
                c.strata() == null ? null : table.labels(0));
    }

    /** The groups as a factor in survkit's level order. */
    Factor groups() {
        return Factor.of(group);
    }

    /** The strata as a factor, or null. */
    Factor strataFactor() {
        return strata == null ? null : Factor.of(strata);
    }
}

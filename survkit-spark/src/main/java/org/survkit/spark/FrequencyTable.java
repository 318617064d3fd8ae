package org.survkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.survkit.stats.model.Factor;

/**
 * The rows of a Dataset counted per distinct (stratum, group, time, status) on the cluster, collected to the driver
 * as primitive arrays (streamed partition by partition, never as one list of Rows). Every Kaplan–Meier and
 * log-rank statistic is a function of these counts; with continuous times the table has about as many rows as
 * distinct times, i.e. 5 numbers per distinct time are moved instead of the data.
 *
 * @param time   time per cell
 * @param event  status per cell
 * @param count  rows per cell
 * @param group  group label per cell ("all" without a group column)
 * @param strata stratum label per cell, or null without a stratum column
 */
record FrequencyTable(double[] time, boolean[] event, int[] count, String[] group, String[] strata) {

    static FrequencyTable of(Dataset<Row> data, SurvivalColumns c) {
        List<Column> keys = new ArrayList<>();
        keys.add(c.strata() == null ? lit(null).cast("string").as("s") : col(c.strata()).cast("string").as("s"));
        keys.add(c.group() == null ? lit("all").as("g") : col(c.group()).cast("string").as("g"));
        keys.add(col(c.time()).cast("double").as("t"));
        keys.add(SparkSurvival.isEvent(c).as("e"));
        Dataset<Row> cells = SparkSurvival.complete(data, c)
                .groupBy(keys.toArray(new Column[0]))
                .agg(functions.count(lit(1)).as("n"));
        int cap = 1024;
        double[] t = new double[cap];
        boolean[] e = new boolean[cap];
        int[] n = new int[cap];
        String[] g = new String[cap];
        String[] s = c.strata() == null ? null : new String[cap];
        int m = 0;
        Iterator<Row> it = cells.toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            if (m == t.length) {
                cap = 2 * cap;
                t = Arrays.copyOf(t, cap);
                e = Arrays.copyOf(e, cap);
                n = Arrays.copyOf(n, cap);
                g = Arrays.copyOf(g, cap);
                s = s == null ? null : Arrays.copyOf(s, cap);
            }
            if (s != null) {
                s[m] = r.getString(0);
            }
            g[m] = r.getString(1);
            t[m] = r.getDouble(2);
            e[m] = r.getBoolean(3);
            n[m] = Math.toIntExact(r.getLong(4));
            m++;
        }
        return new FrequencyTable(Arrays.copyOf(t, m), Arrays.copyOf(e, m), Arrays.copyOf(n, m),
                Arrays.copyOf(g, m), s == null ? null : Arrays.copyOf(s, m));
    }

    /** The groups as a factor in survkit's level order. */
    Factor groups() {
        return Factor.of(group);
    }

    /** The strata as a factor, or null. */
    Factor strataFactor() {
        return strata == null ? null : Factor.of(strata);
    }

    /** The counts as case weights. */
    double[] weights() {
        double[] w = new double[count.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = count[i];
        }
        return w;
    }
}

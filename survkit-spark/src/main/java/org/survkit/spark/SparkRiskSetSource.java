package org.survkit.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.survkit.stats.cox.CoxColumnSums;
import org.survkit.stats.cox.CoxRiskSetSource;
import org.survkit.stats.cox.CoxRiskSetSums;

/**
 * Cox data in a Spark Dataset, asked for sums by {@link org.survkit.stats.cox.CoxRegression#fit(CoxRiskSetSource)}:
 * two passes for the centring and scaling, then one aggregation per Newton step grouped by (stratum, time, status)
 * that returns, per group, Σr, Σr·x, Σr·x xᵀ (lower triangle), the count, Σw, Σw·η and Σw·x (x centred and scaled,
 * r = w e<sup>η</sup>): 1 + p + p(p+1)/2 + 3 + p numbers per distinct (stratum, time, status), collected to the
 * driver. The rows used (time, status, stratum, weight, covariates, complete) are persisted for the iterations and
 * released by {@link #close()}.
 */
final class SparkRiskSetSource implements CoxRiskSetSource, AutoCloseable {
    private final Dataset<Row> rows;
    private final List<String> names;
    private final List<String> strataLevels;
    private final Map<String, Integer> strataCode;
    private final int p;

    /**
     * @param data       the Dataset
     * @param c          its survival columns
     * @param covariates numeric covariate columns (the design's columns)
     */
    SparkRiskSetSource(Dataset<Row> data, SurvivalColumns c, List<String> covariates) {
        this.names = List.copyOf(covariates);
        this.p = names.size();
        List<Column> cols = new ArrayList<>();
        cols.add(col(c.time()).cast("double").as("t"));
        cols.add(when(SparkSurvival.isEvent(c), lit(1.0)).otherwise(lit(0.0)).as("e"));
        cols.add(c.strata() == null ? lit("").as("s") : col(c.strata()).cast("string").as("s"));
        cols.add(c.weight() == null ? lit(1.0).as("w") : col(c.weight()).cast("double").as("w"));
        for (int j = 0; j < p; j++) {
            cols.add(col(names.get(j)).cast("double").as("x" + j));
        }
        List<String> needed = new ArrayList<>(c.used());
        needed.addAll(names);
        this.rows = data.na().drop(needed.toArray(new String[0])).select(cols.toArray(new Column[0]))
                .persist(StorageLevel.MEMORY_AND_DISK());
        this.strataLevels = SparkSurvival.levels(rows, "s");
        this.strataCode = SparkSurvival.codes(strataLevels);
        if (c.weight() != null) {
            Row bad = rows.agg(sum(when(col("w").lt(0).or(col("w").notEqual(floor(col("w")))), 1).otherwise(0)))
                    .first();
            if (!bad.isNullAt(0) && bad.getLong(0) > 0) {
                throw new IllegalArgumentException("the weight column '" + c.weight() + "' has " + bad.getLong(0)
                        + " values that are not whole numbers >= 0; the Spark engine takes frequency weights only"
                        + " (a robust variance for other weights needs every row's residual)");
            }
        }
    }

    /** The strata's labels in level order (one empty label without strata). */
    List<String> strataLevels() {
        return strataLevels;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    private Column x(int j) {
        return col("x" + j);
    }

    @Override
    public CoxColumnSums columnSums() {
        List<Column> aggs = new ArrayList<>();
        aggs.add(sum(col("e")));
        aggs.add(sum(col("w")));
        for (int j = 0; j < p; j++) {
            aggs.add(sum(col("w").multiply(x(j))));
            aggs.add(max(when(x(j).isin(-1.0, 0.0, 1.0), lit(0)).otherwise(lit(1))));
        }
        Row r = rows.agg(count(lit(1)), aggs.toArray(new Column[0])).first();
        long n = r.getLong(0);
        double[] weighted = new double[p];
        boolean[] beyond = new boolean[p];
        for (int j = 0; j < p; j++) {
            weighted[j] = n == 0 ? 0 : r.getDouble(3 + 2 * j);
            beyond[j] = n > 0 && r.getInt(4 + 2 * j) == 1;
        }
        return new CoxColumnSums(n, n == 0 ? 0 : Math.round(r.getDouble(1)), n == 0 ? 0 : r.getDouble(2), weighted,
                beyond);
    }

    @Override
    public double[] absoluteDeviations(double[] centre) {
        if (p == 0) {
            return new double[0];
        }
        Column[] aggs = new Column[p];
        for (int j = 0; j < p; j++) {
            aggs[j] = sum(col("w").multiply(abs(x(j).minus(lit(centre[j])))));
        }
        Row r = rows.agg(aggs[0], Arrays.copyOfRange(aggs, 1, p)).first();
        double[] a = new double[p];
        for (int j = 0; j < p; j++) {
            a[j] = r.isNullAt(j) ? 0 : r.getDouble(j);
        }
        return a;
    }

    @Override
    public CoxRiskSetSums riskSetSums(double[] centre, double[] factor, double[] beta) {
        Column[] xc = new Column[p];
        Column eta = lit(0.0);
        for (int j = 0; j < p; j++) {
            xc[j] = x(j).minus(lit(centre[j])).multiply(lit(factor[j]));
            eta = eta.plus(lit(beta[j]).multiply(col("c" + j)));
        }
        List<Column> proj = new ArrayList<>(List.of(col("s"), col("t"), col("e"), col("w")));
        for (int j = 0; j < p; j++) {
            proj.add(xc[j].as("c" + j));
        }
        Dataset<Row> scored = rows.select(proj.toArray(new Column[0]));
        scored = scored.withColumn("eta", eta).withColumn("r", col("w").multiply(exp(col("eta"))));
        List<Column> aggs = new ArrayList<>();
        aggs.add(sum(col("r")));
        for (int j = 0; j < p; j++) {
            aggs.add(sum(col("r").multiply(col("c" + j))));
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                aggs.add(sum(col("r").multiply(col("c" + a)).multiply(col("c" + b))));
            }
        }
        aggs.add(count(lit(1)));
        aggs.add(sum(col("w")));
        aggs.add(sum(col("w").multiply(col("eta"))));
        for (int j = 0; j < p; j++) {
            aggs.add(sum(col("w").multiply(col("c" + j))));
        }
        Dataset<Row> cells = scored.groupBy(col("s"), col("t"), col("e"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
        return collect(cells);
    }

    /** Streams the cells to the driver into the layout of {@link CoxRiskSetSums}. */
    private CoxRiskSetSums collect(Dataset<Row> cells) {
        int rs = CoxRiskSetSums.riskStride(p);
        int ds = CoxRiskSetSums.deadStride(p);
        int cap = 1024;
        int[] stratum = new int[cap];
        double[] time = new double[cap];
        double[] cens = new double[cap * rs];
        double[] dead = new double[cap * rs];
        double[] tot = new double[cap * ds];
        int m = 0;
        Iterator<Row> it = cells.toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            if (m == time.length) {
                cap *= 2;
                stratum = Arrays.copyOf(stratum, cap);
                time = Arrays.copyOf(time, cap);
                cens = Arrays.copyOf(cens, cap * rs);
                dead = Arrays.copyOf(dead, cap * rs);
                tot = Arrays.copyOf(tot, cap * ds);
            }
            stratum[m] = strataCode.get(r.getString(0));
            time[m] = r.getDouble(1);
            boolean died = r.getDouble(2) == 1;
            double[] target = died ? dead : cens;
            for (int q = 0; q < rs; q++) {
                target[m * rs + q] = r.getDouble(3 + q);
            }
            if (died) {
                tot[m * ds] = r.getLong(3 + rs);
                for (int q = 1; q < ds; q++) {
                    tot[m * ds + q] = r.getDouble(3 + rs + q);
                }
            }
            m++;
        }
        return new CoxRiskSetSums(p, Arrays.copyOf(stratum, m), Arrays.copyOf(time, m),
                Arrays.copyOf(cens, m * rs), Arrays.copyOf(dead, m * rs), Arrays.copyOf(tot, m * ds));
    }

    @Override
    public void close() {
        rows.unpersist();
    }
}

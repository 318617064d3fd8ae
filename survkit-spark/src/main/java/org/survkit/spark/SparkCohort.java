package org.survkit.spark;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.survkit.cli.output.Numbers;
import org.survkit.io.Exclusion;
import org.survkit.io.MissingCodes;

/**
 * The rows an analysis uses, left as the command line's reader and cohort leave them, in Spark SQL: a row with a
 * missing value in a column used is excluded under the first reason that applies, in the reader's order (time,
 * event, group, stratum, covariates, weight) and with its words ({@code missing group (column 'ph.ecog')}); then
 * the landmark keeps the rows followed beyond it and measures their time from it ({@code Cohort.landmark}); then
 * the horizon censors the follow-up there ({@code Cohort.horizon}: time {@code min(t, h)}, an event only at or
 * before h; for competing risks the status becomes the censor code beyond h).
 *
 * <p>The rows keep every column of the data and get two more: {@link #TIME} (a double, the landmark and horizon
 * applied) and {@link #STATUS} (1/0 for event/censored, or for competing risks the status code as a double). The
 * counts per reason are one aggregation. The first line numbers of each reason (as the local summary prints them)
 * are computed for a single CSV/TSV file only, in one more job over the rows' order in the file: line = 2 + the
 * row's index (the header is line 1), exact for files without blank lines or line breaks inside quoted cells.
 * Other sources (Parquet, folders) have no line numbers and the summary lists the counts only.
 */
final class SparkCohort {
    static final String TIME = "__survkit_time";
    static final String STATUS = "__survkit_status";
    private static final String REASON = "__survkit_reason";
    private static final String BEYOND = "__survkit_beyond";
    private static final int FIRST_LINES = 5;

    /** A column used and the reader's word for a row without it ({@code time}, {@code group}, …). */
    record Slot(String word, String column) {
    }

    /**
     * The rows analysed and the account of the others.
     *
     * @param rows     the rows analysed, with {@link #TIME} and {@link #STATUS}
     * @param read     rows read
     * @param excluded the reasons, in the reader's order, each with its count and first lines
     * @param tagged   every row read, in the source's order, with the reason it is left out (0: analysed)
     * @param source   DATA as given
     */
    record Rows(Dataset<Row> rows, long read, List<Exclusion> excluded, Dataset<Row> tagged, String source) {
        long analysed() {
            return read - excluded.stream().mapToLong(Exclusion::count).sum();
        }

        /** The columns of the analysis on these rows: {@link #TIME}, {@link #STATUS} (events are 1). */
        SurvivalColumns columns(String group, String strata, String weight) {
            return new SurvivalColumns(TIME, STATUS, 1, group, strata, weight);
        }

        /**
         * For competing risks: the rows with their status codes ({@link #STATUS} as the code, a double), the
         * horizon applied (beyond it the censor code, as {@code Cohort.horizon} and the local cif).
         *
         * @param code       the code of a row, from its status as read ({@link #STATUS} before this call)
         * @param censorCode the code of censored rows
         */
        Rows withCodes(Column code, double censorCode) {
            Dataset<Row> coded = rows.withColumn(STATUS, when(functions.col(BEYOND), lit(censorCode))
                    .otherwise(code)).drop(BEYOND);
            return new Rows(coded, read, excluded, tagged, source);
        }

        /**
         * The first row analysed, in the source's order, where a condition holds, and where it is as the reader
         * says it: {@code line N} in a single CSV/TSV file (2 + the row's index, as the line numbers of excluded
         * rows), else {@code row N} (1 + the index). One job; for messages only.
         *
         * @param condition a condition on the columns of the data
         * @param value     what to report of that row
         * @return the value and the place, or null when no row analysed meets the condition
         */
        String[] first(Column condition, Column value) {
            List<scala.Tuple2<Row, Long>> hit = tagged.select(functions.col(REASON), condition.as("c"), value.cast("string").as("v"))
                    .javaRDD().zipWithIndex().filter(p -> p._1().getInt(0) == 0 && !p._1().isNullAt(1) && p._1().getBoolean(1)).take(1);
            if (hit.isEmpty()) {
                return null;
            }
            long i = hit.get(0)._2();
            return new String[] {hit.get(0)._1().getString(2), singleTextFile(source) ? "line " + (i + 2)
                    : "row " + (i + 1)};
        }
    }

    private SparkCohort() {
    }

    /**
     * @param source     DATA as given (line numbers for a single CSV/TSV file)
     * @param slots      the columns used, in the reader's order of reasons
     * @param time       the time column
     * @param event      whether a row is an event, or null for competing risks (then {@link #STATUS} is the status
     *                   column as read, to be coded with {@link Rows#withCodes})
     * @param status     the status column for competing risks (null otherwise)
     * @param landmark   the landmark, or null
     * @param horizon    the horizon, or NaN
     */
    static Rows of(Dataset<Row> data, String source, List<Slot> slots, String time, Column event, String status,
            Double landmark, double horizon) {
        Column reason = lit(0);
        for (int k = slots.size() - 1; k >= 0; k--) {
            reason = when(missing(data, slots.get(k).column()), lit(k + 1)).otherwise(reason);
        }
        Column t = SparkSurvival.column(time).cast("double");
        int landmarkReason = slots.size() + 1;
        if (landmark != null) {
            reason = when(reason.equalTo(0).and(t.leq(landmark)), lit(landmarkReason)).otherwise(reason);
        }
        Dataset<Row> tagged = data.withColumn(REASON, reason);
        long[] counts = new long[landmarkReason + 1];
        for (Row r : tagged.groupBy(REASON).count().collectAsList()) {
            counts[r.getInt(0)] = r.getLong(1);
        }
        long read = Arrays.stream(counts).sum();
        List<List<Integer>> lines = firstLines(tagged, source, counts);
        List<Exclusion> excluded = new ArrayList<>();
        for (int k = 1; k <= landmarkReason; k++) {
            if (counts[k] == 0) {
                continue;
            }
            String column = k <= slots.size() ? slots.get(k - 1).column() : null;
            String why = column != null ? "missing " + slots.get(k - 1).word() + " (column '" + column + "')"
                    : "event or censoring at or before the landmark " + Numbers.code(landmark);
            excluded.add(new Exclusion(why, column, Math.toIntExact(counts[k]), lines.get(k)));
        }
        Column followUp = landmark == null ? t : t.minus(landmark);
        Column cut = Double.isNaN(horizon) ? followUp : functions.least(followUp, lit(horizon));
        Column beyond = Double.isNaN(horizon) ? lit(false) : followUp.gt(horizon);
        Dataset<Row> rows = tagged.filter(functions.col(REASON).equalTo(0)).withColumn(TIME, cut);
        if (event != null) {
            rows = rows.withColumn(STATUS, when(event.and(functions.not(beyond)), lit(1.0)).otherwise(lit(0.0)));
        } else {
            rows = rows.withColumn(STATUS, SparkSurvival.column(status)).withColumn(BEYOND, beyond);
        }
        return new Rows(rows.drop(REASON), read, excluded, tagged, source);
    }

    /**
     * Null, NaN in a numeric column, or in a text column one of the codes the in-memory reader always reads as
     * missing ({@link MissingCodes#DEFAULTS}: empty, {@code NA}, {@code .}, trimmed): missing, as for the reader —
     * else an {@code NA} in a status column would be a cause word on Spark and missing in memory.
     */
    static Column missing(Dataset<Row> data, String name) {
        Column c = SparkSurvival.column(name);
        Column m = c.isNull();
        if (data.schema().apply(name).dataType() instanceof NumericType) {
            m = m.or(functions.isnan(c.cast("double")));
        } else if (data.schema().apply(name).dataType() instanceof StringType) {
            m = m.or(functions.trim(c).isin(MissingCodes.DEFAULTS.toArray()));
        }
        return m;
    }

    /** The first lines per reason (index = reason), for a single CSV/TSV file; empty lists otherwise. */
    private static List<List<Integer>> firstLines(Dataset<Row> tagged, String source, long[] counts) {
        List<List<Integer>> out = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            out.add(List.of());
        }
        if (!singleTextFile(source) || Arrays.stream(counts).skip(1).allMatch(n -> n == 0)) {
            return out;
        }
        JavaRDD<Integer> reasons = tagged.select(REASON).javaRDD().map(r -> r.getInt(0));
        FirstIndexes first = reasons.zipWithIndex().filter(p -> p._1() > 0)
                .aggregate(new FirstIndexes(counts.length), FirstIndexes::add, FirstIndexes::merge);
        for (int k = 1; k < counts.length; k++) {
            List<Integer> l = new ArrayList<>();
            for (long i : first.smallest(k)) {
                l.add(Math.toIntExact(i + 2));
            }
            out.set(k, l);
        }
        return out;
    }

    /** Whether DATA is a single CSV/TSV file, whose rows have line numbers (2 + the row's index). */
    private static boolean singleTextFile(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return (s.endsWith(".csv") || s.endsWith(".tsv") || s.endsWith(".txt")) && new java.io.File(source).isFile();
    }

    /** The smallest row indexes per reason (at most {@value #FIRST_LINES} each). */
    static final class FirstIndexes implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long[][] index;
        private final int[] size;

        FirstIndexes(int reasons) {
            index = new long[reasons][FIRST_LINES];
            size = new int[reasons];
        }

        FirstIndexes add(scala.Tuple2<Integer, Long> row) {
            put(row._1(), row._2());
            return this;
        }

        FirstIndexes merge(FirstIndexes other) {
            for (int k = 0; k < size.length; k++) {
                for (int j = 0; j < other.size[k]; j++) {
                    put(k, other.index[k][j]);
                }
            }
            return this;
        }

        private void put(int k, long i) {
            long[] a = index[k];
            int n = size[k];
            if (n == FIRST_LINES && i >= a[n - 1]) {
                return;
            }
            int at = n == FIRST_LINES ? n - 1 : n;
            while (at > 0 && a[at - 1] > i) {
                a[at] = a[at - 1];
                at--;
            }
            a[at] = i;
            size[k] = Math.min(FIRST_LINES, n + 1);
        }

        long[] smallest(int k) {
            return Arrays.copyOf(index[k], size[k]);
        }
    }
}

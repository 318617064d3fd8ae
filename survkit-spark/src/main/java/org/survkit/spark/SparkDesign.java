package org.survkit.spark;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.survkit.cli.output.Numbers;
import org.survkit.stats.model.Factor;
import org.survkit.study.key.StudyKeys.Flags;

/**
 * A model's terms as numeric columns of the rows, as the study model's {@code ModelFrame} codes them in memory: a
 * numeric column is its own column; a text column, or a column named in --categorical, is a factor coded by one 0/1
 * indicator column per level but the reference, named {@code COL=LEVEL}. The levels are the column's values in the
 * rows read (numbers written as the reader writes them: {@code 1}, not {@code 1.0}) in {@link Factor#LEVEL_ORDER};
 * the reference is the one given with --reference, else the first level present in the rows analysed. One
 * {@code distinct} job per factor (over the rows read and over the rows analysed); the indicators are Spark
 * expressions, computed where the rows are.
 *
 * @param rows        the rows with the indicator columns added
 * @param columnNames the design's columns, in term order
 * @param assign      the term of each column
 * @param termLabels  the terms
 */
record SparkDesign(Dataset<Row> rows, List<String> columnNames, int[] assign, List<String> termLabels) {

    /** {@return the data columns of the terms, for the missing-value reasons} */
    static List<String> columns(List<String> terms) {
        return terms.stream().map(String::trim).toList();
    }

    /**
     * @param data        the rows read (for the levels)
     * @param rows        the rows analysed
     * @param terms       --covariates
     * @param categorical --categorical
     * @param reference   --reference, column to level
     */
    static SparkDesign of(Dataset<Row> data, Dataset<Row> rows, List<String> terms, List<String> categorical,
            Map<String, String> reference) {
        List<String> names = columns(terms);
        for (String r : reference.keySet()) {
            if (!names.contains(r)) {
                throw new IllegalArgumentException(Flags.REFERENCE + ": '" + r + "' is not among the model's columns ("
                        + String.join(", ", names) + "); give the reference level of one of them.");
            }
        }
        Dataset<Row> out = rows;
        List<String> columnNames = new ArrayList<>();
        List<Integer> assign = new ArrayList<>();
        for (int t = 0; t < names.size(); t++) {
            String name = names.get(t);
            boolean numeric = data.schema().apply(name).dataType() instanceof NumericType;
            if (numeric && !categorical.contains(name)) {
                if (reference.containsKey(name)) {
                    throw new IllegalArgumentException(Flags.REFERENCE + ": '" + name + "' is numeric, so it has no"
                            + " reference level; add it to " + Flags.CATEGORICAL + " to treat it as a factor.");
                }
                columnNames.add(name);
                assign.add(t);
                continue;
            }
            Map<String, Object> levels = levels(data, name);
            List<String> lv = new ArrayList<>(levels.keySet());
            lv.sort(Factor.LEVEL_ORDER);
            String ref = reference.get(name);
            if (ref != null && !lv.contains(ref)) {
                throw new IllegalArgumentException(Flags.REFERENCE + ": '" + ref + "' is not a value of '" + name
                        + "'; its values are " + String.join(", ", lv) + ".");
            }
            if (ref == null) {
                Set<String> present = levels(rows, name).keySet();
                ref = lv.stream().filter(present::contains).findFirst().orElse(lv.get(0));
            }
            for (String level : lv) {
                if (level.equals(ref)) {
                    continue;
                }
                String column = name + "=" + level;
                Column x = SparkSurvival.column(name);
                out = out.withColumn(column, when(x.equalTo(lit(levels.get(level))), lit(1.0)).otherwise(lit(0.0)));
                columnNames.add(column);
                assign.add(t);
            }
        }
        return new SparkDesign(out, List.copyOf(columnNames), assign.stream().mapToInt(Integer::intValue).toArray(),
                names);
    }

    /** The column's distinct values (nulls and NaN left out), by their label as the reader writes them. */
    private static Map<String, Object> levels(Dataset<Row> data, String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Row r : data.select(SparkSurvival.column(name)).distinct().collectAsList()) {
            Object v = r.get(0);
            if (v == null || v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN()) {
                continue;
            }
            String label = v instanceof Number n ? Numbers.code(n.doubleValue()) : v.toString();
            if (seen.add(label)) {
                out.put(label, v);
            }
        }
        return out;
    }
}

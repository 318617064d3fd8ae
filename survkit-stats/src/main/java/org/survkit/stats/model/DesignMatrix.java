package org.survkit.stats.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The numeric model matrix of a regression (R {@code model.matrix} without intercept), by column.
 * Built by {@link DesignMatrixBuilder}. The column arrays are not copied (a registry-size matrix
 * is hundreds of megabytes): do not modify them.
 *
 * @param columnNames  one name per column, e.g. {@code age}, {@code stage=II}, {@code stage=II:age}
 * @param assign       for each column, the index of the term it belongs to in {@code termLabels}
 * @param termLabels   the terms as the user wrote them, e.g. {@code age}, {@code stage}, {@code stage:age}
 * @param columns      the values: {@code columns[j][i]} is column j of observation i
 */
public record DesignMatrix(List<String> columnNames, int[] assign, List<String> termLabels, double[][] columns) {

    public DesignMatrix {
        columnNames = List.copyOf(columnNames);
        termLabels = List.copyOf(termLabels);
        assign = assign.clone();
        Objects.requireNonNull(columns, "columns");
        if (columnNames.size() != columns.length || assign.length != columns.length) {
            throw new IllegalArgumentException("design matrix: names, assign and columns differ in length");
        }
        int n = columns.length == 0 ? 0 : columns[0].length;
        for (double[] c : columns) {
            if (c.length != n) {
                throw new IllegalArgumentException("design matrix columns must have equal length");
            }
        }
    }

    /** Number of observations. */
    public int rows() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    /** Number of columns. */
    public int width() {
        return columns.length;
    }

    /** The columns belonging to term t. */
    public int[] columnsOfTerm(int t) {
        return java.util.stream.IntStream.range(0, assign.length).filter(j -> assign[j] == t).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DesignMatrix d && columnNames.equals(d.columnNames) && Arrays.equals(assign, d.assign)
                && termLabels.equals(d.termLabels) && Arrays.deepEquals(columns, d.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columnNames, termLabels, Arrays.hashCode(assign));
    }

    @Override
    public String toString() {
        return "DesignMatrix" + columnNames + " rows=" + rows();
    }
}

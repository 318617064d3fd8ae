package org.survkit.stats.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link DesignMatrix} from named columns and model terms, as R's {@code model.matrix}
 * with treatment contrasts and no intercept.
 *
 * <ul>
 * <li>A numeric column is one column with its name.</li>
 * <li>A categorical column with levels L₁ (the reference) … L_k becomes k − 1 indicator columns
 * named {@code name=L_j}. Levels are in {@link Factor} order (numbers numerically, text
 * lexicographically) with the first as reference unless another is chosen. A level listed but
 * absent from the data gives an all-zero column, which the fit reports as aliased (as R does for
 * an unused factor level).</li>
 * <li>An interaction {@code a:b} is the product of every column of {@code a} with every column
 * of {@code b}, named {@code a-column:b-column} (the first term varying fastest, as R).
 * Interactions are coded as if the main effects are in the model.</li>
 * </ul>
 */
public final class DesignMatrixBuilder {
    private final int n;
    private final Map<String, Object> variables = new LinkedHashMap<>();

    private DesignMatrixBuilder(int n) {
        this.n = n;
    }

    /** A builder for {@code n} observations. */
    public static DesignMatrixBuilder of(int n) {
        return new DesignMatrixBuilder(n);
    }

    /** Adds a numeric variable. */
    public DesignMatrixBuilder numeric(String name, double[] values) {
        check(name, values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("covariate '" + name + "' of observation " + (i + 1)
                        + " is not a finite number: " + values[i]);
            }
        }
        variables.put(name, values);
        return this;
    }

    /** Adds a categorical variable with levels from the data and the first level as reference. */
    public DesignMatrixBuilder categorical(String name, String[] values) {
        return categorical(name, values, null, null);
    }

    /**
     * Adds a categorical variable.
     *
     * @param levels    all levels in order (may include levels absent from the data), or null for the
     *                  levels present, in {@link Factor} order
     * @param reference the reference level, or null for the first
     */
    public DesignMatrixBuilder categorical(String name, String[] values, List<String> levels, String reference) {
        check(name, values.length);
        Factor f = Factor.of(values);
        List<String> lv = new ArrayList<>(levels == null ? f.levels() : levels);
        for (String present : f.levels()) {
            if (!lv.contains(present)) {
                throw new IllegalArgumentException("value '" + present + "' of '" + name + "' is not among its levels " + lv);
            }
        }
        if (reference != null) {
            if (!lv.remove(reference)) {
                throw new IllegalArgumentException("reference level '" + reference + "' of '" + name
                        + "' does not occur; levels: " + String.join(", ", lv));
            }
            lv.add(0, reference);
        }
        variables.put(name, new Categorical(values, List.copyOf(lv)));
        return this;
    }

    private void check(String name, int length) {
        if (length != n) {
            throw new IllegalArgumentException("covariate '" + name + "' has " + length + " values, expected " + n);
        }
        if (name.contains(":")) {
            throw new IllegalArgumentException("a variable name cannot contain ':' (" + name + ")");
        }
    }

    private record Categorical(String[] values, List<String> levels) {
    }

    /** Columns of one variable: names and values. */
    private record Block(List<String> names, List<double[]> values) {
    }

    /**
     * Builds the matrix for the terms.
     *
     * @param terms variable names and interactions such as {@code a:b}, in model order
     * @throws IllegalArgumentException for an unknown variable or a repeated term
     */
    public DesignMatrix build(List<String> terms) {
        List<String> names = new ArrayList<>();
        List<Integer> assign = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String term : terms) {
            String label = term.trim();
            if (labels.contains(label)) {
                throw new IllegalArgumentException("term '" + label + "' appears twice");
            }
            Block block = null;
            for (String part : label.split(":")) {
                Block b = block(part.trim());
                block = block == null ? b : product(block, b);
            }
            int t = labels.size();
            labels.add(label);
            for (int j = 0; j < block.names().size(); j++) {
                names.add(block.names().get(j));
                assign.add(t);
                cols.add(block.values().get(j));
            }
        }
        return new DesignMatrix(names, assign.stream().mapToInt(Integer::intValue).toArray(), labels,
                cols.toArray(new double[0][]));
    }

    private Block block(String name) {
        Object v = variables.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown covariate '" + name + "'; known: " + variables.keySet());
        }
        if (v instanceof double[] d) {
            return new Block(List.of(name), List.of(d));
        }
        Categorical c = (Categorical) v;
        List<String> names = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int l = 1; l < c.levels().size(); l++) {
            String level = c.levels().get(l);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                if (level.equals(c.values()[i])) {
                    x[i] = 1;
                }
            }
            names.add(name + "=" + level);
            values.add(x);
        }
        return new Block(names, values);
    }

    private Block product(Block a, Block b) {
        List<String> names = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int jb = 0; jb < b.names().size(); jb++) {
            for (int ja = 0; ja < a.names().size(); ja++) {
                double[] x = new double[n];
                double[] xa = a.values().get(ja);
                double[] xb = b.values().get(jb);
                for (int i = 0; i < n; i++) {
                    x[i] = xa[i] * xb[i];
                }
                names.add(a.names().get(ja) + ":" + b.names().get(jb));
                values.add(x);
            }
        }
        return new Block(names, values);
    }
}

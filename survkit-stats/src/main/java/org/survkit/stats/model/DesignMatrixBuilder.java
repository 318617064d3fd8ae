package org.survkit.stats.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link DesignMatrix} from named columns and model terms, as R's {@code model.matrix}
 * with treatment contrasts for a model with an intercept, the intercept column then dropped (as
 * {@code coxph} does, and as a {@code crr} covariate matrix is made from {@code model.matrix(...)[, -1]}).
 *
 * <ul>
 * <li>A numeric column is one column with its name.</li>
 * <li>A categorical column with levels L₁ (the reference) … L_k becomes k − 1 indicator columns
 * named {@code name=L_j}. Levels are in {@link Factor} order (numbers numerically, text
 * lexicographically) with the first as reference unless another is chosen. A level listed but
 * absent from the data gives an all-zero column, which the fit reports as aliased (as R does for
 * an unused factor level).</li>
 * <li>An interaction {@code a:b} is the product of every column of {@code a} with every column
 * of {@code b}, named {@code a-column:b-column} (the first variable varying fastest, as R). A factor
 * in an interaction whose other variables are not a term of the model is coded by indicators of
 * all its levels ({@code age:sex} alone: {@code age:sex=1, age:sex=2}), as R's {@code model.matrix}
 * does: see {@link #build(List)}.</li>
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
        // 0·v is 0 (or −0) for a finite v and NaN for an infinite or NaN one: one multiply-add per value, no branch;
        // the row is looked for only when there is one
        double probe = 0;
        for (double v : values) {
            probe += v * 0;
        }
        if (probe != 0) {
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("covariate '" + name + "' of observation " + (i + 1)
                            + " is not a finite number: " + values[i]);
                }
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
        return categorical(name, Factor.of(values), levels, reference);
    }

    /**
     * Adds a categorical variable already coded ({@link Factor#of}, e.g. once for this and for other uses of its
     * levels).
     *
     * @param levels    all levels in order (may include levels absent from the data), or null for the factor's
     * @param reference the reference level, or null for the first
     */
    public DesignMatrixBuilder categorical(String name, Factor f, List<String> levels, String reference) {
        check(name, f.codes().length);
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
        // each row's position among the levels in their final order
        int[] position = new int[f.levels().size()];
        for (int code = 0; code < position.length; code++) {
            position[code] = lv.indexOf(f.levels().get(code));
        }
        int[] rows = new int[n];
        int[] codes = f.codes();
        for (int i = 0; i < n; i++) {
            rows[i] = position[codes[i]];
        }
        variables.put(name, new Categorical(rows, List.copyOf(lv)));
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

    /** A factor: each row's position in {@code levels}. */
    private record Categorical(int[] positions, List<String> levels) {
    }

    /** Columns of one variable: names and values. */
    private record Block(List<String> names, List<double[]> values) {
    }

    /**
     * Builds the matrix for the terms, with R's rules for the terms of a formula ({@code terms.formula}) and for
     * coding a factor inside an interaction ({@code model.matrix}; Chambers &amp; Hastie, <i>Statistical Models in
     * S</i>, 1992, p. 38):
     * <ol>
     * <li>The variables are ordered by their first appearance in the terms as written, and the variables of an
     * interaction in that order: {@code sex, age:sex} and {@code sex, sex:age} both give the term {@code sex:age}
     * (R's {@code factor(sex):age}). A term's columns vary its first variable fastest.</li>
     * <li>Terms are sorted by their number of variables, stably (R's {@code keep.order = FALSE}): {@code age:sex, sex}
     * gives {@code sex, age:sex}.</li>
     * <li>A factor in a term is coded by contrasts (k − 1 columns, the reference left out) when the term without it
     * is empty (a main effect: the model has R's intercept, which coxph and crr then drop) or lies inside a
     * preceding term; otherwise by indicators of all its k levels. So {@code age:sex} alone gives
     * {@code age:sex=1, age:sex=2}, while {@code age, age:sex} gives {@code age, age:sex=2}; and in
     * {@code age:sex, age:stage} stage is coded by contrasts because {@code age} lies inside {@code age:sex}
     * (R's subset test, not an equality test).</li>
     * </ol>
     * Indicator columns may be linearly dependent on others (factor × factor without main effects); the fit reports
     * such columns as aliased, as R's coxph gives them NA.
     *
     * @param terms variable names and interactions such as {@code a:b}, in model order
     * @return the matrix; its term labels are the terms as R labels them (rules 1 and 2)
     * @throws IllegalArgumentException for an unknown variable or a repeated term
     */
    public DesignMatrix build(List<String> terms) {
        List<String> order = new ArrayList<>();
        List<List<String>> written = new ArrayList<>();
        for (String term : terms) {
            List<String> parts = new ArrayList<>();
            for (String part : term.trim().split(":")) {
                String v = part.trim();
                if (!variables.containsKey(v)) {
                    throw new IllegalArgumentException("unknown covariate '" + v + "'; known: " + variables.keySet());
                }
                if (parts.contains(v)) {
                    throw new IllegalArgumentException("term '" + term.trim() + "' names '" + v + "' twice");
                }
                parts.add(v);
                if (!order.contains(v)) {
                    order.add(v);
                }
            }
            written.add(parts);
        }
        List<List<String>> sorted = new ArrayList<>();
        for (List<String> parts : written) {
            List<String> vs = new ArrayList<>(parts);
            vs.sort(java.util.Comparator.comparingInt(order::indexOf));
            if (sorted.contains(vs)) {
                throw new IllegalArgumentException("term '" + String.join(":", parts) + "' appears twice");
            }
            sorted.add(vs);
        }
        sorted.sort(java.util.Comparator.comparingInt(List::size)); // stable
        List<String> names = new ArrayList<>();
        List<Integer> assign = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int t = 0; t < sorted.size(); t++) {
            List<String> vs = sorted.get(t);
            Block block = null;
            for (String v : vs) {
                Block b = block(v, byContrasts(vs, v, sorted.subList(0, t)));
                block = block == null ? b : product(block, b);
            }
            labels.add(String.join(":", vs));
            for (int j = 0; j < block.names().size(); j++) {
                names.add(block.names().get(j));
                assign.add(t);
                cols.add(block.values().get(j));
            }
        }
        return new DesignMatrix(names, assign.stream().mapToInt(Integer::intValue).toArray(), labels,
                cols.toArray(new double[0][]));
    }

    /**
     * R's {@code TermCode}: a variable of a term is coded by contrasts when the term without it is empty or is
     * contained in one of the preceding terms, else by indicators.
     */
    static boolean byContrasts(List<String> term, String variable, List<List<String>> preceding) {
        List<String> rest = new ArrayList<>(term);
        rest.remove(variable);
        if (rest.isEmpty()) {
            return true;
        }
        for (List<String> p : preceding) {
            if (p.containsAll(rest)) {
                return true;
            }
        }
        return false;
    }

    /** The columns of one variable: a factor by contrasts (all levels but the reference) or by indicators. */
    private Block block(String name, boolean contrasts) {
        Object v = variables.get(name);
        if (v instanceof double[] d) {
            return new Block(List.of(name), List.of(d));
        }
        Categorical c = (Categorical) v;
        List<String> names = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        int[] positions = c.positions();
        for (int l = contrasts ? 1 : 0; l < c.levels().size(); l++) {
            String level = c.levels().get(l);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                if (positions[i] == l) {
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

package org.survkit.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One covariate column of a {@link Cohort}, row-aligned with the cohort's arrays: numbers, or text for a
 * categorical column.
 *
 * <p>A column is numeric when every non-missing value (in every data row read, as R types a column before
 * {@code na.omit}) is a number with a dot as decimal mark and the column is not listed in
 * {@link CohortSpec#categorical(java.util.List)}; otherwise it is text: the trimmed values, case kept. Building
 * dummy variables (reference level, order of levels) and interaction terms is left to the statistics layer.
 *
 * <p>As in {@link Cohort}, the array is shared, not copied; callers must not modify it. {@link #equals(Object)}
 * and {@link #hashCode()} compare contents.
 *
 * @param name    the column name, as in the header
 * @param numeric the finite values, or null for a text column
 * @param text    the trimmed values, or null for a numeric column
 * @param levels  for a text column, every distinct value seen in any data row read, including rows excluded
 *                for another missing value (R's factor levels before {@code na.omit}; a level present only in
 *                excluded rows becomes an all-zero, aliased column, as in R); null for a numeric column
 */
public record Covariate(String name, double[] numeric, String[] text, java.util.List<String> levels) {

    /**
     * Checks that exactly one of the arrays is given.
     *
     * @param name    the column name
     * @param numeric the values of a numeric column, or null
     * @param text    the values of a text column, or null
     */
    public Covariate {
        Objects.requireNonNull(name, "name");
        if ((numeric == null) == (text == null)) {
            throw new IllegalArgumentException("exactly one of numeric and text must be given for covariate '"
                    + name + "'");
        }
        if (text != null && levels == null) {
            levels = new java.util.ArrayList<>(new java.util.TreeSet<>(Arrays.asList(text)));
        }
        levels = levels == null ? null : java.util.List.copyOf(levels);
    }

    /** A covariate whose levels (for text) are the distinct values present. */
    public Covariate(String name, double[] numeric, String[] text) {
        this(name, numeric, text, null);
    }

    /** {@return true for a numeric column, false for a text (categorical) one} */
    public boolean isNumeric() {
        return numeric != null;
    }

    /** {@return the number of rows} */
    public int size() {
        return numeric != null ? numeric.length : text.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Covariate c && name.equals(c.name) && Arrays.equals(numeric, c.numeric)
                && Arrays.equals(text, c.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(numeric), Arrays.hashCode(text));
    }

    @Override
    public String toString() {
        return "Covariate[name=" + name + ", " + (isNumeric() ? "numeric" : "text") + ", size=" + size() + "]";
    }
}

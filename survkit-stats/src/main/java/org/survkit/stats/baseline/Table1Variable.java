package org.survkit.stats.baseline;

import java.util.List;
import java.util.Objects;

/**
 * One variable of a Table 1: a column of values, one per subject, in the order of the group
 * labels given to {@link Table1}.
 */
public sealed interface Table1Variable {

    /** The variable's name as shown in the table. */
    String name();

    /** A continuous variable; NaN marks a missing value. */
    static Table1Variable continuous(String name, double[] values) {
        return new Continuous(name, values);
    }

    /** A categorical variable with levels in their natural order (numeric when all are numbers); null marks a missing value. */
    static Table1Variable categorical(String name, String[] values) {
        return new Categorical(name, values, null);
    }

    /** A categorical variable with explicit levels (levels without subjects are shown with 0); null marks a missing value. */
    static Table1Variable categorical(String name, String[] values, List<String> levels) {
        return new Categorical(name, values, Objects.requireNonNull(levels, "levels"));
    }

    /**
     * A continuous variable.
     *
     * @param name   name
     * @param values one value per subject, NaN when missing
     */
    record Continuous(String name, double[] values) implements Table1Variable {
        public Continuous {
            Objects.requireNonNull(name, "name");
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        double[] view() {
            return values;
        }
    }

    /**
     * A categorical variable.
     *
     * @param name   name
     * @param values one label per subject, null when missing
     * @param levels the levels in display order, or null for the natural order of the labels seen
     */
    record Categorical(String name, String[] values, List<String> levels) implements Table1Variable {
        public Categorical {
            Objects.requireNonNull(name, "name");
            values = values.clone();
            levels = levels == null ? null : List.copyOf(levels);
        }

        @Override
        public String[] values() {
            return values.clone();
        }

        String[] view() {
            return values;
        }
    }
}

package org.survkit.stats.baseline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.survkit.stats.PercentFormat;

/**
 * The Table 1 summary of a categorical variable in one group (or overall): the count of each level
 * and the denominator of the percentages, which is the number of <em>non-missing</em> values (R
 * {@code prop.table(table(x))}, tableone's default); missing values are counted apart.
 *
 * <pre>
 *   percent(level) = 100 · count(level) / nonMissing
 * </pre>
 * Use {@link PercentFormat#percent(long, long, int)} to print it with correct rounding.
 *
 * @param levels     the levels, in display order
 * @param counts     count per level (same order)
 * @param nonMissing the denominator: Σ counts
 * @param missing    values that are missing (not in any level)
 */
public record CategoricalSummary(List<String> levels, int[] counts, int nonMissing, int missing) {

    public CategoricalSummary {
        levels = List.copyOf(levels);
        counts = counts.clone();
        if (counts.length != levels.size()) {
            throw new IllegalArgumentException(counts.length + " counts for " + levels.size() + " levels");
        }
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** Count of the level at position {@code i}. */
    public int count(int i) {
        return counts[i];
    }

    /** Count of a named level. */
    public int count(String level) {
        return counts[indexOf(level)];
    }

    /** 100 · count / nonMissing of the level at position {@code i}; NaN when nothing is non-missing. */
    public double percent(int i) {
        return nonMissing == 0 ? Double.NaN : 100.0 * counts[i] / nonMissing;
    }

    /** Percentage of a named level. */
    public double percent(String level) {
        return percent(indexOf(level));
    }

    private int indexOf(String level) {
        int i = levels.indexOf(Objects.requireNonNull(level, "level"));
        if (i < 0) {
            throw new IllegalArgumentException("unknown level '" + level + "'; levels are " + levels);
        }
        return i;
    }

    /**
     * Counts values into levels; null marks a missing value.
     *
     * @throws IllegalArgumentException if a non-null value is not one of the levels
     */
    public static CategoricalSummary of(String[] values, List<String> levels) {
        int[] c = new int[levels.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        int missing = 0;
        for (String v : values) {
            if (v == null) {
                missing++;
                continue;
            }
            Integer k = index.get(v);
            if (k == null) {
                throw new IllegalArgumentException("value '" + v + "' is not one of the levels " + levels);
            }
            c[k]++;
        }
        return new CategoricalSummary(levels, c, Arrays.stream(c).sum(), missing);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalSummary s && levels.equals(s.levels) && Arrays.equals(counts, s.counts)
                && nonMissing == s.nonMissing && missing == s.missing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(levels, Arrays.hashCode(counts), nonMissing, missing);
    }

    @Override
    public String toString() {
        return "CategoricalSummary" + levels + Arrays.toString(counts) + " n=" + nonMissing + " missing=" + missing;
    }
}

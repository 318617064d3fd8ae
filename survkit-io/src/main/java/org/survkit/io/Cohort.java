package org.survkit.io;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The analysable rows of an imported table, as parallel arrays in file order (ties are not merged here).
 *
 * <p><b>Arrays are shared, not copied</b>, because a cohort may hold 10<sup>7</sup> rows: the constructor keeps
 * the arrays it is given and the accessors return them as they are. Callers must not modify them.
 * {@link #equals(Object)} and {@link #hashCode()} compare array contents.
 *
 * @param source       the file the rows came from, as given to the reader
 * @param time         follow-up time per row, finite and ≥ 0 (in the file's unit, or in the
 *                     {@link TimeUnit} when computed from dates)
 * @param event        true where the event happened, false where the row is censored
 * @param group        trimmed group label per row, or null when no group column was chosen
 * @param strata       trimmed stratum label per row, or null when no strata column was chosen
 * @param line         the source line (text files: physical line where the record starts; Excel: the 1-based
 *                     sheet row, header = row 1 when it is the first row) of each row
 * @param rowsRead     data rows read from the file (header and blank lines not counted)
 * @param exclusions   rows left out, per reason; their counts add up to {@code rowsRead - size()}
 * @param warnings     things the user should know that did not stop the import (one sentence set each)
 */
public record Cohort(String source, double[] time, boolean[] event, String[] group, String[] strata, int[] line,
                     int rowsRead, List<Exclusion> exclusions, List<String> warnings) {

    /**
     * Checks that the arrays line up and the exclusions account for every row read; copies the lists, keeps the
     * arrays.
     *
     * @param source     the file the rows came from
     * @param time       follow-up times
     * @param event      event indicators
     * @param group      group labels, or null
     * @param strata     stratum labels, or null
     * @param line       source lines
     * @param rowsRead   data rows read
     * @param exclusions rows left out, per reason
     * @param warnings   warnings for the user
     */
    public Cohort {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(line, "line");
        int n = time.length;
        if (event.length != n || line.length != n || group != null && group.length != n
                || strata != null && strata.length != n) {
            throw new IllegalArgumentException("time, event, group, strata and line must have the same length");
        }
        exclusions = List.copyOf(exclusions);
        warnings = List.copyOf(warnings);
        int excluded = exclusions.stream().mapToInt(Exclusion::count).sum();
        if (rowsRead != n + excluded) {
            throw new IllegalArgumentException("rowsRead (" + rowsRead + ") must equal size (" + n
                    + ") plus excluded rows (" + excluded + ")");
        }
    }

    /**
     * Returns the number of analysable rows.
     *
     * @return the length of the arrays
     */
    public int size() {
        return time.length;
    }

    /**
     * Returns the number of rows read but left out of the analysis.
     *
     * @return {@code rowsRead() - size()}
     */
    public int rowsExcluded() {
        return rowsRead - time.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cohort c && source.equals(c.source) && rowsRead == c.rowsRead
                && Arrays.equals(time, c.time) && Arrays.equals(event, c.event) && Arrays.equals(group, c.group)
                && Arrays.equals(strata, c.strata) && Arrays.equals(line, c.line)
                && exclusions.equals(c.exclusions) && warnings.equals(c.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, rowsRead, Arrays.hashCode(time), Arrays.hashCode(event),
                Arrays.hashCode(group), Arrays.hashCode(strata), Arrays.hashCode(line), exclusions, warnings);
    }

    @Override
    public String toString() {
        return "Cohort[source=" + source + ", size=" + size() + ", rowsRead=" + rowsRead + ", group="
                + (group != null) + ", strata=" + (strata != null) + ", exclusions=" + exclusions + ", warnings="
                + warnings + "]";
    }
}

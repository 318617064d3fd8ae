package org.survkit.io;

import java.util.List;
import java.util.Objects;

/**
 * Rows left out of the analysis for one reason.
 *
 * <p>Each excluded row is counted once, under the first reason that applies in the order time (or start date,
 * end date), start time, event, group, strata, covariates (in the order of {@link CohortSpec#covariateColumns()}),
 * weight, cluster.
 *
 * @param reason     what was wrong, e.g. {@code missing time (column 'time')}
 * @param column     the column concerned, as named in the header (null when the reason is not about one column, e.g. a landmark)
 * @param count      how many rows were excluded for this reason
 * @param firstLines the source line numbers (text files) or row numbers (Excel) of the first excluded rows,
 *                   at most 5, in file order
 */
public record Exclusion(String reason, String column, int count, List<Integer> firstLines) {

    /**
     * Validates and copies the line list.
     *
     * @param reason     what was wrong
     * @param column     the column concerned (null when the reason is not about one column, e.g. a landmark)
     * @param count      how many rows, at least 1
     * @param firstLines the first lines, at most 5
     */
    public Exclusion {
        Objects.requireNonNull(reason, "reason");

        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        firstLines = List.copyOf(firstLines);
    }
}

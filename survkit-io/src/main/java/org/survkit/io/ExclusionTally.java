package org.survkit.io;

import java.util.ArrayList;
import java.util.List;

/** Counts excluded rows per reason and keeps the first five line numbers of each. */
final class ExclusionTally {

    private static final int SHOWN = 5;

    private final List<String> reasons = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();
    private final List<List<Integer>> lines = new ArrayList<>();
    private final List<int[]> counts = new ArrayList<>();

    /**
     * Declares a reason; reasons are reported in the order declared.
     *
     * @param reason the reason text, e.g. {@code missing time (column 'time')}
     * @param column the column concerned
     * @return the reason's index for {@link #exclude}
     */
    int reason(String reason, String column) {
        reasons.add(reason);
        columns.add(column);
        lines.add(new ArrayList<>(SHOWN));
        counts.add(new int[1]);
        return reasons.size() - 1;
    }

    /**
     * Counts one excluded row.
     *
     * @param reason the index returned by {@link #reason}
     * @param line   the row's line
     */
    void exclude(int reason, int line) {
        counts.get(reason)[0]++;
        List<Integer> first = lines.get(reason);
        if (first.size() < SHOWN) {
            first.add(line);
        }
    }

    /** {@return the exclusions with a count above zero, in declaration order} */
    List<Exclusion> exclusions() {
        List<Exclusion> out = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            int count = counts.get(i)[0];
            if (count > 0) {
                out.add(new Exclusion(reasons.get(i), columns.get(i), count, lines.get(i)));
            }
        }
        return out;
    }
}

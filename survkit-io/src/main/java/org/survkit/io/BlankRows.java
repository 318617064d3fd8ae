package org.survkit.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps track of blank lines (or rows) between the header and the data. Blank lines after the last data row are
 * harmless and forgotten; blank lines with data after them were skipped and are reported in one warning.
 */
final class BlankRows {

    private static final int SHOWN = 5;

    private final List<Integer> shown = new ArrayList<>();
    private long interior;
    private int pendingFirst = -1;
    private long pendingCount;

    /**
     * Records a blank line.
     *
     * @param line its number
     */
    void blank(int line) {
        blankRange(line, line);
    }

    /**
     * Records consecutive blank lines.
     *
     * @param from the first line
     * @param to   the last line, inclusive; nothing is recorded if it is before {@code from}
     */
    void blankRange(int from, int to) {
        if (to < from) {
            return;
        }
        if (pendingCount == 0) {
            pendingFirst = from;
        }
        pendingCount += (long) to - from + 1;
    }

    /** Records that a data row follows: pending blank lines were inside the data. */
    void data() {
        if (pendingCount == 0) {
            return;
        }
        for (long i = 0; i < pendingCount && shown.size() < SHOWN; i++) {
            shown.add((int) (pendingFirst + i));
        }
        interior += pendingCount;
        pendingCount = 0;
    }

    /**
     * Sends the warning about skipped blank lines, if any.
     *
     * @param context the source
     * @param handler where warnings go
     */
    void report(SourceContext context, RowHandler handler) {
        if (interior == 0) {
            return;
        }
        String what = context.lineWord() + (interior == 1 ? "" : "s");
        handler.warn(context.file() + ": " + interior + " blank " + what + " inside the data " + (interior == 1
                ? "was" : "were") + " skipped (" + what + " " + Texts.join(shown, SHOWN, interior) + ").");
    }
}

package org.survkit.io;

import java.util.List;

/**
 * Finds the columns the user named in the header, or says which names exist and which one was probably meant.
 */
final class ColumnLocator {

    private static final int LISTED = 30;

    private final SourceContext context;
    private final List<String> names;
    private final int line;

    /**
     * Creates a locator over a header.
     *
     * @param context where the header is
     * @param names   the trimmed column names
     * @param line    the header line (or row)
     */
    ColumnLocator(SourceContext context, List<String> names, int line) {
        this.context = context;
        this.names = names;
        this.line = line;
    }

    /**
     * Finds a column by exact (trimmed) name.
     *
     * @param column the name the user gave
     * @param option the option that named it, for the message (e.g. {@code --time})
     * @return the 0-based column index
     * @throws InputException listing the available columns and the closest name
     */
    int find(String column, String option) {
        int index = names.indexOf(column);
        if (index >= 0) {
            return index;
        }
        StringBuilder m = new StringBuilder(context.at(line)).append(": there is no column '").append(column)
                .append("' (given with ").append(option).append(") in the header. ");
        String closest = names.size() > 1 ? EditDistance.closest(column, names) : null;
        if (closest != null) {
            m.append("Did you mean '").append(closest).append("'? ");
        }
        m.append("Available columns: ").append(Texts.join(names, LISTED, names.size())).append('.');
        if (names.size() == 1 && context.isText()) {
            m.append(" The header has a single column: if the file separates values with something other than "
                    + "a comma, semicolon or tab, save it as CSV.");
        } else if (names.size() == 1 && context.sheet() != null) {
            m.append(" The header is the first non-blank row (row ").append(line).append("): delete any title "
                    + "rows above the column names.");
        }
        m.append(" Give one of these names exactly as written in the header.");
        return failWith(m.toString());
    }

    private static int failWith(String message) {
        throw new InputException(message);
    }
}

package org.survkit.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks that every column of a header row has a name and that no name repeats. */
final class HeaderCheck {

    private HeaderCheck() {
    }

    /**
     * Checks the trimmed header names.
     *
     * @param context where the header is
     * @param names   the trimmed names
     * @param line    the header line (or row)
     * @throws InputException naming the first blank or repeated name
     */
    static void check(SourceContext context, List<String> names, int line) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                throw new InputException(context.at(line) + ": " + context.position(i) + " of the header has no "
                        + "name. Give every column a name in the header " + context.lineWord()
                        + " (the first " + context.lineWord() + " must hold the column names), or delete the "
                        + "empty column.");
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                throw new InputException(context.at(line) + ": the column name '" + name + "' appears twice ("
                        + context.position(first) + " and " + context.position(i) + "). Give every column a "
                        + "unique name in the header " + context.lineWord() + ".");
            }
        }
    }
}

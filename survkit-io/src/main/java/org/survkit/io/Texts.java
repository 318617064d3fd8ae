package org.survkit.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Small helpers for listing values in messages. */
final class Texts {

    private Texts() {
    }

    /**
     * Joins the first items with ", ", adding "and N more" when {@code total} exceeds what is shown.
     *
     * @param items the items to show
     * @param max   how many to show at most
     * @param total how many there are in all
     * @return the list text
     */
    static String join(Collection<?> items, int max, long total) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (Object item : items) {
            if (i == max) {
                break;
            }
            if (i++ > 0) {
                b.append(", ");
            }
            b.append(item);
        }
        if (total > i) {
            b.append(" and ").append(total - i).append(" more");
        }
        return b.toString();
    }

    /**
     * Sorts values for display: numerically when all are numbers, else alphabetically ignoring case.
     *
     * @param values the values
     * @return a new sorted list
     */
    static List<String> sorted(Collection<String> values) {
        List<String> list = new ArrayList<>(values);
        boolean numeric = list.stream().allMatch(v -> !Double.isNaN(DecimalParser.parse(v)));
        Comparator<String> order = numeric ? Comparator.comparingDouble(DecimalParser::parse)
                : Comparator.comparing((String v) -> v.toLowerCase(Locale.ROOT)).thenComparing(v -> v);
        list.sort(order);
        return list;
    }

    /** A number for messages: integral values without ".0", others in full. */
    static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}

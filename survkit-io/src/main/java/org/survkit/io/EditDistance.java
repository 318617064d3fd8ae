package org.survkit.io;

import java.util.List;
import java.util.Locale;

/** Finds the column name closest to a misspelt one (Levenshtein distance, ignoring case). */
final class EditDistance {

    private EditDistance() {
    }

    /**
     * Finds the closest name, if close enough to suggest: same name in another case, one name containing the
     * other, or at most max(2, length / 3) edits away.
     *
     * @param wanted the name the user gave
     * @param names  the available names
     * @return the suggestion, or null
     */
    static String closest(String wanted, List<String> names) {
        String w = wanted.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT);
            int d = distance(w, n);
            if (d > 0 && (n.contains(w) || w.contains(n)) && Math.min(w.length(), n.length()) >= 3) {
                d = Math.min(d, 1);
            }
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, wanted.length() / 3) ? best : null;
    }

    /**
     * Computes the Levenshtein distance.
     *
     * @param a one text
     * @param b the other text
     * @return the least number of single-character insertions, deletions and substitutions turning a into b
     */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

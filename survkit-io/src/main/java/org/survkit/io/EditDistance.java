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
     * Computes the optimal string alignment distance: as {@link #distance} but swapping two neighbouring letters
     * ({@code Daed} for {@code Dead}) is one edit, the commonest typing slip.
     *
     * @param a one text
     * @param b the other text
     * @return the least number of insertions, deletions, substitutions and adjacent transpositions
     */
    static int transpositions(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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

package org.survkit.study.file;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?": the closest name by edit distance (ignoring case), if it is close enough. */
public final class Suggest {

    private Suggest() {
    }

    /**
     * The closest candidate to {@code name}.
     *
     * @return the candidate, or null when none is within about a third of the name's length
     */
    public static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String a = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(a, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.max(1, Math.max(name.length(), 3) / 3);
        if (bestDistance <= limit) {
            return best;
        }
        for (String c : candidates) {
            String b = c.toLowerCase(Locale.ROOT);
            if (b.length() >= 3 && a.length() >= 3 && (a.startsWith(b) || b.startsWith(a))) {
                return c;
            }
        }
        return null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

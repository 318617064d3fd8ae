package org.survkit.io;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The usual words of vital status and event columns in English, French, German, Spanish, Italian, Dutch and
 * Portuguese, compared after {@link #normalise(String) normalising} (case, accents, spaces and punctuation do not
 * matter: {@code Décédé}, {@code DECEDE} and {@code décédé } are one word).
 *
 * <p>Two lists matter for safety: {@link #isDeath(String) death and event words} (coded as events when no event
 * value is given, and never censored silently when one is), and {@link #isAlive(String) alive and censored words}
 * (coded as censored, and never proposed as an event value).
 */
final class EventWords {

    /** Death, the usual event of overall survival, and the word "event", per language. */
    private static final Set<String> DEATH = words(
            // English
            "dead", "died", "death", "deceased", "expired", "event", "dod", "doc",
            // French
            "deces", "decede", "decedee", "dcd", "mort", "morte", "evenement",
            // German
            "tot", "verstorben", "gestorben", "tod", "ereignis",
            // Spanish
            "muerto", "muerta", "muerte", "fallecido", "fallecida", "fallecio", "fallecimiento", "exitus", "evento",
            // Italian
            "morto", "morta", "deceduto", "deceduta", "decesso",
            // Dutch
            "overleden", "dood", "gebeurtenis",
            // Portuguese
            "falecido", "falecida", "faleceu", "obito");

    /** Alive, censored, lost to follow-up, per language. */
    private static final Set<String> ALIVE = words(
            // English
            "alive", "living", "censored", "lost", "lost to follow up", "lost to followup", "ltfu",
            "alive with disease", "alive without disease", "awd", "ned",
            // French
            "vivant", "vivante", "en vie", "censure", "censuree", "perdu de vue", "pdv",
            // German
            "lebend", "am leben", "lebt", "zensiert",
            // Spanish
            "vivo", "viva", "censurado", "censurada", "perdido",
            // Italian
            "in vita", "censurato", "censurata", "perso al follow up",
            // Dutch
            "levend", "in leven", "gecensureerd",
            // Portuguese
            "censurada", "perdido de vista");

    /** Yes and true, per language: an event in a yes/no event column. */
    private static final Set<String> YES = words("yes", "y", "true", "oui", "ja", "si", "sim", "vero", "wahr",
            "verdadero", "verdadeiro", "waar", "vrai");

    /** No and false, per language: censored in a yes/no event column. */
    private static final Set<String> NO = words("no", "n", "false", "non", "nein", "nee", "nao", "falso", "falsch",
            "onwaar", "faux");

    private EventWords() {
    }

    /** A set of words, which may repeat across languages (Italian and Portuguese share "morto"). */
    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    /**
     * Normalises a text for comparing words: lower case, accents removed, runs of spaces, dashes, underscores and
     * slashes made one space, trimmed.
     *
     * @param s the text
     * @return the key
     */
    static String normalise(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        boolean space = false;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '.' || c == '+') {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return b.toString().toLowerCase(Locale.ROOT).replace('ß', 's');
    }

    /**
     * The strict key of a declared value: lower case, accents removed, runs of spaces made one, trimmed; punctuation
     * is kept ({@code vivo?} is not {@code Vivo}: a question mark may mean the status is uncertain).
     *
     * @param s the text
     * @return the key
     */
    static String key(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        boolean space = false;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && b.length() > 0) {
                b.append(' ');
            }
            space = false;
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    /** {@return true if the text is a word for death or an event (any listed language)} */
    static boolean isDeath(String s) {
        String k = normalise(s);
        return DEATH.contains(k);
    }

    /** {@return true if the text is a word for alive, censored or lost to follow-up (any listed language)} */
    static boolean isAlive(String s) {
        return ALIVE.contains(normalise(s));
    }

    /** {@return true if the text means yes or true} */
    static boolean isYes(String s) {
        return YES.contains(normalise(s));
    }

    /** {@return true if the text means no or false} */
    static boolean isNo(String s) {
        return NO.contains(normalise(s));
    }

    /**
     * Finds the death, event, alive or censored word (any listed language) that a text looks like a misspelling of.
     *
     * @param s the text
     * @return the word, or null
     */
    static String misspelt(String s) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String k = key(s);
        for (java.util.Set<String> words : java.util.List.of(DEATH, ALIVE)) {
            for (String w : words) {
                if (EventCoding.near(s, w)) {
                    int d = EditDistance.transpositions(k, w);
                    if (d < bestDistance || d == bestDistance && w.compareTo(best) < 0) {
                        best = w;
                        bestDistance = d;
                    }
                }
            }
        }
        return best;
    }

    /** {@return true if the text has a letter (words are compared for near misses, codes such as 1 or 2 are not)} */
    static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

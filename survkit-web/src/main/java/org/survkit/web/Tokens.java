package org.survkit.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Random tokens and identifiers, the check of a token the user chose, and their constant-time comparison. */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{16,200}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    /** The least estimated strength of a chosen token, in bits (the printed one has 192). */
    static final int MIN_BITS = 64;

    /** The fewest different characters a chosen token may have. */
    static final int MIN_DISTINCT = 6;

    private Tokens() {
    }

    /** {@return 192 random bits as 48 hex digits} */
    static String token() {
        return random(24);
    }

    /** {@return a 128-bit random identifier, 32 hex digits} */
    static String id() {
        return random(16);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Checks a token the user chose ({@code --token} or {@code SURVKIT_TOKEN}).
     *
     * @return null if it is usable, else the sentence that says why not
     */
    static String weakness(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return "the token must be 16 to 200 letters, digits or . _ ~ - (it goes into a URL).";
        }
        long distinct = token.chars().distinct().count();
        if (distinct < MIN_DISTINCT) {
            return "the token is too easy to guess: it has only " + distinct + " different characters (at least "
                    + MIN_DISTINCT + " needed). " + BETTER_TOKEN;
        }
        double bits = bits(token);
        if (bits < MIN_BITS) {
            return String.format(Locale.ROOT, "the token is too easy to guess (about %.0f bits; at least %d needed):"
                    + " it repeats or runs through characters. %s", bits, MIN_BITS, BETTER_TOKEN);
        }
        return null;
    }

    private static final String BETTER_TOKEN = "Leave out --token and SURVKIT_TOKEN to get a random one, or make one"
            + " with 'openssl rand -hex 24'.";

    /**
     * An estimate of a token's strength in bits: each character adds log2 of the alphabet its kinds of characters
     * span (lower case 26, upper case 26, digits 10, {@code . _ ~ -} 4), except that a character that continues a
     * pattern adds only 1 bit: a run ({@code aaa}), a sequence up or down ({@code abc}, {@code 321}), or a
     * repeated pair ({@code abab}). For 16 random hex digits (64 true bits) the estimate is about 82 bits; for
     * {@code 1234567890123456} about 25.
     */
    static double bits(String token) {
        int alphabet = 0;
        alphabet += token.chars().anyMatch(c -> c >= 'a' && c <= 'z') ? 26 : 0;
        alphabet += token.chars().anyMatch(c -> c >= 'A' && c <= 'Z') ? 26 : 0;
        alphabet += token.chars().anyMatch(c -> c >= '0' && c <= '9') ? 10 : 0;
        alphabet += token.chars().anyMatch(c -> ".~_-".indexOf(c) >= 0) ? 4 : 0;
        double perChar = Math.log(Math.max(2, alphabet)) / Math.log(2);
        double bits = 0;
        for (int i = 0; i < token.length(); i++) {
            bits += continuesPattern(token, i) ? 1 : perChar;
        }
        return bits;
    }

    private static boolean continuesPattern(String t, int i) {
        if (i < 2) {
            return false;
        }
        int step = t.charAt(i) - t.charAt(i - 1);
        boolean run = Math.abs(step) <= 1 && step == t.charAt(i - 1) - t.charAt(i - 2);
        boolean pair = i >= 3 && t.charAt(i) == t.charAt(i - 2) && t.charAt(i - 1) == t.charAt(i - 3);
        return run || pair;
    }

    /** {@return whether the text has the form of a session id (48 hex digits)} */
    static boolean isSessionId(String s) {
        return s.length() == 48 && s.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** {@return whether the text is an identifier this server makes (so never a path)} */
    static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    /** Compares in time independent of where the texts differ. */
    static boolean same(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}

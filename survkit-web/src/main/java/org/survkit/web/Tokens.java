package org.survkit.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Random tokens and identifiers, and their constant-time comparison. */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{16,200}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

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

    /** {@return whether a user-chosen token is usable in a URL and a cookie and long enough} */
    static boolean acceptable(String token) {
        return token != null && TOKEN.matcher(token).matches();
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

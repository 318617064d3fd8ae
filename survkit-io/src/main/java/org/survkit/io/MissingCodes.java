package org.survkit.io;

import java.util.List;

/**
 * Decides whether a trimmed cell text means "missing": the empty text, {@code NA}, {@code .} (SAS, Stata) or
 * one of the user's extra codes. Comparison is exact (case-sensitive) on the trimmed text, as R's
 * {@code na.strings}.
 */
public final class MissingCodes {

    /** The codes that always mean missing (trimmed): the empty text, {@code NA} (R) and {@code .} (SAS, Stata). */
    public static final List<String> DEFAULTS = List.of("", "NA", ".");

    private final String[] extra;

    /**
     * Creates the test.
     *
     * @param extra the user's extra codes, trimmed
     */
    MissingCodes(List<String> extra) {
        this.extra = extra.toArray(new String[0]);
    }

    /**
     * Tests a trimmed text.
     *
     * @param s the trimmed text
     * @return true if it means missing
     */
    boolean isMissing(String s) {
        if (DEFAULTS.contains(s)) {
            return true;
        }
        for (String code : extra) {
            if (code.equals(s)) {
                return true;
            }
        }
        return false;
    }
}

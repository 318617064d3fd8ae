package org.survkit.stats;

/** Checks shared by the result records that hold parallel columns. */
final class Columns {
    private Columns() {
    }

    /** Throws unless every length equals the first. */
    static void requireSameLength(String what, int... lengths) {
        for (int l : lengths) {
            if (l != lengths[0]) {
                throw new IllegalArgumentException("all columns of " + what + " must have the same length");
            }
        }
    }
}

package org.survkit.stats.internal;

/** Checks and copies shared by the result records that hold parallel columns and matrices. */
public final class Columns {
    private Columns() {
    }

    /** Throws unless every length equals the first. */
    public static void requireSameLength(String what, int... lengths) {
        for (int l : lengths) {
            if (l != lengths[0]) {
                throw new IllegalArgumentException("all columns of " + what + " must have the same length");
            }
        }
    }

    /** A deep copy of a matrix (each row cloned), for records that copy their arrays in and out. */
    public static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}

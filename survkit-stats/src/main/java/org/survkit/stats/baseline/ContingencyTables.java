package org.survkit.stats.baseline;

/** Validation and reduction of r × c count tables shared by the tests of independence. */
final class ContingencyTables {
    private ContingencyTables() {
    }

    /**
     * Checks that the table is rectangular with non-negative counts and returns a copy.
     *
     * @throws IllegalArgumentException otherwise
     */
    static int[][] checked(int[][] table) {
        if (table == null || table.length == 0 || table[0] == null || table[0].length == 0) {
            throw new IllegalArgumentException("the table is empty");
        }
        int c = table[0].length;
        int[][] copy = new int[table.length][];
        for (int i = 0; i < table.length; i++) {
            if (table[i] == null || table[i].length != c) {
                throw new IllegalArgumentException("row " + (i + 1) + " of the table has "
                        + (table[i] == null ? 0 : table[i].length) + " cells, row 1 has " + c);
            }
            for (int j = 0; j < c; j++) {
                if (table[i][j] < 0) {
                    throw new IllegalArgumentException("cell (" + (i + 1) + ", " + (j + 1) + ") is negative: " + table[i][j]);
                }
            }
            copy[i] = table[i].clone();
        }
        return copy;
    }

    /** The table without its all-zero rows and columns (possibly with fewer than 2 rows or columns). */
    static int[][] withoutEmptyMargins(int[][] t) {
        int r = t.length;
        int c = t[0].length;
        boolean[] keepRow = new boolean[r];
        boolean[] keepCol = new boolean[c];
        int nr = 0;
        int nc = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                if (t[i][j] > 0) {
                    keepRow[i] = true;
                    keepCol[j] = true;
                }
            }
        }
        for (boolean b : keepRow) {
            nr += b ? 1 : 0;
        }
        for (boolean b : keepCol) {
            nc += b ? 1 : 0;
        }
        int[][] out = new int[nr][nc];
        int ii = 0;
        for (int i = 0; i < r; i++) {
            if (!keepRow[i]) {
                continue;
            }
            int jj = 0;
            for (int j = 0; j < c; j++) {
                if (keepCol[j]) {
                    out[ii][jj++] = t[i][j];
                }
            }
            ii++;
        }
        return out;
    }

    static int rows(int[][] t) {
        return t.length;
    }

    static int columns(int[][] t) {
        return t.length == 0 ? 0 : t[0].length;
    }

    /** Expected counts under independence, rᵢcⱼ/N (R {@code outer(sr, sc) / n}). */
    static double[][] expected(int[][] t) {
        int r = t.length;
        int c = t[0].length;
        double[] rs = new double[r];
        double[] cs = new double[c];
        double n = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                rs[i] += t[i][j];
                cs[j] += t[i][j];
                n += t[i][j];
            }
        }
        double[][] e = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                e[i][j] = rs[i] * cs[j] / n;
            }
        }
        return e;
    }

    static double min(double[][] m) {
        double v = Double.POSITIVE_INFINITY;
        for (double[] row : m) {
            for (double x : row) {
                v = Math.min(v, x);
            }
        }
        return v;
    }
}

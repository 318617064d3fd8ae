package org.survkit.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Adjustment of p-values for multiple comparisons, as R {@code p.adjust}.
 */
public enum PValueAdjustment {
    /** No adjustment. */
    NONE("none"),
    /** Bonferroni: min(1, m·p). Controls the family-wise error rate; conservative. */
    BONFERRONI("bonferroni"),
    /** Holm's step-down (1979): uniformly more powerful than Bonferroni with the same guarantee. survkit's default. */
    HOLM("holm"),
    /** Benjamini–Hochberg (1995): controls the false discovery rate, not the family-wise error. R "BH". */
    BH("bh");

    private final String id;

    PValueAdjustment(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static PValueAdjustment parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (PValueAdjustment a : values()) {
            if (a.id.equals(t)) {
                return a;
            }
        }
        if (t.equals("fdr") || t.equals("benjamini-hochberg")) {
            return BH;
        }
        throw new IllegalArgumentException("unknown adjustment '" + s + "': use none, bonferroni, holm or bh");
    }

    /**
     * Adjusts p-values; NaN entries are ignored and stay NaN (R's {@code n = sum(!is.na(p))}).
     *
     * @return a new array, in the input order
     */
    public double[] adjust(double[] p) {
        double[] out = p.clone();
        int[] idx = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).toArray();
        int m = idx.length;
        if (m <= 1 || this == NONE) {
            return out;
        }
        switch (this) {
            case BONFERRONI:
                for (int i : idx) {
                    out[i] = Math.min(1, m * p[i]);
                }
                return out;
            case HOLM: {
                Integer[] o = sortedBy(idx, p, Comparator.naturalOrder());
                double run = 0;
                for (int r = 0; r < m; r++) {
                    run = Math.max(run, (m - r) * p[o[r]]);
                    out[o[r]] = Math.min(1, run);
                }
                return out;
            }
            default: {
                Integer[] o = sortedBy(idx, p, Comparator.reverseOrder());
                double run = Double.POSITIVE_INFINITY;
                for (int r = 0; r < m; r++) {
                    int rankFromTop = m - r; // i in R's formula: m/i * p for the i-th smallest
                    run = Math.min(run, (double) m / rankFromTop * p[o[r]]);
                    out[o[r]] = Math.min(1, run);
                }
                return out;
            }
        }
    }

    private static Integer[] sortedBy(int[] idx, double[] p, Comparator<Double> order) {
        Integer[] o = Arrays.stream(idx).boxed().toArray(Integer[]::new);
        Arrays.sort(o, (a, b) -> order.compare(p[a], p[b]));
        return o;
    }
}

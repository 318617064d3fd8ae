package org.survkit.stats.baseline;

import java.util.Objects;
import org.survkit.stats.internal.Normal;

/**
 * Pearson's chi-square test of independence for an r × c table of counts, R
 * {@code chisq.test(table)}.
 *
 * <pre>
 *   Eᵢⱼ = rᵢcⱼ / N,   X² = Σ (|Oᵢⱼ − Eᵢⱼ| − c)² / Eᵢⱼ,   df = (r − 1)(c − 1),   p = P(χ²_df ≥ X²)
 * </pre>
 * with c = min(½, minᵢⱼ |Oᵢⱼ − Eᵢⱼ|) for a 2 × 2 table under {@link ContinuityCorrection#YATES_2X2}
 * (the default, as R's {@code correct = TRUE}: Yates 1934, with R's cap that keeps the correction
 * from overshooting), else c = 0.
 *
 * <p>Rows and columns whose total is 0 are dropped first (they carry no information; R would
 * return NaN because their expected counts are 0), and the correction rule and the degrees of
 * freedom apply to the reduced table. Fewer than 2 non-empty rows or columns raise
 * {@link IllegalArgumentException}, as do negative counts. The result carries the smallest expected
 * count: below 5 the chi-square approximation is doubtful and {@link FisherExact} is the usual
 * choice (Cochran 1954, Biometrics 10:417–451).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ChiSquareIndependence {
    private static final ChiSquareIndependence DEFAULTS = new ChiSquareIndependence(ContinuityCorrection.YATES_2X2);

    private final ContinuityCorrection correction;

    private ChiSquareIndependence(ContinuityCorrection correction) {
        this.correction = correction;
    }

    /** R's default: Yates' correction on 2 × 2 tables only. */
    public static ChiSquareIndependence withDefaults() {
        return DEFAULTS;
    }

    /** A copy with another continuity correction rule. */
    public ChiSquareIndependence with(ContinuityCorrection c) {
        return new ChiSquareIndependence(Objects.requireNonNull(c, "correction"));
    }

    public ContinuityCorrection correction() {
        return correction;
    }

    /**
     * Tests independence of rows and columns.
     *
     * @param table counts, {@code table[row][column]}
     */
    public ChiSquareIndependenceResult test(int[][] table) {
        int[][] t = ContingencyTables.withoutEmptyMargins(ContingencyTables.checked(table));
        int r = ContingencyTables.rows(t);
        int c = ContingencyTables.columns(t);
        if (r < 2 || c < 2) {
            throw new IllegalArgumentException("a test of independence needs at least 2 non-empty rows and columns, got "
                    + r + " x " + c);
        }
        double[][] e = ContingencyTables.expected(t);
        double yates = 0;
        if (correction == ContinuityCorrection.YATES_2X2 && r == 2 && c == 2) {
            yates = 0.5;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    yates = Math.min(yates, Math.abs(t[i][j] - e[i][j]));
                }
            }
        }
        double x2 = 0;
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < r; i++) {
                double d = Math.abs(t[i][j] - e[i][j]) - yates;
                x2 += d * d / e[i][j];
            }
        }
        int df = (r - 1) * (c - 1);
        return new ChiSquareIndependenceResult(x2, df, Normal.chiSquaredUpper(x2, df), yates > 0,
                ContingencyTables.min(e));
    }
}

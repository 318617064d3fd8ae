package org.survkit.stats.cox;

/**
 * The risk-set sums of right-censored Cox data at one β, per (stratum, distinct exit time), that Firth's penalized
 * likelihood needs: the {@link CoxRiskSetSums} and the third moments Σr·x⊗x⊗x, from which the derivative of the
 * information ∂I/∂β (the penalty's gradient ½ tr(I⁻¹ ∂I/∂β_l)) is formed per event time (Heinze &amp; Schemper 2001,
 * Biometrics 57:114, appendix). Computed where the data live (e.g. one pass over a Spark cluster's rows) and handed to
 * {@link FirthCoxRegression#fit(FirthRiskSetSource)}.
 *
 * <p>With x the centred and scaled covariates and r = w·e<sup>η</sup>, η = βᵀx, each key k holds, over the rows that
 * exit at that time in that stratum:
 * <ul>
 * <li>{@code censoredRisk[k·R ..]} and {@code deadRisk[k·R ..]}, R = {@link #riskStride(int)}: first the
 * {@link CoxRiskSetSums} layout (Σr, Σr·x, Σr·x xᵀ as its lower triangle by rows), then Σr·x_i x_j x_l over the cells
 * i ≥ j ≥ l, ordered by i, then j, then l ((0,0,0), (1,0,0), (1,1,0), (1,1,1), (2,0,0), …): cell (i, j, l) at
 * i(i+1)(i+2)/6 + j(j+1)/2 + l ({@link #addRow});
 * <li>{@code deadTotals[k·D ..]}, D = {@link #deadStride(int)}: as {@link CoxRiskSetSums}, the deaths' count, Σw,
 * Σw·η, Σw·x.
 * </ul>
 * Keys may come in any order and repeat (partial sums); the fit merges them and near-equal times as R's timefix.
 *
 * @param width        number of covariates p
 * @param stratum      stratum code per key (0 without strata)
 * @param time         exit time per key
 * @param censoredRisk the censored rows' sums, R per key
 * @param deadRisk     the deaths' sums, R per key
 * @param deadTotals   the deaths' totals, D per key
 */
public record FirthRiskSetSums(int width, int[] stratum, double[] time, double[] censoredRisk, double[] deadRisk,
        double[] deadTotals) {

    public FirthRiskSetSums {
        int d = time.length;
        if (stratum.length != d || censoredRisk.length != (long) d * riskStride(width)
                || deadRisk.length != (long) d * riskStride(width) || deadTotals.length != (long) d * deadStride(width)) {
            throw new IllegalArgumentException("Firth's risk-set sums of " + d + " keys and " + width
                    + " covariates need " + riskStride(width) + " risk sums and " + deadStride(width)
                    + " death totals per key");
        }
    }

    /** Number of values per key of the risk sums: the Cox ones, 1 + p + p(p+1)/2, and p(p+1)(p+2)/6 third moments. */
    public static int riskStride(int p) {
        return CoxRiskSetSums.riskStride(p) + p * (p + 1) * (p + 2) / 6;
    }

    /** Number of values per key of the death totals: 3 + p, as {@link CoxRiskSetSums#deadStride(int)}. */
    public static int deadStride(int p) {
        return CoxRiskSetSums.deadStride(p);
    }

    /**
     * Adds one row's risk sums to a key's: r, r·x, r·x xᵀ and r·x⊗x⊗x in the layout above.
     *
     * @param target the sums ({@code censoredRisk} or {@code deadRisk} of a key)
     * @param base   where the key's sums start
     * @param r      the row's w·e<sup>η</sup>
     * @param x      the row's centred and scaled covariates (p values)
     */
    public static void addRow(double[] target, int base, double r, double[] x) {
        int p = x.length;
        int sq = base + 1 + p;
        int cube = sq + p * (p + 1) / 2;
        target[base] += r;
        for (int i = 0; i < p; i++) {
            double rxi = r * x[i];
            target[base + 1 + i] += rxi;
            for (int j = 0; j <= i; j++) {
                double rxij = rxi * x[j];
                target[sq++] += rxij;
                for (int l = 0; l <= j; l++) {
                    target[cube++] += rxij * x[l];
                }
            }
        }
    }

    /**
     * Adds one death to a key's totals: its count, w, w·η and w·x ({@link CoxRiskSetSums}' death totals).
     *
     * @param totals the death totals ({@code deadTotals})
     * @param base   where the key's totals start
     * @param w      the row's weight
     * @param eta    the row's η = βᵀx
     * @param x      the row's centred and scaled covariates (p values)
     */
    public static void addDeath(double[] totals, int base, double w, double eta, double[] x) {
        totals[base] += 1;
        totals[base + 1] += w;
        totals[base + 2] += w * eta;
        for (int a = 0; a < x.length; a++) {
            totals[base + 3 + a] += w * x[a];
        }
    }

    /** Number of keys. */
    public int size() {
        return time.length;
    }
}

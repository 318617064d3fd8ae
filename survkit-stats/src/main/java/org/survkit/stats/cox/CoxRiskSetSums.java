package org.survkit.stats.cox;

/**
 * The risk-set sums of right-censored Cox data at one β, per (stratum, distinct exit time): everything the log
 * partial likelihood, its score and its information need (Therneau &amp; Grambsch 2000, §3.2–3.3), computed where
 * the data live (e.g. one aggregation on a Spark cluster) and handed to {@link CoxRegression#fit(CoxRiskSetSource)}.
 *
 * <p>With x the centred and scaled covariates (x = (raw − centre)·factor as {@link CoxRiskSetSource} is told),
 * η = βᵀx and r = w·e<sup>η</sup>, each key k holds, over the rows that exit at that time in that stratum:
 * <ul>
 * <li>{@code censoredRisk[k·R ..]} and {@code deadRisk[k·R ..]}, R = {@link #riskStride(int)}: Σr, Σr·x (p values),
 * Σr·x xᵀ (the lower triangle by rows: (0,0), (1,0), (1,1), (2,0), …) over the censored rows and over the deaths;
 * <li>{@code deadTotals[k·D ..]}, D = {@link #deadStride(int)}: the deaths' count, Σw, Σw·η, Σw·x (p values).
 * </ul>
 * The keys may come in any order and a (stratum, time) may appear more than once (partial sums): the fit sorts and
 * merges them, and merges near-equal times as R's timefix does.
 *
 * @param width        number of covariates p
 * @param stratum      stratum code per key (0 without strata)
 * @param time         exit time per key
 * @param censoredRisk the censored rows' sums, R per key
 * @param deadRisk     the deaths' sums, R per key
 * @param deadTotals   the deaths' totals, D per key
 */
public record CoxRiskSetSums(int width, int[] stratum, double[] time, double[] censoredRisk, double[] deadRisk,
        double[] deadTotals) {

    public CoxRiskSetSums {
        int d = time.length;
        if (stratum.length != d || censoredRisk.length != (long) d * riskStride(width)
                || deadRisk.length != (long) d * riskStride(width) || deadTotals.length != (long) d * deadStride(width)) {
            throw new IllegalArgumentException("risk-set sums of " + d + " keys and " + width
                    + " covariates need " + riskStride(width) + " risk sums and " + deadStride(width)
                    + " death totals per key");
        }
    }

    /** Number of values per key of the risk sums: 1 + p + p(p+1)/2. */
    public static int riskStride(int p) {
        return 1 + p + p * (p + 1) / 2;
    }

    /** Number of values per key of the death totals: 3 + p. */
    public static int deadStride(int p) {
        return 3 + p;
    }

    /** Number of keys. */
    public int size() {
        return time.length;
    }
}

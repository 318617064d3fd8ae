package org.survkit.stats.cox;

/**
 * Efron's approximation at one event time with {@code d} tied deaths, in closed form: the m-th death (m = 1..d)
 * sees the risk-set sum {@code D_m = D + (m/d) D₂} ({@code D} over the survivors, {@code D₂} over the deaths), and
 * the score and information terms {@code w̄ A_m/D_m} and {@code w̄ A_m A_mᵀ/D_m²} reduce to five scalars, so that a
 * time costs O(p²) however many deaths are tied. Shared by the in-memory fit ({@link CoxRiskSets}) and the fit on
 * risk-set sums computed elsewhere ({@link SummedRiskSets}).
 *
 * @param loglik the log-likelihood after this time's {@code −Σ w̄ log D_m}
 * @param others {@code Σ w̄/D_m}, the weight of the survivors' sums
 * @param deaths {@code Σ (m/d) w̄/D_m}, the weight of the deaths' sums
 * @param c0     {@code Σ w̄/D_m²}
 * @param c1     {@code Σ (m/d) w̄/D_m²}
 * @param c2     {@code Σ (m/d)² w̄/D_m²}
 */
record EfronTieSums(double loglik, double others, double deaths, double c0, double c1, double c2) {

    /**
     * Sums over the tied deaths, accumulated in the order m = 1..d (the log-likelihood subtracted term by term).
     *
     * @param loglik  the log-likelihood before this time
     * @param denom   {@code D}, the survivors' Σ w exp(xβ)
     * @param denom2  {@code D₂}, the deaths' Σ w exp(xβ)
     * @param deadwt  the deaths' total weight
     * @param ndead   the number of deaths d ≥ 1
     * @return the sums
     */
    static EfronTieSums of(double loglik, double denom, double denom2, double deadwt, long ndead) {
        double wtave = deadwt / ndead;
        double others = 0;
        double deaths = 0;
        double c0 = 0;
        double c1 = 0;
        double c2 = 0;
        for (long m = 1; m <= ndead; m++) {
            double g = (double) m / ndead;
            double dm = denom + g * denom2;
            loglik -= wtave * Math.log(dm);
            double e = wtave / dm;
            others += e;
            deaths += e * g;
            double c = e / dm;
            c0 += c;
            c1 += c * g;
            c2 += c * g * g;
        }
        return new EfronTieSums(loglik, others, deaths, c0, c1, c2);
    }
}

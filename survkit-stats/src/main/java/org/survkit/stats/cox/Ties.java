package org.survkit.stats.cox;

import java.util.Locale;

/**
 * Handling of tied event times in the Cox partial likelihood.
 */
public enum Ties {
    /**
     * Efron (1977): the d deaths at a time leave the risk set gradually (weights 0, 1/d, …,
     * (d−1)/d), a close approximation of the exact partial likelihood. Default of R {@code coxph}
     * and survkit.
     */
    EFRON("efron"),
    /**
     * Breslow (1974): every death at a time sees the full risk set. Default of SAS PHREG and
     * Stata; less accurate with many ties.
     */
    BRESLOW("breslow"),
    /**
     * The exact discrete partial likelihood (Kalbfleisch &amp; Prentice 1973; R {@code coxph(ties = "exact")},
     * SAS PHREG {@code TIES=DISCRETE}): the d deaths at a time are a d-subset of the n at risk, and the
     * term is Π<sub>deaths</sub> r / Σ<sub>|S| = d</sub> Π<sub>S</sub> r, r = e^η, the denominator the
     * elementary symmetric polynomial e<sub>d</sub>(r<sub>1</sub>, …, r<sub>n</sub>). It and its first two
     * derivatives come from the recursion e<sub>m</sub>(r<sub>1..k</sub>) = e<sub>m</sub>(r<sub>1..k−1</sub>)
     * + r<sub>k</sub> e<sub>m−1</sub>(r<sub>1..k−1</sub>) (Gail, Lubin &amp; Rubinstein 1981), O(n·d·p²) per
     * tied time: heavy ties in large risk sets are slow. No case weights (R refuses them too); the fit and its
     * tests only: residuals, baseline hazards and predicted curves are refused.
     */
    EXACT("exact");

    private final String id;

    Ties(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Ties parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Ties x : values()) {
            if (x.id.equals(t)) {
                return x;
            }
        }
        throw new IllegalArgumentException("unknown ties method '" + s + "': use efron, breslow or exact");
    }
}

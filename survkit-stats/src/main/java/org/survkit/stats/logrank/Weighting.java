package org.survkit.stats.logrank;

import java.util.Locale;

/**
 * Weight function w(t) of a weighted log-rank test; at each event time t with n subjects at risk
 * and pooled Kaplan–Meier S(t−) just before t. All are k-group tests with the full covariance, as
 * R {@code survdiff}.
 */
public enum Weighting {
    /** w = 1: log-rank (Mantel–Cox); R {@code survdiff(rho = 0)}, SAS "Log-Rank", Prism "Log-rank (Mantel-Cox)". survkit's default. */
    LOGRANK("logrank", "Log-rank"),
    /** w = n: Gehan–Breslow–Wilcoxon; SAS "Wilcoxon", Prism "Gehan-Breslow-Wilcoxon"; weights early differences. */
    GEHAN("gehan", "Gehan\u2013Breslow\u2013Wilcoxon"),
    /** w = √n: Tarone–Ware; SAS "Tarone". */
    TARONE_WARE("tarone", "Tarone\u2013Ware"),
    /** w = S(t−): Peto–Peto with the pooled Kaplan–Meier; R {@code survdiff(rho = 1)}, SAS "Peto". */
    PETO("peto", "Peto\u2013Peto"),
    /** w = S(t−)^ρ (1 − S(t−))^γ: Fleming–Harrington G(ρ, γ); SAS "FLEMING(ρ, γ)"; γ &gt; 0 weights late differences. */
    FLEMING_HARRINGTON("fh", "Fleming\u2013Harrington");

    private final String id;
    private final String displayName;

    Weighting(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** Short name used by the CLI and JSON ({@code logrank, gehan, tarone, peto, fh}). */
    public String id() {
        return id;
    }

    /**
     * The test's name as figures, reports, the command line's printouts and the web page show it: {@code Log-rank},
     * {@code Gehan–Breslow–Wilcoxon}, {@code Tarone–Ware}, {@code Peto–Peto}, {@code Fleming–Harrington}. The one
     * spelling of each name; a front end adds only what it prints around it (the word "test", G(ρ, γ)).
     */
    public String displayName() {
        return displayName;
    }

    /** Parses {@link #id()} (case-insensitive) and a few aliases ({@code wilcoxon}, {@code tarone-ware}). */
    public static Weighting parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Weighting w : values()) {
            if (w.id.equals(t)) {
                return w;
            }
        }
        switch (t) {
            case "log-rank":
            case "mantel-cox":
                return LOGRANK;
            case "wilcoxon":
            case "gehan-breslow-wilcoxon":
            case "breslow":
                return GEHAN;
            case "tarone-ware":
                return TARONE_WARE;
            case "peto-peto":
                return PETO;
            case "fleming-harrington":
                return FLEMING_HARRINGTON;
            default:
                throw new IllegalArgumentException(
                        "unknown test '" + s + "': use logrank, gehan, tarone, peto or fh");
        }
    }

    /** w(t) for n at risk and pooled S(t−). */
    double weight(int nRisk, double survivalBefore, double rho, double gamma) {
        switch (this) {
            case LOGRANK:
                return 1;
            case GEHAN:
                return nRisk;
            case TARONE_WARE:
                return Math.sqrt(nRisk);
            case PETO:
                return survivalBefore;
            default:
                double a = rho == 0 ? 1 : Math.pow(survivalBefore, rho);
                double b = gamma == 0 ? 1 : Math.pow(1 - survivalBefore, gamma);
                return a * b;
        }
    }
}

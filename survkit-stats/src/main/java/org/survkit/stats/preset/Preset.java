package org.survkit.stats.preset;

import java.util.Locale;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.km.MedianRule;
import org.survkit.stats.logrank.HazardRatioMethod;
import org.survkit.stats.logrank.Weighting;

/**
 * Defaults of another package, so that its numbers can be reproduced exactly. A preset only sets
 * defaults: an explicit option still wins.
 *
 * <table>
 * <caption>What each preset sets</caption>
 * <tr><th>preset</th><th>CI transform</th><th>median rule</th><th>test</th><th>primary hazard ratio</th></tr>
 * <tr><td>survkit</td><td>log-log</td><td>R</td><td>log-rank</td><td>Cox</td></tr>
 * <tr><td>r</td><td>log</td><td>R</td><td>log-rank ({@code survdiff(rho = 0)})</td><td>Cox ({@code coxph})</td></tr>
 * <tr><td>prism</td><td>log-log ("asymmetrical")</td><td>midpoint</td><td>log-rank (Mantel–Cox)</td>
 * <td>Mantel–Haenszel (Prism's "Hazard Ratio (Mantel-Haenszel)", its default since version 6)</td></tr>
 * <tr><td>sas</td><td>log-log ({@code CONFTYPE=LOGLOG})</td><td>R</td><td>log-rank</td><td>Cox (PROC PHREG)</td></tr>
 * <tr><td>lifelines</td><td>log-log ("exponential Greenwood")</td><td>first at or below</td><td>log-rank</td>
 * <td>Cox ({@code CoxPHFitter})</td></tr>
 * </table>
 */
public enum Preset {
    /** survkit's own defaults. */
    SURVKIT("survkit", ConfidenceType.LOG_LOG, MedianRule.R, Weighting.LOGRANK, HazardRatioMethod.COX),
    /** R survival: {@code survfit} default {@code conf.type = "log"}. */
    R("r", ConfidenceType.LOG, MedianRule.R, Weighting.LOGRANK, HazardRatioMethod.COX),
    /** GraphPad Prism. */
    PRISM("prism", ConfidenceType.LOG_LOG, MedianRule.MIDPOINT, Weighting.LOGRANK,
            HazardRatioMethod.MANTEL_HAENSZEL),
    /** SAS PROC LIFETEST. */
    SAS("sas", ConfidenceType.LOG_LOG, MedianRule.R, Weighting.LOGRANK, HazardRatioMethod.COX),
    /** Python lifelines {@code KaplanMeierFitter}, {@code logrank_test}. */
    LIFELINES("lifelines", ConfidenceType.LOG_LOG, MedianRule.FIRST_AT_OR_BELOW, Weighting.LOGRANK,
            HazardRatioMethod.COX);

    private final String id;
    private final ConfidenceType confType;
    private final MedianRule medianRule;
    private final Weighting weighting;
    private final HazardRatioMethod hazardRatio;

    Preset(String id, ConfidenceType confType, MedianRule medianRule, Weighting weighting,
            HazardRatioMethod hazardRatio) {
        this.hazardRatio = hazardRatio;
        this.id = id;
        this.confType = confType;
        this.medianRule = medianRule;
        this.weighting = weighting;
    }

    public String id() {
        return id;
    }

    public ConfidenceType confType() {
        return confType;
    }

    public MedianRule medianRule() {
        return medianRule;
    }

    public Weighting weighting() {
        return weighting;
    }

    /** {@return the hazard ratio this package reports for two groups: the report's primary one} */
    public HazardRatioMethod hazardRatio() {
        return hazardRatio;
    }

    public static Preset parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Preset p : values()) {
            if (p.id.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + s + "': use survkit, r, prism, sas or lifelines");
    }
}

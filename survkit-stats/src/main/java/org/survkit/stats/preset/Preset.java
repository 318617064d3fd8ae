package org.survkit.stats.preset;

import java.util.Locale;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.km.MedianRule;
import org.survkit.stats.logrank.Weighting;

/**
 * Defaults of another package, so that its numbers can be reproduced exactly. A preset only sets
 * defaults: an explicit option still wins.
 *
 * <table>
 * <caption>What each preset sets</caption>
 * <tr><th>preset</th><th>CI transform</th><th>median rule</th><th>test</th></tr>
 * <tr><td>survkit</td><td>log-log</td><td>R</td><td>log-rank</td></tr>
 * <tr><td>r</td><td>log</td><td>R</td><td>log-rank ({@code survdiff(rho = 0)})</td></tr>
 * <tr><td>prism</td><td>log-log ("asymmetrical")</td><td>midpoint</td><td>log-rank (Mantel–Cox)</td></tr>
 * <tr><td>sas</td><td>log-log ({@code CONFTYPE=LOGLOG})</td><td>R</td><td>log-rank</td></tr>
 * <tr><td>lifelines</td><td>log-log ("exponential Greenwood")</td><td>first at or below</td><td>log-rank</td></tr>
 * </table>
 */
public enum Preset {
    /** survkit's own defaults. */
    SURVKIT("survkit", ConfidenceType.LOG_LOG, MedianRule.R, Weighting.LOGRANK),
    /** R survival: {@code survfit} default {@code conf.type = "log"}. */
    R("r", ConfidenceType.LOG, MedianRule.R, Weighting.LOGRANK),
    /** GraphPad Prism. */
    PRISM("prism", ConfidenceType.LOG_LOG, MedianRule.MIDPOINT, Weighting.LOGRANK),
    /** SAS PROC LIFETEST. */
    SAS("sas", ConfidenceType.LOG_LOG, MedianRule.R, Weighting.LOGRANK),
    /** Python lifelines {@code KaplanMeierFitter}, {@code logrank_test}. */
    LIFELINES("lifelines", ConfidenceType.LOG_LOG, MedianRule.FIRST_AT_OR_BELOW, Weighting.LOGRANK);

    private final String id;
    private final ConfidenceType confType;
    private final MedianRule medianRule;
    private final Weighting weighting;

    Preset(String id, ConfidenceType confType, MedianRule medianRule, Weighting weighting) {
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

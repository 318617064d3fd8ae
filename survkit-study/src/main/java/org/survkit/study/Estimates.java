package org.survkit.study;

import java.util.Objects;
import org.survkit.stats.km.ConfidenceType;
import org.survkit.stats.km.MedianRule;
import org.survkit.stats.logrank.Weighting;
import org.survkit.stats.preset.Preset;
import org.survkit.study.key.StudyKeys;

/**
 * How survival is estimated and summarized: the preset whose defaults apply, the confidence intervals' transform
 * and level, the median rule, the times at which survival is reported and the RMST horizon. Made by
 * {@link #resolve}, the one place where a preset's defaults meet the options given.
 *
 * @param preset     the package whose defaults apply ({@code preset})
 * @param confType   the Kaplan–Meier (and cumulative incidence) CI transform ({@code conf_type})
 * @param confLevel  the level of every interval ({@code conf_level})
 * @param medianRule how a median at a flat 50% stretch is read ({@code median_rule})
 * @param at         times at which survival is reported, possibly none ({@code at})
 * @param tau        the RMST horizon, or NaN for none ({@code tau})
 */
public record Estimates(Preset preset, ConfidenceType confType, double confLevel, MedianRule medianRule, double[] at,
        double tau) {

    public Estimates {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(confType, "confType");
        Objects.requireNonNull(medianRule, "medianRule");
        at = at.clone();
    }

    @Override
    public double[] at() {
        return at.clone();
    }

    /**
     * The estimates a study asks for: every option given wins, every other takes the preset's default (the
     * {@link StudyKeys} default when the preset does not set it).
     *
     * @param preset     the preset, or null for survkit's
     * @param confType   the CI transform given, or null
     * @param confLevel  the level given, or null
     * @param medianRule the median rule given, or null
     * @param at         the times given, or null for none
     * @param tau        the RMST horizon given, or null for none
     * @return the resolved estimates
     */
    public static Estimates resolve(Preset preset, ConfidenceType confType, Double confLevel, MedianRule medianRule,
            double[] at, Double tau) {
        Preset p = preset != null ? preset : StudyKeys.PRESET.defaultValue();
        return new Estimates(p, confType != null ? confType : p.confType(),
                confLevel != null ? confLevel : StudyKeys.CONF_LEVEL.defaultValue(),
                medianRule != null ? medianRule : p.medianRule(), at == null ? new double[0] : at,
                tau == null ? Double.NaN : tau);
    }

    /** {@return the test of group comparisons: the one given, else the preset's} */
    public Weighting test(Weighting given) {
        return given != null ? given : preset.weighting();
    }
}

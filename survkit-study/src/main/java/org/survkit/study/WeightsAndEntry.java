package org.survkit.study;

import java.util.function.Function;
import org.survkit.io.InputException;
import org.survkit.stats.cox.ConcordanceWeighting;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.logrank.Weighting;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;

/**
 * The one set of rules for a study with case weights ({@code weights}) or entry times ({@code time.entry}): what they
 * combine with, checked once for every front end (the study file, the command line's report from flags, the web
 * page's study) where the study is made, {@link Study.Builder#build}.
 *
 * <p>With either, the Kaplan–Meier estimates are R's {@code survfit} with weights / {@code Surv(entry, time, event)},
 * and the groups are compared by the score test of a Cox model with the group alone, the log-rank test's counterpart
 * that takes both (R's {@code survdiff} takes neither). So the comparisons that only exist as log-rank statistics
 * (another weighting of the log-rank family, the trend test, Prism's conservative statistic) are refused, and so
 * are the restricted-mean comparison (its variance is written for right-censored, unweighted curves), a landmark
 * with entry times (entry times already say when each row starts to count); what a Cox model's options combine
 * with, weights and entry times included, is {@link CoxRules}. The report's competing-risks
 * section takes entry times (the Aalen–Johansen estimate of R's multi-state {@code survfit(Surv(entry, time,
 * factor(status)) ~ group)}, no Gray's test, which cmprsk defines for right-censored rows only, and the left-truncated
 * Fine–Gray model of {@code survkit finegray --start}) but no case weights.
 */
public final class WeightsAndEntry {
    private WeightsAndEntry() {
    }

    /**
     * Checks a study's use of case weights and entry times.
     *
     * @param s     the study
     * @param where how the user wrote each key, for the message
     * @throws InputException naming the two keys that do not combine and the fix
     */
    public static void check(Study s, Function<StudyKey<?>, Where> where) {
        boolean weights = s.weights() != null;
        boolean entry = s.time().delayedEntry();
        if (!weights && !entry) {
            return;
        }
        StudyKey<?> key = weights ? StudyKeys.WEIGHTS : StudyKeys.ENTRY;
        String what = weights ? "case weights" : "entry times";
        Comparisons c = s.comparisons();
        if (c.test() != Weighting.LOGRANK) {
            refuse(where, StudyKeys.TEST, key, "the " + c.test().displayName() + " test takes no " + what + " (R's"
                    + " survdiff has none); with " + what + " the groups are compared by the Cox score test, the"
                    + " log-rank test's counterpart. Set " + where.apply(StudyKeys.TEST).assign(StudyKeys.TEST,
                            "logrank") + ", or leave " + where.apply(key).mention(key) + " out.");
        }
        if (c.trend()) {
            refuse(where, StudyKeys.TREND, key, "the test for trend takes no " + what + ". Remove "
                    + where.apply(StudyKeys.TREND).mention(StudyKeys.TREND) + ", or leave "
                    + where.apply(key).mention(key) + " out.");
        }
        if (c.conservative()) {
            refuse(where, StudyKeys.CONSERVATIVE, key, "Prism's conservative statistic takes no " + what + ". Remove "
                    + where.apply(StudyKeys.CONSERVATIVE).mention(StudyKeys.CONSERVATIVE) + ", or leave "
                    + where.apply(key).mention(key) + " out.");
        }
        if (c.rmst() == Rmst.YES) {
            refuse(where, StudyKeys.RMST, key, "the comparison of restricted mean survival times is not available with "
                    + what + ". Set " + where.apply(StudyKeys.RMST).assign(
                            StudyKeys.RMST, "auto") + ", or leave " + where.apply(key).mention(key) + " out.");
        }
        if (entry && !Double.isNaN(s.landmark())) {
            refuse(where, StudyKeys.LANDMARK, StudyKeys.ENTRY, "a landmark and entry times both say when a row starts"
                    + " to count; give the entry times only (a row entering at the landmark has entry = landmark).");
        }
        if (weights && s.competingRisks() != null) {
            throw new InputException(where.apply(StudyKeys.WEIGHTS).name(StudyKeys.WEIGHTS) + ": the competing-risks"
                    + " analysis (cumulative incidence, Gray's test, Fine–Gray) takes no case weights here; leave the"
                    + " weights or 'competing_risks' out.");
        }
    }

    private static void refuse(Function<StudyKey<?>, Where> where, StudyKey<?> key, StudyKey<?> with, String why) {
        throw new InputException(where.apply(key).name(key) + ": cannot be combined with "
                + where.apply(with).mention(with) + ": " + why);
    }
}

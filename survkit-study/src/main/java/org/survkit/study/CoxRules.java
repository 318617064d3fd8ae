package org.survkit.study;

import java.util.function.Function;
import org.survkit.io.InputException;
import org.survkit.stats.cox.ConcordanceWeighting;
import org.survkit.stats.cox.Ties;
import org.survkit.study.key.StudyKey;
import org.survkit.study.key.StudyKeys;
import org.survkit.study.key.Where;

/**
 * The one set of rules for what a Cox model's options combine with, for every front end: the command line's
 * {@code survkit cox}, and each {@code cox} model of a study (study file, the web page's study, the report from
 * flags; checked by {@link Study.Builder#build}). They are R's own limits: Firth's fit (coxphf) has no robust
 * variance, no offset and its own iteration; the exact partial likelihood ({@code ties = "exact"}) takes no case
 * weights, no clusters and no Firth penalty; Uno's concordance is not defined for (entry, time] rows.
 */
public final class CoxRules {
    private CoxRules() {
    }

    /**
     * One model's options.
     *
     * @param firth       Firth's fit only (the command line's {@code --firth}, a study's {@code firth: yes})
     * @param ties        the ties method
     * @param weights     whether the rows have case weights
     * @param entry       whether the rows have entry times
     * @param cluster     the cluster column, or null
     * @param offset      the offset column, or null
     * @param init        whether starting values were given
     * @param iterMax     whether an iteration limit was given
     * @param concordance the concordance, or null when not given
     * @param where       how the user wrote each key, for the message
     * @throws InputException naming the two keys that do not combine and the fix
     */
    public static void check(boolean firth, Ties ties, boolean weights, boolean entry, String cluster, String offset,
            boolean init, boolean iterMax, ConcordanceWeighting concordance, Function<StudyKey<?>, Where> where) {
        if (firth && cluster != null) {
            refuse(where, StudyKeys.FIRTH, StudyKeys.CLUSTER, "Firth's method has no robust variance here. Drop one"
                    + " of them.");
        }
        if (firth) {
            StudyKey<?> other = offset != null ? StudyKeys.OFFSET : init ? StudyKeys.INIT : iterMax
                    ? StudyKeys.ITER_MAX : concordance != null ? StudyKeys.CONCORDANCE : null;
            if (other != null) {
                refuse(where, StudyKeys.FIRTH, other, "Firth's fit has its own iteration, no offset and no"
                        + " concordance here. Drop one of them.");
            }
        }
        if (ties == Ties.EXACT && (firth || weights || cluster != null)) {
            StudyKey<?> other = firth ? StudyKeys.FIRTH : weights ? StudyKeys.WEIGHTS : StudyKeys.CLUSTER;
            refuse(where, StudyKeys.TIES, other, "the exact partial likelihood (ties exact, as in R) takes no case"
                    + " weights, has no robust variance and no Firth penalty. Use efron or breslow ties.");
        }
        if (entry && concordance == ConcordanceWeighting.UNO) {
            refuse(where, StudyKeys.CONCORDANCE, StudyKeys.ENTRY, "Uno's concordance is not defined for (entry, time]"
                    + " rows, as in R's concordance(timewt = \"n/G2\"); use Harrell's (the default).");
        }
    }

    /**
     * Checks every Cox model of a study, naming a study file's model by its own line.
     *
     * @param s     the study
     * @param where how the user wrote each key
     */
    static void check(Study s, Function<StudyKey<?>, Where> where) {
        for (Study.CoxSpec m : s.cox()) {
            Function<StudyKey<?>, Where> at = k -> where.apply(k) instanceof Where.StudyFile f && m.line() > 0
                    ? Where.file(f.file(), m.line()) : where.apply(k);
            check(m.firth() == Firth.YES, m.ties(), s.weights() != null, s.time().delayedEntry(), m.cluster(),
                    m.offset(), m.init() != null, m.iterMax() != StudyKeys.ITER_MAX.defaultValue(),
                    m.concordance() == StudyKeys.CONCORDANCE.defaultValue() ? null : m.concordance(), at);
        }
    }

    private static void refuse(Function<StudyKey<?>, Where> where, StudyKey<?> key, StudyKey<?> with, String why) {
        throw new InputException(where.apply(key).name(key) + ": cannot be combined with "
                + where.apply(with).mention(with) + ": " + why);
    }
}

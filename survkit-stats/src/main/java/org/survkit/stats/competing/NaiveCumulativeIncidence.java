package org.survkit.stats.competing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.model.Factor;

/**
 * The incidence of one cause by 1 − Kaplan–Meier with the other causes censored ("naive"), next to the
 * Aalen–Johansen cumulative incidence of the same cause at the same time in the same group — the
 * comparison that shows how much the naive estimate overstates the incidence when competing events occur.
 *
 * <p>With F̂<sub>c</sub> the Aalen–Johansen estimate and Ŝ<sub>c</sub> the Kaplan–Meier estimate that
 * censors the other causes, 1 − Ŝ<sub>c</sub>(t) ≥ F̂<sub>c</sub>(t), with equality exactly when no
 * competing event occurs before t in the group (Pintilie, <i>Competing Risks: A Practical Perspective</i>,
 * 2006, §4.2; Putter, Fiocco &amp; Geskus, <i>Stat Med</i> 2007;26:2389, §3). 1 − Ŝ<sub>c</sub> estimates
 * the incidence in a world where the competing events were abolished, not the share of patients who
 * actually have the event.
 *
 * <p>The Kaplan–Meier estimate uses the times as given (no timefix), as cmprsk does for F̂.
 *
 * @param group  group label ("all" without groups)
 * @param cause  the cause code
 * @param time   the time both are read at
 * @param naive  1 − Ŝ<sub>c</sub>(time)
 * @param cif    F̂<sub>c</sub>(time)
 */
public record NaiveCumulativeIncidence(String group, double cause, double time, double naive, double cif) {

    public NaiveCumulativeIncidence {
        Objects.requireNonNull(group, "group");
    }

    /** {@return naive − cif: how much 1 − Kaplan–Meier overstates the cumulative incidence (≥ 0)} */
    public double difference() {
        return naive - cif;
    }

    /**
     * Both estimates for every cause in every group of a fit, at one time. Groups whose last follow-up is
     * before {@code at} are left out (neither estimate is defined there, as {@link CumulativeIncidenceCurve#at}).
     *
     * @param result     the fit of {@link CumulativeIncidence} on these data
     * @param time       the follow-up times the result was fitted on
     * @param status     the status codes it was fitted on
     * @param group      the groups it was fitted on (same levels as {@code result.groups()}), or null without groups
     * @param at         the time, ≥ 0
     * @return one row per group and cause, cause-major as {@link CumulativeIncidenceResult#curves()}
     * @throws IllegalArgumentException when the data do not match the result, or {@code at} is not ≥ 0
     */
    public static List<NaiveCumulativeIncidence> of(CumulativeIncidenceResult result, double[] time,
            double[] status, Factor group, double at) {
        return of(result, null, time, status, group, at);
    }

    /**
     * As {@link #of(CumulativeIncidenceResult, double[], double[], Factor, double)} for a fit with entry times:
     * the Kaplan–Meier estimate is then R's {@code survfit(Surv(entry, time, status == cause) ~ 1)} of the
     * (entry, time] rows.
     *
     * @param entry the entry times the result was fitted on, or null without
     */
    public static List<NaiveCumulativeIncidence> of(CumulativeIncidenceResult result, double[] entry, double[] time,
            double[] status, Factor group, double at) {
        if (!(at >= 0) || Double.isInfinite(at)) {
            throw new IllegalArgumentException("the time must be a finite number >= 0, got " + at);
        }
        CompetingRisksInput.check(time, status, result.censorCode());
        int n = time.length;
        Factor g = group == null ? Factor.single("all", n) : group;
        if (g.codes().length != n || !g.levels().equals(result.groups())) {
            throw new IllegalArgumentException("the groups " + g.levels() + " are not those of the fit "
                    + result.groups());
        }
        KaplanMeier km = KaplanMeier.withDefaults().withTimeFix(false);
        int[][] rows = g.rowsByLevel();
        List<NaiveCumulativeIncidence> out = new ArrayList<>();
        for (double cause : result.causes()) {
            for (int k = 0; k < g.levelCount(); k++) {
                String label = g.levels().get(k);
                CumulativeIncidenceCurve curve = result.curve(label, cause);
                if (at > curve.lastTime()) {
                    continue;
                }
                double[] t = new double[rows[k].length];
                double[] t0 = entry == null ? null : new double[t.length];
                boolean[] e = new boolean[rows[k].length];
                for (int i = 0; i < t.length; i++) {
                    t[i] = time[rows[k][i]];
                    e[i] = status[rows[k][i]] == cause;
                    if (t0 != null) {
                        t0[i] = entry[rows[k][i]];
                    }
                }
                SurvivalCurve kmCurve = t0 == null ? km.fit(t, e)
                        : km.fit(t0, t, e, null, Factor.single(label, t.length)).get(0).curve();
                double s = kmCurve.at(at).get(0).survival();
                out.add(new NaiveCumulativeIncidence(label, cause, at, 1 - s, curve.at(at).get(0).cif()));
            }
        }
        return List.copyOf(out);
    }
}

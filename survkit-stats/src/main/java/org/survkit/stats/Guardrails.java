package org.survkit.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks for the classic mistakes of small clinical survival studies, returned as
 * {@link Diagnostic}s: tiny groups, groups without events, estimates read beyond follow-up or
 * where few remain at risk, chi-square approximations on few expected events, unadjusted
 * multiple comparisons and crossing curves.
 */
public final class Guardrails {
    /** Below this many subjects a group's curve is called small. */
    public static final int SMALL_GROUP = 10;
    /** Below this many at risk an estimate at a time point is called unstable. */
    public static final int FEW_AT_RISK = 5;

    private Guardrails() {
    }

    /**
     * Caveats of Kaplan–Meier curves and of the estimates at chosen times and horizons.
     *
     * @param curves per-group curves
     * @param at     requested times (may be empty)
     * @param tau    RMST horizon, or NaN
     */
    public static List<Diagnostic> forCurves(List<GroupCurve> curves, double[] at, double tau) {
        List<Diagnostic> out = new ArrayList<>();
        for (GroupCurve gc : curves) {
            SurvivalCurve c = gc.curve();
            String g = label(gc.group(), curves.size());
            if (c.n() < SMALL_GROUP) {
                out.add(Diagnostic.warning("small-group", g + " has only " + c.n() + " subject" + (c.n() == 1 ? "" : "s")
                        + ": its survival estimates and confidence intervals are very imprecise."));
            }
            if (c.events() == 0) {
                out.add(Diagnostic.warning("no-events", g + " has no events among " + c.n()
                        + " subjects: its survival stays at 100% and it carries no information on the hazard; "
                        + "a hazard ratio against it is infinite or zero (use Firth's correction in Cox models)."));
            }
            double last = c.size() == 0 ? 0 : c.timeView()[c.size() - 1];
            for (double t : at) {
                SurvivalAtTime a = c.at(t).get(0);
                if (t > last) {
                    out.add(Diagnostic.warning("beyond-follow-up", "Survival at " + num(t) + " in " + g
                            + " is beyond its last observation (" + num(last)
                            + "): the last estimate is carried forward with nobody at risk."));
                } else if (a.nRisk() < FEW_AT_RISK) {
                    out.add(Diagnostic.warning("few-at-risk", "Only " + a.nRisk() + " subject" + (a.nRisk() == 1 ? "" : "s")
                            + " of " + g + " remain at risk at " + num(t)
                            + ": the estimate there rests on very few patients."));
                }
            }
            if (!Double.isNaN(tau) && tau > last) {
                out.add(Diagnostic.warning("tau-beyond-follow-up", "The RMST horizon " + num(tau)
                        + " is beyond the last observation of " + g + " (" + num(last)
                        + "): the curve is extrapolated flat; choose a horizon every group reaches."));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Caveats of a k-group comparison.
     *
     * @param result     the overall test
     * @param curves     the groups' Kaplan–Meier curves (for crossing), or an empty list
     * @param pairs      number of pairwise comparisons made (0 if none)
     * @param adjustment adjustment used for them
     */
    public static List<Diagnostic> forComparison(LogRankResult result, List<GroupCurve> curves, int pairs,
            PValueAdjustment adjustment) {
        List<Diagnostic> out = new ArrayList<>();
        for (GroupSummary g : result.groups()) {
            if (g.expected() < 5 && g.expected() > 0) {
                out.add(Diagnostic.note("few-expected", "Group " + g.group() + " expects only "
                        + String.format(Locale.ROOT, "%.1f", g.expected())
                        + " events under the null hypothesis: the chi-square p-value is approximate."));
            }
        }
        if (pairs > 1 && adjustment == PValueAdjustment.NONE) {
            double fwer = 1 - Math.pow(0.95, pairs);
            out.add(Diagnostic.warning("unadjusted-multiple-comparisons", pairs
                    + " pairwise comparisons without adjustment: the chance of at least one false positive at the 5% level"
                    + " can reach " + Math.round(100 * fwer) + "%. Use --adjust holm (or bonferroni, bh)."));
        }
        if (curves.size() >= 2 && crosses(curves) && result.weighting() == Weighting.LOGRANK) {
            out.add(Diagnostic.warning("crossing-curves", "The Kaplan–Meier curves cross: hazards are not proportional"
                    + " and the log-rank test loses power. Consider a weighted test (fh with gamma > 0 for late, gehan"
                    + " for early differences) or comparing restricted mean survival times."));
        }
        return List.copyOf(out);
    }

    /**
     * Whether some pair of curves changes order decisively: the difference in survival exceeds
     * 0.05 in both directions at times where each curve still has at least {@link #FEW_AT_RISK}
     * at risk.
     */
    static boolean crosses(List<GroupCurve> curves) {
        for (int a = 0; a < curves.size(); a++) {
            for (int b = a + 1; b < curves.size(); b++) {
                SurvivalCurve x = curves.get(a).curve();
                SurvivalCurve y = curves.get(b).curve();
                boolean above = false;
                boolean below = false;
                double[] times = merge(x.timeView(), y.timeView());
                for (double t : times) {
                    SurvivalAtTime sx = x.at(t).get(0);
                    SurvivalAtTime sy = y.at(t).get(0);
                    if (sx.nRisk() < FEW_AT_RISK || sy.nRisk() < FEW_AT_RISK) {
                        continue;
                    }
                    double d = sx.survival() - sy.survival();
                    above |= d > 0.05;
                    below |= d < -0.05;
                }
                if (above && below) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double[] merge(double[] a, double[] b) {
        double[] m = new double[a.length + b.length];
        System.arraycopy(a, 0, m, 0, a.length);
        System.arraycopy(b, 0, m, a.length, b.length);
        java.util.Arrays.sort(m);
        return m;
    }

    private static String label(String group, int groups) {
        return groups == 1 && group.equals("all") ? "The cohort" : "Group " + group;
    }

    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return String.format(Locale.ROOT, "%.4g", x);
    }
}

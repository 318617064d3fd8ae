package org.survkit.stats.guardrails;

import static org.survkit.stats.internal.DiagnosticText.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.PValueFormat;
import org.survkit.stats.PercentFormat;
import org.survkit.stats.cox.ProportionalHazardsTest;
import org.survkit.stats.cox.ZphResult;
import org.survkit.stats.cox.ZphTerm;
import org.survkit.stats.internal.Normal;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.SurvivalAtTime;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.logrank.GroupSummary;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.Weighting;

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
    /** Below this many events a group's estimates rest on a handful of deaths. */
    public static final int FEW_EVENTS = 5;
    /** Standardized mean difference above which groups are called imbalanced at baseline (Austin 2009). */
    public static final double IMBALANCE_SMD = 0.1;

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
        return forCurves(curves, at, tau, "", Double.NaN);
    }

    /**
     * Caveats of Kaplan–Meier curves, with times named in their unit; few at risk at the
     * {@code horizon} is left to {@link #forHorizon}, which says it with the follow-up.
     *
     * @param curves  per-group curves
     * @param at      requested times (may be empty)
     * @param tau     RMST horizon, or NaN
     * @param unit    the time unit's name for the messages ("months"), or "" for none
     * @param horizon the study horizon checked by {@link #forHorizon}, or NaN
     */
    public static List<Diagnostic> forCurves(List<GroupCurve> curves, double[] at, double tau, String unit,
            double horizon) {
        List<Diagnostic> out = new ArrayList<>();
        String u = unit == null || unit.isEmpty() ? "" : " " + unit;
        int totalN = 0;
        double totalEvents = 0;
        for (GroupCurve gc : curves) {
            totalN += gc.curve().n();
            totalEvents += gc.curve().events();
        }
        for (GroupCurve gc : curves) {
            SurvivalCurve c = gc.curve();
            String g = label(gc.group(), curves.size());
            String gLower = curves.size() == 1 && gc.group().equals("all") ? "the cohort" : "group " + gc.group();
            String power = curves.size() < 2 ? "" : detectable(c.n(), totalN, totalEvents);
            if (c.n() < SMALL_GROUP) {
                out.add(Diagnostic.warning("small-group", g + " has only " + c.n() + " subject" + (c.n() == 1 ? "" : "s")
                        + ": its survival estimates and confidence intervals are very imprecise." + power));
            }
            if (c.events() > 0 && c.events() < FEW_EVENTS) {
                out.add(Diagnostic.warning("few-events", g + " has only " + count(c.events()) + " event"
                        + (c.events() == 1 ? "" : "s") + " among " + c.n() + " subjects: its curve, median and any"
                        + " hazard ratio against it rest on " + (c.events() == 1 ? "that event" : "those events")
                        + "." + power));
            }
            if (c.events() == 0) {
                out.add(Diagnostic.warning("no-events", g + " has no events among " + c.n()
                        + " subjects: its survival stays at 100% and it carries no information on the hazard; "
                        + "a hazard ratio against it is infinite or zero (use Firth's correction in Cox models)."));
            }
            double last = c.size() == 0 ? 0 : c.time()[c.size() - 1];
            for (double t : at) {
                SurvivalAtTime a = c.at(t).get(0);
                if (t > last) {
                    out.add(Diagnostic.warning("beyond-follow-up", "Survival at " + num(t) + u + " in " + gLower
                            + " is beyond its last observation (" + num(last) + u
                            + "): the last estimate is carried forward with nobody at risk."));
                } else if (a.nRisk() < FEW_AT_RISK && t != horizon) {
                    out.add(Diagnostic.warning("few-at-risk", "Only " + count(a.nRisk()) + " subject" + (a.nRisk() == 1 ? "" : "s")
                            + " of " + gLower + " remain at risk at " + num(t) + u
                            + ": the estimate there rests on very few patients."));
                }
            }
            if (!Double.isNaN(tau) && tau > last) {
                out.add(Diagnostic.warning("tau-beyond-follow-up", "The RMST horizon " + num(tau) + u
                        + " is beyond the last observation of " + gLower + " (" + num(last) + u
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
    public static boolean crosses(List<GroupCurve> curves) {
        for (int a = 0; a < curves.size(); a++) {
            for (int b = a + 1; b < curves.size(); b++) {
                SurvivalCurve x = curves.get(a).curve();
                SurvivalCurve y = curves.get(b).curve();
                boolean above = false;
                boolean below = false;
                double[] times = merge(x.time(), y.time());
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

    /**
     * The smallest hazard ratio (≥ 1) a two-group log-rank test detects with the given number of
     * events, by Schoenfeld's formula (Schoenfeld 1983, Biometrika 70:316): D = (z_{1−α/2} + z_{power})²
     * / (p(1−p) log²HR), solved for HR = exp((z_{1−α/2} + z_{power}) / sqrt(D p (1−p))).
     *
     * @param events     total events in the two groups
     * @param allocation fraction of subjects in one group, in (0, 1)
     * @param alpha      two-sided significance level, e.g. 0.05
     * @param power      e.g. 0.8
     * @return the minimum detectable hazard ratio (its reciprocal is the protective equivalent);
     *         infinite with no events
     */
    public static double minimumDetectableHazardRatio(int events, double allocation, double alpha, double power) {
        if (!(allocation > 0 && allocation < 1) || !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("allocation, alpha and power must be in (0, 1)");
        }
        if (events <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double z = Normal.quantile(1 - alpha / 2) + Normal.quantile(power);
        return Math.exp(z / Math.sqrt(events * allocation * (1 - allocation)));
    }

    /**
     * Caveats of reporting survival at a horizon (e.g. 5-year survival): median follow-up (reverse
     * Kaplan–Meier) shorter than the horizon, or fewer than {@link #FEW_AT_RISK} still at risk there.
     *
     * @param curves   per-group Kaplan–Meier curves
     * @param followUp per-group reverse Kaplan–Meier curves (same order)
     * @param horizon  the horizon, in the time unit of the data
     * @param unit     the unit's name for the message (e.g. "months")
     */
    public static List<Diagnostic> forHorizon(List<GroupCurve> curves, List<GroupCurve> followUp, double horizon,
            String unit) {
        List<Diagnostic> out = new ArrayList<>();
        for (int k = 0; k < curves.size(); k++) {
            String g = curves.size() == 1 && curves.get(k).group().equals("all") ? "the cohort"
                    : "group " + curves.get(k).group();
            double med = followUp.get(k).curve().median().estimate();
            double atRisk = curves.get(k).curve().at(horizon).get(0).nRisk();
            if (!Double.isNaN(med) && med < horizon) {
                out.add(Diagnostic.warning("follow-up-short", "Median follow-up of " + g + " is " + num(med) + " " + unit + ", shorter than the "
                        + "horizon of " + num(horizon) + " " + unit + ": survival at " + num(horizon) + " " + unit
                        + " is largely an extrapolation; report it with its confidence interval and the number"
                        + " at risk (" + count(atRisk) + ")."));
            } else if (atRisk < FEW_AT_RISK) {
                out.add(Diagnostic.warning("few-at-risk-horizon", "Only " + count(atRisk) + " subject" + (atRisk == 1 ? "" : "s")
                        + " of " + g + " remain at risk at "
                        + num(horizon) + " " + unit + ": the survival estimate there rests on very few patients."));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Immortal-time check: when every subject was observed (alive) for at least a common minimum
     * time, inclusion probably required surviving that long (e.g. "treated for at least one year"),
     * and survival measured from the original start is biased upwards. Flags a minimum time that is
     * positive, at least 5% of the longest follow-up, and not undercut by any event or censoring.
     *
     * @param time  follow-up times
     * @param event event indicators
     * @param unit  the time unit's name for the message
     * @return the diagnostic, or an empty list
     */
    public static List<Diagnostic> forImmortalTime(double[] time, boolean[] event, String unit) {
        if (time.length < 2) {
            return List.of();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double t : time) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        if (!(min > 0) || min < 0.05 * max) {
            return List.of();
        }
        return List.of(Diagnostic.warning("immortal-time", "Every patient was followed for at least " + num(min) + " "
                + unit + " (nobody died or was censored earlier). If inclusion required surviving that long (for"
                + " example 'treated for at least one year'), survival counted from the start of treatment is biased"
                + " upwards (immortal time): analyse from a landmark at " + num(min) + " " + unit
                + " (--landmark, or 'landmark:' in a study file) or model treatment as a time-dependent covariate"
                + " with (start, stop] rows (cox --start; worked example in survkit's examples/heart-transplant)."));
    }

    /**
     * The power caveat of a two-group comparison: the smallest hazard ratio detectable with 80% power
     * at α = 0.05 given the events observed (Schoenfeld), when the comparison is not significant.
     */
    public static List<Diagnostic> forPower(LogRankResult result) {
        if (result.groups().size() != 2 || !(result.pValue() >= 0.05)) {
            return List.of();
        }
        GroupSummary a = result.groups().get(0);
        GroupSummary b = result.groups().get(1);
        int events = (int) Math.round(a.observed() + b.observed());
        double p = (double) a.n() / (a.n() + b.n());
        double hr = minimumDetectableHazardRatio(events, p, 0.05, 0.8);
        return List.of(Diagnostic.note("low-power", "Not significant, but with " + events + " events this comparison"
                + " could only detect a hazard ratio of " + String.format(Locale.ROOT, "%.2f", hr) + " (or "
                + String.format(Locale.ROOT, "%.2f", 1 / hr) + ") with 80% power at the 5% level (Schoenfeld):"
                + " absence of evidence is not evidence of absence."));
    }

    /**
     * Terms whose proportional-hazards test ({@link ProportionalHazardsTest}) rejects at the 5% level:
     * their hazard ratio is an average over follow-up.
     */
    public static List<Diagnostic> forProportionalHazards(ZphResult zph) {
        List<Diagnostic> out = new ArrayList<>();
        for (ZphTerm z : zph.terms()) {
            if (z.pValue() < 0.05) {
                out.add(Diagnostic.warning("non-proportional-hazards", "The effect of '" + z.term() + "' changes over"
                        + " time (proportional-hazards test " + PValueFormat.withSymbol(z.pValue()) + "): its hazard"
                        + " ratio is an average"
                        + " over follow-up. Consider stratifying on it, a time-varying effect, or restricted mean"
                        + " survival time."));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Fewer than about 10 events per estimated coefficient: Cox estimates are biased and their
     * intervals too narrow (Peduzzi et al., J Clin Epidemiol 1995;48:1503).
     *
     * @param events       events in the model
     * @param coefficients estimable coefficients
     */
    public static List<Diagnostic> forEventsPerCoefficient(int events, int coefficients) {
        if (coefficients <= 0 || events >= 10 * coefficients) {
            return List.of();
        }
        return List.of(Diagnostic.warning("few-events-per-coefficient", "The model has " + events + " events for "
                + coefficients + " coefficient" + (coefficients == 1 ? "" : "s") + " ("
                + num(Math.round(10.0 * events / coefficients) / 10.0) + " per coefficient). With fewer than about 10"
                + " events per coefficient, Cox estimates are biased and their intervals too narrow (Peduzzi et al."
                + " 1995): use fewer covariates or report the model as exploratory."));
    }

    private static double[] merge(double[] a, double[] b) {
        double[] m = new double[a.length + b.length];
        System.arraycopy(a, 0, m, 0, a.length);
        System.arraycopy(b, 0, m, a.length, b.length);
        java.util.Arrays.sort(m);
        return m;
    }

    /**
     * Unadjusted comparison of groups that differ at baseline: the variables whose standardized
     * mean difference between groups exceeds {@link #IMBALANCE_SMD} (Austin 2009) and that no model
     * adjusts the group comparison for.
     *
     * @param variables labels of the baseline variables the comparisons are not adjusted for
     * @param smd       their standardized differences (the largest over pairs of groups; NaN if not computable)
     * @return one warning naming every imbalanced variable, or an empty list
     */
    public static List<Diagnostic> forBaselineImbalance(List<String> variables, double[] smd) {
        if (variables.size() != smd.length) {
            throw new IllegalArgumentException("one SMD per variable: " + variables.size() + " vs " + smd.length);
        }
        List<String> imbalanced = new ArrayList<>();
        for (int i = 0; i < smd.length; i++) {
            if (smd[i] > IMBALANCE_SMD) {
                imbalanced.add(variables.get(i) + " (SMD " + PercentFormat.decimal(smd[i], 2) + ")");
            }
        }
        if (imbalanced.isEmpty()) {
            return List.of();
        }
        return List.of(Diagnostic.warning("unadjusted-comparison", "The groups differ at baseline in "
                + String.join(", ", imbalanced) + " (standardized difference above " + num(IMBALANCE_SMD) + "), and"
                + " the survival comparisons are not adjusted for " + (imbalanced.size() == 1 ? "it" : "them")
                + ": differences in survival may reflect these characteristics rather than the grouping. Add a Cox"
                + " model with the group and these covariates (as many as the events allow), or describe the"
                + " comparison as unadjusted."));
    }

    /** A count as a whole number, or with decimals when it is a sum of non-integer case weights. */
    private static String count(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : num(x);
    }

    /**
     * The smallest hazard ratio a comparison of one group (n of N subjects) against the others could
     * detect with 80% power at the 5% level, given all the events observed (Schoenfeld 1983).
     */
    private static String detectable(int n, int totalN, double totalEvents) {
        if (totalEvents == 0 || n == 0 || n == totalN) {
            return "";
        }
        double hr = minimumDetectableHazardRatio((int) Math.round(totalEvents), (double) n / totalN, 0.05, 0.8);
        return " With " + count(totalEvents) + " events in all, a comparison of this group (" + n + " of " + totalN
                + " subjects) against the others could only detect a hazard ratio of "
                + String.format(Locale.ROOT, "%.2f", hr) + " (or " + String.format(Locale.ROOT, "%.2f", 1 / hr)
                + ") with 80% power at the 5% level (Schoenfeld).";
    }

    private static String label(String group, int groups) {
        return groups == 1 && group.equals("all") ? "The cohort" : "Group " + group;
    }
}

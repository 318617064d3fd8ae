package org.survkit.stats.competing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.PercentFormat;
import org.survkit.stats.guardrails.Guardrails;
import org.survkit.stats.internal.DiagnosticText;

/**
 * Caveats of competing-risks analyses, returned as {@link Diagnostic}s: small groups, a cause that never
 * occurs in a group, estimates asked for beyond follow-up, Gray's tests on few events or with a singular
 * variance, Fine–Gray models with few events per coefficient, and 1 − Kaplan–Meier of a cause overstating its
 * incidence ({@link #forNaiveIncidence}).
 */
public final class CompetingRisksGuardrails {
    /** Below this many events of a cause Gray's chi-square p-value is called approximate. */
    static final int FEW_EVENTS = 5;

    private CompetingRisksGuardrails() {
    }

    /**
     * Caveats of curves and Gray's tests (all of a fit's, as {@link CumulativeIncidenceResult#diagnostics()}, or a
     * selection of them).
     */
    public static List<Diagnostic> forCurves(List<CumulativeIncidenceCurve> curves, List<GrayTestResult> tests) {
        List<Diagnostic> out = new ArrayList<>();
        Set<String> small = new LinkedHashSet<>();
        long groups = curves.stream().map(CumulativeIncidenceCurve::group).distinct().count();
        for (CumulativeIncidenceCurve c : curves) {
            String g = label(c.group(), groups);
            if (c.n() < Guardrails.SMALL_GROUP && small.add(c.group())) {
                out.add(Diagnostic.warning("small-group", g + " has only " + c.n() + " subject" + (c.n() == 1 ? "" : "s")
                        + ": its cumulative incidence estimates and confidence intervals are very imprecise."));
            }
            if (c.events() == 0) {
                out.add(Diagnostic.note("no-events-of-cause", g + " has no events of cause " + DiagnosticText.num(c.cause())
                        + ": its cumulative incidence of that cause stays 0."));
            }
        }
        for (GrayTestResult t : tests) {
            int events = curves.stream().filter(c -> c.cause() == t.cause()).mapToInt(CumulativeIncidenceCurve::events)
                    .sum();
            if (Double.isNaN(t.statistic())) {
                out.add(Diagnostic.warning("singular-gray-test", "Gray's test of cause " + DiagnosticText.num(t.cause())
                        + " cannot be computed: the variance of its scores is singular (e.g. a group never at risk"
                        + " when the cause occurs). cmprsk reports -1 here; survkit reports NA."));
            } else if (events < FEW_EVENTS) {
                out.add(Diagnostic.note("few-events", "Cause " + DiagnosticText.num(t.cause()) + " has only " + events
                        + " event" + (events == 1 ? "" : "s") + ": the chi-square p-value of Gray's test is approximate."));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Caveats of estimates read at chosen times: a time beyond a group's last follow-up (reported as NA, as
     * cmprsk's {@code timepoints}).
     */
    public static List<Diagnostic> forTimes(CumulativeIncidenceResult result, double[] at) {
        List<Diagnostic> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (CumulativeIncidenceCurve c : result.curves()) {
            for (double t : at) {
                if (t > c.lastTime() && seen.add(c.group() + "\u0000" + t)) {
                    out.add(Diagnostic.warning("beyond-follow-up", "The cumulative incidence at " + DiagnosticText.num(t)
                            + " in " + (result.groups().size() == 1 && c.group().equals("all") ? "the cohort" : "group " + c.group())
                            + " is beyond its last follow-up (" + DiagnosticText.num(c.lastTime())
                            + "): it is reported as NA."));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Caveats of a Fine–Gray model beyond those of the fit itself: few events per coefficient. */
    public static List<Diagnostic> forFineGray(FineGrayModel m) {
        List<Diagnostic> out = new ArrayList<>(m.diagnostics());
        int p = (int) m.coefficients().stream().filter(k -> !k.aliased()).count();
        if (p > 0 && m.events() < 10 * p) {
            out.add(Diagnostic.warning("few-events-per-coefficient", "The model has " + m.events() + " events of cause "
                    + DiagnosticText.num(m.cause()) + " for " + p + " coefficient" + (p == 1 ? "" : "s") + " ("
                    + DiagnosticText.num(Math.round(10.0 * m.events() / p) / 10.0) + " per coefficient). With fewer than"
                    + " about 10 events per coefficient, estimates are biased and their intervals too narrow: use fewer"
                    + " covariates or report the model as exploratory."));
        }
        if (m.competingEvents() == 0) {
            out.add(Diagnostic.note("no-competing-events", "No competing event occurred: the Fine–Gray model is then"
                    + " the Cox model (Breslow ties) with robust standard errors."));
        }
        return List.copyOf(out);
    }

    /**
     * The bias of 1 − Kaplan–Meier: one note per cause whose naive estimate (other causes censored) exceeds its
     * cumulative incidence by at least 0.1 percentage point in some group, with both numbers and the difference
     * per group. A Kaplan–Meier analysis of one cause next to a competing-risks one is the usual way this bias
     * reaches a paper.
     *
     * @param rows the comparison, as {@link NaiveCumulativeIncidence#of}
     * @param unit the time unit for the message ("days"), or null
     */
    public static List<Diagnostic> forNaiveIncidence(List<NaiveCumulativeIncidence> rows, String unit) {
        List<Diagnostic> out = new ArrayList<>();
        long groups = rows.stream().map(NaiveCumulativeIncidence::group).distinct().count();
        List<Double> causes = rows.stream().map(NaiveCumulativeIncidence::cause).distinct().toList();
        for (double cause : causes) {
            List<NaiveCumulativeIncidence> mine = rows.stream().filter(r -> r.cause() == cause).toList();
            double largest = mine.stream().mapToDouble(NaiveCumulativeIncidence::difference).max().orElse(0);
            if (!(largest >= NAIVE_THRESHOLD)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (NaiveCumulativeIncidence r : mine) {
                parts.add((groups == 1 && r.group().equals("all") ? "" : r.group() + ": ") + pct(r.naive()) + "% vs "
                        + pct(r.cif()) + "% (+" + pct(r.difference()) + ")");
            }
            String at = DiagnosticText.num(mine.get(0).time()) + (unit == null || unit.isBlank() ? "" : " " + unit);
            out.add(Diagnostic.note("naive-incidence", "At " + at + ", 1 \u2212 Kaplan\u2013Meier of cause "
                    + DiagnosticText.num(cause) + " with the other causes censored overstates its cumulative incidence"
                    + " (difference in percentage points) \u2014 " + String.join("; ", parts) + ". Competing events remove"
                    + " patients who then can no longer have this event; 1 \u2212 Kaplan\u2013Meier estimates its"
                    + " incidence in a world without them. Report the cumulative incidence (Aalen\u2013Johansen) as the"
                    + " share of patients with the event."));
        }
        return List.copyOf(out);
    }

    /** Differences below this (0.1 percentage point) are not reported: they vanish in rounding. */
    static final double NAIVE_THRESHOLD = 0.001;

    private static String pct(double f) {
        return PercentFormat.decimal(100 * f, 1);
    }

    private static String label(String group, long groups) {
        return groups == 1 && group.equals("all") ? "The cohort" : "Group " + group;
    }
}

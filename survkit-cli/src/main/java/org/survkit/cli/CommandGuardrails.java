package org.survkit.cli;

import java.util.ArrayList;
import java.util.List;
import org.survkit.stats.Diagnostic;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.competing.CompetingRisksGuardrails;
import org.survkit.stats.competing.CumulativeIncidenceCurve;
import org.survkit.stats.competing.CumulativeIncidenceResult;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.GrayTestResult;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.ZphResult;
import org.survkit.stats.guardrails.Guardrails;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.study.Estimates;

/**
 * The statistical caveats each command attaches to its result, in the order its output shows them, computed once for
 * every engine: the local commands and the Spark engine ({@code --engine spark}) call these with their own engines'
 * results, so that a command prints the same notes whichever engine ran it. Each method needs only what both engines
 * have: curves, tests and models, and the analysed follow-up times (a frequency table's distinct times suffice:
 * only the shortest and the longest are read).
 */
public final class CommandGuardrails {
    private CommandGuardrails() {
    }

    /**
     * {@code km}'s caveats: the curves' (at the times asked and within the RMST horizon), the follow-up at the last
     * time asked, immortal time (not with entry times, which handle a period before follow-up), the test's.
     *
     * @param time  the analysed follow-up times (or their distinct values)
     * @param event whether each time is an event (as {@code time})
     * @param unit  the time unit's name for the messages
     * @param entry whether the rows have entry times
     * @param test  the test across the groups, or null
     */
    public static List<Diagnostic> km(List<GroupCurve> curves, List<GroupCurve> followUp, Estimates estimates,
            double[] time, boolean[] event, String unit, boolean entry, LogRankResult test) {
        double[] at = estimates.at();
        double horizon = at.length > 0 ? java.util.Arrays.stream(at).max().getAsDouble() : Double.NaN;
        List<Diagnostic> d = new ArrayList<>(Guardrails.forCurves(curves, at, estimates.tau(), unit, horizon));
        if (at.length > 0) {
            d.addAll(Guardrails.forHorizon(curves, followUp, horizon, unit));
        }
        if (!entry) {
            d.addAll(Guardrails.forImmortalTime(time, event, unit));
        }
        if (test != null) {
            d.addAll(Guardrails.forComparison(test, curves, 0, PValueAdjustment.HOLM));
        }
        return d;
    }

    /**
     * {@code compare}'s caveats: the curves', the comparison's (pairs and their adjustment), RMST beyond follow-up,
     * power, immortal time.
     *
     * @param pairs the number of pairwise comparisons shown
     * @param rmst  the RMST horizon when RMST is compared, else null
     */
    public static List<Diagnostic> compare(LogRankResult test, List<GroupCurve> curves, int pairs,
            PValueAdjustment adjustment, Double rmst, double[] time, boolean[] event, String unit) {
        List<Diagnostic> d = new ArrayList<>(Guardrails.forCurves(curves, new double[0], Double.NaN));
        d.addAll(Guardrails.forComparison(test, curves, pairs, adjustment));
        if (rmst != null) {
            d.addAll(Guardrails.forCurves(curves, new double[0], rmst).stream()
                    .filter(x -> x.code().equals("tau-beyond-follow-up")).toList());
        }
        d.addAll(Guardrails.forPower(test));
        d.addAll(Guardrails.forImmortalTime(time, event, unit));
        return d;
    }

    /**
     * {@code cox}'s caveats: the model's own (but "no events" when the reader already said why), events per
     * coefficient, the proportional-hazards test's.
     *
     * @param zph                the proportional-hazards test, or null when not computed
     * @param readerSaidNoEvents whether the reader's warnings already say that the event never occurs
     */
    public static List<Diagnostic> cox(CoxModel m, ZphResult zph, boolean readerSaidNoEvents) {
        List<Diagnostic> d = new ArrayList<>();
        for (Diagnostic x : m.diagnostics()) {
            if (!(readerSaidNoEvents && x.code().equals("no-events"))) {
                d.add(x);
            }
        }
        if (m.events() > 0) {
            d.addAll(Guardrails.forEventsPerCoefficient(m.events(),
                    (int) m.coefficients().stream().filter(k -> !k.aliased()).count()));
        }
        if (zph != null) {
            d.addAll(Guardrails.forProportionalHazards(zph));
        }
        return d;
    }

    /**
     * {@code cif}'s caveats: the curves' and Gray's tests' shown, the times asked, and that Gray's test is not
     * computed with entry times.
     *
     * @param entry  whether the rows have entry times
     * @param groups whether there are groups (Gray's test would compare them)
     */
    public static List<Diagnostic> cif(CumulativeIncidenceResult fit, List<CumulativeIncidenceCurve> curves,
            List<GrayTestResult> tests, double[] at, boolean entry, boolean groups) {
        List<Diagnostic> d = new ArrayList<>(CompetingRisksGuardrails.forCurves(curves, tests));
        d.addAll(CompetingRisksGuardrails.forTimes(fit, at));
        if (entry && groups) {
            d.add(Diagnostic.note("gray_entry", "Gray's test is not computed with entry times (--start): it"
                    + " is defined for right-censored data only (R cmprsk's cuminc takes no entry times)."));
        }
        return d;
    }

    /** {@code finegray}'s caveats: the model's (few events, non-convergence, aliased columns). */
    public static List<Diagnostic> fineGray(FineGrayModel m) {
        return CompetingRisksGuardrails.forFineGray(m);
    }
}

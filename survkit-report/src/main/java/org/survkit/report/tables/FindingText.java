package org.survkit.report.tables;

import java.util.Map;
import org.survkit.stats.Diagnostic;

/**
 * Titles for survkit-stats' diagnostic codes, and their advice in study-file words (the statistics
 * layer names command-line options such as {@code --firth}; a report reader edits a study file).
 */
public final class FindingText {

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("small-group", "Small group"),
            Map.entry("no-events", "Group without events"),
            Map.entry("few-events", "Few events"),
            Map.entry("no-events-of-cause", "No events of a cause"),
            Map.entry("naive-incidence", "1 \u2212 Kaplan\u2013Meier overstates the incidence"),
            Map.entry("singular-gray-test", "Gray's test not computable"),
            Map.entry("no-competing-events", "No competing events"),
            Map.entry("beyond-follow-up", "Estimate beyond follow-up"),
            Map.entry("few-at-risk", "Few patients at risk"),
            Map.entry("few-at-risk-horizon", "Few patients at risk at the horizon"),
            Map.entry("tau-beyond-follow-up", "RMST horizon beyond follow-up"),
            Map.entry("few-expected", "Few expected events"),
            Map.entry("unadjusted-multiple-comparisons", "Multiple comparisons without adjustment"),
            Map.entry("crossing-curves", "Crossing survival curves"),
            Map.entry("follow-up-short", "Follow-up shorter than the horizon"),
            Map.entry("immortal-time", "Possible immortal time"),
            Map.entry("low-power", "Low power"),
            Map.entry("aliased", "Aliased covariate"),
            Map.entry("not-converged", "Model did not converge"),
            Map.entry("monotone-likelihood", "Monotone likelihood"),
            Map.entry("non-proportional-hazards", "Non-proportional hazards"),
            Map.entry("few-events-per-coefficient", "Few events per coefficient"),
            Map.entry("unadjusted-comparison", "Unadjusted comparison of unbalanced groups"),
            Map.entry("missing-group", "Patients without a group"),
            Map.entry("no-test", "No test possible"),
            Map.entry("small-expected", "Small expected counts"),
            Map.entry("fisher-too-large", "Fisher's test too large"),
            Map.entry("group-without-values", "Group without values"),
            Map.entry("normality-not-tested", "Normality not tested"),
            Map.entry("profile-not-converged", "Profile limit not found"),
            Map.entry("slow-convergence", "Slow convergence"),
            Map.entry("wald-fallback", "Wald interval used"),
            Map.entry("zph-aliased", "Aliased term left out of the PH test"),
            Map.entry("input", "Input file"));

    /** What the Guardrails section of every report (HTML, Word) says first. */
    public static final String LEAD = "What a statistical reviewer would point out in this analysis, from survkit's"
            + " checks, with the numbers behind each finding and what to do.";
    /** What the Guardrails section says when there is no finding. */
    public static final String NO_FINDING = "No finding: groups are large enough, follow-up covers the horizon,"
            + " comparisons are adjusted and the checks of the models pass.";

    private FindingText() {
    }

    /** {@return the severity as the reports print it: Warning or Note} */
    public static String severity(Diagnostic d) {
        return d.severity() == Diagnostic.Severity.WARNING ? "Warning" : "Note";
    }

    public static String title(String code) {
        String t = TITLES.get(code);
        return t != null ? t : ReportTables.capital(code.replace('-', ' '));
    }

    /** The message with command-line advice rewritten for study files. */
    public static String message(Diagnostic d) {
        return d.message()
                .replace("Use --adjust holm (or bonferroni, bh).", "Set 'adjust: holm' (or bonferroni, bh) under"
                        + " comparisons.")
                .replace("(--firth)", "(firth: yes in the Cox model)")
                .replace("(--landmark)", "(survkit km/compare/cox --landmark)")
                .replace("(use Firth's correction in Cox models)", "(use Firth's correction in Cox models: firth: yes)");
    }
}

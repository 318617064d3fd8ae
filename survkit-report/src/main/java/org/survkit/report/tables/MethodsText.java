package org.survkit.report.tables;

import org.survkit.report.analysis.StudyAnalysis;
import org.survkit.study.Study;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.survkit.report.analysis.StudyAnalysis.CoxResult;
import org.survkit.stats.PValueAdjustment;
import org.survkit.stats.baseline.GroupTestMethod;
import org.survkit.stats.cox.Ties;
import org.survkit.stats.baseline.Table1Row;

/** The statistical-methods paragraph, written from what actually ran (not from what was asked). */
public final class MethodsText {

    private MethodsText() {
    }

    public static List<String> paragraphs(StudyAnalysis a, ReportTables t, String software) {
        Study s = a.study();
        List<String> out = new ArrayList<>();
        StringBuilder p = new StringBuilder();
        Study.Time time = s.time();
        if (time.fromDates()) {
            p.append("Follow-up was measured from ").append(time.from()).append(" to ").append(time.to()).append(" in ")
                    .append(t.unit());
            switch (time.unit()) {
                case MONTHS -> p.append(" (days / 30.4375)");
                case YEARS -> p.append(" (days / 365.25)");
                case WEEKS -> p.append(" (days / 7)");
                default -> { }
            }
            p.append(". ");
        } else {
            p.append("Follow-up time was taken from the column ").append(time.column())
                    .append(time.unitName() == null ? "" : " (" + time.unitName() + ")").append(". ");
        }
        p.append("The event was ").append(s.event().values().isEmpty() ? "coded in " + s.event().column()
                : s.event().column() + " = \u201C" + String.join("\u201D or \u201C", s.event().values()) + "\u201D")
                .append("; patients without it were censored at their last follow-up. ");
        if (!Double.isNaN(s.landmark())) {
            p.append("To avoid immortal-time bias, a landmark analysis was done at ").append(Formats.given(s.landmark()))
                    .append(' ').append(t.unit()).append(": only patients still followed at the landmark were analysed,"
                    + " with time measured from it (Anderson, Cain & Gelber 1983). ");
        }
        if (!Double.isNaN(s.horizon())) {
            p.append("Follow-up was censored administratively at ").append(Formats.given(s.horizon())).append(' ')
                    .append(t.unit()).append(!Double.isNaN(s.landmark()) ? " after the landmark. " : ". ");
        }
        if (s.grouped()) {
            Study.Groups g = s.groups();
            if (g.column() != null) {
                p.append("Patients were grouped by ").append(g.column()).append(". ");
            } else {
                Set<String> cols = new LinkedHashSet<>();
                g.rules().forEach(r -> cols.addAll(r.when().columnNames()));
                p.append("Patients were assigned to ").append(g.rules().size()).append(" groups by rules on ")
                        .append(join(new ArrayList<>(cols))).append(" (section 1). ");
            }
        }
        StudyAnalysis.Flow flow = a.flow();
        String eligible = "";
        if (!s.eligibility().isEmpty()) {
            int ineligible = flow.rowsRead() - flow.eligible();
            p.append("Of ").append(flow.rowsRead()).append(" patients in the cohort file, ").append(ineligible)
                    .append(ineligible == 1 ? " was" : " were")
                    .append(" excluded by the eligibility criteria, applied in the order listed with each patient")
                    .append(" counted under the first criterion not met: ")
                    .append(String.join("; ", flow.ineligible().stream().map(e -> e.reason() + " (n = " + e.count()
                            + ")").toList())).append(". ");
            eligible = " eligible";
        }
        int excluded = flow.eligible() - flow.analysed();
        if (excluded == 0) {
            p.append(flow.eligible() == 1 ? "The " : "All ").append(flow.eligible()).append(eligible)
                    .append(flow.eligible() == 1 ? " patient was" : " patients were").append(" analysed.");
        } else {
            p.append("Of ").append(eligible.isEmpty() ? "" : "the ").append(flow.eligible()).append(eligible)
                    .append(" patients, ").append(flow.analysed()).append(" were analysed (").append(excluded)
                    .append(" excluded for missing data).");
        }
        out.add(p.toString());

        p = new StringBuilder();
        p.append("Survival was estimated by the Kaplan\u2013Meier method with ").append(t.ciLabel())
                .append("s from Greenwood's variance on the ").append(s.confType().rName()).append(" scale; medians")
                .append(" with confidence intervals by the Brookmeyer\u2013Crowley method, and median follow-up by the")
                .append(" reverse Kaplan\u2013Meier method. ");
        if (a.weightedOrEntered()) {
            p.append(caseRows(a));
        }
        if (a.scoreOverall() != null) {
            p.append("Groups were compared with the ").append(t.comparisonTestName().toLowerCase(Locale.ROOT)
                    .replace("cox", "Cox"));
            if (s.strata() != null) {
                p.append(" stratified by ").append(a.variableLabel(s.strata()));
            }
            if (!a.scorePairs().isEmpty() && a.curves().size() > 2) {
                p.append(", overall and for each pair of groups");
                if (s.comparisons().adjust() != PValueAdjustment.NONE) {
                    p.append(", with pairwise P values also adjusted by ").append(t.adjustName()).append("'s method");
                }
            }
            p.append(" (the log-rank test takes neither case weights nor entry times). ");
        }
        if (a.overall() != null) {
            String test = s.comparisons().test() == org.survkit.stats.logrank.Weighting.LOGRANK ? "log-rank" : t.testName();
            p.append("Groups were compared with the ").append(test).append(" test");
            if (s.strata() != null) {
                p.append(" stratified by ").append(a.variableLabel(s.strata()));
            }
            if (!a.pairs().isEmpty() && a.curves().size() > 2) {
                p.append(", overall and for each pair of groups");
                if (s.comparisons().adjust() != PValueAdjustment.NONE) {
                    p.append(", with pairwise P values also adjusted by ").append(t.adjustName()).append("'s method");
                } else {
                    p.append(" without adjustment for multiple comparisons");
                }
            }
            if (a.trend() != null) {
                p.append(", and with the log-rank test for trend");
            }
            p.append(". ").append(t.hazardRatioMethods()).append(' ');
            if (a.rmst() != null) {
                p.append(a.rmst().reason().equals("requested") ? "" : "Because " + a.rmst().reason() + ", ")
                        .append(a.rmst().reason().equals("requested") ? "R" : "r")
                        .append("estricted mean survival times up to ").append(Formats.tau(a.rmst().tau(),
                                !Double.isNaN(s.estimates().tau()), Formats.timeDigits(t.unit()) + 1)).append(' ')
                        .append(t.unit()).append(" were compared between groups (difference and ratio with Wald")
                        .append(" confidence intervals; Uno et al. 2014). ");
            }
        }
        out.add(p.toString());

        if (a.table1() != null) {
            Set<String> tests = new LinkedHashSet<>();
            boolean meanSd = false;
            boolean median = false;
            for (Table1Row r : a.table1().result().rows()) {
                if (r.test().method() != GroupTestMethod.NONE) {
                    String name = ReportTables.testName(r.test().method()).replace("One-way", "one-way");
                    tests.add(name.contains("'s ") ? name : "the " + name);
                }
            }
            for (List<String> row : t.table1().rows()) {
                meanSd |= row.get(0).endsWith("mean \u00B1 SD");
                median |= row.get(0).endsWith("median [IQR]");
            }
            List<String> forms = new ArrayList<>(List.of("n/N (%)"));
            if (meanSd) {
                forms.add("mean \u00B1 SD");
            }
            if (median) {
                forms.add("median [interquartile range]");
            }
            p = new StringBuilder("Patient characteristics are given as ").append(join(forms)).append(".");
            if (!tests.isEmpty()) {
                p.append(" They were compared across groups with ").append(join(new ArrayList<>(tests)))
                        .append(" (Fisher's test when an expected count was below 5; rank tests when the")
                        .append(" Shapiro\u2013Wilk test rejected normality), and balance was described by the")
                        .append(" standardized mean difference.");
            }
            out.add(p.toString());
        }

        if (!a.cox().isEmpty()) {
            p = new StringBuilder();
            for (CoxResult r : a.cox()) {
                p.append("The Cox proportional-hazards model \u201C").append(r.spec().name()).append("\u201D included ")
                        .append(join(r.spec().covariates()))
                        .append(" (complete cases");
                if (r.model() != null) {
                    p.append(", ").append(r.model().ties() == Ties.EXACT ? "the exact partial likelihood for ties"
                            : ReportTables.capital(r.model().ties().id()) + "'s method for ties");
                }
                p.append(")");
                if (r.spec().offset() != null) {
                    p.append(" with column '").append(r.spec().offset()).append("' as an offset (coefficient fixed at 1)");
                }
                if (r.spec().cluster() != null) {
                    p.append("; standard errors were robust (sandwich) estimates with patients clustered by '")
                            .append(r.spec().cluster()).append("'");
                }
                if (r.zph() != null) {
                    p.append("; proportional hazards were checked with scaled Schoenfeld residuals (cox.zph)");
                }
                if (r.firth() != null) {
                    p.append(r.model() != null ? "; because the likelihood was monotone, Firth's penalized likelihood"
                            : "; it was fitted by Firth's penalized likelihood").append(" with profile-likelihood")
                            .append(" intervals was used");
                }
                p.append(". ");
            }
            out.add(p.toString().trim());
        }
        if (a.competing() != null) {
            out.add(competing(a, t));
        }
        out.add("All P values are two-sided. Analyses were run with " + software + ", whose Kaplan\u2013Meier, log-rank"
                + " and Cox estimates agree with R's survival package (version 3.5) to 1e-6" + (a.competing() == null ? ""
                        : " and whose cumulative incidence, Gray's tests and Fine\u2013Gray estimates agree with R's"
                                + " cmprsk package (version 2.2-11) to 1e-5") + "; every number of this report"
                + " can be recomputed from the study file (" + s.fileName() + ") and the analysis dataset (analysis.csv)"
                + " written next to it.");
        return out;
    }

    /**
     * How case weights and entry times enter the estimates, in R's terms: survfit's weighted counts and, with
     * non-integer weights, its robust (infinitesimal jackknife) variance; risk sets of the rows entered before each
     * time.
     */
    private static String caseRows(StudyAnalysis a) {
        Study s = a.study();
        StringBuilder p = new StringBuilder();
        if (s.weights() != null) {
            p.append("Each patient counted with the case weight in column '").append(s.weights()).append("' (numbers at")
                    .append(" risk and events are sums of weights; where a weight is not a whole number, the robust")
                    .append(" infinitesimal-jackknife variance replaces Greenwood's, as in R's survfit and coxph). ");
        }
        if (s.time().delayedEntry()) {
            p.append("Patients entered the risk sets at the time in column '").append(s.time().entry())
                    .append("' (delayed entry, left truncation: each is at risk over (entry, time]), in the")
                    .append(" Kaplan\u2013Meier estimates and the Cox models alike. ");
        }
        return p.toString();
    }

    /** The competing-risks sentences: estimator, variance and interval, Gray's test, the Fine–Gray model. */
    private static String competing(StudyAnalysis a, ReportTables t) {
        StudyAnalysis.CompetingRisksOut cr = a.competing();
        Study s = a.study();
        StringBuilder p = new StringBuilder();
        p.append("With ").append(t.causeList()).append(" as competing events (coded in ").append(cr.spec().column())
                .append("), the cumulative incidence of each was estimated by the Aalen\u2013Johansen method, which")
                .append(" accounts for the patients removed by the other events, with ").append(t.ciLabel())
                .append(cr.cohort().start() != null ? "s from the infinitesimal jackknife variance (as R survival's"
                        + " multi-state survfit) on the " : "s from Gray's variance (as R cmprsk's cuminc) on the ")
                .append(s.confType().rName()).append(" scale");
        if (cr.cohort().start() != null) {
            p.append(", each patient at risk from the entry time (delayed entry, left truncation)");
            if (s.grouped()) {
                p.append("; Gray's test, defined for right-censored data only, was not used");
            }
        }
        if (!cr.result().tests().isEmpty()) {
            p.append("; groups were compared for each cause with Gray's test");
        }
        p.append(". ");
        StudyAnalysis.FineGrayOut fg = cr.fineGray();
        if (fg != null && fg.model() != null) {
            List<String> terms = new ArrayList<>();
            for (String c : fg.covariates()) {
                terms.add(c.equals(a.dataset().groupColumn()) ? t.groupName() : c);
            }
            p.append("The effect of ").append(join(terms)).append(" on the cumulative incidence of ")
                    .append(t.causeLabel(fg.cause())).append(" was estimated with the Fine\u2013Gray proportional")
                    .append(" subdistribution hazards model (Fine & Gray 1999; complete cases), with robust (sandwich)")
                    .append(fg.cohort().start() != null ? " standard errors, fitted with the entry times as R survival's"
                            + " finegray() + weighted coxph (Geskus 2011). " : " standard errors as R cmprsk's crr. ");
        }
        return p.toString().trim();
    }

    private static String join(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}

package org.survkit.report.html;

import org.survkit.report.analysis.StudyAnalysis;
import org.survkit.report.tables.ReportTables;
import org.survkit.study.Study;
import org.survkit.study.CifPlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.survkit.plot.CumulativeIncidencePlot;
import org.survkit.plot.Figure;
import org.survkit.plot.FigureSize;
import org.survkit.plot.FlowDiagram;
import org.survkit.plot.ForestPlot;
import org.survkit.plot.KaplanMeierPlot;
import org.survkit.plot.LineType;
import org.survkit.plot.LogMinusLogPlot;
import org.survkit.plot.SurvivalScale;
import org.survkit.report.analysis.StudyAnalysis.CoxResult;
import org.survkit.report.analysis.StudyAnalysis.Pair;
import org.survkit.stats.cox.CoxCoefficient;
import org.survkit.stats.cox.FirthCoefficient;

/**
 * The report's figures: Kaplan–Meier (all groups and each pair), log(−log S), cumulative incidence of competing
 * risks, forest plots.
 */
public final class ReportFigures {

    /**
     * One figure with its file stem, caption and SVG (rendered once, at the study's figure width).
     *
     * @param id      file name stem
     * @param caption the caption (without the "Figure n." prefix)
     * @param figure  the figure
     * @param svg     its SVG
     */
    public record Item(String id, String caption, Figure figure, String svg) {
        /** {@return the item with its SVG rendered at this printed size} */
        Item at(FigureSize size) {
            return new Item(id, caption, figure, size.svg(figure));
        }
    }

    private ReportFigures() {
    }

    /**
     * {@return the report's figures, each rendered as SVG once at the study's figure width (the figures in parallel)}
     *
     * @param a the analyses
     * @param t the tables (names and labels)
     */
    public static List<Item> build(StudyAnalysis a, ReportTables t) {
        FigureSize size = a.study().figures().size();
        return specify(a, t).parallelStream().map(i -> i.at(size)).toList();
    }

    /** The figures with their captions, not yet rendered. */
    private static List<Item> specify(StudyAnalysis a, ReportTables t) {
        List<Item> out = new ArrayList<>();
        out.add(flow(a));
        Study s = a.study();
        String unit = s.time().unitName();
        KaplanMeierPlot km = KaplanMeierPlot.of(a.curves()).withTimeUnit(unit)
                .withConfidenceBands(s.figures().confidenceBands()).withMedianLines(s.figures().medianLines())
                .with(s.figures().censorMarks()).withRiskTable(s.figures().riskTable()).with(s.figures().scale())
                .withSurvivalLabel(s.endpoint() + (s.figures().scale() == SurvivalScale.PERCENT ? " (%)"
                        : " probability")).with(s.pValueFormat()).with(s.figures().palette())
                .with(s.figures().lineTypes()).with(s.figures().legend());
        if (s.figures().timeLabel() != null) {
            km = km.withTimeLabel(s.figures().timeLabel());
        } else if (s.time().fromDates()) {
            km = km.withTimeLabel(ReportTables.capital(t.unit()) + " from " + s.time().from());
        }
        if (!Double.isNaN(s.horizon())) {
            km = km.withHorizon(s.horizon());
        }
        if (s.grouped()) {
            km = km.withLegendTitle(ReportTables.capital(t.groupName()));
        }
        String what = s.endpoint() + (s.grouped() ? " by " + t.groupName() : "");
        if (a.compared()) {
            KaplanMeierPlot all = a.overall() != null ? km.withTest(a.overall())
                    : km.withPValue(a.scoreOverall().robust() ? "Robust score" : "Cox score",
                            a.scoreOverall().test().pValue());
            out.add(item("km_all", what + ", all groups (" + t.comparisonTestName() + t.stratifiedBy() + ", "
                    + a.curves().size() + " groups)." + key(all, s), all));
            int k = 1;
            for (Pair p : a.curves().size() > 2 ? a.pairs() : List.<Pair>of()) {
                KaplanMeierPlot pair = km.withGroups(p.first(), p.second()).withTest(p.test());
                out.add(item("km_pair_" + k, s.endpoint() + ": " + p.second() + " vs " + p.first() + " ("
                        + t.testName() + " P on these two groups, unadjusted)." + key(pair, s), pair));
                k++;
            }
            LogMinusLogPlot lml = LogMinusLogPlot.of(a.curves()).withTimeUnit(unit)
                    .withTimeLabel(s.figures().timeLabel()).with(s.figures().palette())
                    .with(s.figures().lineTypes()).with(s.figures().legend())
                    .withLegendTitle(ReportTables.capital(t.groupName()));
            out.add(item("log_minus_log", "log(\u2212log S) against log time by " + t.groupName() + ": roughly"
                    + " parallel curves support proportional hazards; crossing curves do not."
                    + lineTypeKey(a.curves().stream().map(c -> c.group()).toList(), lml.lineTypes()), lml));
        } else {
            out.add(item("km_all", what + "." + key(km, s), km));
        }
        if (a.competing() != null) {
            out.add(cif(a, t));
            StudyAnalysis.FineGrayOut fg = a.competing().fineGray();
            if (fg != null && fg.model() != null) {
                out.add(fineGrayForest(a, t, fg));
            }
        }
        int m = 1;
        for (CoxResult r : a.cox()) {
            ForestPlot f;
            String note;
            if (r.firth() != null) {
                List<CoxCoefficient> cs = new ArrayList<>();
                for (FirthCoefficient c : r.firth().coefficients()) {
                    cs.add(new CoxCoefficient(c.term(), c.coef(), c.se(), Double.NaN, Double.NaN, c.pValue(), c.hr(),
                            c.hrLower(), c.hrUpper(), c.aliased()));
                }
                f = ForestPlot.of(cs, r.firth().confLevel()).withFootnote("Firth's penalized Cox model, "
                        + r.firth().ties().id() + " ties, profile-likelihood intervals; n = " + r.firth().n() + ", "
                        + r.firth().events() + " events.");
                note = " (Firth's penalized likelihood)";
            } else {
                f = ForestPlot.of(r.model());
                note = "";
            }
            f = f.withLabels(r.labels()).withDirectionLabels("Lower hazard", "Higher hazard")
                    .with(a.study().pValueFormat());
            out.add(item("forest_" + m, "Hazard ratios of the Cox model \u201C" + r.spec().name() + "\u201D" + note
                    + ".", f));
            m++;
        }
        return List.copyOf(out);
    }

    /** The figure file stem of the flow diagram. */
    public static final String FLOW = "flow";

    /**
     * The flow of patients as a STROBE flow diagram: rows in the cohort file, those the eligibility criteria exclude
     * (per reason, each under the first criterion it fails), eligible, those excluded for missing or invalid data (per
     * reason, as survkit-io counts them), analysed, and one box per group in the colours of the curves.
     */
    static Item flow(StudyAnalysis a) {
        StudyAnalysis.Flow flow = a.flow();
        Study s = a.study();
        FlowDiagram f = FlowDiagram.start("Rows in " + a.dataset().dataFileName(), flow.rowsRead());
        if (!s.eligibility().isEmpty()) {
            f = f.exclusion("Excluded by the eligibility criteria", counts(flow.ineligible()))
                    .then("Eligible", flow.eligible());
        }
        if (!flow.excluded().isEmpty()) {
            f = f.exclusion("Excluded for missing or invalid data", counts(flow.excluded()));
        }
        f = f.then("Analysed", flow.analysed());
        if (s.grouped()) {
            List<FlowDiagram.Count> groups = new ArrayList<>();
            for (Map.Entry<String, Integer> g : flow.groupSizes().entrySet()) {
                int idx = a.groups().indexOf(g.getKey());
                groups.add(new FlowDiagram.Count(g.getKey(), g.getValue(), idx >= 0 ? s.figures().palette().color(idx)
                        : "#999999"));
            }
            f = f.withGroups(groups);
        }
        String caption = "Flow of patients: the rows of " + a.dataset().dataFileName()
                + (s.eligibility().isEmpty() ? "" : ", those the eligibility criteria exclude (each counted under the"
                        + " first criterion it fails, in the order of the study file)")
                + ", those excluded for missing or invalid data, and the patients analysed"
                + (s.grouped() ? ", per group." : ".");
        return item(FLOW, caption, f);
    }

    private static List<FlowDiagram.Count> counts(List<StudyAnalysis.Excluded> excluded) {
        return excluded.stream().map(e -> new FlowDiagram.Count(e.reason(), e.count())).toList();
    }

    /** Subdistribution hazard ratios of the Fine–Gray model, drawn as the Cox models' forest plots. */
    private static Item fineGrayForest(StudyAnalysis a, ReportTables t, StudyAnalysis.FineGrayOut fg) {
        List<CoxCoefficient> cs = new ArrayList<>();
        for (org.survkit.stats.competing.FineGrayCoefficient c : fg.model().coefficients()) {
            cs.add(new CoxCoefficient(c.term(), c.coef(), c.se(), Double.NaN, c.z(), c.pValue(), c.hr(), c.hrLower(),
                    c.hrUpper(), c.aliased()));
        }
        String cause = t.causeLabel(fg.cause());
        ForestPlot f = ForestPlot.of(cs, fg.model().confLevel()).withLabels(fg.labels())
                .withAxisLabel("Subdistribution hazard ratio (log scale)").withRatioName("SHR")
                .withDirectionLabels("Lower incidence", "Higher incidence")
                .withFootnote("SHR: subdistribution hazard ratio. Fine\u2013Gray model of " + cause + " with the"
                        + " other causes as competing events, robust standard errors (R cmprsk crr); n = "
                        + fg.model().n() + ", " + fg.model().events() + " events of this cause.")
                .with(a.study().pValueFormat());
        return item("forest_finegray", "Subdistribution hazard ratios of " + cause + " (Fine\u2013Gray model).", f);
    }

    /** The cumulative incidence of every cause, one panel per group, with Gray's P per cause in the legend. */
    private static Item cif(StudyAnalysis a, ReportTables t) {
        Study s = a.study();
        StudyAnalysis.CompetingRisksOut cr = a.competing();
        Map<String, String> labels = new LinkedHashMap<>();
        for (double c : cr.result().causes()) {
            labels.put(CumulativeIncidencePlot.code(c), t.causeLabel(c));
        }
        boolean stacked = cr.spec().plot() == CifPlot.STACKED;
        CumulativeIncidencePlot p = CumulativeIncidencePlot.of(cr.result()).withCauseLabels(labels)
                .withStacked(stacked).withTimeUnit(s.time().unitName())
                .withCauseOrder(cr.causes().stream().mapToDouble(Double::doubleValue).toArray())
                .withRiskTable(s.figures().riskTable() ? cr.anyEvent() : null).with(s.pValueFormat())
                .with(s.figures().lineTypes());
        if (s.figures().timeLabel() != null) {
            p = p.withTimeLabel(s.figures().timeLabel());
        } else if (s.time().fromDates()) {
            p = p.withTimeLabel(ReportTables.capital(t.unit()) + " from " + s.time().from());
        }
        String caption = "Cumulative incidence of " + t.causeList() + (s.grouped() ? " by " + t.groupName() : "")
                + " (Aalen\u2013Johansen), each cause with the other causes as competing events"
                + (stacked ? "; stacked, so that the top edge is the cumulative incidence of any event"
                        + " (1 \u2212 Kaplan\u2013Meier of any event) and the white space above it the share free of"
                        + " every event" : "")
                + (cr.result().tests().isEmpty() ? "." : ". P: Gray's test per cause.")
                + lineTypeKey(cr.causes().stream().map(t::causeLabel).toList(), p.lineTypes())
                + fillKey(cr.causes().stream().map(t::causeLabel).toList(), p.fillPatterns());
        return item("cif", caption, p);
    }

    /** What a Kaplan–Meier figure's marks and line types mean, for its caption (starting with a space). */
    private static String key(KaplanMeierPlot plot, Study s) {
        String marks = switch (s.figures().censorMarks()) {
            case PLUS -> " + marks censored patients.";
            case TICK -> " Vertical ticks mark censored patients.";
            case NONE -> "";
        };
        return marks + lineTypeKey(plot.shownLabels(), plot.lineTypes());
    }

    /** "Line types: A solid, B dashed." when the curves have line types, else empty. */
    static String lineTypeKey(List<String> names, List<LineType> types) {
        return drawnKey("Line types", names, types.stream().map(LineType::word).toList(), LineType.SOLID.word());
    }

    /** "Fill patterns: A plain, B hatched." when the stacked bands are hatched, else empty. */
    static String fillKey(List<String> names, List<String> patterns) {
        return drawnKey("Fill patterns", names, patterns, "plain");
    }

    private static String drawnKey(String title, List<String> names, List<String> words, String plain) {
        if (words.stream().allMatch(plain::equals)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add(names.get(i) + " " + words.get(i));
        }
        return " " + title + ": " + String.join(", ", parts) + ".";
    }

    private static Item item(String id, String caption, Figure f) {
        return new Item(id.toLowerCase(Locale.ROOT), caption, f, null);
    }
}

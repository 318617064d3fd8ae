package org.survkit.report.tables;

import org.survkit.report.analysis.StudyAnalysis;
import org.survkit.stats.PValueFormat;
import org.survkit.study.Study;
import org.survkit.study.Comparisons;
import org.survkit.study.Percent;
import org.survkit.study.Summary;
import org.survkit.study.Table1Style;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.survkit.report.analysis.StudyAnalysis.CoxResult;
import org.survkit.report.analysis.StudyAnalysis.Excluded;
import org.survkit.report.analysis.StudyAnalysis.Finding;
import org.survkit.report.analysis.StudyAnalysis.Pair;
import org.survkit.stats.baseline.CategoricalSummary;
import org.survkit.stats.baseline.ContinuousSummary;
import org.survkit.stats.baseline.GroupTest;
import org.survkit.stats.baseline.GroupTestMethod;
import org.survkit.stats.baseline.Table1Row;
import org.survkit.stats.competing.CumulativeIncidenceAtTime;
import org.survkit.stats.competing.CumulativeIncidenceCurve;
import org.survkit.stats.competing.FineGrayCoefficient;
import org.survkit.stats.competing.FineGrayModel;
import org.survkit.stats.competing.GrayTestResult;
import org.survkit.stats.competing.NaiveCumulativeIncidence;
import org.survkit.stats.cox.ConcordanceWeighting;
import org.survkit.stats.cox.CoxCoefficient;
import org.survkit.stats.cox.FirthCoefficient;
import org.survkit.stats.cox.ZphTerm;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.SurvivalAtTime;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.km.SurvivalQuantile;
import org.survkit.stats.logrank.GroupSummary;
import org.survkit.stats.logrank.HazardRatio;
import org.survkit.stats.logrank.HazardRatioMethod;
import org.survkit.stats.logrank.Weighting;

/**
 * Lays the analysis out as the report's tables (formatted cells plus raw JSON). Formatting only.
 */
public final class ReportTables {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final StudyAnalysis a;
    private final String unit;

    public ReportTables(StudyAnalysis a) {
        this.a = a;
        this.unit = a.study().time().unitName();
    }

    /** {@return "months", or "time units" when the unit is unknown} */
    public String unit() {
        return unit == null ? "time units" : unit;
    }

    /** A P value as the study prints them ({@code p_digits}, default three significant digits; NA for NaN). */
    String p(double p) {
        return Double.isNaN(p) ? Formats.NA : a.study().pValueFormat().text(Math.min(1, Math.max(0, p)));
    }

    /** "P = 0.00343" or "P < 0.001" (digits style); in a journal's style as it writes it: "P=0.003", "p<0·0001". */
    String pEquals(double p) {
        PValueFormat f = a.study().pValueFormat();
        if (f.style() != PValueFormat.Style.DIGITS && !Double.isNaN(p)) {
            return f.textWithSymbol(Math.min(1, Math.max(0, p)));
        }
        String v = p(p);
        return v.startsWith("<") ? "P " + v : "P = " + v;
    }

    String ciLabel() {
        return Formats.given(100 * a.study().confLevel()) + "% CI";
    }

    // ---------------------------------------------------------------- flow

    public ReportTable flow() {
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        String file = a.dataset().dataFileName();
        rows.add(List.of("Rows in " + file, Integer.toString(a.flow().rowsRead()), ""));
        kinds.add("variable");
        boolean criteria = !a.study().eligibility().isEmpty();
        ArrayNode notEligible = F.arrayNode();
        for (Excluded e : a.flow().ineligible()) {
            rows.add(List.of("Not eligible: " + e.reason(), Integer.toString(e.count()), rowsText(e)));
            kinds.add("level");
            ObjectNode o = notEligible.addObject();
            o.put("reason", e.reason());
            o.put("count", e.count());
            ArrayNode fr = o.putArray("first_rows");
            e.firstRows().forEach(fr::add);
        }
        if (criteria) {
            rows.add(List.of("Eligible", Integer.toString(a.flow().eligible()), ""));
            kinds.add("variable");
        }
        ArrayNode ex = F.arrayNode();
        for (Excluded e : a.flow().excluded()) {
            rows.add(List.of("Excluded: " + e.reason(), Integer.toString(e.count()), rowsText(e)));
            kinds.add("level");
            ObjectNode o = ex.addObject();
            o.put("reason", e.reason());
            o.put("count", e.count());
            ArrayNode fr = o.putArray("first_rows");
            e.firstRows().forEach(fr::add);
        }
        rows.add(List.of("Analysed", Integer.toString(a.flow().analysed()), ""));
        kinds.add("variable");
        ArrayNode gs = F.arrayNode();
        if (a.study().grouped()) {
            for (Map.Entry<String, Integer> g : a.flow().groupSizes().entrySet()) {
                rows.add(List.of(g.getKey(), Integer.toString(g.getValue()), g.getValue() == 0 ? "no patient: left out of"
                        + " the analyses" : ""));
                kinds.add("level");
                ObjectNode o = gs.addObject();
                o.put("group", g.getKey());
                o.put("n", g.getValue());
            }
        }
        ObjectNode json = F.objectNode();
        json.put("source", file);
        json.put("rows_read", a.flow().rowsRead());
        json.set("not_eligible", notEligible);
        json.put("eligible", a.flow().eligible());
        json.set("excluded", ex);
        json.put("analysed", a.flow().analysed());
        json.set("groups", gs);
        List<String> notes = new ArrayList<>();
        if (criteria) {
            notes.add("Eligibility criteria are applied first, in the order of the study file (the include rules, then"
                    + " the exclude rules); each row not eligible is counted once, under the first criterion it fails,"
                    + " and its reason is the column excluded_by of analysis.csv. An include rule that a missing value"
                    + " leaves undecided excludes the row under its own line; missing data of the eligible rows are"
                    + " counted after it.");
        }
        notes.add("Data rows are numbered from 1 under the header (row k is line k + 1 of a CSV file without blank"
                + " lines) and are the column source_row of analysis.csv.");
        return new ReportTable("flow", criteria ? "Rows read, not eligible, excluded and analysed"
                : "Rows read, excluded and analysed", List.of("Step", "Rows", "Details"), rows, kinds, notes, json);
    }

    private static String rowsText(Excluded e) {
        if (e.firstRows().isEmpty()) {
            return "";
        }
        String list = String.join(", ", e.firstRows().stream().map(String::valueOf).toList());
        return (e.firstRows().size() == 1 ? "data row " : "data rows ") + list + (e.count() > e.firstRows().size()
                ? ", \u2026" : "");
    }

    // ---------------------------------------------------------------- Table 1

    public ReportTable table1() {
        StudyAnalysis.Table1Out t = a.table1();
        Table1Style style = a.study().output().table1Style();
        List<String> groups = t.result().groups();
        boolean compare = groups.size() >= 2;
        boolean showP = compare && style.pValues();
        String countWords = style.percent() == Percent.N ? ", n (%)" : ", n/N (%)";
        List<String> header = new ArrayList<>();
        header.add("Characteristic");
        header.add("Overall\n(N = " + t.result().n() + ")");
        int[] sizes = t.result().groupSizes();
        if (compare) {
            for (int g = 0; g < groups.size(); g++) {
                header.add(groups.get(g) + "\n(n = " + sizes[g] + ")");
            }
            header.add("P");
            header.add("SMD");
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        Map<GroupTestMethod, String> marks = new LinkedHashMap<>();
        ArrayNode jrows = F.arrayNode();
        for (int v = 0; v < t.result().rows().size(); v++) {
            Table1Row row = t.result().rows().get(v);
            Study.Table1Item item = t.items().get(v);
            GroupTest test = row.test();
            String mark = "";
            if (compare && test.method() != GroupTestMethod.NONE) {
                marks.putIfAbsent(test.method(), String.valueOf((char) ('a' + marks.size())));
                mark = marks.get(test.method());
            }
            String p = compare ? (test.method() == GroupTestMethod.NONE ? Formats.NA : p(test.pValue())
                    + " " + mark) : null;
            String smd = compare ? Formats.num(row.smd(), 2) : null;
            ObjectNode j = jrows.addObject();
            j.put("variable", row.variable());
            j.put("column", item.column());
            ObjectNode jt = j.putObject("test");
            jt.put("method", test.method().name().toLowerCase(Locale.ROOT));
            num(jt, "statistic", test.statistic());
            num(jt, "df", test.df());
            num(jt, "df2", test.df2());
            num(jt, "p_value", test.pValue());
            jt.put("rationale", test.rationale());
            num(j, "smd", row.smd());
            if (row instanceof Table1Row.Continuous c) {
                Summary summary = style.summaryOf(item.summary());
                boolean median = summary == Summary.MEDIAN_IQR || summary == Summary.AUTO
                        && (test.method() == GroupTestMethod.WILCOXON || test.method() == GroupTestMethod.KRUSKAL_WALLIS);
                j.put("type", "continuous");
                j.put("summary", median ? "median_iqr" : "mean_sd");
                List<String> r = new ArrayList<>();
                r.add(row.variable() + (median ? ", median [IQR]" : ", mean \u00B1 SD"));
                r.add(continuous(c.overall(), median));
                for (ContinuousSummary s : c.groups()) {
                    r.add(continuous(s, median));
                }
                if (compare) {
                    r.add(p);
                    r.add(smd);
                }
                rows.add(r);
                kinds.add("variable");
                j.set("overall", continuousJson(c.overall()));
                ArrayNode jg = j.putArray("groups");
                c.groups().forEach(s -> jg.add(continuousJson(s)));
                if (c.overall().missing() > 0) {
                    List<String> m = new ArrayList<>();
                    m.add("Missing, n");
                    m.add(Integer.toString(c.overall().missing()));
                    for (ContinuousSummary s : c.groups()) {
                        m.add(Integer.toString(s.missing()));
                    }
                    if (compare) {
                        m.add("");
                        m.add("");
                    }
                    rows.add(m);
                    kinds.add("level");
                }
            } else {
                Table1Row.Categorical c = (Table1Row.Categorical) row;
                j.put("type", "categorical");
                List<String> r = new ArrayList<>();
                r.add(row.variable() + countWords);
                for (int k = 0; k < (compare ? groups.size() + 1 : 1); k++) {
                    r.add("");
                }
                if (compare) {
                    r.add(p);
                    r.add(smd);
                }
                rows.add(r);
                kinds.add("variable");
                ArrayNode jl = j.putArray("levels");
                for (int l = 0; l < c.levels().size(); l++) {
                    List<String> lr = new ArrayList<>();
                    lr.add(c.levels().get(l));
                    lr.add(Formats.count(c.overall().count(l), c.overall().nonMissing(), style.percent()));
                    ObjectNode jlv = jl.addObject();
                    jlv.put("level", c.levels().get(l));
                    jlv.set("overall", countJson(c.overall(), l));
                    ArrayNode jlg = jlv.putArray("groups");
                    for (CategoricalSummary s : c.groups()) {
                        lr.add(Formats.count(s.count(l), s.nonMissing(), style.percent()));
                        jlg.add(countJson(s, l));
                    }
                    if (compare) {
                        lr.add("");
                        lr.add("");
                    } else {
                        lr = lr.subList(0, 2);
                    }
                    rows.add(lr);
                    kinds.add("level");
                }
                if (c.overall().missing() > 0) {
                    List<String> m = new ArrayList<>();
                    m.add("Missing, n");
                    m.add(Integer.toString(c.overall().missing()));
                    if (compare) {
                        for (CategoricalSummary s : c.groups()) {
                            m.add(Integer.toString(s.missing()));
                        }
                        m.add("");
                        m.add("");
                    }
                    rows.add(m);
                    kinds.add("level");
                }
                j.put("missing", c.overall().missing());
            }
        }
        if (!compare) {
            // one group: the table is Characteristic | Overall
            for (int i = 0; i < rows.size(); i++) {
                rows.set(i, rows.get(i).subList(0, 2));
            }
            header = header.subList(0, 2);
        } else if (!showP) {
            // table1.p_values: no (CONSORT): the P column goes, with its test marks
            int pColumn = groups.size() + 2;
            header.remove(pColumn);
            for (int i = 0; i < rows.size(); i++) {
                List<String> r = new ArrayList<>(rows.get(i));
                r.remove(pColumn);
                rows.set(i, r);
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("Percentages are of the patients with a known value" + (style.percent() == Percent.N ? ""
                : " (N in each cell)") + "; missing values are counted apart. IQR: interquartile range (quartiles as"
                + " R's quantile type 7).");
        if (showP) {
            for (Map.Entry<GroupTestMethod, String> m : marks.entrySet()) {
                notes.add(m.getValue() + " " + testName(m.getKey()) + ".");
            }
            notes.add("Categorical variables: Pearson's chi-square test, or Fisher's exact test when an expected count"
                    + " is below 5; continuous variables: Welch's t-test or one-way ANOVA, or the Wilcoxon rank-sum"
                    + " (Mann\u2013Whitney) or Kruskal\u2013Wallis test when the Shapiro\u2013Wilk test rejects normality"
                    + " (p < 0.05) in a group.");
        }
        if (compare) {
            notes.add("SMD: standardized mean difference (Yang & Dalton for categorical variables)"
                    + (groups.size() > 2 ? ", the largest over all pairs of groups" : "") + "; above 0.1 is commonly"
                    + " read as imbalance.");
        }
        ObjectNode json = F.objectNode();
        ArrayNode jg = json.putArray("groups");
        groups.forEach(jg::add);
        ArrayNode js = json.putArray("group_sizes");
        for (int s : sizes) {
            js.add(s);
        }
        json.put("n", t.result().n());
        json.put("smd_summary", t.result().smdSummary().name().toLowerCase(Locale.ROOT));
        json.put("p_values", showP);
        json.put("percent", style.percent().word());
        json.set("rows", jrows);
        return new ReportTable("table1", "Patient characteristics" + (compare ? " overall and by " + groupName() : ""),
                header, rows, kinds, notes, json);
    }

    public String groupName() {
        return a.study().groups() == null ? "group" : a.study().groups().name();
    }

    private static String continuous(ContinuousSummary s, boolean median) {
        if (s.n() == 0) {
            return Formats.NA;
        }
        if (median) {
            return Formats.num(s.median(), 1) + " [" + Formats.num(s.q1(), 1) + ", " + Formats.num(s.q3(), 1) + "]";
        }
        return Formats.num(s.mean(), 1) + " \u00B1 " + Formats.num(s.sd(), 1);
    }

    private static ObjectNode continuousJson(ContinuousSummary s) {
        ObjectNode o = F.objectNode();
        o.put("n", s.n());
        o.put("missing", s.missing());
        num(o, "mean", s.mean());
        num(o, "sd", s.sd());
        num(o, "median", s.median());
        num(o, "q1", s.q1());
        num(o, "q3", s.q3());
        num(o, "min", s.min());
        num(o, "max", s.max());
        return o;
    }

    private static ObjectNode countJson(CategoricalSummary s, int level) {
        ObjectNode o = F.objectNode();
        o.put("count", s.count(level));
        o.put("denominator", s.nonMissing());
        num(o, "percent", s.percent(level));
        return o;
    }

    static String testName(GroupTestMethod m) {
        return switch (m) {
            case WELCH_T -> "Welch's two-sample t-test";
            case ANOVA -> "One-way ANOVA";
            case WILCOXON -> "Wilcoxon rank-sum (Mann\u2013Whitney) test";
            case KRUSKAL_WALLIS -> "Kruskal\u2013Wallis test";
            case CHI_SQUARE -> "Pearson's chi-square test";
            case CHI_SQUARE_YATES -> "Pearson's chi-square test with Yates' continuity correction";
            case FISHER_EXACT -> "Fisher's exact test";
            case NONE -> "No test";
        };
    }

    // ---------------------------------------------------------------- survival

    public ReportTable survival() {
        double[] at = a.study().at();
        List<String> header = new ArrayList<>(List.of("Group", "N", "Events", "Median, " + unit() + " (" + ciLabel()
                + ")"));
        for (double t : at) {
            header.add(Formats.given(t) + " " + unit() + "\n% (" + ciLabel() + ") [at risk]");
        }
        header.add("Median follow-up, " + unit() + "\n(" + ciLabel() + ")");
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        ArrayNode jg = F.arrayNode();
        for (int g = 0; g < a.curves().size(); g++) {
            GroupCurve gc = a.curves().get(g);
            rows.add(survivalRow(gc.group(), gc.curve(), a.followUp().get(g).curve(), at, jg));
            kinds.add("");
        }
        if (a.curves().size() > 1) {
            rows.add(survivalRow(StudyAnalysis.ALL, a.overallCurve(), a.overallFollowUp(), at, jg));
            kinds.add("variable");
        }
        ObjectNode json = F.objectNode();
        json.put("time_unit", unit());
        json.put("conf_type", a.study().confType().rName());
        num(json, "conf_level", a.study().confLevel());
        json.put("median_rule", a.study().estimates().medianRule().id());
        num(json, "horizon", a.study().horizon());
        json.set("groups", jg);
        List<String> notes = new ArrayList<>();
        notes.add("Kaplan\u2013Meier estimates with " + ciLabel() + "s (" + a.study().confType().rName() + " transform,"
                + " Greenwood variance); [n]: number still at risk. NR: not reached. Median follow-up by the reverse"
                + " Kaplan\u2013Meier method (Schemper & Smith 1996), over the whole follow-up.");
        if (a.study().weights() != null) {
            notes.add("Weighted by column '" + a.study().weights() + "' (R survfit(..., weights =)): events and numbers"
                    + " at risk are sums of weights; with non-integer weights the intervals use the robust"
                    + " (infinitesimal jackknife) variance instead of Greenwood's, as R does. N: patients (rows).");
        }
        if (a.study().time().delayedEntry()) {
            notes.add("Delayed entry (R Surv(entry, time, event)): a patient is at risk from the entry time in column '"
                    + a.study().time().entry() + "' to the end of follow-up, so the number at risk can rise.");
        }
        if (!Double.isNaN(a.study().horizon())) {
            notes.add("Follow-up is censored at " + Formats.given(a.study().horizon()) + " " + unit() + " (the study's"
                    + " horizon) for the survival estimates and tests.");
        }
        return new ReportTable("survival", a.study().endpoint() + " by " + (a.study().grouped() ? groupName() : "cohort"),
                header, rows, kinds, notes, json);
    }

    private List<String> survivalRow(String group, SurvivalCurve c, SurvivalCurve fu, double[] at, ArrayNode jg) {
        List<String> r = new ArrayList<>();
        r.add(group);
        r.add(Integer.toString(c.n()));
        // events and numbers at risk are whole numbers but with non-integer case weights (R's weighted sums)
        r.add(count(c.events()));
        SurvivalQuantile m = c.median(a.study().estimates().medianRule());
        int digits = Formats.timeDigits(unit);
        r.add(Formats.timeCi(m.estimate(), m.lower(), m.upper(), digits));
        ObjectNode j = jg.addObject();
        j.put("group", group);
        j.put("n", c.n());
        count(j, "events", c.events());
        if (a.weightedOrEntered()) {
            count(j, "n_max", c.nMax()); // R's n.max and n.start: the weighted or entered numbers at risk
            count(j, "n_start", c.nStart());
        }
        j.set("median", quantileJson(m));
        ArrayNode ja = j.putArray("at");
        if (at.length > 0) {
            for (SurvivalAtTime s : c.at(at)) {
                r.add(Formats.pctCi(s.survival(), s.lower(), s.upper()) + " [" + count(s.nRisk()) + "]");
                ObjectNode o = ja.addObject();
                num(o, "time", s.time());
                count(o, "n_risk", s.nRisk());
                num(o, "survival", s.survival());
                num(o, "std_err", s.stdErr());
                num(o, "lower", s.lower());
                num(o, "upper", s.upper());
            }
        }
        SurvivalQuantile f = fu.median();
        r.add(Formats.timeCi(f.estimate(), f.lower(), f.upper(), digits));
        j.set("median_follow_up", quantileJson(f));
        return r;
    }

    /** A count: whole (also with whole-number case weights), else a weighted sum with one decimal. */
    private static String count(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Formats.num(x, 1);
    }

    private static void count(ObjectNode o, String key, double x) {
        if (x == Math.rint(x)) {
            o.put(key, (long) x);
        } else {
            num(o, key, x);
        }
    }

    private static ObjectNode quantileJson(SurvivalQuantile q) {
        ObjectNode o = F.objectNode();
        num(o, "estimate", q.estimate());
        num(o, "lower", q.lower());
        num(o, "upper", q.upper());
        return o;
    }

    // ---------------------------------------------------------------- comparisons

    /** {@return a column's Table 1 label, else its name} */
    private String variableName(String column) {
        return a.variableLabel(column);
    }

    /** {@return " stratified by LABEL" when the study has strata, else ""} */
    public String stratifiedBy() {
        return a.study().strata() == null ? "" : " stratified by " + variableName(a.study().strata());
    }

    /** {@return the study's test by {@link Weighting#displayName}, with G(ρ, γ) for Fleming–Harrington} */
    public String testName() {
        Comparisons c = a.study().comparisons();
        String name = c.test().displayName();
        return c.test() == Weighting.FLEMING_HARRINGTON
                ? name + " G(" + Formats.given(c.rho()) + ", " + Formats.given(c.gamma()) + ")"
                : name;
    }

    /**
     * {@return the name of the comparisons' test: with case weights or entry times the Cox score test (robust with
     * non-integer weights), else the study's log-rank test}
     */
    public String comparisonTestName() {
        StudyAnalysis.ScoreComparison sc = a.scoreOverall();
        if (sc == null) {
            return testName() + " test";
        }
        return (sc.robust() ? "Robust score test" : "Score test") + " of a Cox model with the group alone";
    }

    /** Why the groups are compared by the Cox score test: what R's survdiff does not take. */
    private String scoreTestWhy() {
        boolean w = a.study().weights() != null;
        boolean e = a.study().time().delayedEntry();
        return "The log-rank test (R's survdiff) takes neither case weights nor entry times; with "
                + (w && e ? "case weights ('" + a.study().weights() + "') and entry times ('"
                        + a.study().time().entry() + "')" : w ? "case weights ('" + a.study().weights() + "')"
                        : "entry times ('" + a.study().time().entry() + "')")
                + " the groups are compared by the score test of a Cox model with the group alone (R: coxph(Surv("
                + (e ? "entry, " : "") + "time, event) ~ group" + (a.study().strata() == null ? "" : " + strata(...)")
                + (w ? ", weights = w" : "") + ")), which equals the log-rank test " + (e ? "of these risk sets"
                        : "of the rows each repeated as often as its weight says") + " when no event times are tied"
                + (a.scoreOverall().robust() ? "; with non-integer weights its robust (sandwich) version, as R"
                        + " reports it (robust score test)" : "") + ".";
    }

    private ReportTable scoreComparisons() {
        StudyAnalysis.ScoreComparison sc = a.scoreOverall();
        ObjectNode json = F.objectNode();
        json.put("test", sc.robust() ? "cox_robust_score" : "cox_score");
        String strata = a.study().strata();
        if (strata == null) {
            json.putNull("strata");
        } else {
            json.put("strata", strata);
        }
        json.put("weights", a.study().weights());
        json.put("entry", a.study().time().entry());
        num(json, "statistic", sc.test().statistic());
        json.put("df", sc.test().df());
        num(json, "p_value", sc.test().pValue());
        List<List<String>> rows = List.of(List.of(comparisonTestName() + stratifiedBy() + ", " + a.curves().size()
                + " groups", Formats.num(sc.test().statistic(), 2), Integer.toString(sc.test().df()),
                p(sc.test().pValue())));
        List<String> notes = new ArrayList<>();
        notes.add(scoreTestWhy());
        if (strata != null) {
            notes.add("Stratified by " + variableName(strata) + ": a separate baseline hazard per value, so that groups"
                    + " are compared within each stratum; so are the pairwise tests and Cox models.");
        }
        return new ReportTable("comparisons", "Comparison of all groups", List.of("Test", "\u03C7\u00B2", "df", "P"),
                rows, List.of(""), notes, json);
    }

    private ReportTable scorePairwise() {
        String adj = adjustName();
        List<String> header = new ArrayList<>(List.of("Comparison", "\u03C7\u00B2 (1 df)", "P"));
        boolean adjusted = a.study().comparisons().adjust() != org.survkit.stats.PValueAdjustment.NONE
                && a.scorePairs().size() > 1;
        if (adjusted) {
            header.add("P (" + adj + ")");
        }
        header.add("HR Cox\n(" + ciLabel() + ")");
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        ArrayNode jp = F.arrayNode();
        boolean anyWarning = false;
        for (StudyAnalysis.ScoreComparison p : a.scorePairs()) {
            List<String> r = new ArrayList<>();
            r.add(p.second() + " vs " + p.first());
            r.add(Formats.num(p.test().statistic(), 2));
            r.add(p(p.test().pValue()));
            if (adjusted) {
                r.add(p(p.pAdjusted()));
            }
            CoxCoefficient c = p.cox();
            String cox = Formats.hrCi(c.hr(), c.hrLower(), c.hrUpper());
            if (p.coxWarning() != null) {
                cox = "not estimable*";
                anyWarning = true;
            }
            r.add(cox);
            rows.add(r);
            kinds.add("");
            ObjectNode o = jp.addObject();
            o.put("reference", p.first());
            o.put("comparison", p.second());
            num(o, "statistic", p.test().statistic());
            o.put("df", p.test().df());
            num(o, "p_value", p.test().pValue());
            num(o, "p_adjusted", p.pAdjusted());
            ObjectNode jc = hrJson(c.hr(), c.hrLower(), c.hrUpper());
            num(jc, "p_value", c.pValue());
            if (p.coxWarning() != null) {
                jc.put("warning", p.coxWarning().message());
            }
            o.set("hr_cox", jc);
        }
        List<String> notes = new ArrayList<>();
        notes.add(comparisonTestName() + stratifiedBy() + " on the two groups' patients" + (adjusted
                ? "; P unadjusted, and adjusted for " + a.scorePairs().size() + " comparisons by " + adj + "'s method"
                : "") + ".");
        notes.add("HR: hazard ratio of the first-named group versus the second (the reference) by that Cox model"
                + " (Efron ties" + (a.scoreOverall() != null && a.scoreOverall().robust() ? ", robust standard error"
                        : "") + "); the log-rank (O/E) and Mantel\u2013Haenszel ratios take no weights or entry times.");
        if (anyWarning) {
            notes.add("* The Cox estimate runs to infinity (monotone likelihood: a group without events); see"
                    + " Guardrails.");
        }
        ObjectNode json = F.objectNode();
        json.put("test", a.scoreOverall() != null && a.scoreOverall().robust() ? "cox_robust_score" : "cox_score");
        json.put("adjust", a.study().comparisons().adjust().id());
        num(json, "conf_level", a.study().confLevel());
        json.set("pairs", jp);
        return new ReportTable("pairwise", "Pairwise comparisons", header, rows, kinds, notes, json);
    }

    public ReportTable comparisons() {
        if (a.scoreOverall() != null) {
            return scoreComparisons();
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        ObjectNode json = F.objectNode();
        json.put("test", a.study().comparisons().test().id());
        num(json, "rho", a.overall().rho());
        num(json, "gamma", a.overall().gamma());
        String strata = a.study().strata();
        if (strata == null) {
            json.putNull("strata");
        } else {
            json.put("strata", strata);
        }
        rows.add(List.of(testName() + " test" + stratifiedBy() + ", "
                + a.curves().size() + " groups", Formats.num(a.overall().statistic(), 2),
                Integer.toString(a.overall().df()), p(a.overall().pValue())));
        kinds.add("");
        num(json, "statistic", a.overall().statistic());
        json.put("df", a.overall().df());
        num(json, "p_value", a.overall().pValue());
        ArrayNode jg = json.putArray("groups");
        for (GroupSummary g : a.overall().groups()) {
            ObjectNode o = jg.addObject();
            o.put("group", g.group());
            o.put("n", g.n());
            num(o, "observed", g.observed());
            num(o, "expected", g.expected());
        }
        if (a.trend() != null) {
            rows.add(List.of("Test for trend (scores " + String.join(", ", java.util.Arrays.stream(a.trend().scores())
                    .mapToObj(Formats::given).toList()) + ")", Formats.num(a.trend().statistic(), 2),
                    Integer.toString(a.trend().df()), p(a.trend().pValue())));
            kinds.add("");
            ObjectNode t = json.putObject("trend");
            ArrayNode sc = t.putArray("scores");
            for (double s : a.trend().scores()) {
                sc.add(s);
            }
            num(t, "statistic", a.trend().statistic());
            t.put("df", a.trend().df());
            num(t, "p_value", a.trend().pValue());
        }
        List<String> notes = new ArrayList<>();
        notes.add("Observed/expected events: " + String.join("; ", a.overall().groups().stream()
                .map(g -> g.group() + " " + Formats.given(g.observed()) + "/" + Formats.num(g.expected(), 1)).toList())
                + ".");
        if (strata != null) {
            notes.add("Stratified by " + variableName(strata) + ": the test sums observed and expected events over its"
                    + " values, so that groups are compared within each stratum; so are the pairwise tests, hazard"
                    + " ratios and Cox models.");
        }
        return new ReportTable("comparisons", "Comparison of all groups", List.of("Test", "\u03C7\u00B2", "df", "P"),
                rows, kinds, notes, json);
    }

    String adjustName() {
        return switch (a.study().comparisons().adjust()) {
            case NONE -> "unadjusted";
            case BONFERRONI -> "Bonferroni";
            case HOLM -> "Holm";
            case BH -> "Benjamini\u2013Hochberg";
        };
    }

    public ReportTable pairwise() {
        if (a.scoreOverall() != null) {
            return scorePairwise();
        }
        String adj = adjustName();
        List<String> header = new ArrayList<>(List.of("Comparison", "\u03C7\u00B2 (1 df)", "P"));
        boolean adjusted = a.study().comparisons().adjust() != org.survkit.stats.PValueAdjustment.NONE
                && a.pairs().size() > 1;
        if (adjusted) {
            header.add("P (" + adj + ")");
        }
        Comparisons cmp = a.study().comparisons();
        HazardRatioMethod primary = cmp.primaryHazardRatio(a.study().estimates().preset());
        List<HazardRatioMethod> shown = new ArrayList<>(List.of(primary));
        cmp.hazardRatios().stream().filter(h -> h != primary).forEach(shown::add);
        for (HazardRatioMethod h : shown) {
            header.add("HR " + h.displayName() + (h == primary && shown.size() > 1 ? " (primary)" : "") + "\n("
                    + ciLabel() + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        ArrayNode jp = F.arrayNode();
        boolean anyWarning = false;
        for (Pair p : a.pairs()) {
            List<String> r = new ArrayList<>();
            r.add(p.second() + " vs " + p.first());
            r.add(Formats.num(p.pairwise().statistic(), 2));
            r.add(p(p.pairwise().pValue()));
            if (adjusted) {
                r.add(p(p.pairwise().pAdjusted()));
            }
            HazardRatio lr = p.ratios().logrank();
            HazardRatio mh = p.ratios().mantelHaenszel();
            CoxCoefficient c = p.cox();
            for (HazardRatioMethod h : shown) {
                switch (h) {
                    case OBSERVED_EXPECTED -> r.add(Formats.hrCi(lr.estimate(), lr.lower(), lr.upper()));
                    case MANTEL_HAENSZEL -> r.add(Formats.hrCi(mh.estimate(), mh.lower(), mh.upper()));
                    case COX -> {
                        if (p.coxWarning() != null) {
                            r.add("not estimable*");
                            anyWarning = true;
                        } else {
                            r.add(Formats.hrCi(c.hr(), c.hrLower(), c.hrUpper()));
                        }
                    }
                    default -> throw new IllegalStateException(h.toString());
                }
            }
            rows.add(r);
            kinds.add("");
            ObjectNode o = jp.addObject();
            o.put("reference", p.first());
            o.put("comparison", p.second());
            num(o, "statistic", p.pairwise().statistic());
            o.put("df", p.pairwise().df());
            num(o, "p_value", p.pairwise().pValue());
            num(o, "p_adjusted", p.pairwise().pAdjusted());
            o.set("hr_logrank", hrJson(lr.estimate(), lr.lower(), lr.upper()));
            o.set("hr_mantel_haenszel", hrJson(mh.estimate(), mh.lower(), mh.upper()));
            ObjectNode jc = hrJson(c.hr(), c.hrLower(), c.hrUpper());
            num(jc, "p_value", c.pValue());
            if (p.coxWarning() != null) {
                jc.put("warning", p.coxWarning().message());
            }
            o.set("hr_cox", jc);
        }
        List<String> notes = new ArrayList<>();
        notes.add(testName() + " test" + stratifiedBy() + " on the two groups' patients" + (adjusted
                ? "; P unadjusted, and adjusted for " + a.pairs().size() + " comparisons by " + adj + "'s method" : "")
                + ".");
        notes.addAll(hazardRatioNotes(shown, primary));
        if (anyWarning) {
            notes.add("* The Cox estimate runs to infinity (monotone likelihood: a group without events); see"
                    + " Guardrails.");
        }
        ObjectNode json = F.objectNode();
        json.put("test", a.study().comparisons().test().id());
        json.put("adjust", a.study().comparisons().adjust().id());
        num(json, "conf_level", a.study().confLevel());
        json.put("primary_hazard_ratio", primary.id());
        ArrayNode jh = json.putArray("hazard_ratios");
        shown.forEach(h -> jh.add(h.id()));
        json.set("pairs", jp);
        return new ReportTable("pairwise", "Pairwise comparisons", header, rows, kinds, notes, json);
    }

    /**
     * The pairwise table's notes on its hazard ratios: which one is primary and why, and why the log-rank O/E and
     * Mantel–Haenszel ratios differ from each other and from Cox's (see {@link HazardRatioMethod}).
     */
    private List<String> hazardRatioNotes(List<HazardRatioMethod> shown, HazardRatioMethod primary) {
        List<String> notes = new ArrayList<>();
        org.survkit.stats.preset.Preset preset = a.study().estimates().preset();
        String why = primary == preset.hazardRatio()
                ? (preset == org.survkit.stats.preset.Preset.SURVKIT ? "the estimate most papers report"
                        : "the estimate " + presetSoftware(preset) + " reports (preset " + preset.id() + ")")
                : "the first one the study lists (comparisons.hazard_ratios)";
        StringBuilder n = new StringBuilder("HR: hazard ratio of the first-named group versus the second (the"
                + " reference). ");
        n.append(shown.size() > 1 ? "Primary: " : "").append(methodText(primary)).append(", ").append(why)
                .append(shown.size() > 1 ? "; report it, the others are for comparison with other software." : ".");
        notes.add(n.toString());
        boolean oe = shown.contains(HazardRatioMethod.OBSERVED_EXPECTED);
        boolean mh = shown.contains(HazardRatioMethod.MANTEL_HAENSZEL);
        if (oe || mh) {
            notes.add((oe && mh ? "The log-rank O/E ratio, (O\u2081/E\u2081)/(O\u2082/E\u2082), and the"
                    + " Mantel\u2013Haenszel ratio, exp((O\u2081\u2212E\u2081)/V), are different estimators"
                    + " computed from the same log-rank table"
                    : oe ? "The log-rank O/E ratio, (O\u2081/E\u2081)/(O\u2082/E\u2082), is another estimator than"
                            + " Cox's, computed from the log-rank table"
                            : "The Mantel\u2013Haenszel ratio, exp((O\u2081\u2212E\u2081)/V), is another estimator"
                                    + " than Cox's, computed from the log-rank table")
                    + " (O observed and E expected events, V the log-rank variance): they agree with the Cox estimate"
                    + " when hazards are proportional and the effect is moderate, and move apart as the effect grows"
                    + " or events are few (the O/E ratio is biased towards 1 then). A difference between them is not"
                    + " an error; do not pick the one that suits.");
        }
        return notes;
    }

    /**
     * The methods paragraph's sentence on the two-group hazard ratios the pairwise table shows, the primary one first:
     * "Hazard ratios between two groups were estimated by a Cox model with the group alone (Efron ties), the primary
     * estimate, the Mantel–Haenszel method (as GraphPad Prism) and the log-rank observed/expected (O/E) method."
     */
    String hazardRatioMethods() {
        Comparisons cmp = a.study().comparisons();
        HazardRatioMethod primary = cmp.primaryHazardRatio(a.study().estimates().preset());
        List<String> parts = new ArrayList<>(List.of(methodText(primary) + (cmp.hazardRatios().size() > 1
                ? ", the primary estimate" : "")));
        cmp.hazardRatios().stream().filter(h -> h != primary).forEach(h -> parts.add(methodText(h)));
        String list = parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1))
                + " and " + parts.get(parts.size() - 1);
        return "Hazard ratios between two groups were estimated by " + list + ".";
    }

    private static String methodText(HazardRatioMethod h) {
        return switch (h) {
            case COX -> "a Cox model with the group alone (Efron ties)";
            case MANTEL_HAENSZEL -> "the Mantel\u2013Haenszel method (as GraphPad Prism)";
            case OBSERVED_EXPECTED -> "the log-rank observed/expected (O/E) method";
        };
    }

    private static String presetSoftware(org.survkit.stats.preset.Preset p) {
        return switch (p) {
            case PRISM -> "GraphPad Prism";
            case R -> "R (coxph)";
            case SAS -> "SAS (PROC PHREG)";
            case LIFELINES -> "lifelines (CoxPHFitter)";
            case SURVKIT -> "survkit";
        };
    }

    /**
     * Restricted mean survival times up to τ per group, and their differences and ratios for each pair
     * (R survRM2 {@code rmst2}), shown when asked or when hazards do not look proportional.
     */
    public ReportTable rmst() {
        StudyAnalysis.RmstOut r = a.rmst();
        int d = Formats.timeDigits(unit) + 1;
        String tau = Formats.tau(r.tau(), !Double.isNaN(a.study().estimates().tau()), d) + " " + unit();
        List<String> header = List.of("Group or comparison", "RMST, " + unit() + " (" + ciLabel() + ")",
                "Difference, " + unit() + " (" + ciLabel() + ")", "P", "Ratio (" + ciLabel() + ")", "P");
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        ObjectNode json = F.objectNode();
        num(json, "tau", r.tau());
        json.put("reason", r.reason());
        num(json, "conf_level", a.study().confLevel());
        ArrayNode jg = json.putArray("groups");
        for (int i = 0; i < r.byGroup().size(); i++) {
            org.survkit.stats.km.RestrictedMean m = r.byGroup().get(i);
            String g = a.curves().get(i).group();
            rows.add(List.of(g, Formats.timeCi(m.estimate(), m.lower(a.study().confLevel()), m.upper(a.study().confLevel()),
                    d), "", "", "", ""));
            kinds.add("");
            ObjectNode o = jg.addObject();
            o.put("group", g);
            num(o, "rmst", m.estimate());
            num(o, "se", m.stdErr());
        }
        ArrayNode jp = json.putArray("pairs");
        for (org.survkit.stats.km.RestrictedMeanComparison c : r.pairs()) {
            var diff = c.difference();
            var ratio = c.ratio();
            rows.add(List.of(c.comparison() + " vs " + c.reference(), "",
                    Formats.differenceCi(diff.estimate(), diff.lower(), diff.upper(), d), p(diff.pValue()),
                    Formats.hrCi(ratio.estimate(), ratio.lower(), ratio.upper()), p(ratio.pValue())));
            kinds.add("");
            ObjectNode o = jp.addObject();
            o.put("reference", c.reference());
            o.put("comparison", c.comparison());
            ObjectNode od = o.putObject("difference");
            num(od, "estimate", diff.estimate());
            num(od, "lower", diff.lower());
            num(od, "upper", diff.upper());
            num(od, "p_value", diff.pValue());
            ObjectNode or = o.putObject("ratio");
            num(or, "estimate", ratio.estimate());
            num(or, "lower", ratio.lower());
            num(or, "upper", ratio.upper());
            num(or, "p_value", ratio.pValue());
        }
        List<String> notes = new ArrayList<>();
        notes.add("Restricted mean survival time (RMST): the mean time lived without the event during the first " + tau
                + ", the area under the Kaplan\u2013Meier curve up to \u03C4 = " + tau + (Double.isNaN(
                a.study().estimates().tau()) ? " (the shortest group's last follow-up time, so that no curve is"
                + " extrapolated)" : "") + ". Difference and ratio of the first-named group versus the second, with"
                + " Wald P values (Uno et al. 2014; R survRM2).");
        notes.add(r.reason().equals("requested") ? "Reported as requested in the study file (comparisons.rmst)."
                : "Reported because " + r.reason() + ": hazards are not proportional, so a single hazard ratio"
                        + " averages effects that change over time; the RMST difference needs no such assumption and"
                        + " is the recommended summary.");
        return new ReportTable("rmst", "Restricted mean survival time up to " + tau, header, rows, kinds, notes, json);
    }

    private static ObjectNode hrJson(double hr, double lower, double upper) {
        ObjectNode o = F.objectNode();
        num(o, "hr", hr);
        num(o, "lower", lower);
        num(o, "upper", upper);
        return o;
    }

    // ---------------------------------------------------------------- Cox

    public ReportTable cox(CoxResult r, String id) {
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Term"));
        ObjectNode json = F.objectNode();
        json.put("name", r.spec().name());
        ArrayNode cov = json.putArray("covariates");
        r.spec().covariates().forEach(cov::add);
        List<String> notes = new ArrayList<>();
        if (r.model() != null) {
            header.addAll(List.of("HR (" + ciLabel() + ")", "P"));
            json.put("ties", r.model().ties().id());
            json.put("n", r.model().n());
            json.put("events", r.model().events());
            ArrayNode co = json.putArray("coefficients");
            for (CoxCoefficient k : r.model().coefficients()) {
                List<String> row = new ArrayList<>();
                row.add(r.labels().getOrDefault(k.term(), k.term()));
                row.add(k.aliased() ? "aliased (NA)" : Formats.hrCi(k.hr(), k.hrLower(), k.hrUpper()));
                row.add(k.aliased() ? Formats.NA : p(k.pValue()));
                if (r.firth() != null) {
                    FirthCoefficient f = r.firth().coefficient(k.term());
                    row.add(f.aliased() ? "aliased (NA)" : Formats.hrCi(f.hr(), f.hrLower(), f.hrUpper()));
                    row.add(f.aliased() ? Formats.NA : p(f.pValue()));
                }
                rows.add(row);
                kinds.add("");
                ObjectNode o = co.addObject();
                o.put("term", k.term());
                num(o, "coef", k.coef());
                num(o, "se", k.se());
                if (r.model().robust()) {
                    num(o, "robust_se", k.robustSe());
                }
                num(o, "hr", k.hr());
                num(o, "hr_lower", k.hrLower());
                num(o, "hr_upper", k.hrUpper());
                num(o, "p_value", k.pValue());
                o.put("aliased", k.aliased());
            }
            ObjectNode lr = json.putObject("lr_test");
            num(lr, "statistic", r.model().lrTest().statistic());
            lr.put("df", r.model().lrTest().df());
            num(lr, "p_value", r.model().lrTest().pValue());
            if (r.model().concordance() != null) {
                ObjectNode cc = json.putObject("concordance");
                num(cc, "estimate", r.model().concordance().estimate());
                num(cc, "se", r.model().concordance().stdErr());
                if (r.model().concordance().weighting() != ConcordanceWeighting.HARRELL) {
                    cc.put("weighting", r.model().concordance().weighting().id());
                }
            }
            notes.add("n = " + r.model().n() + ", " + r.model().events() + " events (complete cases); "
                    + capital(r.model().ties().id()) + " ties. Likelihood-ratio test " + Formats.num(
                            r.model().lrTest().statistic(), 2) + " on " + r.model().lrTest().df() + " df, "
                    + pEquals(r.model().lrTest().pValue()) + (r.model().concordance() == null ? ""
                            : (r.model().concordance().weighting() == ConcordanceWeighting.UNO ? "; Uno's concordance "
                                    : "; concordance ")
                            + Formats.num(r.model().concordance().estimate(), 3) + " (SE " + Formats.num(
                                    r.model().concordance().stdErr(), 3) + ")") + ".");
            if (!r.cohort().exclusions().isEmpty()) {
                // the rows of the analysis dataset this model leaves out (a missing covariate, offset or cluster)
                ArrayNode ex = json.putArray("excluded");
                List<String> parts = new ArrayList<>();
                int left = 0;
                for (org.survkit.io.Exclusion e : r.cohort().exclusions()) {
                    ObjectNode o = ex.addObject();
                    o.put("reason", e.reason());
                    o.put("count", e.count());
                    parts.add(e.count() + " " + e.reason());
                    left += e.count();
                }
                notes.add(left + " of the " + r.cohort().rowsRead() + " patients analysed " + (left == 1 ? "is" : "are")
                        + " not in this model: " + String.join(", ", parts) + ".");
            }
            if (r.spec().cluster() != null) {
                json.put("cluster", r.spec().cluster());
                ObjectNode rs = json.putObject("robust_score_test");
                num(rs, "statistic", r.model().robustScoreTest().statistic());
                rs.put("df", r.model().robustScoreTest().df());
                num(rs, "p_value", r.model().robustScoreTest().pValue());
                notes.add("Clusters from column '" + r.spec().cluster() + "': robust (sandwich) standard errors,"
                        + " intervals and P values, as R's coxph(..., cluster = " + r.spec().cluster() + "); robust"
                        + " score test " + Formats.num(r.model().robustScoreTest().statistic(), 2) + " on "
                        + r.model().robustScoreTest().df() + " df, " + pEquals(r.model().robustScoreTest().pValue())
                        + ".");
            }
            if (r.spec().offset() != null) {
                json.put("offset", r.spec().offset());
                notes.add("Offset: column '" + r.spec().offset() + "', a known part of each row's log hazard (its"
                        + " coefficient fixed at 1, R's + offset(" + r.spec().offset() + ")).");
            }
            if (a.weightedOrEntered()) {
                notes.add((a.study().weights() == null ? "" : "Case weights from column '" + a.study().weights() + "'"
                        + (r.model().robust() ? " (not all whole numbers: robust standard errors and intervals, as R's"
                                + " coxph then reports them)" : "") + (a.study().time().delayedEntry() ? "; " : "."))
                        + (a.study().time().delayedEntry() ? (a.study().weights() == null ? "D" : "d")
                                + "elayed entry: (entry, time] rows with the entry times of column '"
                                + a.study().time().entry() + "'." : ""));
            }
        }
        if (r.firth() != null) {
            if (r.model() == null) {
                header.addAll(List.of("HR (" + ciLabel() + ")", "P"));
                for (FirthCoefficient f : r.firth().coefficients()) {
                    rows.add(List.of(r.labels().getOrDefault(f.term(), f.term()), f.aliased() ? "aliased (NA)"
                            : Formats.hrCi(f.hr(), f.hrLower(), f.hrUpper()), f.aliased() ? Formats.NA
                            : p(f.pValue())));
                    kinds.add("");
                }
            } else {
                header.set(1, "HR Cox\n(" + ciLabel() + ")");
                header.set(2, "P Cox");
                header.addAll(List.of("HR Firth\n(" + ciLabel() + ")", "P Firth"));
            }
            ObjectNode fj = json.putObject("firth");
            fj.put("ties", r.firth().ties().id());
            fj.put("n", r.firth().n());
            fj.put("events", r.firth().events());
            ArrayNode fc = fj.putArray("coefficients");
            for (FirthCoefficient f : r.firth().coefficients()) {
                ObjectNode o = fc.addObject();
                o.put("term", f.term());
                num(o, "coef", f.coef());
                num(o, "se", f.se());
                num(o, "hr", f.hr());
                num(o, "hr_lower", f.hrLower());
                num(o, "hr_upper", f.hrUpper());
                num(o, "chi_square", f.chiSquare());
                num(o, "p_value", f.pValue());
                o.put("aliased", f.aliased());
            }
            notes.add("Firth's penalized partial likelihood (Heinze & Schemper 2001), " + capital(
                    r.firth().ties().id()) + " ties: profile penalized-likelihood confidence intervals and penalized"
                    + " likelihood-ratio P values" + (r.model() != null ? "; added because the standard fit signals"
                            + " monotone likelihood" : "") + ".");
        }
        if (r.zph() != null) {
            ArrayNode ph = json.putArray("ph_test");
            List<ZphTerm> terms = new ArrayList<>(r.zph().terms());
            terms.add(r.zph().global());
            for (ZphTerm z : terms) {
                ObjectNode o = ph.addObject();
                o.put("term", z.term());
                num(o, "statistic", z.statistic());
                o.put("df", z.df());
                num(o, "p_value", z.pValue());
            }
        }
        return new ReportTable(id, "Cox model: " + r.spec().name(), header, rows, kinds, notes, json);
    }

    public ReportTable phTest(CoxResult r, String id) {
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<ZphTerm> terms = new ArrayList<>(r.zph().terms());
        terms.add(r.zph().global());
        ArrayNode json = F.arrayNode();
        for (ZphTerm z : terms) {
            String label = z.term().equals("GLOBAL") ? "Global" : a.variableLabel(z.term());
            rows.add(List.of(label, Formats.num(z.statistic(), 2), Integer.toString(z.df()), p(z.pValue())));
            kinds.add(z.term().equals("GLOBAL") ? "variable" : "");
            ObjectNode o = json.addObject();
            o.put("term", z.term());
            num(o, "statistic", z.statistic());
            o.put("df", z.df());
            num(o, "p_value", z.pValue());
        }
        return new ReportTable(id, "Proportional-hazards test: " + r.spec().name(), List.of("Term", "\u03C7\u00B2", "df",
                "P"), rows, kinds, List.of("Score test of a linear trend of each term's effect in the Kaplan\u2013Meier"
                        + " transform of time (Grambsch & Therneau 1994; R cox.zph). P < 0.05 suggests that the"
                        + " hazard ratio changes over follow-up."), json);
    }

    // ---------------------------------------------------------------- competing risks

    /** {@return the label of a cause code} */
    public String causeLabel(double code) {
        return a.competing().spec().label(code);
    }

    /** {@return the causes' labels in display order, joined: "Transplant and Death"} */
    public String causeList() {
        List<String> l = a.competing().causes().stream().map(this::causeLabel).toList();
        return l.size() <= 1 ? String.join("", l) : String.join(", ", l.subList(0, l.size() - 1)) + " and "
                + l.get(l.size() - 1);
    }

    /**
     * Cumulative incidence of each cause (rows) per group and for all patients, at the study's times, with the
     * events of each cause (R cmprsk {@code cuminc} + {@code timepoints}).
     */
    public ReportTable cif() {
        StudyAnalysis.CompetingRisksOut cr = a.competing();
        double[] times = cr.times();
        List<String> header = new ArrayList<>(List.of(a.study().grouped() ? "Cause and " + groupName() : "Cause", "N",
                "Events"));
        for (double t : times) {
            header.add(Formats.given(t) + " " + unit() + "\n% (" + ciLabel() + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        ObjectNode json = F.objectNode();
        json.put("time_unit", unit());
        json.put("column", cr.spec().column());
        if (cr.spec().words()) {
            json.put("censor_value", cr.spec().censorWord());
        } else {
            num(json, "censor_value", cr.spec().censorValue());
        }
        json.put("conf_type", cr.result().curves().get(0).confType().rName());
        num(json, "conf_level", a.study().confLevel());
        num(json, "horizon", a.study().horizon());
        json.put("n", cr.cohort().size());
        ArrayNode jc = json.putArray("causes");
        ArrayNode jg = json.putArray("curves");
        boolean beyond = false;
        for (double cause : cr.causes()) {
            ObjectNode c = jc.addObject();
            num(c, "code", cause);
            c.put("label", causeLabel(cause));
            if (a.study().grouped()) {
                List<String> r = new ArrayList<>();
                r.add(causeLabel(cause));
                for (int i = 0; i < 2 + times.length; i++) {
                    r.add("");
                }
                rows.add(r);
                kinds.add("variable");
                for (String g : cr.groups()) {
                    beyond |= cifRow(rows, g, cr.result().curve(g, cause), times, jg);
                    kinds.add("level");
                }
                beyond |= cifRow(rows, StudyAnalysis.ALL, cr.overall().curve("all", cause), times, jg);
                kinds.add("level");
            } else {
                beyond |= cifRow(rows, causeLabel(cause), cr.result().curve("all", cause), times, jg);
                kinds.add("");
            }
        }
        ArrayNode jn = json.putArray("one_minus_km");
        for (NaiveCumulativeIncidence n : cr.naive()) {
            ObjectNode o = jn.addObject();
            o.put("group", a.study().grouped() ? n.group() : StudyAnalysis.ALL);
            num(o, "cause", n.cause());
            num(o, "time", n.time());
            num(o, "one_minus_km", n.naive());
            num(o, "cif", n.cif());
            num(o, "difference", n.difference());
        }
        boolean entry = cr.cohort().start() != null;
        json.put("entry", entry);
        json.put("variance_method", cr.result().variance().displayName());
        List<String> notes = new ArrayList<>();
        notes.add("Cumulative incidence (%) of each cause, with the other causes as competing events (Aalen\u2013Johansen"
                + " estimator), with " + ciLabel() + "s on the " + a.study().confType().rName() + " scale; variance: "
                + cr.result().variance().displayName() + ". Events: events of that cause" + (Double.isNaN(a.study().horizon()) ? ""
                        : " up to the horizon") + "." + (beyond ? " " + Formats.NA + ": after the group's last follow-up."
                                : ""));
        notes.add("Codes of " + cr.spec().column() + ": " + String.join(", ", cr.causes().stream().map(k ->
                cr.spec().written(k) + " = " + causeLabel(k)).toList()) + "; " + cr.spec().written(cr.spec().censorValue())
                + " = censored.");
        if (!Double.isNaN(a.study().horizon())) {
            notes.add("Follow-up is censored at " + Formats.given(a.study().horizon()) + " " + unit() + " (the study's"
                    + " horizon).");
        }
        if (entry) {
            notes.add("Delayed entry (left truncation): each patient is at risk from the entry time in column '"
                    + a.study().time().entry() + "' to the end of follow-up, (entry, time], as R survfit(Surv(entry,"
                    + " time, factor(status)) ~ group)." + (a.study().grouped() ? " Gray's test is not shown: it is"
                    + " defined for right-censored data only (R cmprsk's cuminc takes no entry times)." : ""));
        }
        int left = a.cohort().size() - cr.cohort().size();
        if (left != 0) {
            notes.add(cr.cohort().size() + " patients analysed: " + (left > 0 ? left + " of the " + a.cohort().size()
                    + " in the survival analysis have no cause in " + cr.spec().column() + " (missing)" : "some rows"
                    + " without a known event have a cause") + ".");
        }
        return new ReportTable("cif", "Cumulative incidence of " + causeList() + (a.study().grouped() ? " by "
                + groupName() : ""), header, rows, kinds, notes, json);
    }

    /** One row of the cumulative incidence table; {@return whether a time is beyond the group's follow-up} */
    private boolean cifRow(List<List<String>> rows, String group, CumulativeIncidenceCurve c, double[] times,
            ArrayNode jg) {
        List<String> r = new ArrayList<>();
        r.add(group);
        r.add(Integer.toString(c.n()));
        r.add(Integer.toString(c.events()));
        ObjectNode o = jg.addObject();
        o.put("group", group);
        num(o, "cause", c.cause());
        o.put("n", c.n());
        o.put("events", c.events());
        num(o, "last_time", c.lastTime());
        ArrayNode ja = o.putArray("at");
        boolean beyond = false;
        for (CumulativeIncidenceAtTime x : c.at(times)) {
            beyond |= Double.isNaN(x.cif());
            r.add(x.cif() == 0 ? Formats.pct(0) : Formats.pctCi(x.cif(), x.lower(), x.upper()));
            ObjectNode j = ja.addObject();
            num(j, "time", x.time());
            num(j, "cif", x.cif());
            num(j, "variance", x.variance());
            num(j, "lower", x.lower());
            num(j, "upper", x.upper());
        }
        rows.add(r);
        return beyond;
    }

    /** Gray's test per cause (R cmprsk {@code cuminc(...)$Tests}). */
    public ReportTable gray() {
        StudyAnalysis.CompetingRisksOut cr = a.competing();
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        ObjectNode json = F.objectNode();
        json.put("group", groupName());
        ArrayNode jg = json.putArray("groups");
        cr.groups().forEach(jg::add);
        ArrayNode jt = json.putArray("tests");
        for (double cause : cr.causes()) {
            GrayTestResult t = cr.result().test(cause);
            rows.add(List.of(causeLabel(cause), Formats.num(t.statistic(), 2), Integer.toString(t.df()),
                    p(t.pValue())));
            kinds.add("");
            ObjectNode o = jt.addObject();
            num(o, "cause", cause);
            o.put("label", causeLabel(cause));
            num(o, "statistic", t.statistic());
            o.put("df", t.df());
            num(o, "p_value", t.pValue());
            num(o, "rho", t.rho());
        }
        return new ReportTable("gray", "Gray's test: cumulative incidence of each cause compared by " + groupName()
                + " (" + cr.groups().size() + " groups)", List.of("Cause", "\u03C7\u00B2",
                "df", "P"), rows, kinds, List.of("Gray's k-sample test (Gray 1988) of equal cumulative incidence of the"
                        + " cause in every group, the other causes as competing events"
                        + (a.competing().spec().strata() == null ? "" : ", stratified by " + a.competing().spec().strata())
                        + " (R cmprsk cuminc, \u03C1 = "
                        + Formats.given(a.competing().spec().rho()) + (a.competing().spec().rho() > 0
                                ? ": differences early in follow-up weigh more" : "") + ")."),
                json);
    }

    /** The Fine–Gray model (R cmprsk {@code crr}): subdistribution hazard ratios with robust CIs. */
    public ReportTable fineGray() {
        StudyAnalysis.FineGrayOut f = a.competing().fineGray();
        FineGrayModel m = f.model();
        String cause = causeLabel(f.cause());
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        ObjectNode json = F.objectNode();
        num(json, "cause", f.cause());
        json.put("label", cause);
        ArrayNode cov = json.putArray("covariates");
        f.covariates().forEach(cov::add);
        boolean entry = f.cohort().start() != null;
        json.put("se", entry ? "robust (sandwich), as R survival's finegray() + weighted coxph" : "robust (sandwich), as crr");
        json.put("entry", entry);
        num(json, "conf_level", a.study().confLevel());
        json.put("n", m.n());
        json.put("events", m.events());
        json.put("competing_events", m.competingEvents());
        json.put("censored", m.censored());
        json.put("converged", m.converged());
        json.put("iterations", m.iterations());
        ArrayNode co = json.putArray("coefficients");
        for (FineGrayCoefficient k : m.coefficients()) {
            rows.add(List.of(f.labels().getOrDefault(k.term(), k.term()), k.aliased() ? "aliased (NA)"
                    : Formats.hrCi(k.hr(), k.hrLower(), k.hrUpper()), k.aliased() ? Formats.NA : p(k.pValue())));
            kinds.add("");
            ObjectNode o = co.addObject();
            o.put("term", k.term());
            num(o, "coef", k.coef());
            num(o, "se", k.se());
            num(o, "model_se", k.modelSe());
            num(o, "z", k.z());
            num(o, "p_value", k.pValue());
            num(o, "hr", k.hr());
            num(o, "hr_lower", k.hrLower());
            num(o, "hr_upper", k.hrUpper());
            o.put("aliased", k.aliased());
        }
        ObjectNode lr = json.putObject("pseudo_lr_test");
        num(lr, "statistic", m.pseudoLikelihoodRatio());
        lr.put("df", m.df());
        List<String> notes = new ArrayList<>();
        notes.add("SHR: subdistribution hazard ratio of " + cause + " (Fine & Gray 1999), the other causes as competing"
                + " events; Wald " + ciLabel() + "s and P values from robust (sandwich) standard errors, as R "
                + (entry ? "survival's finegray() + weighted coxph with (entry, time] rows: the competing events' weights"
                        + " use the censoring and the entry distributions (Geskus 2011)." : "cmprsk crr.")
                + " An SHR describes how a covariate changes the cumulative incidence of the cause, not its rate among"
                + " patients still free of every event.");
        notes.add("n = " + m.n() + " (complete cases): " + m.events() + " events of " + cause + ", " + m.competingEvents()
                + " competing events, " + m.censored() + " censored.");
        return new ReportTable("finegray", "Fine\u2013Gray model: " + cause, List.of("Term", "SHR (" + ciLabel() + ")",
                "P"), rows, kinds, notes, json);
    }

    // ---------------------------------------------------------------- findings

    public ReportTable guardrails() {
        List<List<String>> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        ArrayNode json = F.arrayNode();
        for (Finding f : a.findings()) {
            String text = FindingText.message(f.diagnostic());
            rows.add(List.of(FindingText.severity(f.diagnostic()), FindingText.title(f.diagnostic().code()), f.scope(),
                    text));
            kinds.add("");
            ObjectNode o = json.addObject();
            o.put("severity", f.diagnostic().severity().name().toLowerCase(Locale.ROOT));
            o.put("code", f.diagnostic().code());
            o.put("scope", f.scope());
            o.put("message", text);
        }
        return new ReportTable("guardrails", "Guardrails: what a statistical reviewer would point out",
                List.of("Severity", "Finding", "Where", "Details and what to do"), rows, kinds, List.of(), json);
    }

    public static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}

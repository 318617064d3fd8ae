package org.survkit.plot;

import java.util.List;
import java.util.Map;
import org.survkit.stats.cox.CoxData;
import org.survkit.stats.cox.CoxModel;
import org.survkit.stats.cox.CoxRegression;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.logrank.LogRankResult;
import org.survkit.stats.logrank.LogRankTest;
import org.survkit.stats.model.DesignMatrixBuilder;

/** The example figures on real data: what the gallery renders and several tests check. */
final class Examples {

    private Examples() {
    }

    /** R survival's lung: survival by sex (1 male, 2 female), time in days, status 2 = dead. */
    static KaplanMeierPlot lungBySex() {
        Datasets.Table t = Datasets.read("lung", "time", "status", "sex");
        double[] time = t.number("time");
        boolean[] event = t.equalTo("status", "2");
        String[] sex = t.text("sex");
        List<GroupCurve> curves = KaplanMeier.withDefaults().fit(time, event, sex);
        LogRankResult test = LogRankTest.withDefaults().test(time, event, sex);
        return KaplanMeierPlot.of(curves).withGroupLabels(Map.of("1", "Male", "2", "Female")).withLegendTitle("Sex")
                .withTimeUnit("days").withTest(test);
    }

    /** R survival's veteran: survival by cell type (4 groups), time in days. */
    static KaplanMeierPlot veteranByCelltype() {
        Datasets.Table t = Datasets.read("veteran", "time", "status", "celltype");
        double[] time = t.number("time");
        boolean[] event = t.equalTo("status", "1");
        String[] cell = t.text("celltype");
        List<GroupCurve> curves = KaplanMeier.withDefaults().fit(time, event, cell);
        LogRankResult test = LogRankTest.withDefaults().test(time, event, cell);
        return KaplanMeierPlot.of(curves).withLegendTitle("Cell type").withTimeUnit("days").withTest(test);
    }

    static List<GroupCurve> veteranCurves() {
        Datasets.Table t = Datasets.read("veteran", "time", "status", "celltype");
        return KaplanMeier.withDefaults().fit(t.number("time"), t.equalTo("status", "1"), t.text("celltype"));
    }

    /** The veteran pair adeno vs large, with the test on those two groups' subjects only. */
    static KaplanMeierPlot veteranPair(String a, String b) {
        Datasets.Table t = Datasets.read("veteran", "time", "status", "celltype");
        String[] cell = t.text("celltype");
        int n = 0;
        for (String c : cell) {
            n += c.equals(a) || c.equals(b) ? 1 : 0;
        }
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        String[] g = new String[n];
        double[] allTime = t.number("time");
        boolean[] allEvent = t.equalTo("status", "1");
        for (int i = 0, k = 0; i < cell.length; i++) {
            if (cell[i].equals(a) || cell[i].equals(b)) {
                time[k] = allTime[i];
                event[k] = allEvent[i];
                g[k++] = cell[i];
            }
        }
        LogRankResult test = LogRankTest.withDefaults().test(time, event, g);
        return KaplanMeierPlot.of(veteranCurves()).withGroups(a, b).withLegendTitle("Cell type").withTimeUnit("days")
                .withTest(test);
    }

    /** R survival's gbsg: recurrence-free survival by hormonal therapy, time in days (shown in months). */
    static KaplanMeierPlot gbsgByHormon() {
        Datasets.Table t = Datasets.read("gbsg", "rfstime", "status", "hormon");
        double[] days = t.number("rfstime");
        double[] months = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            months[i] = days[i] / 30.4375;
        }
        boolean[] event = t.equalTo("status", "1");
        String[] hormon = t.text("hormon");
        List<GroupCurve> curves = KaplanMeier.withDefaults().fit(months, event, hormon);
        LogRankResult test = LogRankTest.withDefaults().test(months, event, hormon);
        return KaplanMeierPlot.of(curves).withGroupLabels(Map.of("0", "No hormonal therapy", "1", "Tamoxifen"))
                .withTimeUnit("months").withSurvivalLabel("Recurrence-free survival").withTest(test);
    }

    /** Cox model of lung: age + sex + ph.ecog (complete cases; Efron ties), as R coxph. */
    static CoxModel lungCox() {
        Datasets.Table t = Datasets.read("lung", "time", "status", "age", "sex", "ph.ecog");
        int n = t.rows().size();
        DesignMatrixBuilder b = DesignMatrixBuilder.of(n).numeric("age", t.number("age")).numeric("sex", t.number("sex"))
                .numeric("ph.ecog", t.number("ph.ecog"));
        CoxData data = CoxData.of(t.number("time"), t.equalTo("status", "2"), b.build(List.of("age", "sex", "ph.ecog")));
        return CoxRegression.withDefaults().fit(data);
    }

    /** The forest plot of {@link #lungCox()} with readable labels. */
    static ForestPlot lungForest() {
        return ForestPlot.of(lungCox()).withLabels(Map.of("age", "Age (per year)", "sex", "Female vs male",
                "ph.ecog", "ECOG performance status (per point)")).withDirectionLabels("Lower hazard", "Higher hazard");
    }

    /** The lung Cox model with labels as long as a report's ("Subtype: Triple negative vs HR+/HER2−"). */
    static ForestPlot longLabelForest() {
        return ForestPlot.of(lungCox()).withLabels(Map.of("age", "Age at diagnosis of metastatic disease (per year)",
                "sex", "Tumour subtype: Triple negative vs HR+/HER2\u2212 (reference)",
                "ph.ecog", "ECOG")).withDirectionLabels("Lower hazard", "Higher hazard");
    }

    /** log(−log S) of lung by sex. */
    static LogMinusLogPlot lungLogMinusLog() {
        Datasets.Table t = Datasets.read("lung", "time", "status", "sex");
        List<GroupCurve> curves = KaplanMeier.withDefaults().fit(t.number("time"), t.equalTo("status", "2"), t.text("sex"));
        return LogMinusLogPlot.of(curves).withGroupLabels(Map.of("1", "Male", "2", "Female")).withLegendTitle("Sex")
                .withTimeUnit("days");
    }

    /** Rows that a real model can give: aliased, monotone likelihood (0 to infinity), a wide interval. */
    static ForestPlot edgeCaseForest() {
        double inf = Double.POSITIVE_INFINITY;
        List<org.survkit.stats.cox.CoxCoefficient> rows = List.of(
                new org.survkit.stats.cox.CoxCoefficient("Treatment B vs A", -0.6, 0.2, Double.NaN, -3, 0.0027,
                        Math.exp(-0.6), 0.37, 0.81, false),
                new org.survkit.stats.cox.CoxCoefficient("Stage IV (collinear)", Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true),
                new org.survkit.stats.cox.CoxCoefficient("Subgroup with no events", 21.3, 9000, Double.NaN, 0.002, 0.998,
                        1.8e9, 0, inf, false),
                new org.survkit.stats.cox.CoxCoefficient("Rare genotype", 1.0, 1.2, Double.NaN, 0.8, 0.40, Math.exp(1), 0.26,
                        28.6, false),
                new org.survkit.stats.cox.CoxCoefficient("Age (per 10 years)", 0.1, 0.05, Double.NaN, 2, 0.0455,
                        Math.exp(0.1), 1.0003, 1.2214, false));
        return ForestPlot.of(rows, 0.95).withTitle("Hazard ratios, edge cases").withFootnote("Hypothetical rows.");
    }

    /** A STROBE flow: eligibility, missing data, two groups; one reason long enough to wrap, one word too long. */
    static FlowDiagram strobeFlow() {
        return FlowDiagram.start("Rows in cohort.csv", 120)
                .exclusion("Excluded by the eligibility criteria", List.of(new FlowDiagram.Count("younger than 18", 5),
                        new FlowDiagram.Count("metastatic disease at inclusion, or a second primary tumour diagnosed"
                                + " within five years before the start of treatment", 7),
                        new FlowDiagram.Count("missing value of 'age' for criterion \"younger than 18\"", 2)))
                .then("Eligible", 106)
                .exclusion("Excluded for missing or invalid data", List.of(
                        new FlowDiagram.Count("missing end date ('last_contact')", 4),
                        new FlowDiagram.Count("no_group_rule_applies_and_no_otherwise_label_anywhere_in_the_study", 2)))
                .then("Analysed", 100)
                .withGroups(List.of(new FlowDiagram.Count("ER/PR+ HER2\u2212", 52, "#0072B2"),
                        new FlowDiagram.Count("Triple negative", 48, "#D55E00")));
    }

    /** Nine groups: two rows of group boxes. */
    static FlowDiagram manyGroupsFlow() {
        List<FlowDiagram.Count> groups = new java.util.ArrayList<>();
        Palette p = Palette.okabeIto();
        for (int i = 0; i < 9; i++) {
            groups.add(new FlowDiagram.Count("Centre " + (i + 1) + (i == 3 ? " (university hospital)" : ""), 10 + i,
                    p.color(i)));
        }
        return FlowDiagram.start("Rows in registry.xlsx", 1200).then("Analysed", 1200).withGroups(groups);
    }
}

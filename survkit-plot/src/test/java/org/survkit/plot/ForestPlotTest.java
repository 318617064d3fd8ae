package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.survkit.stats.cox.CoxCoefficient;
import org.survkit.stats.cox.CoxModel;
import org.w3c.dom.Element;

class ForestPlotTest {

    @Test
    void lungCoxRowsCarryTheModelsNumbers() {
        CoxModel m = Examples.lungCox();
        SvgDoc svg = SvgDoc.parse(Examples.lungForest().svg());
        assertThat(svg.byClass("forest-row")).extracting(e -> e.getAttribute("data-term")).containsExactly("age", "sex",
                "ph.ecog");
        // R 4.2.2 survival 3.5-3: summary(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung))
        //   exp(coef) lower .95 upper .95: age 1.011 0.9931 1.0290; sex 0.5754 0.4142 0.7993; ph.ecog 1.5900 1.2700 1.9909
        //   Pr(>|z|): age 0.23160, sex 0.00098 (< 0.001), ph.ecog 5.09e-05
        assertThat(svg.byClass("hr-text")).extracting(Element::getTextContent).containsExactly("1.01 (0.99\u20131.03)",
                "0.58 (0.41\u20130.80)", "1.59 (1.27\u20131.99)");
        assertThat(svg.byClass("p-text")).extracting(Element::getTextContent).containsExactly("0.232", "< 0.001",
                "< 0.001");
        assertThat(svg.byClass("row-label")).extracting(Element::getTextContent).containsExactly("Age (per year)",
                "Female vs male", "ECOG performance status (per point)");
        assertThat(svg.allText()).contains("HR (95% CI)", "Hazard ratio (log scale)", "n = 227, 164 events", "Efron");
        assertThat(m.n()).isEqualTo(227);
    }

    @Test
    void markersSitAtTheRatioOnALogAxisWithAReferenceAtOne() {
        CoxModel m = Examples.lungCox();
        SvgDoc svg = SvgDoc.parse(Examples.lungForest().svg());
        List<Element> ticks = svg.byClass("x-tick");
        assertThat(ticks).extracting(e -> e.getAttribute("data-value")).containsExactly("0.25", "0.5", "1", "2");
        // equal spacing per doubling: a log axis
        double step = SvgDoc.num(ticks.get(1), "x1") - SvgDoc.num(ticks.get(0), "x1");
        for (int i = 2; i < ticks.size(); i++) {
            assertThat(SvgDoc.num(ticks.get(i), "x1") - SvgDoc.num(ticks.get(i - 1), "x1")).isCloseTo(step, within(0.02));
        }
        Scale log = Scale.log(0.25, 2, SvgDoc.num(ticks.get(0), "x1"), SvgDoc.num(ticks.get(3), "x1"));
        assertThat(SvgDoc.num(svg.byClass("reference-line").get(0), "x1")).isCloseTo(log.map(1), within(0.02));
        List<Element> markers = svg.byClass("hr-marker");
        List<Element> lines = svg.byClass("ci-line");
        assertThat(markers).hasSize(3);
        for (int i = 0; i < 3; i++) {
            CoxCoefficient c = m.coefficients().get(i);
            Element sq = markers.get(i);
            double side = SvgDoc.num(sq, "width");
            assertThat(SvgDoc.num(sq, "x") + side / 2).isCloseTo(log.map(c.hr()), within(0.02));
            assertThat(SvgDoc.num(lines.get(i), "x1")).isCloseTo(log.map(c.hrLower()), within(0.02));
            assertThat(SvgDoc.num(lines.get(i), "x2")).isCloseTo(log.map(c.hrUpper()), within(0.02));
        }
        // default: equal squares (a Cox model's covariates are on different scales, as ggforest)
        assertThat(markers).extracting(e -> e.getAttribute("width")).containsOnly("6");
        // precision: age has by far the smallest SE, so the largest square
        List<Element> byPrecision = SvgDoc.parse(Examples.lungForest().with(MarkerSize.PRECISION).svg())
                .byClass("hr-marker");
        assertThat(SvgDoc.num(byPrecision.get(0), "width")).isGreaterThan(SvgDoc.num(byPrecision.get(1), "width"));
    }

    @Test
    void aliasedAndInfiniteRowsDegradeGracefully() {
        double inf = Double.POSITIVE_INFINITY;
        List<CoxCoefficient> rows = List.of(
                new CoxCoefficient("treatment", -0.6, 0.2, Double.NaN, -3, 0.0027, Math.exp(-0.6), 0.37, 0.81, false),
                new CoxCoefficient("stage=IV", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, true),
                new CoxCoefficient("no events <group>", 21.3, 9000, Double.NaN, 0.002, 0.998, 1.8e9, 0, inf, false),
                new CoxCoefficient("wide", 1.0, 1.2, Double.NaN, 0.8, 0.40, Math.exp(1), 0.26, 28.6, false));
        SvgDoc svg = SvgDoc.parse(ForestPlot.of(rows, 0.95).withAxisRange(0.1, 10).svg());
        assertThat(svg.byClass("forest-row")).hasSize(4);
        assertThat(svg.byClass("hr-text")).extracting(Element::getTextContent).containsExactly("0.55 (0.37\u20130.81)",
                "aliased (NA)", "> 1000 (0\u2013\u221E)", "2.72 (0.26\u201328.6)");
        // aliased: no marker, no line; the huge HR is off the axis: arrows both ways, no square
        assertThat(svg.byClass("hr-marker")).hasSize(2);
        assertThat(svg.byClass("ci-arrow")).hasSize(3);
        assertThat(svg.allText()).contains("no events <group>");
        assertThat(svg.byClass("x-tick")).extracting(e -> e.getAttribute("data-value")).containsExactly("0.1", "0.2",
                "0.5", "1", "2", "5", "10");
        assertThatThrownBy(() -> ForestPlot.of(rows, 0.95).withAxisRange(2, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ForestPlot.of(rows, 0.95).png(72)).isNotEmpty();
    }

    @Test
    void autoAxisIsBoundedAndArrowsMarkWhatLiesBeyond() {
        List<CoxCoefficient> rows = List.of(
                new CoxCoefficient("x", 8, 3, Double.NaN, 2.6, 0.008, Math.exp(8), 2.5, 6e5, false));
        SvgDoc svg = SvgDoc.parse(ForestPlot.of(rows, 0.9).svg());
        List<Element> ticks = svg.byClass("x-tick");
        assertThat(ticks.get(ticks.size() - 1).getAttribute("data-value")).isEqualTo("100");
        assertThat(svg.byClass("ci-arrow")).hasSize(1);
        assertThat(svg.byClass("hr-marker")).isEmpty();
        assertThat(svg.allText()).contains("HR (90% CI)");
    }

    @Test
    void longFootnotesWrapInsideTheFigure() {
        String note = "A long footnote that says what the model is, how its standard errors were computed, which package"
                + " it matches, how many patients and events it has, and what the abbreviation in the header means.";
        SvgDoc svg = SvgDoc.parse(Examples.lungForest().withFootnote(note).svg());
        List<Element> lines = svg.byClass("footnote");
        assertThat(lines.size()).isGreaterThan(1);
        assertThat(String.join(" ", lines.stream().map(Element::getTextContent).toList())).isEqualTo(note);
        double width = Double.parseDouble(svg.doc.getDocumentElement().getAttribute("viewBox").split(" ")[2]);
        for (Element l : lines) {
            assertThat(SvgDoc.num(l, "x") + TextMetrics.width(l.getTextContent(), Style.FONT - 0.5)).isLessThanOrEqualTo(width);
        }
        assertThat(ForestRenderer.wrap("short note", 8, 500)).containsExactly("short note");
    }

    @Test
    void longLabelsAreNeverShortenedAndWrapOntoTwoLines() {
        SvgDoc svg = SvgDoc.parse(Examples.longLabelForest().svg());
        assertThat(svg.byClass("row-label")).extracting(Element::getTextContent).containsExactly(
                "Age at diagnosis of metastatic disease (per year)",
                "Tumour subtype: Triple negative vs HR+/HER2\u2212 (reference)", "ECOG");
        assertThat(svg.allText()).doesNotContain("\u2026");
        assertThat(svg.byClass("row-label").get(1).getAttribute("data-lines")).isEqualTo("2");
        LegendPositionTest.assertLaidOut(svg, "forest");
        assertLabelColumnFitsItsText(svg);
    }

    @Test
    void aLabelColumnIsAsWideAsItsLongestLabel() {
        assertLabelColumnFitsItsText(SvgDoc.parse(Examples.lungForest().svg()));
        // one word longer than the room for labels: the column grows, the word is whole
        String word = "Pneumonoultramicroscopicsilicovolcanoconiosis-and-a-very-long-hyphenated-tail-without-spaces";
        SvgDoc svg = SvgDoc.parse(ForestPlot.of(Examples.lungCox()).withLabels(java.util.Map.of("age", word)).svg());
        assertThat(svg.byClass("row-label").get(0).getTextContent()).isEqualTo(word);
        assertLabelColumnFitsItsText(svg);
        LegendPositionTest.assertLaidOut(svg, "forest with a long word");
    }

    /** The labels end left of the panel, and the panel starts one gutter after the longest one: no empty width. */
    private static void assertLabelColumnFitsItsText(SvgDoc svg) {
        double right = 0;
        for (Element e : svg.byClass("row-label")) {
            right = Math.max(right, TextBoxes.of(e).x1());
        }
        double panel = SvgDoc.num(svg.byClass("axis-line").get(0), "x1");
        assertThat(panel - right).isBetween(0.0, 16.5);
    }

    /**
     * At one column's width (85 mm) a wide axis (0.5 to 100, as the rapamycin example's triple-positive HR of 13
     * (1.54–110)) keeps every tick but only the numbers that fit side by side, 1 always among them.
     */
    @Test
    void aNarrowAxisPrintsOnlyTheTickNumbersThatFit() {
        List<CoxCoefficient> rows = List.of(
                new CoxCoefficient("subgroup: Triple positive vs ER/PR+ HER2\u2212", Math.log(13), 1.1, Double.NaN, 2.3,
                        0.02, 13.0, 1.54, 110, false),
                new CoxCoefficient("age", Math.log(1.02), 0.03, Double.NaN, 0.6, 0.5, 1.02, 0.96, 1.10, false));
        SvgDoc narrow = SvgDoc.parse(ForestPlot.of(rows, 0.95).withWidth(85).svg());
        List<Rect> labels = TextBoxes.of(narrow, "x-tick-label");
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).intersects(labels.get(j))).as("tick labels %d and %d overlap", i, j).isFalse();
            }
        }
        assertThat(narrow.byClass("x-tick-label")).extracting(Element::getTextContent).contains("1");
        assertThat(narrow.byClass("x-tick").size()).isGreaterThan(labels.size());
        SvgDoc wide = SvgDoc.parse(ForestPlot.of(rows, 0.95).svg());
        assertThat(wide.byClass("x-tick-label")).hasSameSizeAs(wide.byClass("x-tick"));
    }
}

package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

class LegendPositionTest {

    /** Every text and legend key of the figure is inside it, and no two texts overlap. */
    @ParameterizedTest
    @EnumSource(LegendPosition.class)
    void kaplanMeierTextsStayInsideTheFigureAndApart(LegendPosition position) {
        for (KaplanMeierPlot plot : List.of(Examples.veteranByCelltype(), Examples.lungBySex(),
                Examples.veteranByCelltype().withWidth(85).withConfidenceBands(true))) {
            assertLaidOut(SvgDoc.parse(plot.with(position).svg()), plot.toString() + " " + position);
        }
    }

    @ParameterizedTest
    @EnumSource(LegendPosition.class)
    void logMinusLogTextsStayInsideTheFigureAndApart(LegendPosition position) {
        assertLaidOut(SvgDoc.parse(LogMinusLogPlot.of(Examples.veteranCurves()).withLegendTitle("Cell type")
                .with(position).svg()), "lml " + position);
    }

    @Test
    void rightPutsTheLegendBesideThePlot() {
        SvgDoc svg = SvgDoc.parse(Examples.veteranByCelltype().with(LegendPosition.RIGHT).svg());
        double axisEnd = xAxisEnd(svg);
        for (Rect r : TextBoxes.of(svg, "legend-key", "legend-label", "legend-title", "test-result")) {
            assertThat(r.x0()).as("right of the time axis").isGreaterThan(axisEnd);
        }
    }

    @Test
    void bottomPutsTheLegendBetweenTheTimeAxisAndTheRiskTable() {
        SvgDoc svg = SvgDoc.parse(Examples.veteranByCelltype().with(LegendPosition.BOTTOM).svg());
        double axisTitleBottom = TextBoxes.of(svg.byClass("axis-title").get(1)).y1();
        double riskTop = TextBoxes.of(svg.byClass("risk-title").get(0)).y0();
        for (Rect r : TextBoxes.of(svg, "legend-key", "legend-label", "legend-title", "test-result")) {
            assertThat(r.y0()).isGreaterThan(axisTitleBottom);
            assertThat(r.y1()).isLessThan(riskTop);
        }
    }

    @Test
    void noneLabelsEachCurveAtItsEndWithItsLineType() {
        SvgDoc svg = SvgDoc.parse(Examples.veteranByCelltype().with(LegendPosition.NONE).svg());
        assertThat(svg.byClass("legend-label")).isEmpty();
        assertThat(svg.byClass("direct-label")).extracting(Element::getTextContent)
                .containsExactly("adeno", "large", "smallcell", "squamous");
        assertThat(LineTypesTest.dashes(svg, "direct-label-key")).isEqualTo(LineTypesTest.dashes(svg, "km-curve"));
        assertThat(svg.byClass("test-result")).as("the test stays, inside the plot").hasSize(1);
        double axisEnd = xAxisEnd(svg);
        for (Rect r : TextBoxes.of(svg, "direct-label", "direct-label-key")) {
            assertThat(r.x0()).isGreaterThan(axisEnd);
        }
    }

    @Test
    void directLabelsOfCurvesEndingTogetherArePushedApart() {
        // three curves end at the same height: the labels keep their order, a line apart, inside the plot
        List<DirectLabels.Label> labels = List.of(new DirectLabels.Label("a", "A", "#000000", LineType.SOLID, 100),
                new DirectLabels.Label("b", "B", "#000000", LineType.DASHED, 100),
                new DirectLabels.Label("c", "C", "#000000", LineType.DOTTED, 40));
        double[] y = DirectLabels.centres(labels, 10, 105);
        assertThat(y[2]).isEqualTo(40);
        assertThat(y[1] - y[0]).isGreaterThanOrEqualTo(Style.LINE - 1e-9);
        assertThat(y[1] + Style.LINE / 2).isLessThanOrEqualTo(105 + 1e-9);
        assertThat(y[0] - y[2]).isGreaterThanOrEqualTo(Style.LINE - 1e-9);
    }

    private static double xAxisEnd(SvgDoc svg) {
        Element line = svg.byClass("axis-line").get(1);
        return Math.max(SvgDoc.num(line, "x1"), SvgDoc.num(line, "x2"));
    }

    static void assertLaidOut(SvgDoc svg, String what) {
        Element root = svg.doc.getDocumentElement();
        String[] box = root.getAttribute("viewBox").split(" ");
        Rect figure = new Rect(0, 0, Double.parseDouble(box[2]), Double.parseDouble(box[3]));
        List<Rect> boxes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        var all = svg.doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < all.getLength(); i++) {
            Element t = (Element) all.item(i);
            if (t.hasAttribute("transform") || t.getTextContent().isBlank()) {
                continue; // the rotated survival-axis title
            }
            boxes.add(TextBoxes.of(t));
            names.add(t.getAttribute("class") + " '" + t.getTextContent() + "'");
        }
        for (String keyClass : List.of("legend-key", "direct-label-key")) {
            for (Element k : svg.byClass(keyClass)) {
                boxes.add(TextBoxes.ofLine(k).inflate(0.5));
                names.add(keyClass + " " + k.getAttribute("data-group"));
            }
        }
        for (int i = 0; i < boxes.size(); i++) {
            assertThat(figure.contains(boxes.get(i))).as(what + ": " + names.get(i) + " " + boxes.get(i)
                    + " inside " + figure).isTrue();
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).intersects(boxes.get(j))).as(what + ": " + names.get(i) + " overlaps "
                        + names.get(j)).isFalse();
            }
        }
    }
}

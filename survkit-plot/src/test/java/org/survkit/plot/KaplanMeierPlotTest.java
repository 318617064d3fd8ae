package org.survkit.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.survkit.stats.km.GroupCurve;
import org.survkit.stats.km.KaplanMeier;
import org.survkit.stats.km.SurvivalCurve;
import org.survkit.stats.logrank.LogRankTest;
import org.w3c.dom.Element;

class KaplanMeierPlotTest {

    /** Coordinates are written to 0.01 pt; ticks fitted from rounded ends add a little more. */
    private static final double TOL = 0.02;

    @Test
    void lungBySexIsWellFormedWithOneCurvePerGroup() {
        SvgDoc svg = SvgDoc.parse(Examples.lungBySex().svg());
        assertThat(svg.doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.doc.getDocumentElement().getAttribute("width")).isEqualTo("170mm");
        assertThat(svg.byClass("km-curve")).hasSize(2);
        assertThat(svg.byClass("legend-label")).extracting(Element::getTextContent)
                .containsExactly("Male (n = 138, 112 events)", "Female (n = 90, 53 events)");
        // R 4.2.2 survival 3.5-3: survdiff(Surv(time, status) ~ sex, data = lung): p = 0.00131
        assertThat(svg.byClass("test-result")).singleElement().extracting(Element::getTextContent)
                .isEqualTo("Log-rank p = 0.00131");
        assertThat(svg.byClass("legend-title")).singleElement().extracting(Element::getTextContent).isEqualTo("Sex");
    }

    @Test
    void timeTicksAndRiskTableCellsLineUp() {
        KaplanMeierPlot plot = Examples.lungBySex();
        SvgDoc svg = SvgDoc.parse(plot.svg());
        List<Element> ticks = svg.byClass("x-tick");
        assertThat(ticks).extracting(e -> e.getAttribute("data-value")).containsExactly("0", "200", "400", "600", "800",
                "1000");
        assertThat(svg.byClass("x-tick-label")).hasSize(6);
        assertThat(svg.byClass("risk-cell")).hasSize(2 * 6);
        assertThat(svg.byClass("risk-label")).extracting(Element::getTextContent).containsExactly("Male", "Female");
        for (GroupCurve g : plot.allCurves()) {
            List<Element> cells = svg.byClass("risk-cell", g.group());
            assertThat(cells).hasSize(ticks.size());
            for (int k = 0; k < ticks.size(); k++) {
                double t = Double.parseDouble(ticks.get(k).getAttribute("data-value"));
                int expected = (int) g.curve().at(t).get(0).nRisk();
                assertThat(cells.get(k).getTextContent()).as(g.group() + " at " + t).isEqualTo(Integer.toString(expected));
                assertThat(SvgDoc.num(cells.get(k), "x")).as("column under tick " + t)
                        .isCloseTo(SvgDoc.num(ticks.get(k), "x1"), within(1e-9));
                assertThat(cells.get(k).getAttribute("text-anchor")).isEqualTo("middle");
            }
        }
        // R 4.2.2 survival 3.5-3: summary(survfit(Surv(time, status) ~ sex, lung), times = c(0, 200, ..., 1000))$n.risk
        assertThat(svg.byClass("risk-cell", "1")).extracting(Element::getTextContent)
                .containsExactly("138", "78", "31", "13", "6", "2");
        assertThat(svg.byClass("risk-cell", "2")).extracting(Element::getTextContent)
                .containsExactly("90", "66", "26", "11", "2", "0");
    }

    @Test
    void stepVerticesSitAtTheCurveValues() {
        KaplanMeierPlot plot = Examples.veteranByCelltype();
        SvgDoc svg = SvgDoc.parse(plot.svg());
        Scale sx = svg.axis("x-tick", "x1");
        Scale sy = svg.axis("y-tick", "y1");
        assertThat(svg.byClass("km-curve")).hasSize(4);
        for (GroupCurve g : plot.allCurves()) {
            List<double[]> v = SvgDoc.vertices(svg.byClass("km-curve", g.group()).get(0).getAttribute("d"));
            assertThat(v.get(0)[0]).isCloseTo(sx.map(0), within(TOL));
            assertThat(v.get(0)[1]).as("starts at S = 1").isCloseTo(sy.map(1), within(TOL));
            for (int i = 1; i < v.size(); i++) {
                boolean horizontal = v.get(i)[1] == v.get(i - 1)[1];
                boolean vertical = v.get(i)[0] == v.get(i - 1)[0];
                assertThat(horizontal ^ vertical).as("steps are horizontal or vertical").isTrue();
                assertThat(v.get(i)[0]).as("time runs forward").isGreaterThanOrEqualTo(v.get(i - 1)[0]);
                assertThat(v.get(i)[1]).as("survival never rises (y grows downward)").isGreaterThanOrEqualTo(v.get(i - 1)[1]);
            }
            SurvivalCurve c = g.curve();
            double[] t = c.time();
            double[] s = c.survival();
            double[] d = c.nEvent();
            for (int i = 0; i < t.length; i++) {
                if (d[i] == 0) {
                    continue;
                }
                double x = sx.map(t[i]);
                double before = i == 0 ? 1 : s[i - 1];
                // right-continuous: at t_i the path is at S(t_i-) and drops vertically to S(t_i)
                assertThat(hasVertex(v, x, sy.map(before))).as(g.group() + " corner before the drop at " + t[i]).isTrue();
                assertThat(hasVertex(v, x, sy.map(s[i]))).as(g.group() + " S(" + t[i] + ") = " + s[i]).isTrue();
            }
            double[] last = v.get(v.size() - 1);
            assertThat(last[0]).as("ends at the last observation").isCloseTo(sx.map(t[t.length - 1]), within(TOL));
        }
    }

    private static boolean hasVertex(List<double[]> v, double x, double y) {
        return v.stream().anyMatch(p -> Math.abs(p[0] - x) < TOL && Math.abs(p[1] - y) < TOL);
    }

    @Test
    void oneCensorMarkPerDistinctCensoringTime() {
        KaplanMeierPlot plot = Examples.lungBySex();
        SvgDoc svg = SvgDoc.parse(plot.svg());
        Scale sx = svg.axis("x-tick", "x1");
        Scale sy = svg.axis("y-tick", "y1");
        for (GroupCurve g : plot.allCurves()) {
            double[] nc = g.curve().nCensor();
            long expected = Arrays.stream(nc).filter(n -> n > 0).count();
            Element marks = svg.byClass("censor-marks", g.group()).get(0);
            assertThat(marks.getAttribute("data-count")).isEqualTo(Long.toString(expected));
            String d = marks.getAttribute("d");
            assertThat(SvgDoc.commands(d, 'h')).as("one '+' = one horizontal stroke").isEqualTo((int) expected);
            assertThat(SvgDoc.commands(d, 'v')).isEqualTo((int) expected);
            // the first mark's centre is on the curve at its time
            int first = 0;
            while (nc[first] == 0) {
                first++;
            }
            List<double[]> v = SvgDoc.vertices(d);
            double cx = v.get(0)[0] + 2.2;
            double cy = v.get(0)[1];
            assertThat(cx).isCloseTo(sx.map(g.curve().time()[first]), within(TOL));
            assertThat(cy).isCloseTo(sy.map(g.curve().survival()[first]), within(TOL));
        }
        SvgDoc ticks = SvgDoc.parse(plot.with(CensorMark.TICK).svg());
        assertThat(SvgDoc.commands(ticks.byClass("censor-marks", "1").get(0).getAttribute("d"), 'h')).isZero();
        SvgDoc none = SvgDoc.parse(plot.withCensorMarks(false).svg());
        assertThat(none.byClass("censor-marks")).isEmpty();
    }

    @Test
    void hostileGroupNamesAreEscaped() {
        String script = "<script>alert(1)</script>";
        String amp = "Surgery & \"radiation\" 'only'";
        String control = "bell\u0007 and >";
        double[] time = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        boolean[] event = {true, false, true, true, false, true, true, true, false};
        String[] group = {script, script, script, amp, amp, amp, control, control, control};
        List<GroupCurve> curves = KaplanMeier.withDefaults().fit(time, event, group);
        KaplanMeierPlot plot = KaplanMeierPlot.of(curves).withTitle("A <b>bold</b> & risky title")
                .withLegendTitle("x < y").withTest(LogRankTest.withDefaults().test(time, event, group));
        String text = plot.svg();
        SvgDoc svg = SvgDoc.parse(text);
        assertThat(svg.countTag("script")).isZero();
        assertThat(svg.countTag("b")).isZero();
        assertThat(text).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        String all = svg.allText();
        assertThat(all).contains(script, amp, "A <b>bold</b> & risky title", "x < y", "bell\uFFFD and >");
        assertThat(svg.byClass("km-curve")).extracting(e -> e.getAttribute("data-group"))
                .containsExactlyInAnyOrder(script, amp, control.replace('\u0007', '\uFFFD'));
        assertThat(svg.byClass("risk-label")).extracting(Element::getTextContent).contains(script, amp);
        // Batik parses it too
        assertThat(plot.png(72)).isNotEmpty();
    }

    @Test
    void aPairKeepsItsColoursAndNeedsTheTestOnThePair() {
        SvgDoc all = SvgDoc.parse(Examples.veteranByCelltype().svg());
        SvgDoc pair = SvgDoc.parse(Examples.veteranPair("adeno", "large").svg());
        assertThat(pair.byClass("km-curve")).hasSize(2);
        assertThat(pair.byClass("risk-cell")).hasSize(2 * pair.byClass("x-tick").size());
        for (String g : List.of("adeno", "large")) {
            assertThat(pair.byClass("km-curve", g).get(0).getAttribute("stroke"))
                    .isEqualTo(all.byClass("km-curve", g).get(0).getAttribute("stroke"));
        }
        // the 4-group test is not the pair's test
        KaplanMeierPlot wrong = Examples.veteranByCelltype().withGroups("adeno", "large");
        assertThatThrownBy(wrong::svg).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[adeno, large]").hasMessageContaining("withPValue");
        // an adjusted pairwise p-value given explicitly
        SvgDoc adjusted = SvgDoc.parse(Examples.veteranByCelltype().withGroups("adeno", "large")
                .withPValue("Log-rank, Holm-adjusted", 0.0042).svg());
        assertThat(adjusted.byClass("test-result").get(0).getTextContent()).isEqualTo("Log-rank, Holm-adjusted p = 0.00420");
        assertThatThrownBy(() -> Examples.veteranByCelltype().withGroups("adeno", "nope"))
                .hasMessageContaining("no group 'nope'");
    }

    @Test
    void optionsShowAndHideTheirParts() {
        KaplanMeierPlot base = Examples.lungBySex();
        SvgDoc plain = SvgDoc.parse(base.svg());
        assertThat(plain.byClass("ci-band")).isEmpty();
        assertThat(plain.byClass("median-line")).isEmpty();
        assertThat(plain.byClass("y-tick-label")).extracting(Element::getTextContent).containsExactly("0.0", "0.2",
                "0.4", "0.6", "0.8", "1.0");
        assertThat(plain.allText()).contains("Survival probability", "Time (days)", "Number at risk");

        SvgDoc rich = SvgDoc.parse(base.withConfidenceBands(true).withMedianLines(true).with(SurvivalScale.PERCENT)
                .withTitle("Overall survival").svg());
        assertThat(rich.byClass("ci-band")).hasSize(2);
        // one horizontal guide at 50 % and one vertical per median reached (both are in lung by sex)
        assertThat(rich.byClass("median-line")).hasSize(3);
        assertThat(rich.byClass("y-tick-label")).extracting(Element::getTextContent).containsExactly("0", "20", "40",
                "60", "80", "100");
        assertThat(rich.allText()).contains("Survival (%)", "Overall survival", "95% pointwise CI (log-log)");
        Scale sx = rich.axis("x-tick", "x1");
        double medianMale = base.allCurves().get(0).curve().median().estimate(); // 270 days (R print(survfit))
        assertThat(medianMale).isEqualTo(270);
        assertThat(rich.byClass("median-line")).anySatisfy(
                e -> assertThat(SvgDoc.num(e, "x1")).isCloseTo(sx.map(270), within(TOL)));

        SvgDoc noTable = SvgDoc.parse(base.withRiskTable(false).svg());
        assertThat(noTable.byClass("risk-cell")).isEmpty();
        assertThat(noTable.allText()).doesNotContain("Number at risk");
    }

    @Test
    void bandsFollowTheConfidenceLimits() {
        KaplanMeierPlot plot = Examples.lungBySex().withConfidenceBands(true);
        SvgDoc svg = SvgDoc.parse(plot.svg());
        Scale sx = svg.axis("x-tick", "x1");
        Scale sy = svg.axis("y-tick", "y1");
        SurvivalCurve c = plot.allCurves().get(0).curve();
        List<double[]> v = SvgDoc.vertices(svg.byClass("ci-band", "1").get(0).getAttribute("d"));
        int i = 10; // a row in the middle of the curve
        assertThat(hasVertex(v, sx.map(c.time()[i + 1]), sy.map(c.upper()[i]))).isTrue();
        assertThat(hasVertex(v, sx.map(c.time()[i]), sy.map(c.lower()[i]))).isTrue();
    }

    @Test
    void horizonAndBreaksCutTheAxis() {
        KaplanMeierPlot plot = Examples.lungBySex().withHorizon(730).withBreaks(0, 182.5, 365, 547.5, 730);
        SvgDoc svg = SvgDoc.parse(plot.svg());
        assertThat(svg.byClass("x-tick-label")).extracting(Element::getTextContent).containsExactly("0", "182.5",
                "365", "547.5", "730");
        Scale sx = svg.axis("x-tick", "x1");
        for (Element curve : svg.byClass("km-curve")) {
            for (double[] p : SvgDoc.vertices(curve.getAttribute("d"))) {
                assertThat(p[0]).isLessThanOrEqualTo(sx.map(730) + TOL);
            }
        }
        SvgDoc interval = SvgDoc.parse(Examples.lungBySex().withBreakInterval(90).svg());
        assertThat(interval.byClass("x-tick")).extracting(e -> e.getAttribute("data-value")).startsWith("0", "90", "180")
                .endsWith("990");
        assertThat(interval.byClass("risk-cell")).hasSize(2 * 12);
    }

    @Test
    void aSingleUngroupedCurveAndAnEmptyGroupAreDrawn() {
        double[] time = {0, 0, 2, 3, 5};
        boolean[] event = {true, false, true, false, false};
        SurvivalCurve c = KaplanMeier.withDefaults().fit(time, event);
        List<GroupCurve> one = new ArrayList<>(List.of(new GroupCurve("all", c)));
        SvgDoc svg = SvgDoc.parse(KaplanMeierPlot.of(one).svg());
        List<double[]> v = SvgDoc.vertices(svg.byClass("km-curve").get(0).getAttribute("d"));
        Scale sy = svg.axis("y-tick", "y1");
        assertThat(v.get(0)[0]).isEqualTo(v.get(1)[0]); // the drop at time 0 is vertical at the start
        assertThat(v.get(1)[1]).isCloseTo(sy.map(0.8), within(TOL));
        assertThat(svg.byClass("test-result")).isEmpty();
        assertThat(svg.allText()).contains("all (n = 5, 2 events)");
    }

    @Test
    void rejectsBadOptions() {
        KaplanMeierPlot p = Examples.lungBySex();
        assertThatThrownBy(() -> p.withHorizon(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withBreakInterval(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withBreaks()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withPValue("x", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.with(Palette.of("red"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KaplanMeierPlot.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withGroupLabels(Map.of()).withGroups("1", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void legendIsPlacedClearOfTheCurves() {
        for (KaplanMeierPlot plot : List.of(Examples.lungBySex(), Examples.veteranByCelltype(),
                Examples.gbsgByHormon().withConfidenceBands(true), Examples.lungBySex().withMedianLines(true))) {
            SvgDoc svg = SvgDoc.parse(plot.svg());
            Element key = svg.byClass("legend-key").get(0);
            double top = SvgDoc.num(key, "y1") - 6;
            double left = SvgDoc.num(key, "x1");
            double bottom = svg.byClass("test-result").stream().mapToDouble(e -> SvgDoc.num(e, "y")).max().orElseThrow() + 2;
            double right = left + svg.byClass("legend-label").stream()
                    .mapToDouble(e -> 18 + TextMetrics.width(e.getTextContent(), Style.FONT)).max().orElseThrow();
            Rect legend = new Rect(left, top, right, bottom);
            for (Element curve : svg.byClass("km-curve")) {
                List<double[]> v = SvgDoc.vertices(curve.getAttribute("d"));
                for (int i = 1; i < v.size(); i++) {
                    Rect seg = Rect.of(v.get(i - 1)[0], v.get(i - 1)[1], v.get(i)[0], v.get(i)[1]);
                    assertThat(seg.inflate(0.5).intersects(legend)).as(plot + " segment " + i).isFalse();
                }
            }
        }
    }
}
